// The contract between indexer and searcher: text indexed by the
// DocumentBuilder is found by a query parsed as the searcher parses it.
#include "analysis/text_analysis.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <set>
#include <string>

#include "indexer/document_builder.h"
#include "schemas/store/stored_article.h"
#include "analysis/search_folding.h"

namespace {

using newsfacet::Article;

class SmallIndex {
 public:
  SmallIndex() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

  void Add(const std::string& id, const std::string& title, const std::string& body) {
    Article article;
    article.id = id;
    article.path = id;
    article.title = title;
    article.body = body;
    db_.add_document(builder_.Build(article, {}, "run"));
  }

  // Ids of the matching articles, best first.
  std::vector<std::string> Search(const std::string& query_text) {
    Xapian::QueryParser parser;
    newsfacet::ConfigureQueryParser(parser);
    parser.set_database(db_);
    Xapian::Query query = parser.parse_query(newsfacet::FoldForSearch(query_text),
                                             Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_CJK_NGRAM);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::MSet matches = enquire.get_mset(0, 100);
    std::vector<std::string> ids;
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      ids.push_back(newsfacet::LoadStoredArticle(it.get_document()).article.id);
    }
    return ids;
  }

 private:
  Xapian::WritableDatabase db_;
  newsfacet::DocumentBuilder builder_;
};

std::vector<std::string> Ids(std::initializer_list<const char*> ids) { return {ids.begin(), ids.end()}; }

}  // namespace

TEST_CASE("analysis: a query without diacritics finds the name written with them, and back") {
  SmallIndex index;
  index.Add("accented", "Ankara attack", "The attacker, Mevlüt Mert Altıntaş, was 22.");
  index.Add("plain", "Ankara attack", "The attacker, Mevlut Mert Altintas, was 22.");
  CHECK(index.Search("altintas").size() == 2);
  CHECK(index.Search("Altıntaş").size() == 2);
  CHECK(index.Search("\"Mevlüt Mert Altıntaş\"").size() == 2);
}

TEST_CASE("analysis: stemming widens plain words, quotes keep the exact form") {
  SmallIndex index;
  index.Add("attacked", "", "Gunmen attacked the embassy.");
  index.Add("attacks", "", "A wave of attacks hit the capital.");
  CHECK(index.Search("attack").size() == 2);
  CHECK(index.Search("\"attacked\"") == Ids({"attacked"}));
}

TEST_CASE("analysis: possessives match the bare word, quoted or not") {
  SmallIndex index;
  index.Add("possessive", "", "Wait for the Kremlin’s official stance.");
  CHECK(index.Search("Kremlin") == Ids({"possessive"}));
  CHECK(index.Search("\"Kremlin\"") == Ids({"possessive"}));
  CHECK(index.Search("Kremlin's") == Ids({"possessive"}));
}

TEST_CASE("analysis: hyphenated names and ages match as phrases") {
  SmallIndex index;
  index.Add("assad", "", "President Bashar al-Assad spoke. The 22-year-old gunman fled.");
  index.Add("other", "", "Al spoke about Assad. A year old report.");
  CHECK(index.Search("al-Assad") == Ids({"assad"}));
  CHECK(index.Search("22-year-old") == Ids({"assad"}));
  CHECK(index.Search("Assad").size() == 2);
}

TEST_CASE("analysis: acronyms with dots match without them") {
  SmallIndex index;
  index.Add("us", "", "U.S. officials condemned the attack.");
  CHECK(index.Search("U.S.") == Ids({"us"}));
  CHECK(index.Search("\"US officials\"") == Ids({"us"}));
}

TEST_CASE("analysis: a title match outranks a body match") {
  SmallIndex index;
  index.Add("body", "Markets rally", "Later, an earthquake was felt in the region and again in the city.");
  index.Add("title", "Earthquake hits the coast", "Buildings fell in the region and in the city.");
  CHECK(index.Search("earthquake").front() == "title");
  CHECK(index.Search("title:earthquake") == Ids({"title"}));
}

TEST_CASE("analysis: no phrase spans the end of the title and the start of the body") {
  SmallIndex index;
  index.Add("split", "Talks in Geneva", "Ended without agreement.");
  CHECK(index.Search("\"Geneva ended\"").empty());
  CHECK(index.Search("\"talks in geneva\"") == Ids({"split"}));
}

TEST_CASE("analysis: CJK text is searchable") {
  SmallIndex index;
  index.Add("cjk", "", "北京举行峰会");
  CHECK(index.Search("北京") == Ids({"cjk"}));
}
