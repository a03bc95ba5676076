// How many requests run at once, and in which order the rest start.
//
// Searching is CPU-bound: running more requests than there are cores only
// stretches each of them. The server keeps a thread per connection, so
// without a gate 64 clients mean 64 searches sharing 2 cores, and the
// unlucky ones wait far longer than their turn. The gate lets `slots`
// requests run and starts the others first come, first served, so a
// request waits for the ones ahead of it and no longer.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>

namespace newsfacet {

class AdmissionGate {
 public:
  explicit AdmissionGate(unsigned slots) : free_(slots > 0 ? slots : 1) {}
  AdmissionGate(const AdmissionGate&) = delete;
  AdmissionGate& operator=(const AdmissionGate&) = delete;

  // How many requests wait for a slot now.
  size_t waiting() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.size();
  }

  // Held while a request runs; destroying it lets the next one in.
  class Pass {
   public:
    explicit Pass(AdmissionGate& gate) : gate_(gate) { gate_.Enter(); }
    ~Pass() { gate_.Leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    AdmissionGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable turn;
    bool admitted = false;
  };
  void Enter();
  void Leave();

  mutable std::mutex mutex_;
  unsigned free_;
  std::deque<Waiter*> queue_;  // oldest first
};

}  // namespace newsfacet
