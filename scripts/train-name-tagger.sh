#!/usr/bin/env bash
# Trains the name tagger's model, schemas/data/name_tagger.bin, from the
# openly licensed labelled data in ../shared/corpora/ner-open (CC BY; see
# schemas/data/NOTICE.md). Deterministic: the same data give the same bytes,
# which tests/name_tagger_model_test.sh checks.
#
#   scripts/train-name-tagger.sh [--out FILE] [--build DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=schemas/data/name_tagger.bin
build=build
while (($#)); do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "train-name-tagger: unknown argument $1" >&2; exit 2 ;;
  esac
done
data=${NER_OPEN_DIR:-../shared/corpora/ner-open}
if [[ ! -d $data ]]; then
  echo "train-name-tagger: $data (the ner-open corpora) is not here" >&2
  exit 3
fi
[[ -x $build/train_name_tagger ]] || cmake --build "$build" --target train_name_tagger >/dev/null
# The order is part of the recipe: it fixes the shuffle and so the bytes.
# WNUT 2017 is left out: with it, PER F1 on CoNLL eng.testa fell by 0.4.
"$build"/train_name_tagger --out "$out" --epochs 12 --seed 1 \
  "$data"/wikigold/wikigold.conll.txt \
  "$data"/sec-filings/FIN5.txt "$data"/sec-filings/FIN3.txt \
  "$data"/btc/a.conll "$data"/btc/b.conll "$data"/btc/e.conll "$data"/btc/f.conll "$data"/btc/g.conll "$data"/btc/h.conll
