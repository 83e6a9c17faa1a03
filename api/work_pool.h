// A small fixed pool of threads for blocking work (PostgreSQL, password hashing) that must not
// run on a Pistache worker: a blocking handler delays every response queued on that worker.
//
// submit() queues a job; jobs run in submission order on `threads` threads. stop() lets the
// queued jobs finish, then joins the threads; submit() after stop() returns false and drops the
// job. Jobs must not throw (an escaping exception is logged and swallowed). Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace portal::api {

class WorkPool {
 public:
  explicit WorkPool(size_t threads);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  bool submit(std::function<void()> job);
  void stop();

 private:
  void run();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace portal::api
