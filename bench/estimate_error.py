#!/usr/bin/env python3
"""How far sampled counts are from exact ones: the error of the estimates
that `newsfacet serve` gives past its count limit.

    bench/estimate_error.py --binary BIN --index DIR --queries FILE [--count-limit N]

Starts BIN twice on DIR: once with `--count-limit N` (default: the server's
own default) and once with the largest limit (every match counted, exact up
to 999,999 matches a shard). Sends both every query of FILE (one /api/search
query string a line, as bench/query.sh writes them) and, for each answer the
first server flags as estimated, compares with the exact one:

- the total: relative error |estimate - exact| / exact;
- each facet's top values (the exact answer's first 10 with at least 20
  articles): the relative error of each estimated count, and how many of the
  exact top 5 the estimate also shows in its top 5.

Prints the number of estimated answers and the median, 90th percentile and
largest of each error, as a table. Exit 1 if a request fails.
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

MAX_COUNT_LIMIT = 999999
FACETS = ("people", "organisations", "countries", "events")


class Server:
    def __init__(self, binary, index, extra, log):
        self.out = open(log, "w+")
        self.process = subprocess.Popen([binary, "serve", "--index", index, "--port", "0", "--quiet"] + extra,
                                        stdout=self.out, stderr=subprocess.STDOUT)
        prefix = "newsfacet: serving http://"
        for _ in range(1200):
            self.out.seek(0)
            lines = [line for line in self.out if line.startswith(prefix)]
            if lines:
                host, port = lines[0][len(prefix):].strip().rstrip("/").rsplit(":", 1)
                self.host, self.port = host, int(port)
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.out.seek(0)
        sys.exit(f"estimate_error.py: the server did not start:\n{self.out.read()}")

    def search(self, query):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=300)
        connection.request("GET", "/api/search?" + query)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        if response.status != 200:
            sys.exit(f"estimate_error.py: {query}: HTTP {response.status}")
        return json.loads(body)

    def stop(self):
        self.process.terminate()
        self.process.wait()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--count-limit", type=int, default=0, help="the sampled server's limit (default: its own)")
    args = parser.parse_args()
    queries = [line.strip() for line in open(args.queries) if line.strip()]
    work = tempfile.mkdtemp(prefix="estimate-error-")
    sampled = Server(args.binary, args.index, ["--count-limit", str(args.count_limit)] if args.count_limit else [],
                     os.path.join(work, "sampled.out"))
    exact = Server(args.binary, args.index, ["--count-limit", str(MAX_COUNT_LIMIT)], os.path.join(work, "exact.out"))
    total_errors, count_errors, top5_kept = [], [], []
    estimated = 0
    try:
        for query in queries:
            guess = sampled.search(query)
            if guess["total"]["exact"]:
                continue
            truth = exact.search(query)
            if not truth["total"]["exact"]:
                continue  # past even the largest limit: nothing exact to compare with
            estimated += 1
            total_errors.append(abs(guess["total"]["value"] - truth["total"]["value"]) / max(1, truth["total"]["value"]))
            for facet in FACETS:
                if facet not in truth.get("facets", {}) or facet not in guess.get("facets", {}):
                    continue
                true_values = [v for v in truth["facets"][facet]["values"] if not v["selected"]][:10]
                guessed = {v["id"]: v["count"] for v in guess["facets"][facet]["values"]}
                for value in true_values:
                    if value["count"] >= 20:
                        count_errors.append(abs(guessed.get(value["id"], 0) - value["count"]) / value["count"])
                true_top5 = {v["id"] for v in true_values[:5]}
                guessed_top5 = {v["id"] for v in [v for v in guess["facets"][facet]["values"] if not v["selected"]][:5]}
                if len(true_top5) == 5:
                    top5_kept.append(len(true_top5 & guessed_top5) / 5)
    finally:
        sampled.stop()
        exact.stop()
    print(f"{estimated} of {len(queries)} queries answered with estimates")
    if not estimated:
        return
    print("| measure | samples | median | p90 | largest |")
    print("|---|---:|---:|---:|---:|")
    for name, values in (("total, relative error", total_errors),
                         ("top-10 value counts, relative error", count_errors)):
        if values:
            print(f"| {name} | {len(values)} | {statistics.median(values):.1%} | {percentile(values, 0.9):.1%} "
                  f"| {max(values):.1%} |")
    if top5_kept:
        print(f"| exact top 5 also in the estimate's top 5 | {len(top5_kept)} | {statistics.median(top5_kept):.0%} "
              f"| {percentile(top5_kept, 0.1):.0%} (p10) | {min(top5_kept):.0%} (least) |")


if __name__ == "__main__":
    main()
