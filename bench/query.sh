#!/usr/bin/env bash
# Query benchmark: `newsfacet serve` under wrk at 1, 8 and 64 connections on
# the Reuters-21578 corpus, with facets and snippets, its memory over the run,
# and the same queries through the bare engine (no facets, snippets or HTTP).
# See bench/README.md, "Query benchmark".
#
#   bench/query.sh [--long] [--seconds N] [--params 'a=b&c=d'] [--index DIR] [--prebuilt]
#                  [--articles N]
#
# --articles N benchmarks N synthetic articles instead of Reuters, made by
# ../shared/tools/synth-corpus (real sentences) and indexed and compacted
# once, both cached in the build directory (synth-N/, synth-N-index/).
# --long runs each level for 60 s (default 10 s); --seconds N for N s.
# --params appends parameters to every search (histogram=auto, collapse=false)
# so that two runs compare them; --index DIR keeps the index there (built
# when missing) so that such runs search the same one. --prebuilt uses the
# newsfacet and bare_query already built in the build directory as they are
# (any build type) instead of configuring it for Release and building.
# Environment: NEWSFACET_CORPORA (default ../shared/corpora beside the repo),
# NEWSFACET_BENCH_BUILD (default build-bench/ in the repo), TMPDIR.
set -euo pipefail

usage() { sed -n '2,18s/^# \{0,1\}//p' "$0"; }

SECONDS_PER_LEVEL=10
EXTRA_PARAMS=
KEEP_INDEX=
PREBUILT=
SYNTHETIC=
while (($#)); do
  case $1 in
    --long) SECONDS_PER_LEVEL=60 ;;
    --seconds) SECONDS_PER_LEVEL=${2:?--seconds needs a number}; shift ;;
    --params) EXTRA_PARAMS=${2:?--params needs parameters}; shift ;;
    --index) KEEP_INDEX=${2:?--index needs a directory}; shift ;;
    --prebuilt) PREBUILT=1 ;;
    --articles) SYNTHETIC=${2:?--articles needs a number}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/query.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[[ $SECONDS_PER_LEVEL =~ ^[0-9]+$ ]] && ((SECONDS_PER_LEVEL > 0 && SECONDS_PER_LEVEL <= 600)) ||
  { echo "bench/query.sh: --seconds must be 1 to 600" >&2; exit 2; }

[[ -z $SYNTHETIC || ( $SYNTHETIC =~ ^[0-9]+$ && $SYNTHETIC -ge 1000 ) ]] ||
  { echo "bench/query.sh: --articles must be a number of at least 1000" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CORPORA=${NEWSFACET_CORPORA:-$ROOT/../shared/corpora}
BUILD_DIR=${NEWSFACET_BENCH_BUILD:-$ROOT/build-bench}
REUTERS=$CORPORA/reuters21578
SYNTH_TOOL=$ROOT/../shared/tools/synth-corpus
if [[ -n $SYNTHETIC && ! -x $SYNTH_TOOL ]]; then
  echo "bench/query.sh: skipped: no $SYNTH_TOOL (../shared/tools is absent)"
  exit 0
fi
if [[ -z $SYNTHETIC ]] && ! compgen -G "$REUTERS/reuters-*.jsonl" >/dev/null; then
  echo "bench/query.sh: skipped: no $REUTERS/reuters-*.jsonl (../shared/corpora is absent)"
  exit 0
fi
for tool in wrk python3 cmake curl; do
  command -v "$tool" >/dev/null || { echo "bench/query.sh: needs $tool (Debian: apt-get install $tool)" >&2; exit 1; }
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ -n $PREBUILT ]]; then
  log "using newsfacet and bare_query as built in $BUILD_DIR"
else
  log "building newsfacet and bare_query (Release) in $BUILD_DIR"
  mkdir -p "$BUILD_DIR"
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >"$BUILD_DIR/query-bench.log" 2>&1 &&
    cmake --build "$BUILD_DIR" --target newsfacet bare_query -j"$(nproc)" >>"$BUILD_DIR/query-bench.log" 2>&1 ||
    { tail -n 40 "$BUILD_DIR/query-bench.log" >&2; exit 1; }
fi
NEWSFACET=$BUILD_DIR/newsfacet
BARE=$BUILD_DIR/bare_query

WORK=$(mktemp -d -t newsfacet-query-bench.XXXXXX)
source bench/lib/server_cleanup.bash

# --- index ------------------------------------------------------------------
CORPUS_NAME=Reuters
TITLE_FILES=("$REUTERS"/reuters-*.jsonl)
INDEX=$WORK/index
if [[ -n $SYNTHETIC ]]; then
  CORPUS_NAME=synthetic
  SOURCE=$BUILD_DIR/synth-$SYNTHETIC
  if ! compgen -G "$SOURCE/*.jsonl" >/dev/null; then
    log "writing $SYNTHETIC synthetic articles to $SOURCE (once)"
    "$SYNTH_TOOL" "$SYNTHETIC" "$SOURCE.partial" >&2 && mv "$SOURCE.partial" "$SOURCE"
  fi
  ARTICLES_DIR=$SOURCE
  TITLE_FILES=("$SOURCE"/*.jsonl)
  TITLE_FILES=("${TITLE_FILES[@]:0:3}")  # the query mix's words: three files are plenty
  INDEX=$BUILD_DIR/synth-$SYNTHETIC-index
else
  ARTICLES_DIR=$WORK/reuters
  mkdir "$ARTICLES_DIR"
  ln -s "$REUTERS"/reuters-*.jsonl "$ARTICLES_DIR/"
fi
if [[ -n $KEEP_INDEX ]]; then
  INDEX=$(realpath -m "$KEEP_INDEX")
  [[ -e $INDEX/XAPIANDB ]] && log "searching the index in $INDEX"
fi
if [[ ! -e $INDEX/XAPIANDB || -e $INDEX.partial ]]; then
  touch "$INDEX.partial"  # removed once indexed and compacted: a cached index is whole
  log "indexing $(ls "$ARTICLES_DIR" | wc -l) $CORPUS_NAME files into $INDEX"
  "$NEWSFACET" index "$ARTICLES_DIR" --index "$INDEX" --quiet || [[ $? == 1 ]]  # one empty story is refused
  # Searched as a user is told to leave it after indexing (README, "newsfacet compact").
  "$NEWSFACET" compact --index "$INDEX" >/dev/null
  rm -f "$INDEX.partial"
fi

# --- queries ----------------------------------------------------------------
# A fixed, realistic mix: words and phrases from the corpus's own titles,
# boolean and wildcard queries, each with and without facet filters taken
# from the index's own most frequent values, and filter-only browsing.
"$NEWSFACET" entities --index "$INDEX" --facet people --limit 20 --json >"$WORK/people.json"
"$NEWSFACET" entities --index "$INDEX" --facet countries --limit 20 --json >"$WORK/countries.json"
"$NEWSFACET" entities --index "$INDEX" --facet events --limit 10 --json >"$WORK/events.json" || true
python3 bench/query_mix.py "$WORK" "$EXTRA_PARAMS" "${TITLE_FILES[@]}"
QUERIES=$(wc -l <"$WORK/queries.txt")
cp "$WORK/queries.txt" "$BUILD_DIR/query-bench-queries.txt"  # for bench/query_cpu.py

# --- server -----------------------------------------------------------------
start_server "$INDEX" bench/query.sh
log "serving at $URL"
ARTICLES=$(curl -s "$URL/api/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["articles"])')
# Searches count from slots on disk until the server has read its facet
# columns (searcher/column_store.h): measure the steady state.
columns_bytes() { curl -s "$URL/api/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("facet_columns_bytes", 0))'; }
for ((waited = 0; waited < 300; waited++)); do
  [[ $(columns_bytes) != 0 ]] && break
  sleep 1
done
log "facet columns: $(columns_bytes) bytes, read within ${waited} s of start"

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status"; }
# This machine is shared: other people's compilers take cores from the
# server and from wrk alike. So each level starts in a quiet second if one
# comes within 30 s, and reports how much CPU the rest of the machine took
# meanwhile (the flag says which figures to distrust).
machine_ticks() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat; }
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
wait_for_quiet() {
  local waited=0 before after
  while ((waited < 30)); do
    before=($(machine_ticks)); sleep 1; after=($(machine_ticks)); waited=$((waited + 1))
    (( (after[0] - before[0]) * 10 < (after[1] - before[1]) )) && return 0
  done
  log "WARNING: the machine stayed busy (over 10%) for 30 s; measuring anyway"
}
# Every second, the server's resident memory, for the whole run.
(while kill -0 "$SERVER_PID" 2>/dev/null; do echo "$(date +%s) $(rss_kb)"; sleep 1; done) >"$WORK/rss.log" &
SAMPLER_PID=$!

log "warming up"
wrk -t2 -c8 -d3s -s "$WORK/queries.lua" "$URL" >/dev/null

declare -A RESULT
for connections in 1 8 64; do
  threads=$((connections < 2 ? 1 : 2))
  log "wrk: $connections connection(s), $threads thread(s), ${SECONDS_PER_LEVEL}s"
  wait_for_quiet
  rss_before=$(rss_kb)
  machine_before=($(machine_ticks))
  server_before=$(process_ticks "$SERVER_PID")
  wrk -t"$threads" -c"$connections" -d"${SECONDS_PER_LEVEL}s" --timeout 5s --latency -s "$WORK/queries.lua" "$URL" \
    >"$WORK/wrk-$connections.txt" &
  wrk_pid=$!
  wrk_ticks=0
  while kill -0 "$wrk_pid" 2>/dev/null; do  # its own CPU, read while it still exists
    ticks=$(process_ticks "$wrk_pid"); ((ticks > wrk_ticks)) && wrk_ticks=$ticks
    sleep 0.2
  done
  wait "$wrk_pid"
  machine_after=($(machine_ticks))
  server_ticks=$(($(process_ticks "$SERVER_PID") - server_before))
  rss_after=$(rss_kb)
  busy=$((machine_after[0] - machine_before[0]))
  capacity=$((machine_after[1] - machine_before[1]))
  others=$(( (busy - server_ticks - wrk_ticks) * 100 / (capacity > 0 ? capacity : 1) ))
  ((others < 0)) && others=0
  flag=$( ((others > 10)) && echo " ⚠" || true)
  out=$WORK/wrk-$connections.txt
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  requests=$(awk '/requests in/ {print $1}' "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")
  socket=$(sed -n 's/^ *Socket errors: //p' "$out")
  server_cpu=$(( server_ticks * 100 / (capacity > 0 ? capacity : 1) ))
  RESULT[$connections]="| $connections | $rps | $p50 | $p99 | $requests | ${non2xx:-0} | ${socket:-none} | $((rss_before / 1024)) → $((rss_after / 1024)) | $server_cpu% | $others%$flag |"
done

log "bare engine: the same $QUERIES queries, top 10, no facets/snippets/HTTP, ${SECONDS_PER_LEVEL}s"
wait_for_quiet
BARE_LINE=$("$BARE" "$INDEX" "$WORK/queries.txt" "$SECONDS_PER_LEVEL")

kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
RSS_SUMMARY=$(awk 'NF == 2 && $2 > 0 {n++; v[n] = $2; if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2}
  END {if (n) printf "%d samples over %d s: first %.0f MB, min %.0f MB, max %.0f MB, last %.0f MB", n, n, v[1]/1024, min/1024, max/1024, v[n]/1024}' \
  "$WORK/rss.log")
RSS_SERIES=$(awk 'NF == 2 && $2 > 0 {n++; if (n % 10 == 1) printf "%s%.0f", (n > 1 ? " " : ""), $2 / 1024}' "$WORK/rss.log")
echo
echo "Query benchmark: $ARTICLES $CORPUS_NAME articles, $QUERIES queries (facets + snippets on${EXTRA_PARAMS:+, $EXTRA_PARAMS}), $(nproc) cores, ${SECONDS_PER_LEVEL}s per level"
echo
echo "| connections | req/s | p50 | p99 | requests | non-2xx | socket errors | server RSS MB (start → end) | server CPU | others' CPU |"
echo "|---:|---:|---:|---:|---:|---:|---|---|---:|---:|"
for connections in 1 8 64; do echo "${RESULT[$connections]}"; done
echo
echo "CPU columns: share of the whole machine ($(nproc) cores) during the level; ⚠: other processes took over 10%."
echo "Server RSS, sampled every second over the whole run: $RSS_SUMMARY"
echo "Server RSS every 10 s, MB: $RSS_SERIES"
echo "$BARE_LINE"
