#include "cli/progress_line.h"

#include <cmath>

namespace newsfacet {

std::string FormatCount(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return value < 0 ? "-" + out : out;
}

std::string FormatDuration(double seconds) {
  long total = std::lround(std::max(0.0, seconds));
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  }
  return text;
}

std::string ProgressText(const IndexProgress& progress, double elapsed) {
  if (progress.walking) return "looking for article files...";
  int64_t articles = progress.articles_done;
  uint64_t bytes_done = progress.bytes_done, bytes_total = progress.bytes_total;
  std::string text = FormatCount(progress.files_done) + "/" + FormatCount(progress.files_total) + " files  " +
                     FormatCount(articles) + " articles";
  if (elapsed > 0.5) {
    char rates[64];
    std::snprintf(rates, sizeof rates, "  %s articles/s  %.1f MB/s",
                  FormatCount(static_cast<int64_t>(articles / elapsed)).c_str(), bytes_done / elapsed / 1e6);
    text += rates;
    // ETA by bytes: the one measure known in advance for every file.
    if (bytes_done > 0 && bytes_total > bytes_done) {
      text += "  ETA " + FormatDuration(elapsed * static_cast<double>(bytes_total - bytes_done) / bytes_done);
    }
  }
  return text;
}

ProgressLine::ProgressLine(const IndexProgress* progress, std::FILE* out)
    : progress_(progress), out_(out), started_(std::chrono::steady_clock::now()) {
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!done_) {
      Draw();
      wake_.wait_for(lock, std::chrono::milliseconds(250));
    }
  });
}

ProgressLine::~ProgressLine() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
    wake_.notify_all();
  }
  thread_.join();
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
}

void ProgressLine::Print(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(out_, "\r\033[K%s\n", message.c_str());
  Draw();
}

void ProgressLine::Draw() {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::fprintf(out_, "\r\033[K%s", ProgressText(*progress_, elapsed).c_str());
  std::fflush(out_);
}

}  // namespace newsfacet
