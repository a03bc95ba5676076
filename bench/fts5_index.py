#!/usr/bin/env python3
"""Index news articles into an SQLite FTS5 table: the baseline bench/index.sh
compares newsfacet with.

    fts5_index.py DB ARTICLES_DIR

Reads what newsfacet reads from the same directory (following symbolic
links): .txt files (first line the title, the rest the body) and .jsonl
files (one article a line, fields "title" and "maintext"). An article with
neither a title nor text is left out, as newsfacet leaves it out. All rows
go in one transaction. Prints {"articles": N, "bytes": B} on stdout.
"""

import json
import os
import sqlite3
import sys


def articles(root):
    for directory, subdirs, files in os.walk(root, followlinks=True):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(directory, name)
            if name.endswith(".txt"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                title, _, body = text.partition("\n")
                yield path, title.strip(), body.strip()
            elif name.endswith(".jsonl"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    for line in f:
                        if not line.strip():
                            continue
                        article = json.loads(line)
                        yield path, (article.get("title") or "").strip(), (article.get("maintext") or "").strip()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: fts5_index.py DB ARTICLES_DIR")
    db_path, root = sys.argv[1], sys.argv[2]
    if os.path.exists(db_path):
        sys.exit(f"fts5_index.py: {db_path} exists; give a new path")
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE articles USING fts5(title, body, "
               "tokenize='porter unicode61 remove_diacritics 2')")
    count = 0
    files = set()
    with db:  # one transaction, committed at the end of the block
        for path, title, body in articles(root):
            files.add(path)
            if not title and not body:
                continue
            db.execute("INSERT INTO articles(title, body) VALUES (?, ?)", (title, body))
            count += 1
    db.close()
    print(json.dumps({"articles": count, "bytes": sum(os.path.getsize(p) for p in files)}))


if __name__ == "__main__":
    main()
