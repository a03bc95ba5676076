#!/usr/bin/env bash
# The shipped name tagger model is what scripts/train-name-tagger.sh makes
# from ner-open, byte for byte. Skips (exit 0, saying so) without the data.
set -euo pipefail
source_dir=$1 build_dir=$2
data=${NER_OPEN_DIR:-$source_dir/../shared/corpora/ner-open}
if [[ ! -d $data ]]; then
  echo "name_tagger_model_test: skipped: $data is not on this machine"
  exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
NER_OPEN_DIR=$data "$source_dir"/scripts/train-name-tagger.sh --out "$out" --build "$build_dir"
if ! cmp -s "$out" "$source_dir"/schemas/data/name_tagger.bin; then
  echo "name_tagger_model_test: schemas/data/name_tagger.bin differs from what scripts/train-name-tagger.sh makes" >&2
  exit 1
fi
echo "name_tagger_model_test: the shipped model is reproducible"
