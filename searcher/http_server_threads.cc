#include "searcher/http_server_threads.h"

#include <algorithm>
#include <chrono>

namespace newsfacet {
namespace {

constexpr auto kSpareThreadIdle = std::chrono::seconds(30);

}  // namespace

HttpServerThreads::HttpServerThreads(size_t ready, size_t most) : ready_(ready), most_(std::max(ready, most)) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < ready_; ++i) StartThreadLocked();
}

HttpServerThreads::~HttpServerThreads() { shutdown(); }

void HttpServerThreads::StartThreadLocked() {
  // Spare threads that left are joined here, so that their stacks go back.
  for (auto it = threads_.begin(); it != threads_.end();) {
    if (std::find(left_.begin(), left_.end(), it->get_id()) != left_.end()) {
      it->join();
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
  left_.clear();
  ++running_;
  threads_.emplace_back([this] { Work(); });
}

void HttpServerThreads::enqueue(std::function<void()> task) {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.push_back(std::move(task));
  if (!shutting_down_ && idle_ < tasks_.size() && running_ < most_) StartThreadLocked();
  wake_.notify_one();
}

void HttpServerThreads::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
    wake_.notify_all();
  }
  // Threads are only added under the lock while not shutting down, so the
  // list is final once it is taken here.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    threads.swap(threads_);
  }
  for (std::thread& thread : threads) {
    if (thread.joinable()) thread.join();
  }
}

void HttpServerThreads::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    ++idle_;
    bool woken = wake_.wait_for(lock, kSpareThreadIdle, [&] { return !tasks_.empty() || shutting_down_; });
    --idle_;
    if (tasks_.empty() && (shutting_down_ || (!woken && running_ > ready_))) break;
    if (tasks_.empty()) continue;
    std::function<void()> task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
  --running_;
  left_.push_back(std::this_thread::get_id());
}

}  // namespace newsfacet
