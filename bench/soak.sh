#!/usr/bin/env bash
# Soak: `newsfacet serve` under a realistic mix of requests, fuzzed requests
# among them, for N minutes at keep-alive connections, beside slow clients
# that trickle their headers a byte a second; its resident memory sampled
# every few seconds.
# Reports errors (a request that should have succeeded and did not, any 5xx,
# socket errors) and whether memory is flat (the mean RSS of the last third of
# the run within 5% of the middle third's). See bench/README.md, "Soak".
#
#   bench/soak.sh [--minutes N] [--connections C] [--slow-clients K] [--sample-seconds S] [--index DIR]
#
# Defaults: 10 minutes, 4 connections, 16 slow clients, a sample every 5 s. The index is built
# from ../shared/corpora/reuters21578 when present, else from corpus/, into a
# temporary directory (or DIR, kept and reused). Uses build/newsfacet, built
# when missing. Exit status 0 when there were no errors and memory was flat.
# Environment: NEWSFACET_CORPORA (default ../shared/corpora beside the repo),
# NEWSFACET_SOAK_BUILD (default build/ in the repo), TMPDIR.
set -euo pipefail

usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; }

MINUTES=10 CONNECTIONS=4 SLOW_CLIENTS=16 SAMPLE_SECONDS=5 KEEP_INDEX=
while (($#)); do
  case $1 in
    --minutes) MINUTES=${2:?--minutes needs a number}; shift ;;
    --connections) CONNECTIONS=${2:?--connections needs a number}; shift ;;
    --slow-clients) SLOW_CLIENTS=${2:?--slow-clients needs a number}; shift ;;
    --sample-seconds) SAMPLE_SECONDS=${2:?--sample-seconds needs a number}; shift ;;
    --index) KEEP_INDEX=${2:?--index needs a directory}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/soak.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[[ $SLOW_CLIENTS =~ ^[0-9]+$ ]] || { echo "bench/soak.sh: '$SLOW_CLIENTS' is not a whole number" >&2; exit 2; }
for number in "$MINUTES" "$CONNECTIONS" "$SAMPLE_SECONDS"; do
  [[ $number =~ ^[1-9][0-9]*$ ]] || { echo "bench/soak.sh: '$number' is not a positive whole number" >&2; exit 2; }
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CORPORA=${NEWSFACET_CORPORA:-$ROOT/../shared/corpora}
BUILD_DIR=${NEWSFACET_SOAK_BUILD:-$ROOT/build}
NEWSFACET=$BUILD_DIR/newsfacet
command -v python3 >/dev/null || { echo "bench/soak.sh: needs python3" >&2; exit 1; }

log() { printf '[soak %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ ! -x $NEWSFACET ]]; then
  log "building newsfacet in $BUILD_DIR"
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" --target newsfacet -j"$(nproc)" >/dev/null
fi

WORK=$(mktemp -d -t newsfacet-soak.XXXXXX)
source bench/lib/server_cleanup.bash

# --- index ------------------------------------------------------------------
ARTICLES_DIR=$ROOT/corpus CORPUS_NAME=corpus/
if compgen -G "$CORPORA/reuters21578/reuters-*.jsonl" >/dev/null; then
  mkdir "$WORK/reuters"
  ln -s "$CORPORA"/reuters21578/reuters-*.jsonl "$WORK/reuters/"
  ARTICLES_DIR=$WORK/reuters CORPUS_NAME=Reuters-21578
fi
INDEX=$WORK/index
[[ -n $KEEP_INDEX ]] && INDEX=$(realpath -m "$KEEP_INDEX")
if [[ ! -e $INDEX/XAPIANDB ]]; then
  log "indexing $CORPUS_NAME into $INDEX"
  "$NEWSFACET" index "$ARTICLES_DIR" --index "$INDEX" --quiet || [[ $? == 1 ]]  # a refused article is no failure here
fi
# The mix is drawn from the index itself: its titles, article ids and facet values.
"$NEWSFACET" export --index "$INDEX" >"$WORK/export.jsonl"
for facet in people organisations countries events; do
  "$NEWSFACET" entities --index "$INDEX" --facet "$facet" --limit 30 --json >"$WORK/$facet.json" || echo '{}' >"$WORK/$facet.json"
done

# --- server and memory sampler -----------------------------------------------
start_server "$INDEX" bench/soak.sh
log "serving $(wc -l <"$WORK/export.jsonl") articles at $URL; $CONNECTIONS connections and $SLOW_CLIENTS slow clients for $MINUTES min"

(while kill -0 "$SERVER_PID" 2>/dev/null; do
  echo "$(date +%s) $(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null)"
  sleep "$SAMPLE_SECONDS"
done) >"$WORK/rss.log" &
SAMPLER_PID=$!

# --- traffic ------------------------------------------------------------------
status=0
python3 - "$URL" "$WORK" $((MINUTES * 60)) "$CONNECTIONS" "$SLOW_CLIENTS" >"$WORK/report.txt" <<'PYTHON' || status=$?
# Each connection thread draws requests from a fixed mix. Every request knows
# what it should get: a 2xx, or a 4xx for the deliberately bad ones.
import collections, http.client, json, os, random, socket, sys, threading, time, urllib.parse
url, work, seconds, connections, slow_clients = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
host, port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
ids, words = [], collections.Counter()
stop = set("the a an of to in for on and or by at with from as is are be has have its it says said will "
           "new year sees up down over after vs inc corp co ltd plc pct mln dlrs".split())
for line in open(os.path.join(work, "export.jsonl"), encoding="utf-8"):
    article = json.loads(line)
    ids.append(article["id"])
    tokens = [t.strip(".,:;()'\"<>").lower() for t in article.get("title", "").split()]
    words.update(t for t in tokens if t.isalpha() and len(t) > 2 and t not in stop)
common = [w for w, _ in words.most_common(300)] or ["news"]
facet_values = {}
for facet in ("people", "organisations", "countries", "events"):
    try:
        facet_values[facet] = json.load(open(os.path.join(work, facet + ".json")))["values"]
    except (OSError, ValueError, KeyError):
        facet_values[facet] = []
filter_names = {"people": "person", "organisations": "org", "countries": "country", "events": "event"}

def query(rng):
    kind = rng.random()
    if kind < 0.5: return rng.choice(common)
    if kind < 0.75: return " ".join(rng.sample(common, 2))
    if kind < 0.85: return f'"{rng.choice(common)} {rng.choice(common)}"'
    if kind < 0.92: return f"{rng.choice(common)} OR {rng.choice(common)}"
    return rng.choice(common)[:4] + "*"

def a_filter(rng):
    facet = rng.choice([f for f in facet_values if facet_values[f]] or [None])
    return {filter_names[facet]: rng.choice(facet_values[facet])["id"]} if facet else {}

def search(rng):
    params = {"q": query(rng), "facets": "people,organisations,countries,events"}
    if rng.random() < 0.3: params["histogram"] = "auto"
    if rng.random() < 0.2: params["partial"] = "true"
    if rng.random() < 0.2: params["offset"] = str(rng.choice([10, 20, 50]))
    return "/api/search?" + urllib.parse.urlencode(params)

def filtered_search(rng):
    params = {"q": query(rng)} if rng.random() < 0.7 else {}
    params.update(a_filter(rng))
    if rng.random() < 0.3: params.update(a_filter(rng))
    return "/api/search?" + urllib.parse.urlencode(params)

def suggest(rng):
    return "/api/suggest?" + urllib.parse.urlencode({"prefix": rng.choice(common)[:rng.randint(1, 4)], "limit": 5})

def facet_page(rng):
    facet = rng.choice(list(facet_values))
    params = {"limit": rng.choice([10, 20, 50])}
    if rng.random() < 0.5: params["q"] = query(rng)
    if rng.random() < 0.3: params["prefix"] = rng.choice(common)[:2]
    return f"/api/facets/{facet}?" + urllib.parse.urlencode(params)

def fuzzed(rng):
    # A valid request, mangled: bytes replaced, inserted or dropped, a parameter
    # repeated or renamed. Whatever it becomes, it must get a 2xx or a 4xx.
    path = list(rng.choice([search, filtered_search, suggest, facet_page, article])(rng))
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(path))
        choice = rng.random()
        if choice < 0.4: path[at] = rng.choice("%&=?/+#\\\"'<>;:*()[]{}~^|0aZ\u00e9")
        elif choice < 0.7: path.insert(at, rng.choice(["%00", "%ff", "%c3%28", "&&", "=", "%25", "..", "%2F", "*" * 40]))
        elif len(path) > 2: del path[at]
    path = "".join(path)
    if rng.random() < 0.2: path += "&" + rng.choice(["limit", "offset", "q", "facets", "sort"]) + "=" + rng.choice(["-1", "999999999999", "", "x" * 300])
    path = "".join(c if 32 < ord(c) < 127 else urllib.parse.quote(c) for c in path)
    return "/" + path.lstrip("/")

def article(rng):
    return "/api/article/" + urllib.parse.quote(rng.choice(ids), safe="")

BAD = [("GET", "/api/search?q=oil&limit=abc"), ("GET", "/api/search?q=oil&bogus=1"),
       ("GET", "/api/search?q=oil&offset=-5"), ("GET", "/api/search?q=%00"),
       ("GET", "/api/article/no-such-article-id"), ("GET", "/api/facets/planets"),
       ("GET", "/api/nothing-here"), ("GET", "/../../etc/passwd"), ("GET", "/no-such-page.html"),
       ("GET", "/api/suggest?limit=0"), ("POST", "/api/search?q=oil"), ("DELETE", "/api/stats")]
MIX = [("search", 35, lambda r: ("GET", search(r))), ("filtered search", 15, lambda r: ("GET", filtered_search(r))),
       ("suggest", 15, lambda r: ("GET", suggest(r))), ("facet page", 10, lambda r: ("GET", facet_page(r))),
       ("article", 12, lambda r: ("GET", article(r))), ("stats, health, page", 3,
        lambda r: ("GET", r.choice(["/api/stats", "/api/health", "/"]))),
       ("bad request", 7, lambda r: r.choice(BAD)), ("fuzzed request", 3, lambda r: ("GET", fuzzed(r)))]

lock = threading.Lock()
latencies = collections.defaultdict(list)
counts = collections.Counter()
samples_of_errors = []
deadline = time.monotonic() + seconds

def record(kind, key, detail=None):
    with lock:
        counts[(kind, key)] += 1
        if detail and len(samples_of_errors) < 20: samples_of_errors.append(detail)

def drive(seed):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    names, weights = [m[0] for m in MIX], [m[1] for m in MIX]
    makers = {m[0]: m[2] for m in MIX}
    while time.monotonic() < deadline:
        kind = rng.choices(names, weights)[0]
        method, path = makers[kind](rng)
        start = time.monotonic()
        try:
            connection.request(method, path, body=b"" if method == "POST" else None)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            record(kind, "socket error", f"{method} {path}: {error!r}")
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            continue
        with lock: latencies[kind].append(time.monotonic() - start)
        code = response.status
        if code >= 500: record(kind, "5xx", f"{method} {path}: {code}")
        if kind == "fuzzed request":
            pass  # any 2xx or 4xx: a 5xx or a socket error is counted above
        elif kind == "bad request":
            if not 400 <= code < 500: record(kind, "unexpected", f"{method} {path}: {code}, expected 4xx")
        elif not 200 <= code < 300: record(kind, "unexpected", f"{method} {path}: {code}, expected 2xx")
        if response.will_close:
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)

def slow_client(seed):
    # Slowloris: a request's headers a byte a second, on a new connection
    # whenever the server drops one. Counted only by how often it was cut off;
    # its harm would show as the other requests' errors and latency.
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        sock = None
        try:
            sock = socket.create_connection((host, port), timeout=30)
            sock.sendall(b"GET /api/search?q=oil HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            while time.monotonic() < deadline:
                time.sleep(1)
                sock.sendall(rng.choice(b"abcdefgh").to_bytes(1, "big"))
        except OSError:
            with lock: counts[("slow client", "cut off")] += 1
        finally:
            if sock: sock.close()

threads = [threading.Thread(target=drive, args=(1987 + i,)) for i in range(connections)]
threads += [threading.Thread(target=slow_client, args=(7000 + i,)) for i in range(slow_clients)]
for thread in threads: thread.start()
for thread in threads: thread.join()

def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] * 1000 if values else 0
print("| request | count | should get | unexpected status | 5xx | socket errors | p50 ms | p99 ms |")
print("|---|---:|---|---:|---:|---:|---:|---:|")
total = errors = 0
for kind, _, _ in MIX:
    n = len(latencies[kind]) + counts[(kind, "socket error")]
    total += n
    bad = counts[(kind, "unexpected")] + counts[(kind, "5xx")] + counts[(kind, "socket error")]
    errors += bad
    print(f"| {kind} | {n} | {'4xx' if kind == 'bad request' else '2xx'} | {counts[(kind, 'unexpected')]} | "
          f"{counts[(kind, '5xx')]} | {counts[(kind, 'socket error')]} | {percentile(latencies[kind], 0.5):.1f} | "
          f"{percentile(latencies[kind], 0.99):.1f} |")
print()
print(f"Requests: {total} ({total / seconds:.0f}/s); errors: {errors}")
print(f"Slow clients: {slow_clients}, cut off by the server {counts[('slow client', 'cut off')]} times")
for detail in samples_of_errors: print("  " + detail)
sys.exit(1 if errors else 0)
PYTHON
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
alive=yes
kill -0 "$SERVER_PID" 2>/dev/null || { alive="NO (it exited)"; status=1; }

echo
echo "Soak: $CORPUS_NAME, $(wc -l <"$WORK/export.jsonl") articles, $CONNECTIONS connections, $MINUTES min, $(nproc) cores"
echo
cat "$WORK/report.txt"
echo "Server still running at the end: $alive"
python3 - "$WORK/rss.log" <<'PYTHON' || status=1
import sys
samples = [int(f[1]) for f in (line.split() for line in open(sys.argv[1])) if len(f) == 2]
if len(samples) < 6:
    print("Server RSS: too few samples"); sys.exit(1)
third = len(samples) // 3
middle, last = samples[third:2 * third], samples[2 * third:]
mean = lambda values: sum(values) / len(values)
drift = (mean(last) - mean(middle)) / mean(middle)
flat = abs(drift) <= 0.05
mb = lambda kb: f"{kb / 1024:.1f}"
print(f"Server RSS MB, {len(samples)} samples: start {mb(samples[0])}, max {mb(max(samples))}, end {mb(samples[-1])}; "
      f"mean of the middle third {mb(mean(middle))}, of the last third {mb(mean(last))} ({drift:+.1%}): "
      + ("flat" if flat else "NOT flat"))
step = max(1, len(samples) // 20)
print("Server RSS MB over the run: " + " ".join(mb(s) for s in samples[::step]))
sys.exit(0 if flat else 1)
PYTHON
exit "$status"
