// A fixed set of worker threads with a bounded queue, for the HTTP server's connections.
// httplib's own pool queues without limit; here the accept loop waits when the queue is full,
// so a flood of connections backs up in the kernel instead of in our memory.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace timpush::server {

class BoundedPool : public httplib::TaskQueue {
public:
  BoundedPool(size_t threads, size_t max_queued);
  ~BoundedPool() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

private:
  void work();

  size_t max_queued_;
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable has_job_;
  std::condition_variable has_room_;
  bool stopping_ = false;
};

}  // namespace timpush::server
