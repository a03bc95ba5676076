#!/usr/bin/env python3
"""Server CPU per search, two or more servers side by side: a paired benchmark.

    bench/query_cpu.py --queries FILE [--rounds N] NAME=BINARY,INDEX[,PARAMS] ...

Starts `BINARY serve --index INDEX --port 0 --quiet` for each variant, then,
round after round, sends each variant the whole query mix (one query string a
line, as bench/query.sh writes it to build-bench/query-bench-queries.txt; PARAMS
is appended to each) one request at a time on one connection, and measures the
CPU time the server process took for the round (/proc/PID/stat), so that other
load on a shared machine inflates it far less than it inflates wall time. The
variants take turns within each round (their order alternating), so a drift in
the machine's speed falls on all of them alike.

Prints, per variant, the median CPU ms per request over the rounds (with the
range), the median wall ms per request, and each variant's ratio to the first.
A request that fails (not 200) is counted and reported; any makes the exit
status 1.
"""
import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


class Server:
    def __init__(self, name, binary, index, params, work):
        self.name, self.params = name, params
        self.out = open(os.path.join(work, name + ".out"), "w+")
        self.process = subprocess.Popen([binary, "serve", "--index", index, "--port", "0", "--quiet"],
                                        stdout=self.out, stderr=subprocess.STDOUT)
        self.host, self.port = self._wait_for_address()
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.cpu, self.wall, self.failures = [], [], 0

    def _wait_for_address(self):
        prefix = "newsfacet: serving http://"
        for _ in range(600):
            self.out.seek(0)
            for line in self.out:
                if line.startswith(prefix):
                    address = line[len(prefix):].strip().rstrip("/")
                    host, port = address.rsplit(":", 1)
                    return host, int(port)
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.out.seek(0)
        sys.exit(f"query_cpu.py: {self.name} did not start:\n{self.out.read()}")

    def get(self, path):
        # The server ends a kept-alive connection after some requests; then
        # the request goes again on a new one.
        for attempt in range(2):
            try:
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                response.read()
                return response.status
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        return 0

    def run_round(self, queries):
        cpu_before, wall_before = process_cpu_seconds(self.process.pid), time.monotonic()
        for query in queries:
            if self.get("/api/search?" + query + ("&" + self.params if self.params else "")) != 200:
                self.failures += 1
        self.cpu.append((process_cpu_seconds(self.process.pid) - cpu_before) * 1000 / len(queries))
        self.wall.append((time.monotonic() - wall_before) * 1000 / len(queries))

    def stop(self):
        self.connection.close()
        self.process.terminate()
        self.process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", required=True, help="query strings, one a line")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("variants", nargs="+", metavar="NAME=BINARY,INDEX[,PARAMS]")
    args = parser.parse_args()
    queries = [line.strip() for line in open(args.queries) if line.strip()]
    work = tempfile.mkdtemp(prefix="query-cpu-")
    servers = []
    try:
        for variant in args.variants:
            name, _, spec = variant.partition("=")
            parts = spec.split(",", 2)
            if not name or len(parts) < 2:
                parser.error(f"bad variant '{variant}'")
            servers.append(Server(name, parts[0], parts[1], parts[2] if len(parts) > 2 else "", work))
        for server in servers:  # warm: caches, code books, page cache
            server.run_round(queries)
            server.cpu.clear(), server.wall.clear()
        for round_number in range(args.rounds):
            order = servers if round_number % 2 == 0 else servers[::-1]
            for server in order:
                server.run_round(queries)
    finally:
        for server in servers:
            server.stop()
    base = statistics.median(servers[0].cpu)
    print(f"{len(queries)} queries a round, {args.rounds} rounds, one connection")
    print("| variant | CPU ms a request: median (range) | wall ms a request | CPU ratio to the first | failures |")
    print("|---|---:|---:|---:|---:|")
    for server in servers:
        cpu = statistics.median(server.cpu)
        print(f"| {server.name} | {cpu:.2f} ({min(server.cpu):.2f}-{max(server.cpu):.2f}) | "
              f"{statistics.median(server.wall):.2f} | {cpu / base:.2f} | {server.failures} |")
    return 1 if any(server.failures for server in servers) else 0


if __name__ == "__main__":
    sys.exit(main())
