// A bounded least-recently-used cache of search answers. The caller builds the key so that it
// names everything the answer depends on (the request, the index generation and revision, the
// synonym table, the minute); an answer is therefore never stale, only unused, and old keys
// age out. Answers are kept serialised (nlohmann::json objects take about six times the memory
// of their text, measured on search answers), and the capacity counts the bytes of key and text.
//
// Thread-safe. A capacity of 0 disables the cache (find() always misses, insert() does nothing).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace portal::search {

// A search answer as the HTTP API sends it, and its "total".
struct SerialisedAnswer {
  std::string text;
  uint64_t total = 0;
};

class ResultCache {
 public:
  struct Stats {
    uint64_t hits = 0;
    uint64_t misses = 0;
    size_t entries = 0;
    size_t bytes = 0;  // keys and answers, plus a fixed overhead per entry
  };

  explicit ResultCache(size_t capacity_bytes);

  // The cached answer for `key` (and marks it recently used), or nullptr.
  std::shared_ptr<const SerialisedAnswer> find(const std::string& key);

  // Stores `answer` under `key`, evicting the least recently used answers to stay within the
  // capacity; an answer larger than a quarter of the capacity is not stored. `pin` is kept
  // alive as long as the entry (for objects whose address is part of the key).
  void insert(const std::string& key, std::shared_ptr<const SerialisedAnswer> answer,
              std::shared_ptr<const void> pin = nullptr);

  Stats stats() const;
  size_t capacity() const { return capacity_; }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const SerialisedAnswer> answer;
    std::shared_ptr<const void> pin;
    size_t bytes;
  };
  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace portal::search
