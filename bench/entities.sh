#!/usr/bin/env bash
# Entity extraction accuracy, newsfacet beside compromise (npm), same text, same run.
#
#   bench/entities.sh [--misses N]
#
# (a) PER (and ORG) mention precision/recall/F1 on CoNLL-2003 eng.testb (and eng.testa);
# (b) country facet document-level P/R/F1 against Reuters-21578 `places`
#     (training split gold), with the "every gazetteer mention" baseline, and
#     recall of Reuters' gold `people` among person facet values;
# (c) event facet precision per type on tests/data/events_eval.jsonl, and
#     earnings/acquisition coverage of Reuters results tables and takeovers.
# Needs ../shared/corpora; exits 0 with a message without it.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/corpora
usage() { sed -n '2,12s/^# \{0,1\}//p' "$0"; }
misses=0
while (($#)); do
  case $1 in
    --misses) misses=${2:-15}; shift $(($# > 1 ? 2 : 1)) ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/entities.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [[ ! -d $shared/conll2003 || ! -d $shared/reuters21578 ]]; then
  echo "bench/entities: skipped: $shared (CoNLL-2003 and Reuters-21578) is not on this machine"
  exit 0
fi

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench --target entity_eval newsfacet -j"$(nproc)" >/dev/null 2>&1 || { echo "bench/entities: build failed (cmake --build build-bench --target entity_eval newsfacet)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund compromise@14 >/dev/null 2>&1)
export COMPROMISE_DIR=$work/node_modules/compromise

reuters=("$shared"/reuters21578/reuters-*.jsonl)
{
  for split in testb testa; do
    build-bench/entity_eval conll "$shared/conll2003/eng.$split" --misses "$misses" > "$work/nf-$split.json"
    build-bench/entity_eval tagger "$shared/conll2003/eng.$split" > "$work/tagger-$split.json"
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
print("ORG mentions, CoNLL-2003 (exact spans; the extractor's organisations)")
for split in ("testb", "testa"):
    print(row(f"newsfacet   eng.{split}", load(f"nf-{split}")["org"]))
nf, cmp = load("nf-reuters"), load("cmp-reuters")
print(f"Countries, Reuters-21578 training split ({nf['documents']} stories, gold `places`)")
print(row("newsfacet   salient countries", nf["salient_countries"]))
print(row("every gazetteer mention baseline", nf["every_mention_baseline"]))
print(row("compromise  places()", cmp["countries"]))
print(f"  newsfacet recall of gold people among person facets: {nf['people_recall']:.1f} ({nf['people_gold']} gold)")
print("Name tagger alone, CoNLL-2003 (exact spans, sentence by sentence)")
for split in ("testb", "testa"):
    t = load(f"tagger-{split}")
    print(f"  eng.{split}  " + "  ".join(f"{k.upper()} F1 {t[k]['f1']:5.1f}" for k in ("per", "org", "loc", "misc")))
if misses:
    for name in ("nf-testb",):
        d = load(name)
        print("Top PER false positives (testb):", d.get("top_false_positives"))
        print("Top PER false negatives (testb):", d.get("top_false_negatives"))
    print("Top country false positives:", nf.get("top_false_positive_countries"))
    print("Top country false negatives:", nf.get("top_false_negative_countries"))
    print("Top missed people:", nf.get("top_missed_people"))
summary = {"conll_testb_per": load("nf-testb")["per"], "conll_testb_org": load("nf-testb")["org"], "tagger_testb": load("tagger-testb"), "compromise_conll_testb_per": load("cmp-testb")["per"],
           "reuters_countries": nf["salient_countries"], "reuters_baseline": nf["every_mention_baseline"],
           "compromise_reuters_countries": cmp["countries"], "reuters_people_recall": nf["people_recall"]}
print("JSON " + json.dumps(summary))
PY

# Event facet: precision per type on the hand-judged articles of
# tests/data/events_eval.jsonl (tuning half, held-out half, all), the miss
# rate on its no-event half, precision on the held-out and tuning samples
# drawn after it (events_heldout.jsonl, events_dev.jsonl), and how many
# Reuters results tables and takeover headlines get earnings and acquisition.
cmake --build build-bench --target event_eval -j"$(nproc)" >/dev/null 2>&1 || { echo "bench/entities: build failed (cmake --build build-bench --target event_eval)" >&2; exit 2; }
for split in tune test all; do
  build-bench/event_eval tests/data/events_eval.jsonl "$shared" --split "$split" > "$work/ev-$split.json"
done
for sample in heldout dev; do
  build-bench/event_eval "tests/data/events_$sample.jsonl" "$shared" --split all > "$work/ev-$sample.json"
done
build-bench/event_eval --coverage "${reuters[@]}" > "$work/ev-coverage.json"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
print("Events, tests/data/events_eval.jsonl (BBC + Reuters, judged by reading)")
for split in ("tune", "test", "all"):
    r = json.load(open(f"{work}/ev-{split}.json"))
    o = r["overall"]
    print(f"  {split:<5} {r['articles']:>3} articles  precision {o['precision']:5.1f} ({o['correct']}/{o['reported']})"
          f"  recall {r['recall']:5.1f}  no-event half miss rate {r['no_event_half_miss_rate']:5.1f}"
          f" ({r['no_event_half_judged_events']} judged events)")
r = json.load(open(f"{work}/ev-all.json"))
for event, c in sorted(r["by_type"].items(), key=lambda kv: -kv[1]["reported"]):
    print(f"    {event:<18} {c['precision']:5.1f}  ({c['correct']}/{c['reported']})")
for sample in ("heldout", "dev"):
    r = json.load(open(f"{work}/ev-{sample}.json"))
    o = r["overall"]
    print(f"  tests/data/events_{sample}.jsonl: {r['articles']} articles  precision {o['precision']:5.1f}"
          f" ({o['correct']}/{o['reported']})  recall {r['recall']:5.1f}  types with 10+: " +
          ", ".join(f"{k} {v['precision']:.1f}" for k, v in r["by_type"].items() if v["reported"] >= 10))
c = json.load(open(f"{work}/ev-coverage.json"))
print(f"  Reuters: results tables with earnings {c['results_table_with_earnings_pct']:.1f}% of {c['results_table_stories']},"
      f" takeover headlines with acquisition {c['takeover_title_with_acquisition_pct']:.1f}% of {c['takeover_title_stories']}")
print("  Reuters stories per event: " + ", ".join(f"{k} {v}" for k, v in sorted(c["stories_with"].items(), key=lambda kv: -kv[1])))
PY

# The people facet as a user sees it on all of Reuters: the 100 most frequent
# values (written to build-bench/people-top100.txt, to be read for
# non-persons), and how many of the stories that name Reagan carry Ronald Reagan.
mkdir "$work/reuters"
ln -s "$(cd "$shared/reuters21578" && pwd)"/reuters-*.jsonl "$work/reuters/"
# Exit status 1: some articles were refused (Reuters has one empty story); 2 and above: failure.
build-bench/newsfacet index "$work/reuters" --index "$work/reuters-index" --quiet || (($? == 1))
build-bench/newsfacet entities --index "$work/reuters-index" --facet people --limit 100 > build-bench/people-top100.txt
reagan_facet=$(build-bench/newsfacet search --index "$work/reuters-index" --person "Ronald Reagan" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["value"])')
reagan_text=$(build-bench/newsfacet search --index "$work/reuters-index" reagan --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["value"])')
echo "People facet, all of Reuters: top 100 in build-bench/people-top100.txt;" \
  "Ronald Reagan on $reagan_facet of the $reagan_text stories matching 'reagan'"
