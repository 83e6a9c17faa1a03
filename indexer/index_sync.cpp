#include "indexer/index_sync.h"

#include <set>

#include <spdlog/spdlog.h>

#include "core/errors.h"
#include "store/migrations.h"

namespace portal::indexer {

size_t rebuild(store::ListingStore& store, const search::IndexDirectory& dir, const core::Vocabulary& vocabulary) {
  const store::Snapshot snapshot = store.snapshot();
  search::build_generation(dir, vocabulary, snapshot.activities, snapshot.associations, snapshot.change_position);
  return snapshot.activities.size();
}

IndexSync::IndexSync(store::ConnectionPool& pool, store::ListingStore& store, search::IndexDirectory dir,
                     const core::Vocabulary& vocabulary, const core::Geo& geo)
    : pool_(pool), store_(store), dir_(std::move(dir)), vocabulary_(vocabulary), geo_(geo) {}

IndexSync::~IndexSync() { stop(); }

bool IndexSync::ensure_index() {
  const bool exists = dir_.current().has_value();
  if (exists && search::live_index_is_current(dir_)) return false;
  if (exists) spdlog::info("the search index was built by an older analyzer; rebuilding it");
  const size_t n = rebuild(store_, dir_, vocabulary_);
  spdlog::info("built a new search index with {} activities", n);
  return true;
}

size_t IndexSync::catch_up() {
  const auto live = dir_.current();
  if (!live) {
    ensure_index();
    return 0;
  }
  if (!writer_ || writer_->generation() != *live) {
    writer_.reset();
    writer_flag_ = false;
    if (std::chrono::steady_clock::now() < next_lock_attempt_) return 0;
    try {
      writer_ = std::make_unique<search::IndexWriter>(dir_, vocabulary_);
      writer_flag_ = true;
      spdlog::info("following the change log into index generation {}", writer_->generation());
    } catch (const Xapian::DatabaseLockError&) {
      // Another process writes this generation; it keeps the index in step.
      next_lock_attempt_ = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      return 0;
    }
  }

  size_t applied = 0;
  while (true) {
    const int64_t from = writer_->position();
    const auto changes = store_.changes_after(from, 1000);
    database_ok_ = true;
    if (changes.empty()) break;

    std::set<std::string> activity_ids;
    for (const auto& change : changes) {
      if (change.entity == "activity") {
        activity_ids.insert(change.entity_id);
      } else {
        for (const auto& a : store_.activities_of(change.entity_id)) activity_ids.insert(a.id);
      }
    }
    const std::vector<std::string> ids(activity_ids.begin(), activity_ids.end());
    std::set<std::string> found;
    std::map<std::string, std::optional<core::Association>> associations;
    for (const auto& activity : store_.searchable_activities(ids)) {
      auto it = associations.find(activity.association);
      if (it == associations.end()) it = associations.emplace(activity.association, store_.association(activity.association)).first;
      if (!it->second) continue;
      writer_->upsert(activity, *it->second);
      found.insert(activity.id);
    }
    for (const auto& id : ids) {
      if (!found.count(id)) writer_->remove(id);
    }
    writer_->commit(changes.back().id);
    position_ = changes.back().id;
    applied += changes.size();
  }
  position_ = writer_->position();
  return applied;
}

void IndexSync::start(std::chrono::milliseconds poll) {
  stopping_ = false;
  thread_ = std::thread([this, poll] { loop(poll); });
}

void IndexSync::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

IndexSync::Status IndexSync::status() const { return {writer_flag_.load(), database_ok_.load(), position_.load()}; }

namespace {

class Wakeup : public pqxx::notification_receiver {
 public:
  Wakeup(pqxx::connection_base& conn, const std::string& channel) : pqxx::notification_receiver(conn, channel) {}
  void operator()(const std::string&, int) override {}
};

}  // namespace

void IndexSync::loop(std::chrono::milliseconds poll) {
  std::unique_ptr<pqxx::connection> listen;
  std::unique_ptr<Wakeup> wakeup;
  const long poll_us = static_cast<long>(std::chrono::duration_cast<std::chrono::microseconds>(poll).count());
  while (!stopping_) {
    try {
      if (!listen) {
        listen = std::make_unique<pqxx::connection>(pool_.url());
        wakeup = std::make_unique<Wakeup>(*listen, store::kChangeChannel);
        if (!migrated_) {
          store::migrate(*listen, store::builtin_migrations(), geo_);
          migrated_ = true;
        }
      }
      catch_up();
      listen->await_notification(poll_us / 1000000, poll_us % 1000000);
    } catch (const std::exception& e) {
      if (database_ok_.exchange(false)) spdlog::warn("index sync: {}", e.what());
      wakeup.reset();
      listen.reset();
      for (int i = 0; i < 10 && !stopping_; ++i) std::this_thread::sleep_for(poll / 5);
    }
  }
  wakeup.reset();
  listen.reset();
}

}  // namespace portal::indexer
