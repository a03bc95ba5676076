#include "searcher/http_server_threads.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <set>
#include <thread>

using newsfacet::HttpServerThreads;

namespace {

// Runs `task` on the pool and waits for it to end.
void RunAndWait(HttpServerThreads& pool, std::function<void()> task) {
  std::promise<void> done;
  pool.enqueue([&] {
    task();
    done.set_value();
  });
  done.get_future().wait();
}

}  // namespace

TEST_CASE("server threads: one connection at a time is served by the thread idle last, not round the pool") {
  HttpServerThreads pool(8, 16);
  // Each task comes once every thread waits, the one that served the last
  // task included.
  auto all_idle = [&] {
    for (int wait = 0; wait < 1000 && pool.IdleThreads() < 8; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return pool.IdleThreads() == 8;
  };
  std::set<std::thread::id> served_by;
  for (int i = 0; i < 40; ++i) {
    REQUIRE(all_idle());
    RunAndWait(pool, [&] { served_by.insert(std::this_thread::get_id()); });
  }
  CHECK(served_by.size() == 1);
  pool.shutdown();
}

TEST_CASE("server threads: more threads start while every thread is busy, and queued tasks run before shutdown") {
  HttpServerThreads pool(2, 8);
  std::atomic<int> running{0}, most_at_once{0}, finished{0};
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  for (int i = 0; i < 6; ++i) {
    pool.enqueue([&] {
      int now = ++running;
      int seen = most_at_once.load();
      while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
      }
      released.wait();
      --running;
      ++finished;
    });
  }
  for (int i = 0; i < 200 && most_at_once.load() < 6; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(most_at_once.load() == 6);
  release.set_value();
  pool.enqueue([&] { ++finished; });
  pool.shutdown();
  CHECK(finished.load() == 7);
}
