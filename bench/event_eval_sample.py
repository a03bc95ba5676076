#!/usr/bin/env python3
"""Draws the articles of tests/data/events_eval.jsonl (run once, before judging).

    bench/event_eval_sample.py BBC_EXPORT.jsonl REUTERS_EXPORT.jsonl > sample.jsonl

Each export is `newsfacet export` of an index of one corpus. Half of the
sample is (article, event) pairs the detector reported, half articles it gave
no event; 75 of each per corpus, one pair per article, with a fixed seed.
Every second article is marked for tuning, the others held out.
"""
import json
import re
import random
import sys

PER_CORPUS_HALF = 75


def read(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def draw(corpus, articles, rng):
    # Only stories: the corpora's README and tag files are indexed too.
    articles = [a for a in articles if re.fullmatch(r"reuters-\d+|[a-z]+/\d+\.txt", a["id"])]
    pairs = [(a["id"], e["id"]) for a in articles for e in a.get("events", [])]
    rng.shuffle(pairs)
    chosen, seen = [], set()
    for article, event in pairs:
        if article in seen:
            continue
        seen.add(article)
        chosen.append({"corpus": corpus, "id": article, "half": "detected", "sampled_event": event})
        if len(chosen) == PER_CORPUS_HALF:
            break
    quiet = [a["id"] for a in articles if not a.get("events")]
    for article in rng.sample(quiet, PER_CORPUS_HALF):
        chosen.append({"corpus": corpus, "id": article, "half": "no_event"})
    return chosen


def main():
    rng = random.Random(15)
    sample = draw("bbc", read(sys.argv[1]), rng) + draw("reuters", read(sys.argv[2]), rng)
    rng.shuffle(sample)
    for n, entry in enumerate(sample):
        entry["split"] = "tune" if n % 2 == 0 else "test"
        print(json.dumps(entry))


if __name__ == "__main__":
    main()
