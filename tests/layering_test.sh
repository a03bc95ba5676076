#!/usr/bin/env bash
# The layers hold (ARCHITECTURE.md): each folder includes only the folders
# below it, and every include names its folder from the repository root.
#
#   common/          common/
#   analysis/        common/, analysis/, schemas/index_layout.h
#   schemas/         common/, schemas/
#   indexer/         common/, analysis/, schemas/, indexer/
#   searcher/        common/, analysis/, schemas/, searcher/
#   cli/             any of them
# A unit test (*_test.cc) may also include the fixtures of tests/, which
# write real indexes through the indexer.
#
# Usage: tests/layering_test.sh [SOURCE_DIR]   (exit 1 and the offending lines)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

allowed_for() {
  case "$1" in
    common) echo "common/" ;;
    analysis) echo "common/ analysis/ schemas/index_layout.h" ;;
    schemas) echo "common/ schemas/" ;;
    indexer) echo "common/ analysis/ schemas/ indexer/" ;;
    searcher) echo "common/ analysis/ schemas/ searcher/" ;;
    cli) echo "common/ analysis/ schemas/ indexer/ searcher/ cli/" ;;
  esac
}

violations=0
report() {
  echo "$1"
  violations=$((violations + 1))
}

# file:line:text of every quoted include in the C++ sources of `folders`.
quoted_includes() {
  grep -rnE --include='*.h' --include='*.cc' '^[[:space:]]*#[[:space:]]*include[[:space:]]+"' "$@" || true
}

while IFS= read -r hit; do
  file=${hit%%:*}
  header=${hit#*\"}
  header=${header%%\"*}
  if [[ ! -f $header ]]; then
    report "$hit: not a path from the repository root (write \"folder/name.h\")"
    continue
  fi
  layer=${file%%/*}
  allowed=$(allowed_for "$layer")
  [[ -z $allowed ]] && continue  # tests/, bench/, scripts/: may include any layer
  [[ $file == *_test.cc ]] && allowed+=" tests/"
  ok=false
  for prefix in $allowed; do
    [[ $header == "$prefix"* ]] && ok=true
  done
  $ok || report "$hit: $layer/ must not include $header (it may include: $allowed)"
done < <(quoted_includes common analysis schemas indexer searcher cli tests bench scripts)

if ((violations > 0)); then
  echo "layering: $violations include(s) break the layers (ARCHITECTURE.md)" >&2
  exit 1
fi
echo "layering: every include is folder-qualified and within its layer"
