#include "common/object_pool.h"

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace newsfacet {
namespace {

TEST_CASE("an object pool reuses a returned object instead of making another") {
  int made = 0;
  ObjectPool<int> pool([&] { return std::make_unique<int>(++made); });
  int* first = nullptr;
  {
    auto lease = pool.Acquire();
    first = lease.get();
    CHECK(*lease == 1);
    CHECK(pool.FreeCount() == 0);
  }
  CHECK(pool.FreeCount() == 1);
  auto again = pool.Acquire();
  CHECK(again.get() == first);
  CHECK(made == 1);
}

TEST_CASE("an object pool makes one object per lease held at once, and keeps at most max_kept") {
  int made = 0;
  ObjectPool<int> pool([&] { return std::make_unique<int>(++made); }, 2);
  {
    std::vector<ObjectPool<int>::Lease> leases;
    for (int i = 0; i < 5; ++i) leases.push_back(pool.Acquire());
    CHECK(made == 5);
  }
  CHECK(pool.FreeCount() == 2);
}

TEST_CASE("threads that take turns share one pooled object") {
  std::atomic<int> made{0};
  ObjectPool<int> pool([&] { return std::make_unique<int>(++made); });
  for (int t = 0; t < 8; ++t) {
    std::thread([&] { ++*pool.Acquire(); }).join();
  }
  CHECK(made.load() == 1);
}

TEST_CASE("threads at once make no more objects than they hold at once") {
  std::atomic<int> made{0};
  ObjectPool<int> pool([&] { return std::make_unique<int>(++made); }, 64);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) ++*pool.Acquire();
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(made.load() >= 1);
  CHECK(made.load() <= 8);
  CHECK(pool.FreeCount() == static_cast<size_t>(made.load()));
}

TEST_CASE("an object pool whose maker throws lends nothing and stays usable") {
  bool fail = true;
  ObjectPool<int> pool([&]() -> std::unique_ptr<int> {
    if (fail) throw std::runtime_error("cannot make");
    return std::make_unique<int>(7);
  });
  CHECK_THROWS_AS(pool.Acquire(), std::runtime_error);
  fail = false;
  CHECK(*pool.Acquire() == 7);
}

}  // namespace
}  // namespace newsfacet
