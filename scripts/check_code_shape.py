#!/usr/bin/env python3
"""The shape the C++ sources keep: short functions, files of one concept.

    scripts/check_code_shape.py [SOURCE_DIR]

Fails (exit 1, one line a fault) when, in a C++ source outside tests/ and
outside unit tests (*_test.cc):
  - a function body is over 60 lines: a function, a method (defined in its
    class or outside it), a constructor, or a lambda defined at namespace
    scope. Counted from the line of its opening brace to the line of its
    closing one. A lambda or local class inside a function counts towards
    that function. Braces that open a namespace, a class, an enum or an
    initialiser are not bodies.
  - a file is over 400 lines and its header comment does not say why with a
    line starting `// Long file:` and a reason, for a file a split would hurt.

The braces are matched on the code alone: comments, string and character
literals (raw strings included) and preprocessor lines are blanked out
first, so a brace in a string cannot open or close a body.
"""
import fnmatch
import os
import re
import sys

MAX_FUNCTION_LINES = 60
MAX_FILE_LINES = 400
LONG_FILE_MARKER = "// Long file:"
SOURCE_ENDINGS = (".cc", ".h", ".cpp", ".hpp")

# Files being rewritten on another branch, whose faults are listed but do not
# fail the check while that branch is in flight. Empty on main.
PENDING_ELSEWHERE = []

_IDENTIFIER_CHAR = re.compile(r"[A-Za-z0-9_]")
_RAW_STRING_PREFIX = re.compile(r"(?:^|[^A-Za-z0-9_])(?:u8|u|U|L)?R$")


def _blank(text):
    """`text` with every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", text)


def code_only(text):
    """The text with comments, literals and preprocessor lines blanked.

    Lines and columns are kept: each blanked character becomes a space, and
    a string keeps its quotes, so `extern "C"` still reads as one."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c in " \t":
            out.append(c)
            i += 1
            continue
        if at_line_start and c == "#":
            end = _end_of_logical_line(text, i)
            out.append(_blank(text[i:end]))
            i = end
            continue
        at_line_start = c == "\n"
        if text.startswith("//", i):
            end = _end_of_logical_line(text, i)
            out.append(_blank(text[i:end]))
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end == -1 else end + 2
            out.append(_blank(text[i:end]))
            i = end
        elif c == '"' and _RAW_STRING_PREFIX.search(text[max(0, i - 4):i]):
            open_paren = text.find("(", i)
            delimiter = text[i + 1:open_paren]
            close = text.find(")" + delimiter + '"', open_paren)
            end = n if open_paren == -1 or close == -1 else close + len(delimiter) + 2
            out.append('"' + _blank(text[i + 1:end - 1]) + '"')
            i = end
        elif c == '"' or (c == "'" and not _is_digit_separator(text, i)):
            end = i + 1
            while end < n and text[end] != c and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            end = min(end + 1, n)
            out.append(c + _blank(text[i + 1:end - 1]) + c)
            i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _end_of_logical_line(text, start):
    """Where the line from `start` ends: a line ending in a backslash runs on
    (a directive, or a // comment, over several lines)."""
    end = start
    while True:
        end = text.find("\n", end)
        if end == -1:
            return len(text)
        if text[end - 1] != "\\":
            return end
        end += 1


def _is_digit_separator(text, quote):
    """Whether the ' at `quote` is inside a number (1'000'000), not a char."""
    start = quote
    while start > 0 and (_IDENTIFIER_CHAR.match(text[start - 1]) or text[start - 1] in "'."):
        start -= 1
    return start < quote and text[start].isdigit()


def _collapse_groups(head):
    """`head` with the inside of each (), [] and {} group dropped."""
    out, depth = [], 0
    for c in head:
        if c in "([{":
            if depth == 0:
                out.append(c)
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
            if depth == 0:
                out.append(c)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def _strip_template_prefix(head):
    match = re.match(r"\s*template\s*<", head)
    if not match:
        return head
    depth, i = 1, match.end()
    while i < len(head) and depth > 0:
        depth += {"<": 1, ">": -1}.get(head[i], 0)
        i += 1
    return head[i:]


_TRAILING_QUALIFIERS = re.compile(r"(\s*(const|volatile|noexcept|override|final|mutable|constexpr|&&|&))+\s*$")


def classify(head):
    """What a `{` opens, from the code before it since the last statement.

    One of "namespace", "class", "enum", "function" or "initialiser"."""
    head = re.sub(r"^\s*((public|private|protected)\s*:(?!:)\s*)+", "", head)
    flat = " ".join(_collapse_groups(head).split())
    if re.search(r"\bnamespace\b", flat) or re.fullmatch(r'extern\s*"\s*"', flat):
        return "namespace"
    declared = _strip_template_prefix(flat)
    if re.match(r"\s*((typedef|static|const|constexpr|inline)\s+)*enum\b", declared):
        return "enum"
    if re.match(r"\s*((typedef|inline)\s+)*(class|struct|union)\b", declared) and not re.search(r"[=)]\s*$", declared):
        return "class"
    signature = re.sub(r"->[^()]*$", "", flat)  # a trailing return type
    signature = _TRAILING_QUALIFIERS.sub("", signature)
    if signature.endswith(")"):
        return "function"
    # A constructor's initialiser list: "Engine() : pool_(4), gate_{2} {".
    # The brace right after a member's name ("gate_{") initialises it.
    if re.search(r"\)[^()]*(?<!:):(?!:)", flat) and signature.endswith("}"):
        return "function"
    if re.search(r"(^|[=(,])\s*\[\]$", signature):  # a lambda with no parameter list
        return "function"
    return "initialiser"


def _function_name(head):
    flat = " ".join(_strip_template_prefix(head).split())
    match = re.search(r"([~\w:]*?(?:operator\s*\S+?|[~\w]+))\s*\(", flat)
    if match and not flat.lstrip().startswith(("[", "=")) and "= [" not in flat:
        return match.group(1)
    return flat[-80:]


def function_bodies(text):
    """(name, first line, line count) of every function body in C++ `text`."""
    code = code_only(text)
    bodies = []
    # Where the declaration the next `{` belongs to begins: after the last
    # statement, body or scope opening.
    head_start = 0
    i, n = 0, len(code)
    line = 1
    while i < n:
        c = code[i]
        if c == "\n":
            line += 1
        elif c == ";":
            head_start = i + 1
        elif c == "}":  # a namespace or class closes
            head_start = i + 1
        elif c == "{":
            head = code[head_start:i]
            kind = classify(head)
            if kind in ("namespace", "class"):
                head_start = i + 1
            else:
                close, close_line = _matching_brace(code, i, line)
                if kind == "function":
                    bodies.append((_function_name(head), line, close_line - line + 1))
                    head_start = close + 1
                # an initialiser stays part of the declaration it is in
                line = close_line
                i = close
        i += 1
    return bodies


def _matching_brace(code, open_at, line):
    depth = 0
    for j in range(open_at, len(code)):
        c = code[j]
        if c == "\n":
            line += 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return j, line
    return len(code) - 1, line


def has_long_file_reason(text):
    """Whether the header comment has a `// Long file:` line with a reason."""
    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith(LONG_FILE_MARKER):
            return len(stripped[len(LONG_FILE_MARKER):].split()) >= 3
        if stripped and not stripped.startswith(("//", "#")):
            return False  # the header comment ended
    return False


def faults_in(relative_path, text):
    """Messages, one a fault, for the source `text` at `relative_path`."""
    faults = []
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if lines > MAX_FILE_LINES and not has_long_file_reason(text):
        faults.append(f"{relative_path}: {lines} lines, over {MAX_FILE_LINES}: split it by concept, or say why "
                      f"not in a '{LONG_FILE_MARKER} <reason>' line of its header comment")
    for name, first_line, length in function_bodies(text):
        if length > MAX_FUNCTION_LINES:
            faults.append(f"{relative_path}:{first_line}: {name} is {length} lines, over {MAX_FUNCTION_LINES}: "
                          "split it into named steps")
    return faults


def _is_checked(relative_path):
    parts = relative_path.split("/")
    return (relative_path.endswith(SOURCE_ENDINGS) and not relative_path.endswith("_test.cc")
            and parts[0] != "tests")


def source_files(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "build")) and d != "node_modules"
                               and not os.path.exists(os.path.join(folder, d, "CMakeCache.txt")))
        for name in sorted(files):
            relative_path = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if _is_checked(relative_path):
                yield relative_path


def pending_elsewhere(relative_path):
    return any(fnmatch.fnmatch(relative_path, pattern) for pattern in PENDING_ELSEWHERE)


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    failed, pending, checked = [], [], 0
    for relative_path in source_files(root):
        with open(os.path.join(root, relative_path), encoding="utf-8", errors="replace") as source:
            faults = faults_in(relative_path, source.read())
        checked += 1
        (pending if pending_elsewhere(relative_path) else failed).extend(faults)
    for fault in pending:
        print(f"pending elsewhere (allowed for now): {fault}")
    for fault in failed:
        print(fault)
    if failed:
        print(f"code shape: {len(failed)} fault(s) in {checked} files", file=sys.stderr)
        return 1
    print(f"code shape: {checked} files, no function over {MAX_FUNCTION_LINES} lines, "
          f"no file over {MAX_FILE_LINES} lines without a reason")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
