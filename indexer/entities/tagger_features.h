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

class TaggerFeatures {
 public:
  TaggerFeatures(const NameLexicon& lexicon, const CountryGazetteer& countries)
      : lexicon_(lexicon), countries_(countries) {}

  // What the word lists say of each token of the sentence [begin, end), as
  // bits: computed once per sentence, read by Extract for a token and its
  // neighbours.
  std::vector<uint32_t> SentenceFlags(const std::vector<Token>& tokens, size_t begin, size_t end) const;

  // Appends to `features` (cleared first) the features of tokens[i] within
  // its sentence [sentence_begin, sentence_end), whose SentenceFlags are
  // `flags`. `caps_sentence`: the sentence is written in capitals, so
  // capitals say nothing there.
  void Extract(const std::vector<Token>& tokens, size_t sentence_begin, size_t sentence_end, size_t i,
               bool caps_sentence, const std::vector<uint32_t>& flags, std::vector<FeatureId>* features) const;

 private:
  uint32_t WordFlags(const Token& token) const;

  const NameLexicon& lexicon_;
  const CountryGazetteer& countries_;
};

// Whether most words of tokens [begin, end) are written in capitals
// ("SOCCER - JAPAN GET LUCKY WIN").
bool IsCapsSentence(const std::vector<Token>& tokens, size_t begin, size_t end);

}  // namespace newsfacet
