// Turning the bytes of a file into clean UTF-8 text.
//
// News archives hold files saved by many tools: UTF-8 with or without a BOM,
// Windows-1252 or Latin-1 (bbc/sport/199.txt), CRLF line ends. Every reader
// decodes through here so the rest of the pipeline only ever sees UTF-8
// with "\n" line ends.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

enum class SourceEncoding { kUtf8, kWindows1252 };

struct DecodedText {
  std::string text;  // valid UTF-8, no BOM, "\n" line ends
  SourceEncoding encoding = SourceEncoding::kUtf8;
};

// True when the bytes look like a binary file (a NUL byte, or many control
// characters, in the first few kilobytes): such files are reported, not indexed.
bool LooksBinary(std::string_view bytes);

bool IsValidUtf8(std::string_view bytes);

// Strips a UTF-8 BOM, keeps valid UTF-8 as is, and decodes anything else as
// Windows-1252 (a superset of Latin-1 for printable text). Normalises CRLF
// and lone CR to "\n". Never fails: every byte sequence has a decoding.
DecodedText DecodeToUtf8(std::string_view bytes);

}  // namespace newsfacet
