#!/usr/bin/env bash
# Indexing benchmark: newsfacet (jemalloc, system malloc, one shard, text only) against
# omindex (Xapian Omega) and SQLite FTS5, on the BBC and Reuters-21578
# corpora in ../shared/corpora. See bench/README.md.
#
#   bench/index.sh [--quick] [--no-wait]
#
# --quick runs every tool once instead of three times. Before each run the
# script waits (up to 30 s) for other processes to leave the machine idle;
# --no-wait skips that.
# Environment: NEWSFACET_CORPORA (default ../shared/corpora beside the repo),
# NEWSFACET_BENCH_BUILD (default build-bench/ in the repo), TMPDIR (where the
# indexes are written).
set -euo pipefail

usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }

REPEATS=3
WAIT_IDLE=30
for arg in "$@"; do
  case $arg in
    --quick) REPEATS=1 ;;
    --no-wait) WAIT_IDLE=0 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/index.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CORPORA=${NEWSFACET_CORPORA:-$ROOT/../shared/corpora}
BUILD_DIR=${NEWSFACET_BENCH_BUILD:-$ROOT/build-bench}

if [[ ! -d $CORPORA ]]; then
  echo "bench/index.sh: skipped: no corpora at $CORPORA (../shared/corpora is absent)"
  exit 0
fi

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- work area -------------------------------------------------------------
WORK=$(mktemp -d -t newsfacet-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Both Xapian-based tools run with Xapian's default flush threshold.
unset XAPIAN_FLUSH_THRESHOLD

# --- tools -----------------------------------------------------------------
apt_install() {  # PACKAGE...
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "bench/index.sh: needs the Debian packages: $*; install them (as root: apt-get install $*)" >&2
      exit 1
    fi
  fi
  log "installing $*"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}
missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v omindex >/dev/null || missing+=(xapian-omega)
command -v xapian-delve >/dev/null || missing+=(xapian-tools)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then apt_install "${missing[@]}"; fi
# The interpreter itself, not a wrapper (pyenv's shim costs ~0.1 s a start).
PYTHON=$(python3 -c 'import sys; print(sys.executable)')
"$PYTHON" -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")' ||
  { echo "bench/index.sh: python3's sqlite3 has no FTS5" >&2; exit 1; }

log "building newsfacet (Release) in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >"$WORK/build.log" 2>&1 ||
  { cat "$WORK/build.log" >&2; exit 1; }
cmake --build "$BUILD_DIR" --target newsfacet newsfacet_system_malloc -j"$(nproc)" >>"$WORK/build.log" 2>&1 ||
  { tail -n 40 "$WORK/build.log" >&2; exit 1; }
NEWSFACET=$BUILD_DIR/newsfacet
NEWSFACET_SYSTEM=$BUILD_DIR/newsfacet_system_malloc
JEMALLOC_LINKED=false
if [[ $(ldd "$NEWSFACET") == *libjemalloc* ]]; then
  JEMALLOC_LINKED=true
else
  log "WARNING: jemalloc was not found at configure time; 'newsfacet' uses the system malloc too"
fi

RESULTS=$WORK/results.tsv
FAILURES=$WORK/failures.tsv
: >"$FAILURES"
printf 'corpus\ttool\trun\twall_s\tcpu_s\trss_kb\tindex_bytes\tarticles\tinput_bytes\tother_cpu_s\n' >"$RESULTS"

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds the whole machine has spent busy since boot (user, nice,
# system, irq, softirq), from /proc/stat.
busy_cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat
}
# How busy the machine is without us: sampled over 3 s before the runs (the
# load average would still count our own build).
IDLE_BUSY_START=$(busy_cpu_seconds)
sleep 3
IDLE_BUSY_PCT=$(awk -v a="$IDLE_BUSY_START" -v b="$(busy_cpu_seconds)" -v n="$(nproc)" \
  'BEGIN {printf "%.0f", (b - a) / (3 * n) * 100}')
LOAD_BEFORE=$(load_average)
log "before the runs: ${IDLE_BUSY_PCT}% of $(nproc) cores busy with other work, load average $LOAD_BEFORE;" \
  "indexes written under $WORK ($(df -PT "$WORK" | awk 'NR==2 {print $2}'))"
((IDLE_BUSY_PCT < 20)) || log "WARNING: the machine is busy; figures will be noisy and slow"

# run_timed OUT_PREFIX COMMAND...: runs COMMAND with its stdout and stderr in
# OUT_PREFIX.out/.err; sets WALL (s, from the clock), CPU (user+sys s) and
# RSS_KB (peak resident set, from GNU time), OTHER (CPU s the rest of the
# machine used meanwhile) and RC (exit status).
run_timed() {
  local prefix=$1 start end busy_start
  shift
  busy_start=$(busy_cpu_seconds)
  start=$(date +%s%N)
  RC=0
  /usr/bin/time -o "$prefix.time" -f '%M %U %S' "$@" >"$prefix.out" 2>"$prefix.err" || RC=$?
  end=$(date +%s%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')
  read -r RSS_KB user sys < <(tail -n 1 "$prefix.time")
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
  # What the rest of the machine used meanwhile (other engineers' builds...).
  OTHER=$(awk -v a="$busy_start" -v b="$(busy_cpu_seconds)" -v c="$CPU" 'BEGIN {x = b - a - c; printf "%.2f", x < 0 ? 0 : x}')
}

# A run that failed is reported, left out of the figures, and makes the
# script exit 1 at the end; the other tools are still measured.
run_failed() {  # CORPUS TOOL RUN PREFIX
  local reason
  reason=$(grep -o 'terminated by signal [0-9]*' "$4.time" || true)
  [[ -n $reason ]] || reason="exit status $RC"
  log "$1 $2 run $3 FAILED ($reason):"
  cat "$4.err" "$4.out" | head -n 20 | sed 's/^/    /' >&2
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$reason" >>"$FAILURES"
  rm -rf "$WORK/out-$1-$2-$3"
}

# Waits up to WAIT_IDLE seconds for a second in which other processes use
# under 10% of the machine (this is a shared machine: someone's build would
# halve a run's speed).
wait_for_idle() {
  local waited=0 before busy
  while ((waited < WAIT_IDLE)); do
    before=$(busy_cpu_seconds)
    sleep 1
    busy=$(awk -v a="$before" -v b="$(busy_cpu_seconds)" -v n="$(nproc)" 'BEGIN {printf "%d", (b - a) / n * 100}')
    ((busy >= 10)) || break
    waited=$((waited + 1))
  done
  if ((waited >= WAIT_IDLE && WAIT_IDLE > 0)); then
    log "the machine is still busy after ${WAIT_IDLE}s of waiting; measuring anyway"
  elif ((waited > 0)); then
    log "waited ${waited}s for the machine to be idle"
  fi
}

# One measurement: TOOL is one of newsfacet, newsfacet-system-malloc,
# newsfacet-1-shard, newsfacet-no-entities, omindex, omindex-flush500, fts5. Appends a row to $RESULTS.
measure() {  # CORPUS TOOL RUN
  local corpus=$1 tool=$2 run=$3 src=${SRC[$1]} out=$WORK/out-$1-$2-$3 articles
  local prefix=$WORK/log-$1-$2-$3
  case $tool in
    newsfacet | newsfacet-system-malloc | newsfacet-1-shard | newsfacet-no-entities)
      local bin=$NEWSFACET options=()
      [[ $tool == newsfacet-system-malloc ]] && bin=$NEWSFACET_SYSTEM
      [[ $tool == newsfacet-1-shard ]] && options=(--shards 1)
      [[ $tool == newsfacet-no-entities ]] && options=(--no-entities)
      run_timed "$prefix" "$bin" index "$src" --index "$out" "${options[@]}" --json --quiet
      # 1 = some articles were refused (Reuters has one empty story); 2+ = failure.
      if ((RC > 1)); then run_failed "$corpus" "$tool" "$run" "$prefix"; return; fi
      articles=$("$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1]))["added"])' "$prefix.out")
      ;;
    omindex | omindex-flush500)
      # Same analysis as newsfacet (English stemming, STEM_SOME, positions);
      # -M: the format from the extension, not libmagic; -p: no sweep for
      # deleted files; -e index: no warning per empty brief.
      # omindex-flush500: with the flush threshold newsfacet sets for itself,
      # to show how much of the difference is that setting.
      local flush=()
      [[ $tool == omindex-flush500 ]] && flush=(env XAPIAN_FLUSH_THRESHOLD=500)
      run_timed "$prefix" "${flush[@]}" omindex --db "$out" --url / --follow --overwrite --no-delete \
        --empty-docs=index --mime-type=txt:text/plain "${OMINDEX_SRC[$corpus]}"
      if ((RC != 0)); then run_failed "$corpus" "$tool" "$run" "$prefix"; return; fi
      articles=$(xapian-delve "$out" | awk -F' = ' '/^number of documents/ {print $2}')
      ;;
    fts5)
      mkdir "$out"
      run_timed "$prefix" "$PYTHON" "$ROOT/bench/fts5_index.py" "$out/articles.db" "$src"
      if ((RC != 0)); then run_failed "$corpus" "$tool" "$run" "$prefix"; return; fi
      articles=$("$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1]))["articles"])' "$prefix.out")
      ;;
  esac
  local size
  size=$(du -sb "$out" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$tool" "$run" "$WALL" "$CPU" "$RSS_KB" \
    "$size" "$articles" "${INPUT_BYTES[$corpus]}" "$OTHER" >>"$RESULTS"
  log "$corpus $tool run $run: ${WALL}s wall, ${CPU}s cpu, $((RSS_KB / 1024)) MB peak," \
    "$((size / 1048576)) MB index, $articles articles; other processes: ${OTHER}s cpu"
  rm -rf "$out"
}

# --- corpora ---------------------------------------------------------------
# SRC: what newsfacet and FTS5 read (symbolic links to exactly the indexed
# files); OMINDEX_SRC: the same articles as one .txt per article.
declare -A SRC OMINDEX_SRC INPUT_BYTES
CORPUS_NAMES=()

if [[ -d $CORPORA/bbc ]]; then
  # The five topic folders, not the READMEs beside them.
  mkdir -p "$WORK/src/bbc"
  for dir in "$CORPORA"/bbc/*/; do ln -s "${dir%/}" "$WORK/src/bbc/"; done
  SRC[bbc]=$WORK/src/bbc
  OMINDEX_SRC[bbc]=$WORK/src/bbc
  INPUT_BYTES[bbc]=$(find -L "$WORK/src/bbc" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  CORPUS_NAMES+=(bbc)
  printf 'bbc\t%s\t%s\n' "${INPUT_BYTES[bbc]}" "${INPUT_BYTES[bbc]}" >>"$WORK/corpora.tsv"
else
  log "skipping bbc: $CORPORA/bbc is absent"
fi

if compgen -G "$CORPORA/reuters21578/reuters-*.jsonl" >/dev/null; then
  # Only the stories: not gold-train.jsonl, not the README.
  mkdir -p "$WORK/src/reuters21578" "$WORK/src/reuters21578-txt"
  ln -s "$CORPORA"/reuters21578/reuters-*.jsonl "$WORK/src/reuters21578/"
  SRC[reuters21578]=$WORK/src/reuters21578
  OMINDEX_SRC[reuters21578]=$WORK/src/reuters21578-txt
  INPUT_BYTES[reuters21578]=$(find -L "$WORK/src/reuters21578" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  # For omindex: title line, blank line, maintext; one folder per .jsonl.
  # Untimed. Stories with neither title nor text are left out, as
  # newsfacet and fts5_index.py leave them out.
  "$PYTHON" - "$WORK/src/reuters21578" "$WORK/src/reuters21578-txt" <<'EOF'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    folder = os.path.join(dst, name[:-len(".jsonl")])
    os.mkdir(folder)
    with open(os.path.join(src, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            a = json.loads(line)
            title, text = (a.get("title") or "").strip(), (a.get("maintext") or "").strip()
            if not title and not text:
                continue
            with open(os.path.join(folder, "%05d.txt" % n), "w", encoding="utf-8") as out:
                out.write(title + "\n\n" + text + "\n")
EOF
  CORPUS_NAMES+=(reuters21578)
  printf 'reuters21578\t%s\t%s\n' "${INPUT_BYTES[reuters21578]}" \
    "$(find "$WORK/src/reuters21578-txt" -type f -printf '%s\n' | awk '{s += $1} END {print s}')" >>"$WORK/corpora.tsv"
else
  log "skipping reuters21578: no $CORPORA/reuters21578/reuters-*.jsonl"
fi

if ((${#CORPUS_NAMES[@]} == 0)); then
  echo "bench/index.sh: skipped: neither bbc nor reuters21578 is in $CORPORA"
  exit 0
fi

# Every tool then reads from the page cache, not the disk.
find -L "${SRC[@]}" "${OMINDEX_SRC[@]}" -type f -exec cat {} + >/dev/null

# --- runs ------------------------------------------------------------------
TOOLS=(newsfacet newsfacet-system-malloc newsfacet-1-shard)
# Text only, as omindex and FTS5 index it: what entity extraction costs.
if "$NEWSFACET" index --help | grep -q -- --no-entities; then TOOLS+=(newsfacet-no-entities); fi
TOOLS+=(omindex omindex-flush500 fts5)
RUNS_BUSY_START=$(busy_cpu_seconds)
RUNS_START=$(date +%s%N)
for corpus in "${CORPUS_NAMES[@]}"; do
  for ((run = 1; run <= REPEATS; run++)); do
    # Rotate the order each round, so no tool always runs first.
    for ((i = 0; i < ${#TOOLS[@]}; i++)); do
      wait_for_idle
      measure "$corpus" "${TOOLS[(i + run - 1) % ${#TOOLS[@]}]}" "$run"
    done
  done
done

LOAD_AFTER=$(load_average)
# The machine's busy CPU time during the runs, less what the measured runs
# used themselves: other processes (and this script's own bookkeeping).
OTHER_CPU=$(awk -v a="$RUNS_BUSY_START" -v b="$(busy_cpu_seconds)" -v f="$RESULTS" \
  'BEGIN {while ((getline line < f) > 0) {split(line, x, "\t"); if (x[5] ~ /^[0-9.]+$/) own += x[5]}
          printf "%.1f", b - a - own}')
RUNS_WALL=$(awk -v a="$RUNS_START" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')

# --- report ----------------------------------------------------------------
"$PYTHON" - "$RESULTS" "$FAILURES" "$WORK/corpora.tsv" "$REPEATS" "$LOAD_BEFORE" "$LOAD_AFTER" "$(nproc)" \
  "$JEMALLOC_LINKED" "$IDLE_BUSY_PCT" "$OTHER_CPU" "$RUNS_WALL" <<'EOF'
import csv, datetime, json, statistics, sys

(path, failures_path, corpora_path, repeats, load_before, load_after, cores, jemalloc, idle_busy_pct, other_cpu,
 runs_wall) = sys.argv[1:]
rows = list(csv.DictReader(open(path), delimiter="\t"))
failures = list(csv.reader(open(failures_path), delimiter="\t"))  # corpus, tool, run, reason
corpora = {c: (int(a), int(b)) for c, a, b in csv.reader(open(corpora_path), delimiter="\t")}
TOOLS = ["newsfacet", "newsfacet-system-malloc", "newsfacet-1-shard", "newsfacet-no-entities", "omindex",
         "omindex-flush500", "fts5"]
RATIOS = {  # name: (numerator, denominator)
    "omindex_s/newsfacet_s": ("omindex", "newsfacet"),
    "fts5_s/newsfacet_s": ("fts5", "newsfacet"),
    "system_malloc_s/jemalloc_s": ("newsfacet-system-malloc", "newsfacet"),
    "1_shard_s/default_shards_s": ("newsfacet-1-shard", "newsfacet"),
    "entities_s/no_entities_s": ("newsfacet", "newsfacet-no-entities"),
    "omindex_s/no_entities_s": ("omindex", "newsfacet-no-entities"),
    "omindex_flush500_s/newsfacet_s": ("omindex-flush500", "newsfacet"),
}
# The same comparisons round by round: the median of each round's ratio,
# between runs minutes apart at most, is the steadiest figure on a machine
# whose speed drifts.
PAIRED_RATIOS = {"omindex_s/newsfacet_s_paired": ("omindex", "newsfacet"),
                 "entities_s/no_entities_s_paired": ("newsfacet", "newsfacet-no-entities")}
# The same comparison in CPU seconds: steadier than wall time on a shared
# machine, where a neighbour can slow one run and not the next.
CPU_RATIOS = {"entities_cpu/no_entities_cpu": ("newsfacet", "newsfacet-no-entities")}
summary = {"benchmark": "index", "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "repeats": int(repeats), "cores": int(cores), "jemalloc_linked": jemalloc == "true",
           "load_before": load_before, "load_after": load_after, "busy_before_pct": int(idle_busy_pct),
           "other_cpu_s": float(other_cpu), "runs_wall_s": float(runs_wall),
           "failures": [{"corpus": c, "tool": t, "run": int(r), "reason": why} for c, t, r, why in failures],
           "corpora": {}}

for corpus, (input_bytes, omindex_bytes) in corpora.items():
    figures, failed = {}, {}
    for tool in TOOLS:
        runs = [r for r in rows if r["corpus"] == corpus and r["tool"] == tool]
        reasons = sorted({why for c, t, _, why in failures if c == corpus and t == tool})
        if reasons:
            failed[tool] = "; ".join(reasons)
        if not runs:
            continue
        # Runs during which the rest of the machine used over 10% of it are
        # "noisy"; the figures are over the clean runs when there is one.
        is_clean = lambda r: float(r["other_cpu_s"]) <= 0.1 * float(r["wall_s"]) * int(cores)
        clean = [r for r in runs if is_clean(r)]
        used = clean or runs
        med = lambda key: statistics.median(float(r[key]) for r in used)
        seconds = med("wall_s")
        articles = int(med("articles"))
        figures[tool] = {
            "seconds": round(seconds, 3),
            "runs_seconds": [float(r["wall_s"]) for r in runs],
            "runs_other_cpu_s": [float(r["other_cpu_s"]) for r in runs],
            "clean_runs": len(clean),
            "cpu_seconds": round(med("cpu_s"), 2),
            "articles": articles,
            "articles_per_s": round(articles / seconds, 1),
            "mb_per_s": round(input_bytes / 1e6 / seconds, 2),
            "peak_rss_mb": round(med("rss_kb") / 1024, 1),
            "index_mb": round(med("index_bytes") / 1e6, 1),
        }
    ratios = {name: round(figures[a]["seconds"] / figures[b]["seconds"], 2) if a in figures and b in figures else None
              for name, (a, b) in RATIOS.items()}
    ratios.update({name: round(figures[a]["cpu_seconds"] / figures[b]["cpu_seconds"], 2)
                   if a in figures and b in figures and figures[b]["cpu_seconds"] > 0 else None
                   for name, (a, b) in CPU_RATIOS.items()})
    for name, (a, b) in PAIRED_RATIOS.items():
        by_run = lambda tool: {r["run"]: float(r["wall_s"]) for r in rows if r["corpus"] == corpus and r["tool"] == tool}
        num, den = by_run(a), by_run(b)
        pairs = [num[run] / den[run] for run in num if run in den and den[run] > 0]
        ratios[name] = round(statistics.median(pairs), 2) if pairs else None
    summary["corpora"][corpus] = {"input_mb": round(input_bytes / 1e6, 2), "omindex_input_mb": round(omindex_bytes / 1e6, 2),
                                  "tools": figures, "failed": failed, "ratios": ratios}

    print(f"\n== {corpus}: {input_bytes / 1e6:.1f} MB of input, median of {repeats} run(s) ==")
    if omindex_bytes != input_bytes:
        print(f"(omindex reads the same articles as {omindex_bytes / 1e6:.1f} MB of .txt files; "
              "MB/s is over the corpus' own bytes for every tool)")
    header = (f"{'tool':<24} {'seconds':>8} {'clean':>5} {'all runs s':>21} {'cpu s':>6} {'articles/s':>10} "
              f"{'MB/s':>6} {'peak RSS MB':>11} {'index MB':>8}")
    print(header)
    print("-" * len(header))
    for tool in TOOLS:
        f = figures.get(tool)
        if f:
            all_runs = " ".join((f"{x:.1f}" if x >= 10 else f"{x:.2f}") + ("" if o <= 0.1 * x * int(cores) else "*")
                                for x, o in zip(f["runs_seconds"], f["runs_other_cpu_s"]))
            clean_runs = f"{f['clean_runs']}/{len(f['runs_seconds'])}"
            print(f"{tool:<24} {f['seconds']:>8.2f} {clean_runs:>5} {all_runs:>21} {f['cpu_seconds']:>6.2f} "
                  f"{f['articles_per_s']:>10.0f} {f['mb_per_s']:>6.2f} {f['peak_rss_mb']:>11.1f} {f['index_mb']:>8.1f}"
                  + (f"  (some runs FAILED: {failed[tool]})" if tool in failed else ""))
        elif tool in failed:
            print(f"{tool:<24} FAILED: {failed[tool]}")
    if any(f["clean_runs"] < len(f["runs_seconds"]) for f in figures.values()):
        print("* = a noisy run: other processes used over 10% of the machine meanwhile. A row's figures are the\n"
              "    median of its clean runs, or of all its runs when none was clean (clean 0/N: distrust it).")
    counts = {f["articles"] for f in figures.values()}
    if len(counts) > 1:
        print("NOTE: the tools indexed different numbers of articles: " +
              ", ".join(f"{t} {f['articles']}" for t, f in figures.items()))
    print("ratios (>1 means newsfacet, or its default, is faster; *_cpu: over CPU seconds):")
    for name, value in ratios.items():
        print(f"  {name:<28} {'n/a' if value is None else f'{value:.2f}'}")

print(f"\nmachine: {cores} cores; {idle_busy_pct}% busy before the runs; load average before {load_before}, "
      f"after {load_after}; CPU used by anything but the measured runs: {other_cpu} s over {runs_wall} s")
print("BENCH_INDEX_JSON " + json.dumps(summary, separators=(",", ":")))
EOF

if [[ -s $FAILURES ]]; then
  echo "bench/index.sh: $(wc -l <"$FAILURES") run(s) FAILED (see above); their figures are missing" >&2
  exit 1
fi
