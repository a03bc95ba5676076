#include "analysis/term_writer.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <doctest/doctest.h>

#include "analysis/search_folding.h"
#include "analysis/text_analysis.h"

using newsfacet::TermWriter;

namespace {

// Every term with its wdf and positions, one per line.
std::string Listing(const Xapian::Document& doc) {
  std::ostringstream out;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    out << *term << " wdf=" << term.get_wdf() << " at";
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) out << ' ' << *pos;
    out << '\n';
  }
  return out.str();
}

// The texts of one document: (text, wdf increment, prefix); an empty text
// with wdf 0 stands for increase_termpos().
struct Part {
  std::string text;
  Xapian::termcount wdf = 1;
  std::string prefix;
};

// Indexes `parts` into a new document through `set_document`, `gap` and
// `index`, and lists the result.
template <typename SetDocument, typename Gap, typename Index>
std::string Indexed(const std::vector<Part>& parts, SetDocument set_document, Gap gap, Index index) {
  Xapian::Document doc;
  set_document(doc);
  for (const Part& part : parts) {
    if (part.wdf == 0) {
      gap();
    } else {
      index(part);
    }
  }
  return Listing(doc);
}

std::string WithXapian(const std::vector<Part>& parts) {
  Xapian::TermGenerator generator;
  newsfacet::ConfigureTermGenerator(generator);
  return Indexed(
      parts, [&](Xapian::Document& doc) { generator.set_document(doc); }, [&] { generator.increase_termpos(); },
      [&](const Part& part) { generator.index_text(part.text, part.wdf, part.prefix); });
}

std::string WithTermWriter(TermWriter& writer, const std::vector<Part>& parts) {
  return Indexed(
      parts, [&](Xapian::Document& doc) { writer.SetDocument(doc); }, [&] { writer.IncreaseTermpos(); },
      [&](const Part& part) { writer.IndexText(part.text, part.wdf, part.prefix); });
}

void CheckSame(TermWriter& writer, const std::string& text) {
  CAPTURE(text);
  const std::vector<Part> parts = {{text, 1, ""}};
  CHECK(WithTermWriter(writer, parts) == WithXapian(parts));
}

}  // namespace

TEST_CASE("term writer: the terms, positions and wdf of Xapian's TermGenerator, for each rule") {
  TermWriter writer;
  const char* cases[] = {
      "",
      "   ",
      "Hello world",
      "U.S. troops left the U.S and the U.K.",
      "U.Sa and A.B.C.D. and X. and P.T.O.",
      "AT&T M&S don't rock'n'roll o'brien ' & '' && a'",
      "3,000 1.5 2;3 1,a a,1 3.14.15 10,000,000 1..2",
      "C++ C# F## x+++ y++++ fish+chips a+ +b #c c++d",
      "snake_case __init__ _ a_ _b",
      "22-year-old al-Assad co-operate -x- x-",
      "Email: someone@example.org, http://example.org/a?b=c&d=e",
      "Running runs ran; runner's stems: elections, ELECTIONS, Elected.",
      "numbers 2016 12th 1990s 3D A4",
      "tab\tnew\nline\r\ncarriage\fform\vvertical",
      "trailing dot. trailing apostrophe' trailing plus+",
      "ends with U.S.",
      "Q",
      "ends with C+",
      "x.Y.z A.b",
      "supercalifragilisticexpialidocioussupercalifragilisticexpialidocious and short",
      "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde",
      "control\x01chars\x1fhere\x7f",
      "£5m and €3bn, 50°C, naïve café, Москва и Санкт-Петербург, 北京市 and 東京",
      "zero\u200bwidth l\u00b7l and mid·dot and no\u00a0break",
      "mixed Ωmega and ASCII-ωmega-x and x£y",
      "‘quoted’ “double” – dash — em",
      "B&漢\t : \" !( 7 and 漢 U.S. and 東京 ... !! x.y and 漢 é U.S.",
  };
  for (const char* text : cases) CheckSame(writer, text);
}

TEST_CASE("term writer: prefixes, wdf increments and position gaps across texts") {
  TermWriter writer;
  const std::vector<Part> parts = {{"Envoy shot in Ankara: U.S. says", 3, ""},
                                   {"Envoy shot in Ankara: U.S. says", 1, "S"},
                                   {"", 0, ""},
                                   {"The envoy, Andrei Karlov, was shot. Москва says the envoy's killer Altıntaş", 1, ""}};
  CHECK(WithTermWriter(writer, parts) == WithXapian(parts));
  // A second document starts again from position 1.
  CHECK(WithTermWriter(writer, parts) == WithXapian(parts));
}

TEST_CASE("term writer: random text of word characters, joiners, suffixes and other scripts") {
  const std::vector<std::string> pieces = {"a", "B", "z", "Q", "0", "7", "_", ".", ",", ";", "'", "&", "+", "#",
                                           "-", " ", " ", "\t", "\n", "U.S.", "é", "£", "’", "·", "\u200b", "д",
                                           "漢", "\u00a0", "!", "\"", "(", ":", "/"};
  std::mt19937 random(20261122);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 30);
  TermWriter writer;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
    CheckSame(writer, text);
  }
}

TEST_CASE("term writer: the sample corpus, folded as the indexer folds it") {
  const std::filesystem::path corpus = std::filesystem::path(NEWSFACET_SOURCE_DIR) / "corpus";
  TermWriter writer;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CAPTURE(entry.path().string());
    CheckSame(writer, newsfacet::FoldForSearch(text));
    CheckSame(writer, text);
    ++files;
  }
  CHECK(files >= 30);
}

TEST_CASE("term writer: still right after its vocabulary fills and starts again") {
  TermWriter writer;
  Xapian::Document scratch;
  writer.SetDocument(scratch);
  for (int text = 0; text < 25; ++text) {
    std::string words;
    for (int i = 0; i < 10000; ++i) words += "w" + std::to_string(text) + "x" + std::to_string(i) + " ";
    writer.IndexText(words);
  }
  const std::vector<Part> parts = {{"Elections, elected, electing: the election's results", 1, ""}};
  CHECK(WithTermWriter(writer, parts) == WithXapian(parts));
}
