// Reads one article file of any supported format, from disk: the format is
// chosen by extension, the bytes are decoded (analysis/text_decoding.h), the size
// limit is applied, and the articles are handed out one by one so a large
// JSON-lines file is streamed, never held whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "indexer/readers/read_result.h"

namespace newsfacet {

enum class FileFormat { kUnsupported, kText, kJson, kJsonLines, kHtml };

// By extension, case-insensitively: .txt; .json; .jsonl/.ndjson; .html/.htm.
FileFormat FormatOfPath(const std::filesystem::path& path);
// The path's extension in lower case (".txt"), or "" when it has none.
std::string LowerExtension(const std::filesystem::path& path);
// The extensions FormatOfPath reads, for messages: ".txt, .json, ...".
std::string SupportedExtensions();

struct FileReadReport {
  // False when the file could not be read to its end (missing, no
  // permission, over the size limit): the index then keeps what it had.
  bool read_completely = false;
  uint64_t content_hash = 0;  // StableHash of the raw bytes, when read_completely
  uint64_t bytes = 0;
  int articles = 0;
  std::vector<ReadProblem> problems;
};

// Calls `on_article` for each article, in file order. `max_bytes` limits a
// whole file, except for JSON lines, where it limits each line (record).
FileReadReport ReadArticleFile(const std::filesystem::path& absolute_path,
                               const std::string& relative_path, FileFormat format,
                               uint64_t max_bytes,
                               const std::function<void(Article&&)>& on_article);

// StableHash of a file's bytes, streamed; nullopt-like false when unreadable.
bool HashFile(const std::filesystem::path& path, uint64_t* hash);

std::string FormatBytes(uint64_t bytes);  // "20 MB", "512 kB", "931 bytes"

}  // namespace newsfacet
