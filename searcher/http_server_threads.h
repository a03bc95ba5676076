// The threads that serve HTTP connections: `ready` of them always, and more
// on demand, up to `most`, whenever every thread is busy.
//
// cpp-httplib serves a connection start to end on one thread, blocking on
// each read, and offers no deadline for a whole request head. A fixed pool
// is therefore held by as many clients as it has threads, each sending a
// byte now and then (slowloris), and a normal request waits behind them.
// Growing on demand keeps a thread free for it; threads blocked on a slow
// client cost a stack, not CPU, and searches themselves are bounded
// elsewhere (EngineOptions::max_parallel). Threads above `ready` leave after
// a while idle.
//
// The thread that went idle last takes the next connection. A thread that
// has served a search holds per-thread state (decompression and folding
// contexts, the allocator's caches); handing work round the whole pool
// would warm every thread in turn, and memory would grow with the pool's
// size rather than with the load.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace newsfacet {

class HttpServerThreads : public httplib::TaskQueue {
 public:
  HttpServerThreads(size_t ready, size_t most);
  ~HttpServerThreads() override;

  void enqueue(std::function<void()> task) override;
  // Runs what is queued, then joins every thread.
  void shutdown() override;

  // Threads waiting for a connection just now.
  size_t IdleThreads();

 private:
  // An idle thread, waiting to be handed a task.
  struct Idle {
    std::condition_variable wake;
    bool woken = false;
  };

  void StartThreadLocked();
  // Wakes the thread that went idle last, if any is idle.
  bool WakeLastIdleLocked();
  void Work();

  const size_t ready_;
  const size_t most_;
  std::mutex mutex_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  std::vector<std::thread::id> left_;  // threads that ended, not yet joined
  std::vector<Idle*> idle_;           // idle threads, the last to go idle at the back
  size_t running_ = 0;                // threads that have not left
  bool shutting_down_ = false;
};

}  // namespace newsfacet
