#include "analysis/text_analysis.h"

#include "analysis/caching_stemmer.h"
#include "schemas/index_layout.h"

namespace newsfacet {

Xapian::Stem NewsStemmer() { return Xapian::Stem("english"); }

void ConfigureTermGenerator(Xapian::TermGenerator& generator) {
  generator.set_stemmer(Xapian::Stem(new CachingStemmer(NewsStemmer())));  // one per generator: not shared
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void ConfigureQueryParser(Xapian::QueryParser& parser) {
  parser.set_stemmer(NewsStemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.add_prefix("title", std::string(layout::kTitlePrefix));
}

}  // namespace newsfacet
