#!/usr/bin/env python3
"""Writes every quoted include of the C++ sources as its path from the
repository root, the one include directory (ARCHITECTURE.md):
#include "facet.h" in searcher/ becomes #include "searcher/facet.h".

For code written before a file moved, or on a branch that did not know the
folders: a name is resolved as a compiler searching the including file's
folder would, then as the one header anywhere in the tree whose path ends
with it. A name that fits no header or several is left as it is and listed;
tests/layering_test.sh then reports it.

Usage: scripts/qualify_includes.py [REPO_ROOT]    (exit 1 when some are left)
"""
import os
import re
import sys

SOURCE_FOLDERS = ["common", "analysis", "schemas", "indexer", "searcher", "cli", "tests", "bench", "scripts"]
INCLUDE = re.compile(r'^(\s*#\s*include\s+)"([^"]+)"', re.M)


def source_files(root):
    for top in SOURCE_FOLDERS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = [d for d in dirs if d != "node_modules"]
            for name in files:
                if name.endswith((".h", ".cc")):
                    yield os.path.relpath(os.path.join(folder, name), root)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
    files = sorted(source_files(root))
    headers = {path for path in files if path.endswith(".h")}
    unresolved = []

    def qualified(including, name):
        if name in headers:
            return name
        beside = os.path.normpath(os.path.join(os.path.dirname(including), name))
        if beside in headers:
            return beside
        found = [h for h in headers if h.endswith("/" + name)]
        if len(found) == 1:
            return found[0]
        unresolved.append(f"{including}: \"{name}\" fits {found or 'no header'}")
        return name

    for path in files:
        full = os.path.join(root, path)
        with open(full, encoding="utf-8") as source:
            text = source.read()
        new = INCLUDE.sub(lambda m: m.group(1) + '"' + qualified(path, m.group(2)) + '"', text)
        if new != text:
            with open(full, "w", encoding="utf-8") as source:
                source.write(new)
            print(path)
    for line in unresolved:
        print("left as it is: " + line, file=sys.stderr)
    return 1 if unresolved else 0


if __name__ == "__main__":
    sys.exit(main())
