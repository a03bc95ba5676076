#include "indexer/entities/tagger_features.h"

#include <algorithm>
#include <bit>
#include <string_view>
#include <utility>

namespace newsfacet {
namespace {

enum Template : uint32_t {
  kBias = 1,
  kWord,
  kPreviousWord,
  kNextWord,
  kSecondPreviousWord,
  kSecondNextWord,
  kShape,
  kPreviousShape,
  kNextShape,
  kShapeTrigram,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix2,
  kPrefix3,
  kPreviousAndWord,
  kWordAndNext,
  kFlags,
  kPreviousFlags,
  kNextFlags,
  kSecondNextFlags,
  kSentenceStartShape,
  kLength,
  kPlace,
  kPreviousPlace,
  kNextPlace,
};

// Word-list facts about a word, as bits.
enum Flag : uint32_t {
  kFirstName = 1u << 0,
  kAmbiguousFirstName = 1u << 1,
  kStartsTitle = 1u << 2,
  kEndsTitle = 1u << 3,
  kOrganisationWord = 1u << 4,
  kNonNameWord = 1u << 5,
  kAttributionVerb = 1u << 6,
  kParticle = 1u << 7,
  kNameSuffix = 1u << 8,
  kTitle = 1u << 9,
};

constexpr uint64_t kNoWordHash = 0x9e3779b97f4a7c15ull;  // beyond the sentence

FeatureId Feature(uint32_t template_id, uint64_t value) {
  uint64_t mixed = (value ^ (static_cast<uint64_t>(template_id) * 0xff51afd7ed558ccdull)) * 0xc4ceb9fe1a85ec53ull;
  mixed ^= mixed >> 29;
  mixed *= 0x94d049bb133111ebull;
  FeatureId id = static_cast<FeatureId>(mixed >> 32);
  return id == 0 ? 1 : id;
}

uint64_t HashBytes(std::string_view bytes) {
  uint64_t hash = kWordHashStart;
  for (unsigned char c : bytes) hash = AddToWordHash(hash, c);
  return hash;
}

// "Karlov" -> "Xx", "U.S." -> "X.X.", "1987" -> "d", "al-" -> "x-": runs
// of one class collapsed, at most 8 classes.
uint64_t Shape(const Token& token) {
  uint64_t shape = 0;
  char last = 0;
  int count = 0;
  for (unsigned char c : token.text) {
    char cls = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') || c >= 0x80 ? 'x' : (c >= '0' && c <= '9') ? 'd' : static_cast<char>(c);
    if (cls == last) continue;
    last = cls;
    shape = shape * 131 + static_cast<unsigned char>(cls);
    if (++count == 8) break;
  }
  return shape;
}

}  // namespace

bool IsCapsSentence(const std::vector<Token>& tokens, size_t begin, size_t end) {
  int words = 0, caps = 0;
  for (size_t i = begin; i < end; ++i) {
    if (!tokens[i].is_word || tokens[i].folded.size() < 2) continue;
    ++words;
    if (tokens[i].all_caps) ++caps;
  }
  return words >= 2 && caps * 10 >= words * 7;
}

uint32_t TaggerFeatures::WordFlags(const Token& token) const {
  if (!token.is_word) return 0;
  const uint32_t lists = lexicon_.ListsOf(token.word());
  if (lists == 0) return 0;
  static constexpr std::pair<uint32_t, Flag> kFlagOfList[] = {
      {NameLexicon::kFirstNames, kFirstName},          {NameLexicon::kAmbiguousFirstNames, kAmbiguousFirstName},
      {NameLexicon::kTitleFirstWords, kStartsTitle},   {NameLexicon::kTitleLastWords, kEndsTitle},
      {NameLexicon::kTitles, kTitle},                  {NameLexicon::kOrganizationWords, kOrganisationWord},
      {NameLexicon::kNonNameWords, kNonNameWord},      {NameLexicon::kAttributionVerbs, kAttributionVerb},
      {NameLexicon::kParticles, kParticle},            {NameLexicon::kSuffixes, kNameSuffix},
  };
  uint32_t flags = 0;
  for (const auto& [list, flag] : kFlagOfList) {
    if (lists & list) flags |= flag;
  }
  return flags;
}

// A country or city form starting at a capitalised word, as a small number.
uint64_t TaggerFeatures::PlaceAt(const std::vector<Token>& tokens, size_t at) const {
  if (!tokens[at].is_word || !tokens[at].capitalized) return 0;
  const CountryGazetteer::Form* form = nullptr;
  size_t length = countries_.Match(tokens, at, &form);
  if (length == 0) return 0;
  return 1 + static_cast<uint64_t>(form->kind) * 4 + (form->ambiguous ? 2 : 0) + (length > 1 ? 1 : 0);
}

void TaggerFeatures::FillFacts(const std::vector<Token>& tokens, size_t begin, size_t end, size_t from, size_t to,
                               std::vector<TokenFacts>* facts) const {
  for (size_t at = std::max(from, begin); at < std::min(to, end); ++at) {
    TokenFacts& token = (*facts)[at - begin];
    token.flags = WordFlags(tokens[at]);
    token.shape = Shape(tokens[at]);
    token.place = PlaceAt(tokens, at);
  }
}

std::vector<TokenFacts> TaggerFeatures::SentenceFacts(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  std::vector<TokenFacts> facts(end - begin);
  FillFacts(tokens, begin, end, begin, end, &facts);
  return facts;
}

namespace {

// The word's suffixes, prefixes and length.
void AddSpellingFeatures(const Token& token, std::vector<FeatureId>* features) {
  const std::string_view folded = token.folded;
  if (token.is_word && folded.size() > 2) {
    features->push_back(Feature(kSuffix2, HashBytes(folded.substr(folded.size() - 2))));
    features->push_back(Feature(kSuffix3, HashBytes(folded.substr(folded.size() - 3))));
    if (folded.size() > 4) features->push_back(Feature(kSuffix4, HashBytes(folded.substr(folded.size() - 4))));
    features->push_back(Feature(kPrefix2, HashBytes(folded.substr(0, 2))));
    features->push_back(Feature(kPrefix3, HashBytes(folded.substr(0, 3))));
  }
  features->push_back(Feature(kLength, folded.size() > 12 ? 12 : folded.size()));
}

}  // namespace

void TaggerFeatures::Extract(const std::vector<Token>& tokens, size_t sentence_begin, size_t sentence_end, size_t i,
                             bool caps_sentence, const std::vector<TokenFacts>& facts,
                             std::vector<FeatureId>* features) const {
  features->clear();
  const Token& token = tokens[i];
  auto inside = [&](ptrdiff_t offset) {
    ptrdiff_t at = static_cast<ptrdiff_t>(i) + offset;
    return at >= static_cast<ptrdiff_t>(sentence_begin) && at < static_cast<ptrdiff_t>(sentence_end);
  };
  auto word_at = [&](ptrdiff_t offset) -> uint64_t {
    return inside(offset) ? tokens[i + offset].folded_hash : kNoWordHash;
  };
  auto facts_at = [&](ptrdiff_t offset) -> const TokenFacts& { return facts[i + offset - sentence_begin]; };
  // In a sentence of capitals, shapes carry a mark so the model learns them apart.
  const uint64_t caps_mark = caps_sentence ? 0x5bd1e995ull : 0;
  auto shape_at = [&](ptrdiff_t offset) -> uint64_t {
    return inside(offset) ? facts_at(offset).shape ^ caps_mark : kNoWordHash;
  };
  const uint64_t word = token.folded_hash, previous = word_at(-1), next = word_at(1);
  features->push_back(Feature(kBias, 0));
  features->push_back(Feature(kWord, word));
  features->push_back(Feature(kPreviousWord, previous));
  features->push_back(Feature(kNextWord, next));
  features->push_back(Feature(kSecondPreviousWord, word_at(-2)));
  features->push_back(Feature(kSecondNextWord, word_at(2)));
  features->push_back(Feature(kPreviousAndWord, previous * 31 + word));
  features->push_back(Feature(kWordAndNext, word * 31 + next));
  const uint64_t shape = shape_at(0), previous_shape = shape_at(-1), next_shape = shape_at(1);
  features->push_back(Feature(kShape, shape));
  features->push_back(Feature(kPreviousShape, previous_shape));
  features->push_back(Feature(kNextShape, next_shape));
  features->push_back(Feature(kShapeTrigram, (previous_shape * 1000003 + shape) * 1000003 + next_shape));
  if (i == sentence_begin) features->push_back(Feature(kSentenceStartShape, shape));
  AddSpellingFeatures(token, features);
  auto add_flags = [&](uint32_t template_id, ptrdiff_t offset) {
    if (!inside(offset)) return;
    for (uint32_t flags = facts_at(offset).flags; flags != 0; flags &= flags - 1) {
      features->push_back(Feature(template_id, static_cast<uint64_t>(std::countr_zero(flags))));
    }
  };
  add_flags(kFlags, 0);
  add_flags(kPreviousFlags, -1);
  add_flags(kNextFlags, 1);
  add_flags(kSecondNextFlags, 2);
  // A country or city form starting here, or just before or after.
  if (uint64_t place = facts_at(0).place) features->push_back(Feature(kPlace, place));
  if (inside(-1)) {
    if (uint64_t place = facts_at(-1).place) features->push_back(Feature(kPreviousPlace, place));
  }
  if (inside(1)) {
    if (uint64_t place = facts_at(1).place) features->push_back(Feature(kNextPlace, place));
  }
}

}  // namespace newsfacet
