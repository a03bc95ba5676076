// A pool of reusable objects that are costly to make (a zstd context, an
// ICU transliterator clone), shared by all threads. Unlike one object per
// thread, the number made is bounded by how many are in use at once, so a
// server whose requests wander over many pool threads keeps flat memory.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace newsfacet {

template <typename T>
class ObjectPool {
 public:
  using Maker = std::function<std::unique_ptr<T>()>;

  // `make` creates an object when none is free; it may throw, and then
  // Acquire() throws. At most `max_kept` free objects are kept: one
  // returned beyond that is destroyed. The most recently returned object is
  // lent first, so a few busy callers keep reusing the same warm objects.
  explicit ObjectPool(Maker make, size_t max_kept = 16) : make_(std::move(make)), max_kept_(max_kept) {}
  ObjectPool(const ObjectPool&) = delete;
  ObjectPool& operator=(const ObjectPool&) = delete;

  // An object borrowed from the pool, returned to it when the lease ends.
  class Lease {
   public:
    Lease(ObjectPool* pool, std::unique_ptr<T> object) : pool_(pool), object_(std::move(object)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (object_) pool_->Return(std::move(object_));
    }
    T& operator*() const { return *object_; }
    T* operator->() const { return object_.get(); }
    T* get() const { return object_.get(); }
    // Destroys the object instead of returning it (after an error that may
    // have left it unusable); a later Acquire() makes a new one.
    void Discard() { object_.reset(); }

   private:
    ObjectPool* pool_;
    std::unique_ptr<T> object_;
  };

  Lease Acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        std::unique_ptr<T> object = std::move(free_.back());
        free_.pop_back();
        return Lease(this, std::move(object));
      }
    }
    return Lease(this, make_());
  }

  // Free objects kept for the next Acquire().
  size_t FreeCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return free_.size();
  }

 private:
  void Return(std::unique_ptr<T> object) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < max_kept_) free_.push_back(std::move(object));
  }

  Maker make_;
  const size_t max_kept_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<T>> free_;
};

}  // namespace newsfacet
