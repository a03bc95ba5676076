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
