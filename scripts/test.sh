#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, end to end,
# HTTP, browser, installation and package). Tests that need ../shared/ skip,
# saying so, without it. Under CI (CI=true) compiler warnings are errors.
#
#   scripts/test.sh              the suite, from build/
#   scripts/test.sh --sanitize   the suite built with AddressSanitizer and
#                                UndefinedBehaviorSanitizer, in build-sanitize/
#                                (every finding stops the test that made it)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
werror=OFF
if [[ "${CI:-}" == true ]]; then werror=ON; fi
if [[ "${1:-}" == "--sanitize" ]]; then
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFACET_SANITIZE=address,undefined \
    -DNEWSFACET_WERROR="$werror" >/dev/null
  cmake --build build-sanitize -j"$(nproc)"
  cd build-sanitize
  # Leaks at exit are not failures here: Xapian and ICU keep caches for the
  # process's life. Every other finding aborts the process that made it
  # (-fno-sanitize-recover, halt_on_error), which fails its test. Left out:
  # the browser tests (Chromium's own time dominates, and the server they
  # drive is the one the HTTP tests cover) and the Debian package (it would
  # package the sanitized binary).
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --output-on-failure -j2 --timeout 900 -E '^(web_browser|debian_package)$'
  exit
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSFACET_WERROR="$werror" >/dev/null
scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 600
