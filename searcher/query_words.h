// The words of a query as typed, before Xapian parses it: whether it is
// plain words, or nothing but exclusions, and the plain words inside text
// that does not parse as search syntax.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace newsfacet {

// The white space that separates a query's words.
bool IsQuerySpace(char c);
std::vector<std::string> SplitOnSpace(const std::string& text);
std::string JoinWords(const std::vector<std::string>& words);  // with single spaces

// The query with everything that makes it syntax turned into spaces or
// lower case, so that it parses as the plain words it contains.
std::string AsPlainWords(std::string text);

// The words of a query that is nothing but -word, -word...; nullopt otherwise.
std::optional<std::vector<std::string>> OnlyExclusions(const std::string& folded);

// The query's words, normalised (NormalizeLabel), when it is plain words
// with no syntax (no quotes, brackets, fields, wildcards, +/- or
// operators); nullopt otherwise: a query written as syntax is searched as
// written.
std::optional<std::vector<std::string>> PlainWords(const std::string& folded);

}  // namespace newsfacet
