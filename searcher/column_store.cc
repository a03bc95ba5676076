#include "searcher/column_store.h"

#include <system_error>

namespace newsfacet {

ColumnStore::~ColumnStore() {
  std::jthread reader;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    reader = std::move(reader_);
  }
  // A jthread asks its thread to stop and joins it as it goes.
}

std::shared_ptr<const IndexColumns> ColumnStore::For(const std::vector<Xapian::Database>& shards) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (current_ && current_->Describe(shards)) return current_;
  // Handles older than the columns (a lease taken before the last commit)
  // start no read: it would read the columns there are.
  if (!reading_ && !out_of_memory_ && !(current_ && current_->Cover(shards)) &&
      std::chrono::steady_clock::now() >= next_read_) {
    // The last read has finished (reading_ was false): this joins at once.
    // Should no thread start, the search counts from the slots and the
    // next one tries again.
    try {
      reader_ = std::jthread([this](std::stop_token stop) { Read(stop); });
      reading_ = true;
    } catch (const std::system_error&) {
    }
  }
  return nullptr;
}

void ColumnStore::Read(std::stop_token stop) {
  const auto start = std::chrono::steady_clock::now();
  std::shared_ptr<const IndexColumns> read;
  bool out_of_memory = false;
  try {
    std::vector<Xapian::Database> shards;
    for (const std::string& path : shard_paths_) shards.emplace_back(path);
    read = IndexColumns::Read(shards, stop);
  } catch (const Xapian::Error&) {
    // A commit or compaction under the read: the next search starts another.
  } catch (const std::bad_alloc&) {
    out_of_memory = true;  // searches count from the slots from now on
  } catch (const std::exception&) {
    // Whatever else fails a read leaves searches counting from the slots.
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (read) current_ = std::move(read);
  out_of_memory_ = out_of_memory_ || out_of_memory;
  const auto end = std::chrono::steady_clock::now();
  next_read_ = end + pause_ * (end - start);
  reading_ = false;
}

size_t ColumnStore::MemoryBytes() {
  std::lock_guard<std::mutex> lock(mutex_);
  return current_ ? current_->MemoryBytes() : 0;
}

void ColumnStore::WaitForRead() {
  std::jthread reader;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!reading_) return;
    reader = std::move(reader_);
  }
  if (reader.joinable()) reader.join();
}

}  // namespace newsfacet
