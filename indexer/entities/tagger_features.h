// The features a name tagger sees at each token: the word and its
// neighbours, their shapes, affixes, and what the project's word lists say
// of them (a first name, a title, an organisation word, a country).
//
// One function serves training and tagging, so the model sees at run time
// exactly what it was trained on. A feature is a 32-bit hash of (template,
// value); collisions are rare enough at a few hundred thousand features to
// be noise.
#pragma once

#include <cstdint>
#include <vector>

#include "indexer/entities/country_gazetteer.h"
#include "indexer/entities/name_lexicon.h"
#include "indexer/entities/token_stream.h"

namespace newsfacet {

using FeatureId = uint32_t;  // never 0

// What Extract reads of one token beside its word: computed once per token
// of a sentence, though a token's features look at its neighbours' too.
struct TokenFacts {
  uint32_t flags = 0;  // what the word lists say of it, as bits
  uint64_t shape = 0;  // its letter classes ("Xx", "X.X.", "d")
  uint64_t place = 0;  // the country or city form starting at it; 0 if none
};

class TaggerFeatures {
 public:
  TaggerFeatures(const NameLexicon& lexicon, const CountryGazetteer& countries)
      : lexicon_(lexicon), countries_(countries) {}

  // The facts of tokens [from, to) of the sentence [begin, end), into
  // (*facts)[from - begin, to - begin); `facts` holds end - begin entries.
  // The tagger asks only for the tokens around the words that may be names.
  void FillFacts(const std::vector<Token>& tokens, size_t begin, size_t end, size_t from, size_t to,
                 std::vector<TokenFacts>* facts) const;
  // The facts of every token of the sentence [begin, end).
  std::vector<TokenFacts> SentenceFacts(const std::vector<Token>& tokens, size_t begin, size_t end) const;

  // Appends to `features` (cleared first) the features of tokens[i] within
  // its sentence [sentence_begin, sentence_end), whose facts (FillFacts) are
  // `facts`, filled for tokens i - 1 to i + 2. `caps_sentence`: the
  // sentence is written in capitals, so capitals say nothing there.
  void Extract(const std::vector<Token>& tokens, size_t sentence_begin, size_t sentence_end, size_t i,
               bool caps_sentence, const std::vector<TokenFacts>& facts, std::vector<FeatureId>* features) const;

 private:
  uint32_t WordFlags(const Token& token) const;
  uint64_t PlaceAt(const std::vector<Token>& tokens, size_t at) const;

  const NameLexicon& lexicon_;
  const CountryGazetteer& countries_;
};

// Whether most words of tokens [begin, end) are written in capitals
// ("SOCCER - JAPAN GET LUCKY WIN").
bool IsCapsSentence(const std::vector<Token>& tokens, size_t begin, size_t end);

}  // namespace newsfacet
