// Keeps the search index in step with the database's change log.
//
// catch_up() applies every change after the index's recorded position by re-reading the
// current state of the changed records (so applying a change twice is harmless), then commits
// the new position. Only activities with review status "public" are indexed (with their last
// confirmation); one that is pending, rejected or deleted is removed from the index. After a crash it resumes from the last committed position; after a rebuild
// (a new generation published by another process) it continues on the new generation.
// Only one process can write an index generation: an IndexSync that cannot take the writer
// lock leaves the work to the process that holds it and tries again later.
//
// Thread-safety: one thread calls catch_up()/run(); start()/stop() manage that thread.
// Errors: catch_up() throws core::Error(unavailable) when PostgreSQL is down.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/geo.h"
#include "core/vocabulary.h"
#include "search/index.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"

namespace portal::indexer {

// Builds a new index generation from one database snapshot and swaps it in. Returns the
// number of activities indexed.
size_t rebuild(store::ListingStore& store, const search::IndexDirectory& dir, const core::Vocabulary& vocabulary);

class IndexSync {
 public:
  IndexSync(store::ConnectionPool& pool, store::ListingStore& store, search::IndexDirectory dir,
            const core::Vocabulary& vocabulary, const core::Geo& geo);
  ~IndexSync();

  // Builds a generation when no index exists or the live one has an older format (the
  // analyzer or its word data changed). Returns true if it built one.
  bool ensure_index();
  // Applies pending changes; returns how many change-log entries were applied (0 when this
  // process is not the writer).
  size_t catch_up();

  // Runs catch_up() on a background thread: woken by NOTIFY on the change channel and at
  // least every `poll`. Migrates the database first if that has not succeeded yet.
  void start(std::chrono::milliseconds poll = std::chrono::milliseconds(500));
  void stop();

  struct Status {
    bool writer = false;
    bool database_ok = false;
    int64_t position = 0;
  };
  Status status() const;

 private:
  void loop(std::chrono::milliseconds poll);

  store::ConnectionPool& pool_;
  store::ListingStore& store_;
  search::IndexDirectory dir_;
  const core::Vocabulary& vocabulary_;
  const core::Geo& geo_;
  std::unique_ptr<search::IndexWriter> writer_;
  std::chrono::steady_clock::time_point next_lock_attempt_{};

  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> writer_flag_{false};
  std::atomic<bool> database_ok_{false};
  std::atomic<int64_t> position_{0};
  bool migrated_ = false;
};

}  // namespace portal::indexer
