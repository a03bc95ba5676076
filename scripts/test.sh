#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, end to end,
# HTTP, browser, installation and package). Tests that need ../shared/ skip,
# saying so, without it. Under CI (CI=true) compiler warnings are errors.
#
#   scripts/test.sh              the suite, from build/
#   scripts/test.sh --sanitize   the suite built with AddressSanitizer and
#                                UndefinedBehaviorSanitizer (clang), in
#                                build-fuzz/, the fuzz targets' build
#                                (every finding stops the test that made it)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
werror=OFF
if [[ "${CI:-}" == true ]]; then werror=ON; fi
if [[ "${1:-}" == "--sanitize" ]]; then
  source scripts/lib/sanitized_build.bash
  configure_sanitized_build
  # What the tests run; the bench tools are built (and warned about) by the plain build.
  cmake --build "$SANITIZED_BUILD_DIR" -j"$(nproc)" --target newsfacet unit_tests e2e_tests
  cd "$SANITIZED_BUILD_DIR"
  # Left out, to keep CI's time in bounds (each runs in the plain suite):
  # the loops that kill or fail the indexer at every rename, fsync and
  # write (each run again under strace, minutes at sanitizer speed) and the
  # 40 racing creations, whose code every other indexing test runs once;
  # the model's retraining, installation and the Debian package (they
  # would retrain, install and package the sanitized build); and the
  # browser tests (Chromium's time, against the server the HTTP tests cover).
  # Leaks at exit are not failures here: Xapian and ICU keep caches for the
  # process's life. Every other finding aborts the process that made it
  # (-fno-sanitize-recover, halt_on_error) with SIGABRT, which fails its
  # test: UBSan would otherwise exit 1, which some tests expect of newsfacet.
  # The sanitizers' reports also go to sanitizer-reports/, and any report
  # there fails the suite: a test that expects a failing exit, or stops a
  # server without looking at its exit status, would otherwise take the
  # abort for success.
  left_out='^(web_browser|debian_package|install_relocatable|name_tagger_model)$'
  left_out+='|killed at any rename|whose fsyncs fail|whose writes fail|indexers racing'
  left_out+='|within five times its size in memory'  # AddressSanitizer's own memory, not the indexer's
  reports=$PWD/sanitizer-reports
  rm -rf "$reports" && mkdir "$reports"
  status=0
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:log_path=$reports/asan \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$reports/ubsan \
    ctest --output-on-failure -j2 --timeout 900 -E "$left_out" || status=$?
  if compgen -G "$reports/*" >/dev/null; then
    for report in "$reports"/*; do echo "=== $report" >&2; cat "$report" >&2; done
    echo "scripts/test.sh --sanitize: the sanitizers reported the findings above" >&2
    status=1
  fi
  exit "$status"
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFACET_WERROR="$werror" >/dev/null
scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 600
