#!/usr/bin/env bash
# Runs one libFuzzer target of tests/fuzz/ for SECONDS (clang, with
# AddressSanitizer and UndefinedBehaviorSanitizer), built into build-fuzz/
# (scripts/lib/sanitized_build.bash: the build the sanitized suite uses).
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: text_reader, json_reader,
#                                      html_reader, text_decoding,
#                                      request_params, search_query, or all
#
# Seeds come from corpus/ (and ../shared/seeds when present); what the
# fuzzer learns stays in build-fuzz/corpus/TARGET for the next run, and a
# crashing input is written to build-fuzz/crashes/ (exit status 1).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(text_reader json_reader html_reader text_decoding request_params search_query)
if (($# != 2)); then
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS (targets: ${targets[*]})" >&2
  exit 2
fi
if [[ "$1" != all ]]; then targets=("$1"); fi
seconds=$2

source scripts/lib/sanitized_build.bash
configure_sanitized_build
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzzer}"

seed_files() {
  case "$1" in
    text_reader) find corpus -name '*.txt' ;;
    json_reader) find corpus tests/data -name '*.json' -o -name '*.jsonl' ;;
    html_reader) find corpus -name '*.html' ;;
    text_decoding) find corpus -type f | head -50 ;;
    request_params | search_query) ;;
  esac
}

mkdir -p build-fuzz/crashes
# Undefined behaviour is a crash like any other (the build also has
# -fno-sanitize-recover=undefined): it stops the fuzzer and fails CI.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}
# Leaks are not failures, neither per input (-detect_leaks=0 below) nor at
# exit: Xapian's QueryParser (1.4) leaks an object on some malformed queries
# ('-titlZS NEAR titrlee:krn:"An-dr'), inside the library. The sanitized
# suite ignores leaks for the same reason.
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
for target in "${targets[@]}"; do
  seeds=build-fuzz/seeds/$target corpus_dir=build-fuzz/corpus/$target
  mkdir -p "$seeds" "$corpus_dir"
  seed_files "$target" | while read -r file; do cp "$file" "$seeds/"; done
  if [[ "$target" == request_params ]]; then
    printf 'q=karlov&person=andrei-karlov&from=2016-01&to=2016-12-31&sort=date&limit=10' >"$seeds/search"
    printf 'prefix=an&limit=5&q=%%22art+exhibition%%22&country=TR&facets=people,events' >"$seeds/facets"
  fi
  if [[ "$target" == search_query ]]; then
    printf 'karlov AND (ambassador OR "art exhibition") -tennis\nperson=andrei-karlov\nsort=date' >"$seeds/boolean"
    printf 'title:kremli* NEAR putin person:"Andrei Karlov" country:TR event:assassination' >"$seeds/fields"
  fi
  echo "fuzzing $target for ${seconds}s" >&2
  "build-fuzz/${target}_fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=60 -rss_limit_mb=2048 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/${target}-" "$corpus_dir" "$seeds"
done
