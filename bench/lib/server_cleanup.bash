# Sourced by the benchmark scripts that serve an index: at exit, stops the
# memory sampler ($SAMPLER_PID) and the server ($SERVER_PID, with SIGTERM,
# waited for) when they were started, and removes the work directory $WORK.
SERVER_PID=
SAMPLER_PID=
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n $SERVER_PID ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts `$NEWSFACET serve` on INDEX (a free port, on 127.0.0.1) and sets
# $SERVER_PID and $URL (without a trailing slash); exits 1, with the
# server's errors, when it does not start within 10 s. $1: the index,
# $2: the calling script's name for the message.
start_server() {
  "$NEWSFACET" serve --index "$1" --port 0 --quiet >"$WORK/serve.out" 2>"$WORK/serve.err" &
  SERVER_PID=$!
  URL=
  for _ in $(seq 100); do
    URL=$(sed -n 's/^newsfacet: serving \(http:[^ ]*\)$/\1/p' "$WORK/serve.out")
    [[ -n $URL ]] && break
    sleep 0.1
  done
  [[ -n $URL ]] || { cat "$WORK/serve.err" >&2; echo "$2: the server did not start" >&2; exit 1; }
  URL=${URL%/}
}
