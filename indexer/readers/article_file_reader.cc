#include "indexer/readers/article_file_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/json_reader.h"
#include "common/stable_hash.h"
#include "analysis/text_decoding.h"
#include "indexer/readers/text_reader.h"

namespace newsfacet {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

struct ExtensionFormat {
  const char* extension;
  FileFormat format;
};
constexpr ExtensionFormat kExtensionFormats[] = {{".txt", FileFormat::kText},       {".json", FileFormat::kJson},
                                                 {".jsonl", FileFormat::kJsonLines}, {".ndjson", FileFormat::kJsonLines},
                                                 {".html", FileFormat::kHtml},      {".htm", FileFormat::kHtml}};

std::string OpenErrorMessage() { return std::string("cannot read file: ") + std::strerror(errno); }

void Deliver(ReadResult&& result, FileReadReport& report,
             const std::function<void(Article&&)>& on_article) {
  for (Article& article : result.articles) {
    ++report.articles;
    on_article(std::move(article));
  }
  for (ReadProblem& problem : result.problems) report.problems.push_back(std::move(problem));
}

// .txt, .json, .html: small enough to hold whole (max_bytes bounds them).
FileReadReport ReadWholeFile(const std::filesystem::path& absolute_path,
                             const std::string& relative_path, FileFormat format,
                             uint64_t max_bytes,
                             const std::function<void(Article&&)>& on_article) {
  FileReadReport report;
  std::ifstream in(absolute_path, std::ios::binary);
  if (!in) {
    report.problems.push_back({relative_path, 0, OpenErrorMessage()});
    return report;
  }
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      report.problems.push_back({relative_path, 0,
                                 "file is larger than the --max-bytes limit of " +
                                     FormatBytes(max_bytes) + "; skipped"});
      return report;
    }
  }
  if (in.bad()) {
    report.problems.push_back({relative_path, 0, OpenErrorMessage()});
    return report;
  }
  report.read_completely = true;
  report.bytes = bytes.size();
  report.content_hash = StableHash(bytes);
  if (bytes.empty()) {
    report.problems.push_back({relative_path, 0, "empty file"});
    return report;
  }
  if (LooksBinary(bytes)) {
    report.problems.push_back({relative_path, 0, "binary data, not a text article"});
    return report;
  }
  std::string text = DecodeToUtf8(bytes).text;
  switch (format) {
    case FileFormat::kText: Deliver(ReadTextArticle(text, relative_path), report, on_article); break;
    case FileFormat::kJson: Deliver(ReadJsonArticles(text, relative_path), report, on_article); break;
    case FileFormat::kHtml: Deliver(ReadHtmlArticle(text, relative_path), report, on_article); break;
    default: break;
  }
  return report;
}

// Streams records line by line; an over-long line is skipped without
// holding more than max_bytes of it.
FileReadReport ReadJsonLinesFile(const std::filesystem::path& absolute_path,
                                 const std::string& relative_path, uint64_t max_bytes,
                                 const std::function<void(Article&&)>& on_article) {
  FileReadReport report;
  std::ifstream in(absolute_path, std::ios::binary);
  if (!in) {
    report.problems.push_back({relative_path, 0, OpenErrorMessage()});
    return report;
  }
  uint64_t hash = kStableHashSeed;
  std::string line;
  bool line_too_long = false;
  int line_number = 1;
  auto finish_line = [&] {
    if (line_too_long) {
      report.problems.push_back({relative_path, line_number,
                                 "record is larger than the --max-bytes limit of " +
                                     FormatBytes(max_bytes) + "; skipped"});
    } else if (line_number == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      Deliver(ReadJsonLine(DecodeToUtf8(line).text, relative_path, line_number), report, on_article);
    } else {
      Deliver(ReadJsonLine(IsValidUtf8(line) ? line : DecodeToUtf8(line).text, relative_path,
                           line_number),
              report, on_article);
    }
    line.clear();
    line_too_long = false;
    ++line_number;
  };
  std::string chunk(kChunkBytes, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    std::string_view data(chunk.data(), static_cast<size_t>(in.gcount()));
    hash = StableHash(data, hash);
    report.bytes += data.size();
    if (report.bytes <= 8192 && LooksBinary(data)) {
      report.read_completely = true;
      report.problems.push_back({relative_path, 0, "binary data, not JSON lines"});
      return report;
    }
    size_t pos = 0;
    while (pos < data.size()) {
      size_t newline = data.find('\n', pos);
      size_t end = newline == std::string_view::npos ? data.size() : newline;
      if (!line_too_long) {
        line.append(data.substr(pos, end - pos));
        if (line.size() > max_bytes) {
          line_too_long = true;
          line.clear();
        }
      }
      if (newline == std::string_view::npos) break;
      finish_line();
      pos = newline + 1;
    }
  }
  if (in.bad()) {
    report.problems.push_back({relative_path, line_number, OpenErrorMessage()});
    return report;
  }
  if (!line.empty() || line_too_long) finish_line();
  report.read_completely = true;
  report.content_hash = hash;
  if (report.bytes == 0) report.problems.push_back({relative_path, 0, "empty file"});
  return report;
}

}  // namespace

std::string LowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

FileFormat FormatOfPath(const std::filesystem::path& path) {
  const std::string ext = LowerExtension(path);
  for (const ExtensionFormat& known : kExtensionFormats) {
    if (ext == known.extension) return known.format;
  }
  return FileFormat::kUnsupported;
}

std::string SupportedExtensions() {
  std::string list;
  for (const ExtensionFormat& known : kExtensionFormats) list += (list.empty() ? "" : ", ") + std::string(known.extension);
  return list;
}

FileReadReport ReadArticleFile(const std::filesystem::path& absolute_path,
                               const std::string& relative_path, FileFormat format,
                               uint64_t max_bytes,
                               const std::function<void(Article&&)>& on_article) {
  if (format == FileFormat::kJsonLines) {
    return ReadJsonLinesFile(absolute_path, relative_path, max_bytes, on_article);
  }
  return ReadWholeFile(absolute_path, relative_path, format, max_bytes, on_article);
}

bool HashFile(const std::filesystem::path& path, uint64_t* hash) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  uint64_t running = kStableHashSeed;
  std::string chunk(kChunkBytes, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    running = StableHash(std::string_view(chunk.data(), static_cast<size_t>(in.gcount())), running);
  }
  if (in.bad()) return false;
  *hash = running;
  return true;
}

std::string FormatBytes(uint64_t bytes) {
  if (bytes >= 1000 * 1000 && bytes % (1000 * 1000) == 0) return std::to_string(bytes / 1000000) + " MB";
  if (bytes >= 1000 * 1000) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
  }
  if (bytes >= 1000) return std::to_string(bytes / 1000) + " kB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace newsfacet
