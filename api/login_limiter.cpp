#include "api/login_limiter.h"

#include <algorithm>
#include <cctype>

namespace portal::api {
namespace {

std::string user_key(const std::string& username) {
  std::string key = "u:";
  for (const char c : username) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string address_key(const std::string& address) { return "a:" + address; }

}  // namespace

size_t LoginLimiter::count(const std::string& key, Clock::time_point now) {
  const auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& times = it->second;
  while (!times.empty() && now - times.front() > limits_.window) times.pop_front();
  if (times.empty()) {
    failures_.erase(it);
    return 0;
  }
  return times.size();
}

bool LoginLimiter::blocked(const std::string& username, const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  return count(user_key(username), now) >= limits_.per_username ||
         count(address_key(address), now) >= limits_.per_address;
}

void LoginLimiter::failed(const std::string& username, const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (now - last_sweep_ > limits_.window) {  // drop keys whose failures have all aged out
    last_sweep_ = now;
    for (auto it = failures_.begin(); it != failures_.end();) {
      it = (it->second.empty() || now - it->second.back() > limits_.window) ? failures_.erase(it) : std::next(it);
    }
  }
  for (const auto& key : {user_key(username), address_key(address)}) {
    auto& times = failures_[key];
    times.push_back(now);
    // More than the limit is never needed to decide; keep memory per key bounded.
    const size_t keep = std::max(limits_.per_username, limits_.per_address);
    while (times.size() > keep) times.pop_front();
  }
}

void LoginLimiter::succeeded(const std::string& username) {
  std::lock_guard<std::mutex> lock(mu_);
  failures_.erase(user_key(username));
}

}  // namespace portal::api
