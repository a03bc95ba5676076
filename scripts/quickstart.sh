#!/usr/bin/env bash
# Installs what is missing, builds, indexes the sample corpus and serves the
# search page on http://127.0.0.1:8080/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/newsfacet index corpus --index build/corpus-index
build/newsfacet compact --index build/corpus-index  # packed, in larger blocks: cheaper searches
exec build/newsfacet serve --index build/corpus-index --host 127.0.0.1 --port "${PORT:-8080}"
