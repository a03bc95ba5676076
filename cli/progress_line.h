// The live progress line of `newsfacet index` on a terminal:
//   1,234/5,000 files  18,230 articles  2,310 articles/s  4.1 MB/s  ETA 0:42
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "indexer/index_run.h"

namespace newsfacet {

std::string FormatCount(int64_t value);           // 1234567 -> "1,234,567"
std::string FormatDuration(double seconds);       // 3725 -> "1:02:05", 42 -> "0:42"
std::string ProgressText(const IndexProgress& progress, double elapsed_seconds);

// Redraws the line on `out` (a terminal) a few times a second until
// destroyed, then clears it. Print() writes a message above the line.
class ProgressLine {
 public:
  ProgressLine(const IndexProgress* progress, std::FILE* out);
  ~ProgressLine();
  void Print(const std::string& message);

 private:
  void Draw();
  const IndexProgress* progress_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace newsfacet
