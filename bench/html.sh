#!/usr/bin/env bash
# The HTML reader's main text, scored on trafilatura's evaluation set, and
# HTML indexing speed.
#
#   bench/html.sh [TESTS_DIR] [--baseline REV] [--misses]
#
# TESTS_DIR holds trafilatura's tests/evaldata.json, tests/eval/ and
# tests/cache/. Without it the pages are read from the git mirror that
# `fetch github:adbar/trafilatura` leaves in /work/.mirror/adbar+trafilatura
# (NEWSFACET_TRAFILATURA_GIT=DIR to point elsewhere), unpacked into a
# temporary directory; the pages are never copied into this repository.
# Without either, it prints a message and exits 0.
#
# It prints, for all 990 pages and for the "dev" and "holdout" splits
# (bench/html_eval.cc says how pages are split), the must/must-not snippet
# counts, precision, recall and F1 as trafilatura's tests/eval_common.py
# computes them, and the reader's pages/s (decode + parse + extract).
#
# It builds in Release mode in build-bench/ (NEWSFACET_BENCH_BUILD=DIR to
# change it). With --baseline REV (a commit, e.g. the one before a change),
# it also builds REV's reader and REV's newsfacet (in BUILD/baseline-REV)
# and prints both side by side: F1 and reader pages/s of each, and
# `newsfacet index` pages/s of each on the same 990 pages, the two tools
# alternating, three runs each, medians.
set -euo pipefail
cd "$(dirname "$0")/.."
tests_dir=""
baseline=""
misses=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) baseline=${2:?--baseline needs a commit}; shift 2 ;;
    --misses) misses=--misses; shift ;;
    *) tests_dir=$1; shift ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -z $tests_dir ]]; then
  git_dir=${NEWSFACET_TRAFILATURA_GIT:-/work/.mirror/adbar+trafilatura/repo}
  if ! git --git-dir="$git_dir" rev-parse --verify -q HEAD:tests/evaldata.json >/dev/null 2>&1; then
    echo "bench/html: skipped: no trafilatura evaluation set (pass TESTS_DIR, or fetch github:adbar/trafilatura)"
    exit 0
  fi
  git --git-dir="$git_dir" archive HEAD tests/evaldata.json tests/eval tests/cache | tar -x -C "$work"
  tests_dir=$work/tests
  echo "trafilatura evaluation set: $git_dir at $(git --git-dir="$git_dir" rev-parse --short HEAD)"
fi
if [[ ! -f $tests_dir/evaldata.json ]]; then
  echo "bench/html: skipped: $tests_dir/evaldata.json not found"
  exit 0
fi

bench_build=${NEWSFACET_BENCH_BUILD:-build-bench}
if [[ ! -f $bench_build/CMakeCache.txt ]]; then
  cmake -S . -B "$bench_build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$bench_build" --target html_eval newsfacet -j"$(nproc)" >/dev/null 2>&1 ||
  { echo "bench/html: build failed (cmake --build $bench_build --target html_eval newsfacet)" >&2; exit 2; }

report() {  # label, html_eval binary
  for split in all dev holdout; do
    "$2" "$tests_dir" --split "$split" --repeat 3 | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("  {0:<10} {split:<8} pages {pages:4}  tp {tp:4} fp {fp:4} fn {fn:4} tn {tn:4}"
      "  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  reader {pages_per_second:6.0f} pages/s"
      .format(sys.argv[1], **d))
' "$1"
  done
}

echo "Main text, must/must-not snippets (trafilatura's scoring):"
report newsfacet "$bench_build/html_eval"
if [[ -n $misses ]]; then "$bench_build/html_eval" "$tests_dir" --misses 2>&1 >/dev/null | head -200; fi
[[ -z $baseline ]] && exit 0

# ---- The baseline: REV's reader and REV's newsfacet --------------------
rev=$(git rev-parse --short "$baseline")
base=$bench_build/baseline-$rev
if [[ ! -x $base/build/newsfacet ]]; then
  mkdir -p "$base/src"
  git archive "$rev" | tar -x -C "$base/src"
  cmake -S "$base/src" -B "$base/build" -DCMAKE_BUILD_TYPE="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$bench_build/CMakeCache.txt")" >/dev/null
  cmake --build "$base/build" --target newsfacet -j"$(nproc)" >/dev/null 2>&1 ||
    { echo "bench/html: build of $rev failed" >&2; exit 2; }
fi
# This html_eval against REV's reader: html_reader.h's interface is unchanged
# (REV has the folders of ARCHITECTURE.md: includes from the source root).
base_libs=()
for layer in indexer analysis store common; do
  [[ -f $base/build/libnewsfacet_$layer.a ]] && base_libs+=("$base/build/libnewsfacet_$layer.a")
done
# shellcheck disable=SC2046
c++ -std=c++20 -O2 -DNDEBUG -I "$base/src" \
  $(pkg-config --cflags libxml-2.0) bench/html_eval.cc "${base_libs[@]}" \
  $(pkg-config --libs libxml-2.0 xapian-core icu-uc icu-i18n libzstd) -lpthread -o "$base/html_eval"
report "$rev" "$base/html_eval"

# ---- Indexing speed: the same pages, each tool three times, alternating --
pages=$work/pages
mkdir -p "$pages"
find "$tests_dir/eval" "$tests_dir/cache" -name '*.html' -exec cp -t "$pages" {} +
count=$(find "$pages" -name '*.html' | wc -l)
cat "$pages"/*.html >/dev/null
index_seconds() {  # newsfacet binary -> seconds of one fresh index run
  rm -rf "$work/index"
  local out
  out=$("$1" index "$pages" --index "$work/index" --json --quiet || true)
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])["seconds"])' "$out"
}
new_runs=() old_runs=()
for _ in 1 2 3; do
  new_runs+=("$(index_seconds "$bench_build/newsfacet")")
  old_runs+=("$(index_seconds "$base/build/newsfacet")")
done
python3 - "$count" "$rev" "${new_runs[*]}" "${old_runs[*]}" <<'PY'
import statistics, sys
count, rev = int(sys.argv[1]), sys.argv[2]
new = statistics.median(map(float, sys.argv[3].split()))
old = statistics.median(map(float, sys.argv[4].split()))
print(f"newsfacet index, {count} pages, median of 3 (seconds: now {sys.argv[3]}; {rev} {sys.argv[4]}):")
print(f"  {'now':<8}{count / new:7.0f} pages/s")
print(f"  {rev:<8}{count / old:7.0f} pages/s   (now takes {new / old:.2f}x the time)")
PY
