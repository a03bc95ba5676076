#!/usr/bin/env python3
"""Tests of scripts/check_code_shape.py on small C++ sources."""
import contextlib
import importlib.util
import io
import os
import sys
import tempfile
import unittest

_spec = importlib.util.spec_from_file_location(
    "check_code_shape", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_code_shape.py"))
shape = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shape)


def statements(count, text="  ++total;"):
    return "\n".join([text] * count) + "\n"


def function(name, body_lines, first_body_line="  int total = 0;"):
    """A function whose body, braces included, spans body_lines + 2 lines."""
    return f"int {name}() {{\n{first_body_line}\n{statements(body_lines - 1)}}}\n"


def run_check(root):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return shape.main(["check_code_shape.py", root])


def lengths(text):
    return {name: length for name, _, length in shape.function_bodies(text)}


class FunctionBodies(unittest.TestCase):
    def test_a_body_of_sixty_lines_passes_and_sixty_one_fails(self):
        source = function("Fits", 58) + function("TooLong", 59)
        self.assertEqual(lengths(source), {"Fits": 60, "TooLong": 61})
        faults = shape.faults_in("x.cc", source)
        self.assertEqual(len(faults), 1)
        self.assertIn("x.cc:61: TooLong is 61 lines", faults[0])

    def test_a_closing_brace_in_a_string_does_not_end_the_body(self):
        source = function("Long", 70, first_body_line='  const char* text = "}";')
        self.assertEqual(lengths(source), {"Long": 72})

    def test_an_opening_brace_in_a_string_does_not_swallow_the_next_function(self):
        source = function("First", 3, first_body_line='  std::string open = "{\\"";') + function("Second", 3)
        self.assertEqual(lengths(source), {"First": 5, "Second": 5})

    def test_braces_and_quotes_in_a_raw_string_are_text(self):
        raw = 'constexpr char kJson[] = R"json({"a": "{", "b": ")"})json";\n'
        source = raw + function("Short", 3, first_body_line='  auto x = u8R"(say "{" )";')
        self.assertEqual(lengths(source), {"Short": 5})

    def test_digit_separators_do_not_open_a_character_literal(self):
        source = function("Long", 70, first_body_line="  int n = 1'000; char c = '}';")
        self.assertEqual(lengths(source), {"Long": 72})

    def test_braces_in_character_literals_and_comments_are_not_code(self):
        source = ("int Scan(char c) {\n"
                  "  int n = 1'000'000;  // }\n"
                  "  if (c == '{' || c == '\\'') return n;  /* { */\n"
                  "  return c == '}';\n"
                  "}\n") + function("After", 3)
        self.assertEqual(lengths(source), {"Scan": 5, "After": 5})

    def test_a_brace_in_a_preprocessor_line_is_not_code(self):
        source = "#define OPEN {\n#define CLOSE_AND_OPEN \\\n  } {\n" + function("Short", 3)
        self.assertEqual(lengths(source), {"Short": 5})

    def test_a_line_comment_ending_in_a_backslash_runs_on(self):
        source = "// a comment that runs on \\\n  } {\n" + function("Short", 3)
        self.assertEqual(lengths(source), {"Short": 5})

    def test_namespace_class_and_enum_braces_are_not_bodies(self):
        members = "".join(f"  int Get{i}() const {{ return {i}; }}\n" for i in range(70))
        enumerators = "".join(f"  kValue{i},\n" for i in range(70))
        source = ("namespace outer {\nnamespace {\n"
                  f"class Wide : public Base {{\n public:\n{members}}};\n"
                  f"enum class Kind : int {{\n{enumerators}}};\n"
                  "}  // namespace\n}  // namespace outer\n")
        found = lengths(source)
        self.assertEqual(len(found), 70)
        self.assertEqual(max(found.values()), 1)

    def test_a_long_method_inside_its_class_is_a_body(self):
        source = "struct Holder {\n  void Run() {\n" + statements(70) + "  }\n};\n"
        self.assertEqual(lengths(source), {"Run": 72})

    def test_initialiser_braces_are_not_bodies(self):
        rows = "".join(f'    {{"name{i}", {i}}},\n' for i in range(70))
        source = (f"constexpr Entry kEntries[] = {{\n{rows}}};\n"
                  f"const std::vector<Entry> kCopy{{\n{rows}}};\n"
                  "const Table kTable = MakeTable({1, 2, 3});\n" + function("After", 3))
        self.assertEqual(lengths(source), {"After": 5})

    def test_a_constructor_with_brace_initialised_members_is_a_body(self):
        source = "Engine::Engine(Options options)\n    : options_(options), gate_{4}, cache_{} {\n" + statements(70) + "}\n"
        self.assertEqual(lengths(source), {"Engine::Engine": 72})

    def test_a_lambda_at_namespace_scope_is_a_body(self):
        source = "const auto kCheck = [](int value) {\n" + statements(70) + "};\n" \
                 "auto kBare = [] {\n  return 1;\n};\n"
        self.assertEqual(sorted(length for _, _, length in shape.function_bodies(source)), [3, 72])

    def test_a_lambda_inside_a_function_counts_towards_the_function(self):
        source = "void Outer() {\n  auto inner = [&](int v) {\n" + statements(30) + "  };\n" + statements(31) + "}\n"
        self.assertEqual(lengths(source), {"Outer": 65})

    def test_qualified_and_trailing_return_signatures_are_bodies(self):
        source = ("template <typename T>\nauto Pick(T a) const noexcept -> T {\n  return a;\n}\n"
                  "bool Less::operator()(int a, int b) const {\n  return a < b;\n}\n")
        self.assertEqual(lengths(source), {"Pick": 3, "Less::operator()": 3})


class FileLength(unittest.TestCase):
    def test_a_long_file_needs_a_reason_in_its_header(self):
        body = statements(401, "int x;")
        self.assertEqual(len(shape.faults_in("long.h", body)), 1)
        self.assertEqual(shape.faults_in("long.h", "// Long file: one table the parser and its tests share\n" + body), [])
        self.assertEqual(shape.faults_in("short.h", statements(400, "int x;")), [])

    def test_the_reason_must_be_in_the_header_and_say_something(self):
        body = statements(401, "int x;")
        self.assertEqual(len(shape.faults_in("long.h", "// Long file:\n" + body)), 1)
        self.assertEqual(len(shape.faults_in("long.h", body + "// Long file: a reason too late to count\n")), 1)


class Tree(unittest.TestCase):
    def test_tests_build_folders_and_unit_tests_are_not_checked(self):
        with tempfile.TemporaryDirectory() as root:
            long_function = function("Long", 70)
            for path in ["searcher/long.cc", "searcher/long_test.cc", "tests/e2e.cc", "build/gen.cc",
                         "build-bench/gen.cc", "notes.txt"]:
                os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
                with open(os.path.join(root, path), "w") as out:
                    out.write(long_function)
            self.assertEqual(list(shape.source_files(root)), ["searcher/long.cc"])
            self.assertEqual(run_check(root), 1)
            os.remove(os.path.join(root, "searcher/long.cc"))
            self.assertEqual(run_check(root), 0)

    def test_files_pending_elsewhere_are_listed_but_do_not_fail(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, "bench"))
            with open(os.path.join(root, "bench/entity_eval.cc"), "w") as out:
                out.write(function("Long", 70))
            self.assertEqual(run_check(root), 1)
            saved = shape.PENDING_ELSEWHERE
            shape.PENDING_ELSEWHERE = ["bench/entity_*"]
            try:
                self.assertEqual(run_check(root), 0)
            finally:
                shape.PENDING_ELSEWHERE = saved


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + ["--quiet"] if len(sys.argv) == 1 else sys.argv)
