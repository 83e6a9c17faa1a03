// A function run every `interval` on a thread of its own until the Periodic is destroyed (the
// destructor wakes the thread, runs nothing more and joins). Exceptions from the function are
// logged and the next round runs as usual. For the server's housekeeping: purging completed
// follow-ups, flushing the zero-result search counter.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace portal::api {

class Periodic {
 public:
  // `run_at_start`: the first round runs at once rather than after one interval.
  Periodic(std::string name, std::chrono::milliseconds interval, std::function<void()> fn, bool run_at_start = false);
  ~Periodic();
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

 private:
  void loop(bool run_at_start);
  void run_once();

  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<void()> fn_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace portal::api
