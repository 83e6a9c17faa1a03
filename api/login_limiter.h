// Slows down password guessing: counts failed logins per username (case-insensitive) and per
// client address in a sliding window, in memory (per process; a restart forgets).
//
// blocked() is true once a key has `limit` failures within `window`; a blocked login is refused
// before the password is checked. A success clears the username's failures (not the address's).
// Addresses get a higher limit than usernames because many staff share one office NAT address.
// Memory is bounded: keys whose failures have all aged out are dropped. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace portal::api {

struct LoginLimits {
  size_t per_username = 5;
  size_t per_address = 20;
  std::chrono::seconds window{15 * 60};
};

class LoginLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit LoginLimiter(LoginLimits limits = {}) : limits_(limits) {}

  bool blocked(const std::string& username, const std::string& address, Clock::time_point now = Clock::now());
  void failed(const std::string& username, const std::string& address, Clock::time_point now = Clock::now());
  void succeeded(const std::string& username);

 private:
  size_t count(const std::string& key, Clock::time_point now);

  LoginLimits limits_;
  std::mutex mu_;
  std::map<std::string, std::deque<Clock::time_point>> failures_;
  Clock::time_point last_sweep_{};
};

}  // namespace portal::api
