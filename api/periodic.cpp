#include "api/periodic.h"

#include <spdlog/spdlog.h>

namespace portal::api {

Periodic::Periodic(std::string name, std::chrono::milliseconds interval, std::function<void()> fn, bool run_at_start)
    : name_(std::move(name)), interval_(interval), fn_(std::move(fn)) {
  thread_ = std::thread([this, run_at_start] { loop(run_at_start); });
}

Periodic::~Periodic() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Periodic::run_once() {
  try {
    fn_();
  } catch (const std::exception& e) {
    spdlog::warn("{}: {}", name_, e.what());
  }
}

void Periodic::loop(bool run_at_start) {
  if (run_at_start) run_once();
  std::unique_lock lock(mu_);
  while (!stop_) {
    if (cv_.wait_for(lock, interval_, [this] { return stop_; })) break;
    lock.unlock();
    run_once();
    lock.lock();
  }
}

}  // namespace portal::api
