#!/usr/bin/env python3
"""The query benchmarks' fixed, realistic mix of searches.

    bench/query_mix.py WORK EXTRA_PARAMS TITLE_FILE...

Reads the index's most frequent values from WORK/people.json, countries.json
and events.json (`newsfacet entities --json`) and the titles of the JSON-lines
TITLE_FILEs, and writes to WORK: queries.txt (one /api/search query string a
line, EXTRA_PARAMS appended to each), queries.lua and browses.lua (the same
for wrk; browses are the filter-only ones and the home page). Seeded: every
run over the same index writes the same queries.
"""
import collections, glob, json, os, random, sys, urllib.parse
work, extra, title_files = sys.argv[1], sys.argv[2], sys.argv[3:]
rng = random.Random(1987)
stop = set("the a an of to in for on and or by at with from as is are be has have its it says said will "
           "new year sees up down over after vs u.s. inc corp co ltd plc pct mln dlrs qtr shr net".split())
words, pairs = collections.Counter(), collections.Counter()
for path in sorted(title_files):
    for line in open(path, encoding="utf-8"):
        tokens = [t.strip(".,:;()'\"<>").lower() for t in json.loads(line).get("title", "").split()]
        tokens = [t for t in tokens if t.isalpha() and len(t) > 2]
        words.update(t for t in tokens if t not in stop)
        pairs.update((a, b) for a, b in zip(tokens, tokens[1:]) if a not in stop and b not in stop)
common = [w for w, _ in words.most_common(400)]
phrases = [f'"{a} {b}"' for (a, b), _ in pairs.most_common(120)]
def values(name):
    try:
        return [v["id"] for v in json.load(open(os.path.join(work, name + ".json")))["values"]]
    except (OSError, ValueError, KeyError):
        return []
people, countries, events = values("people"), values("countries"), values("events")
queries = []
for _ in range(120): queries.append({"q": rng.choice(common)})
for _ in range(60): queries.append({"q": " ".join(rng.sample(common, 2))})
for _ in range(40): queries.append({"q": rng.choice(phrases)})
for _ in range(20): queries.append({"q": f"{rng.choice(common)} OR {rng.choice(common)}"})
for _ in range(15): queries.append({"q": f"{rng.choice(common)} -{rng.choice(common)}"})
for _ in range(15): queries.append({"q": rng.choice(common)[:4] + "*"})
filtered = []
for query in rng.sample(queries, 80):
    query = dict(query)
    choice = rng.random()
    if countries and choice < 0.5: query["country"] = rng.choice(countries)
    elif people and choice < 0.8: query["person"] = rng.choice(people)
    elif events: query["event"] = rng.choice(events)
    filtered.append(query)
for _ in range(20):
    browse = {}
    if countries: browse["country"] = rng.choice(countries)
    if events and rng.random() < 0.5: browse["event"] = rng.choice(events)
    filtered.append(browse)
queries += filtered
rng.shuffle(queries)
lines = [urllib.parse.urlencode(q) + ("&" + extra if extra else "") for q in queries]
open(os.path.join(work, "queries.txt"), "w").write("\n".join(lines) + "\n")
def write_lua(name, lines):
    with open(os.path.join(work, name), "w") as lua:
        lua.write("local paths = {\n")
        for line in lines: lua.write(f'  "/api/search?{line}",\n')
        lua.write("}\nlocal n = 0\n")
        # Each wrk thread runs its own copy; offsetting by thread keeps them apart.
        lua.write("function setup(thread) thread:set('start', math.random(#paths)) end\n")
        lua.write("function init(args) n = tonumber(start) or 0 end\n")
        lua.write("function request()\n  n = n + 1\n  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n")
write_lua("queries.lua", lines)
# Filter-only browses on their own: the home page and "everything about X".
browses = [urllib.parse.urlencode(q) for q in queries if "q" not in q] + [""]
write_lua("browses.lua", browses)
print(f"{len(lines)} queries ({len(filtered)} with facet filters)", file=sys.stderr)
