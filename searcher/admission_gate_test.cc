#include "searcher/admission_gate.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace newsfacet;

TEST_CASE("no more than the gate's slots run at once") {
  AdmissionGate gate(2);
  std::atomic<int> running{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 20; ++j) {
        AdmissionGate::Pass pass(gate);
        int now = ++running;
        for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        --running;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(most == 2);
}

TEST_CASE("waiting requests start in the order they arrived") {
  AdmissionGate gate(1);
  std::vector<int> order;
  std::mutex order_mutex;
  std::vector<std::thread> threads;
  {
    AdmissionGate::Pass first(gate);  // holds the only slot while the others queue up
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&, i] {
        AdmissionGate::Pass pass(gate);
        std::lock_guard<std::mutex> lock(order_mutex);
        order.push_back(i);
      });
      // Thread i must be in the queue before thread i+1 starts: wait for it,
      // rather than sleep and hope (a busy machine broke a 20 ms sleep).
      while (gate.waiting() < static_cast<size_t>(i + 1)) std::this_thread::yield();
    }
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
}
