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

bool HttpServerThreads::WakeLastIdleLocked() {
  if (idle_.empty()) return false;
  Idle* idle = idle_.back();
  idle_.pop_back();
  idle->woken = true;
  idle->wake.notify_one();
  return true;
}

void HttpServerThreads::enqueue(std::function<void()> task) {
  std::lock_guard<std::mutex> lock(mutex_);
  tasks_.push_back(std::move(task));
  if (!WakeLastIdleLocked() && !shutting_down_ && running_ < most_) StartThreadLocked();
}

size_t HttpServerThreads::IdleThreads() {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

void HttpServerThreads::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
    while (WakeLastIdleLocked()) {
    }
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
  Idle idle;
  bool leaving = false;
  while (!leaving) {
    if (!tasks_.empty()) {
      std::function<void()> task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
      continue;
    }
    if (shutting_down_) break;
    idle.woken = false;
    idle_.push_back(&idle);
    // A thread keeps its place on the idle list while it waits: one idle for
    // long stays at the far end, and a spare one leaves from there.
    while (!idle.woken && !leaving) {
      if (!idle.wake.wait_for(lock, kSpareThreadIdle, [&] { return idle.woken; }) && running_ > ready_) {
        idle_.erase(std::find(idle_.begin(), idle_.end(), &idle));
        leaving = true;
      }
    }
  }
  --running_;
  left_.push_back(std::this_thread::get_id());
}

}  // namespace newsfacet
