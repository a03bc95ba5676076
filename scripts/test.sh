#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, end to end,
# HTTP and browser). Tests that need ../shared/ skip, saying so, without it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 600
