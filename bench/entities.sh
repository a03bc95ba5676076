#!/usr/bin/env bash
# Entity extraction accuracy, newsfacet beside compromise (npm), same text, same run.
#
#   bench/entities.sh [--misses N]
#
# (a) PER mention precision/recall/F1 on CoNLL-2003 eng.testb (and eng.testa);
# (b) country facet document-level P/R/F1 against Reuters-21578 `places`
#     (training split gold), with the "every gazetteer mention" baseline, and
#     recall of Reuters' gold `people` among person facet values.
# Needs ../shared/corpora; exits 0 with a message without it.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/corpora
misses=0
if [[ "${1:-}" == "--misses" ]]; then misses=${2:-15}; fi
if [[ ! -d $shared/conll2003 || ! -d $shared/reuters21578 ]]; then
  echo "bench/entities: skipped: $shared (CoNLL-2003 and Reuters-21578) is not on this machine"
  exit 0
fi

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target entity_eval -j"$(nproc)" >/dev/null 2>&1 || { echo "bench/entities: build failed (cmake --build build-bench --target entity_eval)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund compromise@14 >/dev/null 2>&1)
export COMPROMISE_DIR=$work/node_modules/compromise

reuters=("$shared"/reuters21578/reuters-*.jsonl)
{
  for split in testb testa; do
    build-bench/entity_eval conll "$shared/conll2003/eng.$split" --misses "$misses" > "$work/nf-$split.json"
    node bench/compromise_eval.mjs conll "$shared/conll2003/eng.$split" > "$work/cmp-$split.json"
  done
  build-bench/entity_eval reuters "$shared/reuters21578/gold-train.jsonl" "$shared/reuters21578/all-places-strings.lc.txt" \
    "${reuters[@]}" --misses "$misses" > "$work/nf-reuters.json"
  node bench/compromise_eval.mjs reuters "$shared/reuters21578/gold-train.jsonl" \
    "$shared/reuters21578/all-places-strings.lc.txt" schemas/data/countries.json "${reuters[@]}" > "$work/cmp-reuters.json"
}

python3 - "$work" "$misses" <<'PY'
import json, sys
work, misses = sys.argv[1], int(sys.argv[2])
load = lambda name: json.load(open(f"{work}/{name}.json"))
row = lambda label, s: f"  {label:<34} P {s['precision']:5.1f}  R {s['recall']:5.1f}  F1 {s['f1']:5.1f}"
print("PER mentions, CoNLL-2003 (exact spans)")
for split in ("testb", "testa"):
    print(row(f"newsfacet   eng.{split}", load(f"nf-{split}")["per"]))
    print(row(f"compromise  eng.{split}", load(f"cmp-{split}")["per"]))
nf, cmp = load("nf-reuters"), load("cmp-reuters")
print(f"Countries, Reuters-21578 training split ({nf['documents']} stories, gold `places`)")
print(row("newsfacet   salient countries", nf["salient_countries"]))
print(row("every gazetteer mention baseline", nf["every_mention_baseline"]))
print(row("compromise  places()", cmp["countries"]))
print(f"  newsfacet recall of gold people among person facets: {nf['people_recall']:.1f} ({nf['people_gold']} gold)")
if misses:
    for name in ("nf-testb",):
        d = load(name)
        print("Top PER false positives (testb):", d.get("top_false_positives"))
        print("Top PER false negatives (testb):", d.get("top_false_negatives"))
    print("Top country false positives:", nf.get("top_false_positive_countries"))
    print("Top country false negatives:", nf.get("top_false_negative_countries"))
    print("Top missed people:", nf.get("top_missed_people"))
summary = {"conll_testb_per": load("nf-testb")["per"], "compromise_conll_testb_per": load("cmp-testb")["per"],
           "reuters_countries": nf["salient_countries"], "reuters_baseline": nf["every_mention_baseline"],
           "compromise_reuters_countries": cmp["countries"], "reuters_people_recall": nf["people_recall"]}
print("JSON " + json.dumps(summary))
PY
