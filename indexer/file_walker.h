// Finds the article files under a directory: recursively, following
// symbolic links but never around a loop, in a stable (sorted) order.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "indexer/readers/article_file_reader.h"
#include "indexer/readers/read_result.h"

namespace newsfacet {

struct FoundFile {
  std::filesystem::path absolute_path;
  std::string relative_path;  // with "/" separators, from the walked directory
  FileFormat format = FileFormat::kUnsupported;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

struct WalkResult {
  std::vector<FoundFile> files;  // supported formats only, sorted by relative_path
  int64_t unsupported = 0;       // regular files of other formats
  std::map<std::string, int64_t> unsupported_by_extension;  // LowerExtension ("" for none) -> files
  std::vector<ReadProblem> problems;  // unreadable directories, symlink loops, broken links
};

// Hidden entries (".git", ".DS_Store") are passed over, and so is
// `exclude` (the index directory, when it sits inside the articles).
WalkResult WalkArticleFiles(const std::filesystem::path& root,
                            const std::filesystem::path& exclude = {});

}  // namespace newsfacet
