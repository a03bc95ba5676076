#!/usr/bin/env bash
# Cluster latency: broad queries on Reuters-21578 through `newsfacet serve
# --cluster` over four stock xapian-tcpsrv on this machine (shards built by
# `newsfacet index --shard K/4`), beside `newsfacet serve --index` on one
# local index of four shards, one request at a time. See bench/README.md,
# "Cluster".
#
#   bench/cluster.sh [--requests N] [--newsfacet PATH]
#
# --requests N timed requests per query and server (default 200, after 10
# untimed). --newsfacet PATH the binary to use (default build/newsfacet:
# the build tree's, whatever its build type). Environment: NEWSFACET_CORPORA
# (default ../shared/corpora beside the repo), TMPDIR.
set -euo pipefail

usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REQUESTS=200
NEWSFACET=$ROOT/build/newsfacet
while (($#)); do
  case $1 in
    --requests) REQUESTS=${2:?--requests needs a number}; shift ;;
    --newsfacet) NEWSFACET=${2:?--newsfacet needs a path}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/cluster.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[[ $REQUESTS =~ ^[0-9]+$ ]] && ((REQUESTS > 0)) || { echo "bench/cluster.sh: --requests must be a number" >&2; exit 2; }
REUTERS=${NEWSFACET_CORPORA:-$ROOT/../shared/corpora}/reuters21578
if ! compgen -G "$REUTERS/reuters-*.jsonl" >/dev/null; then
  echo "bench/cluster.sh: skipped: no $REUTERS/reuters-*.jsonl (../shared/corpora is absent)"
  exit 0
fi
for tool in xapian-tcpsrv python3 setsid; do
  command -v "$tool" >/dev/null || { echo "bench/cluster.sh: needs $tool (Debian: xapian-tools, python3)" >&2; exit 1; }
done
[[ -x $NEWSFACET ]] || { echo "bench/cluster.sh: no $NEWSFACET: build first" >&2; exit 1; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
WORK=$(mktemp -d -t newsfacet-cluster-bench.XXXXXX)
SESSIONS=()  # xapian-tcpsrv, each leading a session of its own
SERVERS=()   # newsfacet serve
cleanup() {
  for pid in "${SERVERS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  # xapian-tcpsrv forks a child per connection: the whole session goes.
  for pid in "${SESSIONS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts `newsfacet serve ARGS...` on a free port; appends its URL to URLS.
URLS=()
serve() {
  local out=$WORK/serve-${#SERVERS[@]}
  "$NEWSFACET" serve --port 0 --quiet "$@" >"$out.out" 2>"$out.err" &
  SERVERS+=($!)
  for _ in $(seq 100); do
    grep -q '^newsfacet: serving' "$out.out" && break
    sleep 0.1
  done
  grep -q '^newsfacet: serving' "$out.out" || { cat "$out.err" >&2; exit 1; }
  URLS+=("$(sed -n 's/^newsfacet: serving \(http:[^ ]*\)\/$/\1/p' "$out.out")")
}

mkdir "$WORK/reuters"
ln -s "$REUTERS"/reuters-*.jsonl "$WORK/reuters/"
log "indexing Reuters into one local index of four shards, and into four one-shard indexes (--shard K/4)"
"$NEWSFACET" index "$WORK/reuters" --index "$WORK/local" --shards 4 --quiet || [[ $? == 1 ]]  # one empty story is refused
"$NEWSFACET" compact --index "$WORK/local" >/dev/null
SHARDS=()
for shard in 0 1 2 3; do
  "$NEWSFACET" index "$WORK/reuters" --index "$WORK/host-$shard" --shard "$shard/4" --quiet || [[ $? == 1 ]]
  "$NEWSFACET" compact --index "$WORK/host-$shard" >/dev/null
  port=$(free_port)
  setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$WORK/host-$shard/shard-0" >"$WORK/tcpsrv-$shard.log" 2>&1 &
  SESSIONS+=($!)
  SHARDS+=("[\"127.0.0.1:$port\"]")
done
sleep 1
printf '{"shards": [%s], "metadata": "metadata"}\n' "$(IFS=,; echo "${SHARDS[*]}")" >"$WORK/cluster.json"
"$NEWSFACET" cluster-metadata --cluster "$WORK/cluster.json"

serve --index "$WORK/local"
serve --cluster "$WORK/cluster.json"
log "local ${URLS[0]}, cluster ${URLS[1]}: $REQUESTS requests per query, one at a time"

python3 - "$REQUESTS" "${URLS[0]}" "${URLS[1]}" <<'PY'
import json, statistics, sys, time, urllib.request

requests, local, cluster = int(sys.argv[1]), sys.argv[2], sys.argv[3]
queries = ["q=oil", "q=president", "q=bank&country=US", "q=oil&histogram=month", ""]

def timed(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as answer:
        body = json.load(answer)
    return (time.perf_counter() - start) * 1000, body

def quantile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]

print(f"{'query':28} {'server':8} {'total':>7} {'median ms':>10} {'p90 ms':>8} {'took_ms':>8}")
for query in queries:
    totals = {}
    for name, base in (("local", local), ("cluster", cluster)):
        url = f"{base}/api/search?{query}"
        for _ in range(10):
            timed(url)
        walls, took = [], []
        for _ in range(requests):
            wall, body = timed(url)
            walls.append(wall)
            took.append(body["took_ms"])
        totals[name] = body["total"]["value"]
        print(f"{query or '(browse)':28} {name:8} {body['total']['value']:>7} {statistics.median(walls):>10.2f} "
              f"{quantile(walls, 0.9):>8.2f} {statistics.median(took):>8.2f}")
    if totals["local"] != totals["cluster"]:
        print(f"  totals differ: {totals}", file=sys.stderr)
PY
