#include "search/result_cache.h"

namespace portal::search {

ResultCache::ResultCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}

namespace {
// List node, hash node and bucket, shared_ptr control blocks: about this much per entry.
constexpr size_t kEntryOverhead = 256;
}  // namespace

std::shared_ptr<const SerialisedAnswer> ResultCache::find(const std::string& key) {
  std::lock_guard lock(mu_);
  if (capacity_ == 0) return nullptr;
  const auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->answer;
}

void ResultCache::insert(const std::string& key, std::shared_ptr<const SerialisedAnswer> answer,
                         std::shared_ptr<const void> pin) {
  if (capacity_ == 0 || !answer) return;
  const size_t bytes = answer->text.size() + 2 * key.size() + kEntryOverhead;  // the key is stored twice
  if (bytes > capacity_ / 4) return;
  std::lock_guard lock(mu_);
  if (const auto it = index_.find(key); it != index_.end()) {  // another thread was first
    lru_.splice(lru_.begin(), lru_, it->second);
    return;
  }
  while (!lru_.empty() && bytes_ + bytes > capacity_) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
  lru_.push_front(Entry{key, std::move(answer), std::move(pin), bytes});
  index_.emplace(key, lru_.begin());
  bytes_ += bytes;
}

ResultCache::Stats ResultCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{hits_, misses_, lru_.size(), bytes_};
}

}  // namespace portal::search
