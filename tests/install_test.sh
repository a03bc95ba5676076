#!/usr/bin/env bash
# An installed newsfacet works from wherever its tree is moved to: installed
# into one prefix, moved to another, it indexes (with the data files it
# ships) and serves the web page and the API over real HTTP, and nothing in
# the executable names the source or build tree.
set -euo pipefail
source_dir=$(realpath "$1") build_dir=$(realpath "$2")
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

cmake --install "$build_dir" --prefix "$work/staged" >/dev/null
mv "$work/staged" "$work/moved"
prefix=$work/moved
bin=$prefix/bin/newsfacet
for file in bin/newsfacet share/newsfacet/events.json share/newsfacet/data/countries.json \
            share/newsfacet/data/name_tagger.bin share/newsfacet/web/index.html lib/systemd/system/newsfacet.service; do
  [[ -f $prefix/$file ]] || fail "$file is not installed"
done

# What the program itself can read (debug information stripped) names
# neither tree: an installed binary finds its files relative to itself.
strip -o "$work/stripped" "$bin"
for tree in "$source_dir" "$build_dir"; do
  if grep -aqF "$tree" "$work/stripped"; then fail "the installed executable names $tree"; fi
done

cd "$work"
unset NEWSFACET_DATA_DIR NEWSFACET_WEB_DIR
"$bin" --version | grep -Eqx 'newsfacet [0-9]+\.[0-9]+\.[0-9]+' || fail "--version printed '$("$bin" --version)'"

# The overrides win over the installed layout, and a wrong one says where it looked.
if NEWSFACET_DATA_DIR=$work/nowhere "$bin" index "$source_dir/corpus" --index "$work/refused" >/dev/null 2>"$work/err"; then
  fail "indexing with NEWSFACET_DATA_DIR=$work/nowhere succeeded"
fi
grep -qF "$work/nowhere" "$work/err" || fail "the error does not name the data directory: $(cat "$work/err")"
if "$bin" index "$source_dir/corpus" --index "$work/refused" --data-dir "$work/nowhere" >/dev/null 2>"$work/err"; then
  fail "indexing with --data-dir $work/nowhere succeeded"
fi
grep -qF "$work/nowhere" "$work/err" || fail "the error does not name --data-dir: $(cat "$work/err")"

status=0
"$bin" index "$source_dir/corpus" --index "$work/index" --json >"$work/index.json" 2>"$work/index.err" || status=$?
((status <= 1)) || fail "index exited $status: $(cat "$work/index.err")"

"$bin" serve --index "$work/index" --port 0 --quiet >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=
for _ in $(seq 1 500); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [[ -n $url ]] && break
  kill -0 "$server_pid" 2>/dev/null || fail "serve exited: $(cat "$work/serve.err")"
  sleep 0.02
done
[[ -n $url ]] || fail "serve printed no URL"

curl -sf "$url/" >"$work/page.html" || fail "GET / failed"
cmp -s "$work/page.html" "$prefix/share/newsfacet/web/index.html" || fail "GET / is not the installed web/index.html"
curl -sf "$url/api/search?q=court" >"$work/search.json" || fail "GET /api/search failed"
curl -sf "$url/api/facets/countries" >"$work/countries.json" || fail "GET /api/facets/countries failed"
python3 - "$work/search.json" "$work/countries.json" <<'PY'
import json, sys
search = json.load(open(sys.argv[1]))
countries = json.load(open(sys.argv[2]))
assert search["total"]["value"] > 0 and search["hits"], search
values = countries.get("values", [])
assert values, countries
# Country names come from the installed data files (countries.json).
assert any(value["label"] != value["id"] for value in values), values[:3]
PY
echo "install_test: installed, moved, indexed and served from $prefix"
