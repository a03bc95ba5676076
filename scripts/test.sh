#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, end to end,
# HTTP and browser). Tests that need ../shared/ skip, saying so, without it.
#
#   scripts/test.sh              the suite, from build/
#   scripts/test.sh --sanitize   the suite built with AddressSanitizer and
#                                UndefinedBehaviorSanitizer, in build-sanitize/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
if [[ "${1:-}" == "--sanitize" ]]; then
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFACET_SANITIZE=address,undefined >/dev/null
  cmake --build build-sanitize -j"$(nproc)"
  cd build-sanitize
  # Leaks at exit are not failures here: Xapian and ICU keep caches for the
  # process's life. Every other finding stops the test that made it.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --output-on-failure -j2 --timeout 900 -E web_browser
  exit
fi
scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 600
