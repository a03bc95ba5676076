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

std::string ReadErrorMessage() { return std::string("cannot read file: ") + std::strerror(errno); }

void Deliver(ReadResult&& result, FileReadReport& report,
             const std::function<void(Article&&)>& on_article) {
  for (Article& article : result.articles) {
    ++report.articles;
    on_article(std::move(article));
  }
  for (ReadProblem& problem : result.problems) report.problems.push_back(std::move(problem));
}

// .txt, .json, .html: small enough to hold whole (max_bytes bounds them).
void ReadWholeFile(std::istream& in, const std::string& relative_path, FileFormat format, uint64_t max_bytes,
                   const std::function<void(Article&&)>& on_article, FileReadReport& report) {
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      report.problems.push_back({relative_path, 0,
                                 "file is larger than the --max-bytes limit of " +
                                     FormatBytes(max_bytes) + "; skipped"});
      return;
    }
  }
  if (in.bad()) {
    report.problems.push_back({relative_path, 0, ReadErrorMessage()});
    return;
  }
  report.read_completely = true;
  report.bytes = bytes.size();
  report.content_hash = StableHash(bytes);
  if (bytes.empty()) {
    report.problems.push_back({relative_path, 0, "empty file"});
    return;
  }
  if (LooksBinary(bytes)) {
    report.problems.push_back({relative_path, 0, "binary data, not a text article"});
    return;
  }
  std::string text = DecodeToUtf8(bytes).text;
  switch (format) {
    case FileFormat::kText: Deliver(ReadTextArticle(text, relative_path), report, on_article); break;
    case FileFormat::kJson: Deliver(ReadJsonArticles(text, relative_path), report, on_article); break;
    case FileFormat::kHtml: Deliver(ReadHtmlArticle(text, relative_path), report, on_article); break;
    default: break;
  }
}

// Cuts a stream of chunks into JSON lines and reads each as a record; a
// line over max_bytes is reported and skipped without holding more than
// max_bytes of it.
class JsonLineSplitter {
 public:
  JsonLineSplitter(const std::string& relative_path, uint64_t max_bytes,
                   const std::function<void(Article&&)>& on_article, FileReadReport& report)
      : relative_path_(relative_path), max_bytes_(max_bytes), on_article_(on_article), report_(report) {}

  void Add(std::string_view data) {
    size_t pos = 0;
    while (pos < data.size()) {
      size_t newline = data.find('\n', pos);
      size_t end = newline == std::string_view::npos ? data.size() : newline;
      if (!line_too_long_) {
        line_.append(data.substr(pos, end - pos));
        if (line_.size() > max_bytes_) {
          line_too_long_ = true;
          line_.clear();
        }
      }
      if (newline == std::string_view::npos) break;
      FinishLine();
      pos = newline + 1;
    }
  }

  // The last line, when the file does not end with a newline.
  void Finish() {
    if (!line_.empty() || line_too_long_) FinishLine();
  }

  int line_number() const { return line_number_; }

 private:
  void FinishLine() {
    if (line_too_long_) {
      report_.problems.push_back({relative_path_, line_number_,
                                  "record is larger than the --max-bytes limit of " + FormatBytes(max_bytes_) +
                                      "; skipped"});
    } else if (line_number_ == 1 && line_.size() >= 3 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      Deliver(ReadJsonLine(DecodeToUtf8(line_).text, relative_path_, line_number_), report_, on_article_);
    } else {
      Deliver(ReadJsonLine(IsValidUtf8(line_) ? line_ : DecodeToUtf8(line_).text, relative_path_, line_number_),
              report_, on_article_);
    }
    line_.clear();
    line_too_long_ = false;
    ++line_number_;
  }

  const std::string& relative_path_;
  const uint64_t max_bytes_;
  const std::function<void(Article&&)>& on_article_;
  FileReadReport& report_;
  std::string line_;
  bool line_too_long_ = false;
  int line_number_ = 1;
};

// Streams records line by line (JsonLineSplitter).
void ReadJsonLinesFile(std::istream& in, const std::string& relative_path, uint64_t max_bytes,
                       const std::function<void(Article&&)>& on_article, FileReadReport& report) {
  JsonLineSplitter lines(relative_path, max_bytes, on_article, report);
  uint64_t hash = kStableHashSeed;
  std::string chunk(kChunkBytes, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    std::string_view data(chunk.data(), static_cast<size_t>(in.gcount()));
    hash = StableHash(data, hash);
    report.bytes += data.size();
    if (report.bytes <= 8192 && LooksBinary(data)) {
      report.read_completely = true;
      report.problems.push_back({relative_path, 0, "binary data, not JSON lines"});
      return;
    }
    lines.Add(data);
  }
  if (in.bad()) {
    report.problems.push_back({relative_path, lines.line_number(), ReadErrorMessage()});
    return;
  }
  lines.Finish();
  report.read_completely = true;
  report.content_hash = hash;
  if (report.bytes == 0) report.problems.push_back({relative_path, 0, "empty file"});
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
  FileReadReport report;
  std::ifstream in(absolute_path, std::ios::binary);
  if (!in) {
    report.problems.push_back({relative_path, 0, ReadErrorMessage()});
  } else if (format == FileFormat::kJsonLines) {
    ReadJsonLinesFile(in, relative_path, max_bytes, on_article, report);
  } else {
    ReadWholeFile(in, relative_path, format, max_bytes, on_article, report);
  }
  return report;
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
