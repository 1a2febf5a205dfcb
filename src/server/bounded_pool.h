// A fixed set of worker threads with a bounded queue, for the HTTP server's requests. The
// connection gate hands over one request at a time; when every worker is busy and the queue is
// full it is told so at once (and answers 503) instead of queueing without limit.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace timpush::server {

class BoundedPool {
public:
  BoundedPool(size_t threads, size_t max_queued);
  ~BoundedPool();
  BoundedPool(const BoundedPool&) = delete;
  BoundedPool& operator=(const BoundedPool&) = delete;

  // Queues fn; false (fn untouched) when the queue is full or the pool is shutting down.
  bool try_enqueue(std::function<void()>& fn);
  // Runs what is queued, then joins the workers.
  void shutdown();

private:
  void work();

  size_t max_queued_;
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable has_job_;
  bool stopping_ = false;
};

}  // namespace timpush::server
