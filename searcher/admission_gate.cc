#include "searcher/admission_gate.h"

namespace newsfacet {

void AdmissionGate::Enter() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (free_ > 0 && queue_.empty()) {
    --free_;
    return;
  }
  Waiter waiter;
  queue_.push_back(&waiter);
  waiter.turn.wait(lock, [&] { return waiter.admitted; });
}

void AdmissionGate::Leave() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (queue_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the oldest waiter: nobody can overtake it.
  Waiter* next = queue_.front();
  queue_.pop_front();
  next->admitted = true;
  next->turn.notify_one();
}

}  // namespace newsfacet
