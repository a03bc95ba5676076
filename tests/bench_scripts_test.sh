#!/usr/bin/env bash
# The benchmark scripts are run by hand, not by the suite: this keeps them
# from rotting unseen. Every bench/*.sh parses and answers --help with exit
# 0, and every bench/*.py compiles and answers --help.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for script in bench/*.sh; do
  if ! bash -n "$script"; then echo "FAIL: $script does not parse" >&2; status=1; continue; fi
  if ! out=$(bash "$script" --help 2>&1) || [[ -z $out ]]; then
    echo "FAIL: $script --help" >&2; status=1
  fi
done
for script in bench/*.py; do
  if ! python3 -m py_compile "$script"; then echo "FAIL: $script does not compile" >&2; status=1; continue; fi
  if grep -q argparse "$script" && ! python3 "$script" --help >/dev/null 2>&1; then
    echo "FAIL: $script --help" >&2; status=1
  fi
done
exit $status
