#!/usr/bin/env python3
"""Draws articles to judge for the event facet (run once, before judging).

    bench/event_eval_sample.py BBC_EXPORT.jsonl REUTERS_EXPORT.jsonl > sample.jsonl
    bench/event_eval_sample.py BBC_EXPORT.jsonl REUTERS_EXPORT.jsonl \\
        --detected 50 --quiet 0 --seed 1587 --exclude tests/data/events_eval.jsonl > fresh.jsonl

Each export is `newsfacet export` of an index of one corpus. The sample is
(article, event) pairs the detector reported (`--detected` per corpus) and
articles it gave no event (`--quiet` per corpus), one pair per article, with a
fixed seed; articles named in an --exclude file are never drawn. Every second
article is marked for tuning, the others held out (`--split test`: all held
out). The defaults (75 and 75,
seed 15, no exclusion) drew tests/data/events_eval.jsonl.
"""
import argparse
import json
import re
import random


def read(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def draw(corpus, articles, rng, detected, quiet, excluded):
    # Only stories: the corpora's README and tag files are indexed too.
    articles = [a for a in articles if re.fullmatch(r"reuters-\d+|[a-z]+/\d+\.txt", a["id"])
                and (corpus, a["id"]) not in excluded]
    pairs = [(a["id"], e["id"]) for a in articles for e in a.get("events", [])]
    rng.shuffle(pairs)
    chosen, seen = [], set()
    for article, event in pairs:
        if article in seen:
            continue
        seen.add(article)
        chosen.append({"corpus": corpus, "id": article, "half": "detected", "sampled_event": event})
        if len(chosen) == detected:
            break
    silent = [a["id"] for a in articles if not a.get("events")]
    for article in rng.sample(silent, quiet):
        chosen.append({"corpus": corpus, "id": article, "half": "no_event"})
    return chosen


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bbc_export")
    parser.add_argument("reuters_export")
    parser.add_argument("--detected", type=int, default=75)
    parser.add_argument("--quiet", type=int, default=75)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--exclude", action="append", default=[])
    parser.add_argument("--split", choices=["alternate", "test"], default="alternate",
                        help="test: mark every article held out (a blind set)")
    args = parser.parse_args()
    excluded = set()
    for path in args.exclude:
        excluded |= {(e["corpus"], e["id"]) for e in read(path)}
    rng = random.Random(args.seed)
    sample = (draw("bbc", read(args.bbc_export), rng, args.detected, args.quiet, excluded) +
              draw("reuters", read(args.reuters_export), rng, args.detected, args.quiet, excluded))
    rng.shuffle(sample)
    for n, entry in enumerate(sample):
        entry["split"] = "tune" if n % 2 == 0 and args.split == "alternate" else "test"
        print(json.dumps(entry))


if __name__ == "__main__":
    main()
