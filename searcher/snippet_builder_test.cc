#include "searcher/snippet_builder.h"

#include <doctest/doctest.h>

#include "analysis/data_files.h"
#include "analysis/person_key.h"
#include "searcher/query_builder.h"
#include "analysis/utf8.h"

using namespace newsfacet;

namespace {

// Terms as the engine would collect them for `query` and `filters`.
HighlightTerms TermsFor(const std::string& query, const RequestParams& filters = {},
                        const FacetLabels& labels = FacetLabels()) {
  RequestParams params = filters;
  if (!query.empty()) params.emplace_back("q", query);
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  Xapian::Database no_index;
  BuiltQuery built;
  REQUIRE_FALSE(QueryBuilder(labels).Build(request.scope, no_index, &built));
  return CollectHighlightTerms(built, labels);
}

std::string SnippetOf(const std::string& body, const HighlightTerms& terms) { return SnippetBuilder(terms).Snippet(body); }

std::string Filler(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) text += "Officials met again on day " + std::to_string(i) + " to discuss routine matters. ";
  return text;
}

}  // namespace

TEST_CASE("article text is HTML-escaped, and only the marks are markup") {
  HighlightTerms terms = TermsFor("script");
  std::string snippet = SnippetOf("A note read <script>alert(\"x\")</script> & 'nothing' more.", terms);
  CHECK(snippet ==
        "A note read &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &#39;nothing&#39; more.");
  CHECK(snippet.find("<script") == std::string::npos);
  CHECK(EscapeHtml("<a href=\"x\">") == "&lt;a href=&quot;x&quot;&gt;");
}

TEST_CASE("a folded query marks the word as written, diacritics and all") {
  const std::string body = "The attacker, 22-year-old Mevlüt Mert Altıntaş, was an off-duty police officer.";
  CHECK(SnippetOf(body, TermsFor("altintas")).find("<mark>Altıntaş</mark>") != std::string::npos);
  CHECK(SnippetOf(body, TermsFor("Altıntaş")).find("<mark>Altıntaş</mark>") != std::string::npos);
  CHECK(SnippetOf(body, TermsFor("mevlut")).find("<mark>Mevlüt</mark>") != std::string::npos);
}

TEST_CASE("stemmed words mark every form of the word, an exact capitalised word only itself") {
  const std::string body = "Police shot the gunman. The shooting continued; shots rang out. Shooters fled.";
  std::string snippet = SnippetOf(body, TermsFor("shooting"));
  CHECK(snippet.find("<mark>shooting</mark>") != std::string::npos);
  CHECK(snippet.find("<mark>Shooters</mark>") == std::string::npos);  // "shooter" is another stem
  CHECK(SnippetOf(body, TermsFor("shot")).find("<mark>shots</mark>") != std::string::npos);
}

TEST_CASE("a phrase is marked as one whole phrase, and its words alone are not") {
  const std::string body = "He visited an art exhibition in Ankara. Art critics said the exhibition was small.";
  std::string snippet = SnippetOf(body, TermsFor("\"art exhibition\""));
  CHECK(snippet.find("<mark>art exhibition</mark>") != std::string::npos);
  CHECK(snippet.find("<mark>Art</mark>") == std::string::npos);
  CHECK(snippet.find("the <mark>exhibition") == std::string::npos);
}

TEST_CASE("excluded words are not marked, wildcards mark what they expand to") {
  const std::string body = "Putin spoke after the Kremlin said Karlov had died.";
  std::string snippet = SnippetOf(body, TermsFor("karlov -putin"));
  CHECK(snippet.find("<mark>Karlov</mark>") != std::string::npos);
  CHECK(snippet.find("<mark>Putin") == std::string::npos);
  CHECK(SnippetOf(body, TermsFor("kreml*")).find("<mark>Kremlin</mark>") != std::string::npos);
}

TEST_CASE("a long text is cut at word boundaries around the matches, with an ellipsis where cut") {
  const std::string body = Filler(10) + "Then the ambassador of Russia was shot in Ankara during a speech. " + Filler(10);
  std::string snippet = SnippetOf(body, TermsFor("ambassador shot"));
  CHECK(snippet.rfind("\xE2\x80\xA6", 0) == 0);
  CHECK(snippet.compare(snippet.size() - 3, 3, "\xE2\x80\xA6") == 0);
  CHECK(snippet.find("<mark>ambassador</mark>") != std::string::npos);
  CHECK(snippet.find("<mark>shot</mark>") != std::string::npos);
  // It starts at the sentence with the match, not mid-word.
  CHECK(snippet.find("\xE2\x80\xA6Then the") == 0);
  const size_t chars = CountChars(snippet) - 2 * std::string("<mark></mark>").size();
  CHECK(chars >= 150);
  CHECK(chars <= kMaxSnippetChars + 2);
  // No word is cut: the text before the final ellipsis ends a word of the body.
  std::string last_word = snippet.substr(0, snippet.size() - 3);
  last_word = last_word.substr(last_word.rfind(' ') + 1);
  CHECK(body.find(" " + last_word + " ") != std::string::npos);
}

TEST_CASE("with no match, the snippet is the opening of the text, and white space runs become one space") {
  std::string snippet = SnippetOf("First paragraph.\n\n   Second\tparagraph. " + Filler(20), TermsFor("zebra"));
  CHECK(snippet.rfind("First paragraph. Second paragraph. Officials", 0) == 0);
  CHECK(snippet.compare(snippet.size() - 3, 3, "\xE2\x80\xA6") == 0);
  CHECK(snippet.find("<mark>") == std::string::npos);
}

TEST_CASE("a person filter marks the person under every spelling, and the surname alone, but not a namesake") {
  const std::string body =
      "Andrey Karlov was shot. President Putin praised Andrei Karlov. Ambassador Karlov had served in Pyongyang. "
      "Maria Karlov, a tennis player, is no relation. Karlov's funeral was held in Moscow.";
  HighlightTerms terms = TermsFor("", {{"person", "andrei-karlov"}});
  CHECK(terms.person_ids == std::vector<std::string>{"andrei-karlov"});
  std::string marked = SnippetBuilder(terms).Highlight(body, false);
  CHECK(marked.find("<mark>Andrey Karlov</mark> was shot") != std::string::npos);
  CHECK(marked.find("<mark>Andrei Karlov</mark>.") != std::string::npos);
  CHECK(marked.find("Ambassador <mark>Karlov</mark>") != std::string::npos);
  CHECK(marked.find("Maria Karlov,") != std::string::npos);
  CHECK(marked.find("<mark>Karlov&#39;s</mark> funeral") != std::string::npos);
}

TEST_CASE("a person's name with diacritics, particles or a middle name missing is still the person") {
  HighlightTerms altintas = TermsFor("", {{"person", "Mevlut Mert Altintas"}});
  std::string marked = SnippetBuilder(altintas).Highlight("Mevlüt Mert Altıntaş fired. Later Mevlut Altintas was named.", false);
  CHECK(marked == "<mark>Mevlüt Mert Altıntaş</mark> fired. Later <mark>Mevlut Altintas</mark> was named.");
  HighlightTerms assad = TermsFor("", {{"person", "Bashar al-Assad"}});
  CHECK(SnippetBuilder(assad).Highlight("Bashar al-Assad met Assad's envoy.", false) ==
        "<mark>Bashar al-Assad</mark> met <mark>Assad&#39;s</mark> envoy.");
}

TEST_CASE("a country filter marks the country's names when the country table is there") {
  std::vector<std::string> warnings;
  FacetLabels labels = FacetLabels::Load(DataDirectory(), &warnings);
  if (labels.CountryNames("TR").empty()) {
    MESSAGE("skipped: no schemas/data/countries.json");
    return;
  }
  HighlightTerms terms = TermsFor("", {{"country", "tr"}}, labels);
  std::string marked = SnippetBuilder(terms).Highlight("Russia's envoy to Turkey, and Türkiye's reply.", false);
  CHECK(marked.find("<mark>Turkey</mark>") != std::string::npos);
  CHECK(marked.find("<mark>Türkiye&#39;s</mark>") != std::string::npos);
  CHECK(marked.find("<mark>Russia") == std::string::npos);
}

TEST_CASE("titles are marked too, title: terms only there, and white space is kept in full texts") {
  HighlightTerms terms = TermsFor("title:ankara shot");
  SnippetBuilder builder(terms);
  CHECK(builder.Highlight("Ambassador shot in Ankara", true) == "Ambassador <mark>shot</mark> in <mark>Ankara</mark>");
  CHECK(builder.Highlight("Ambassador shot in Ankara", false) == "Ambassador <mark>shot</mark> in Ankara");
  CHECK(builder.Highlight("Line one.\n\nShot  twice.", false) == "Line one.\n\n<mark>Shot</mark>  twice.");
}
