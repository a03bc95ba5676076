// A stemmer that remembers: news repeats its words, and a Snowball stem
// costs far more than a hash lookup, so each distinct word is stemmed once.
//
// Same output as the stemmer it wraps. Not thread-safe: each TermGenerator
// gets its own (see ConfigureTermGenerator), and a shard writer uses its
// TermGenerator from one thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace newsfacet {

class CachingStemmer : public Xapian::StemImplementation {
 public:
  // Past this many distinct words the cache starts again, so that a huge
  // run of unique tokens (codes, numbers) cannot grow it without bound.
  static constexpr size_t kMaxWords = 200000;

  explicit CachingStemmer(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}

  std::string operator()(const std::string& word) override { return StemOf(word); }
  std::string get_description() const override { return stemmer_.get_description() + " (cached)"; }

  // The stem without a copy; valid until the next call.
  const std::string& StemOf(std::string_view word);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view word) const { return std::hash<std::string_view>()(word); }
  };
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> stems_;
};

}  // namespace newsfacet
