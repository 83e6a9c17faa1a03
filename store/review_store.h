// Freshness and review of activities in PostgreSQL (docs/api-editing.md): confirming an
// activity, review before publishing (moderation), and the lists coordinators work from.
// Thread-safe: each call leases its own connection.
//
// Writes run in one transaction with their change-log entry (see store_detail.h), so the index
// follows: confirm() and approve() put the activity (back) into search, reject() takes it out.
// Only activities with review status "public" are searchable.
// Errors: core::Error(unavailable) when PostgreSQL is down (nothing is written then);
// core::Error(not_found) for an unknown activity or association; core::Error(forbidden) when
// `owner` is set and the activity belongs to another association. Danish messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/freshness.h"
#include "store/connection_pool.h"

namespace portal::store {

// An activity waiting for a coordinator's approval.
struct PendingActivity {
  nlohmann::json activity;  // the stored listing record
  std::string association_id;
  std::string association_name;
  std::string submitted_at;  // ISO 8601 UTC of the association's write
};

// An activity that is stale or hidden on the given day.
struct StaleActivity {
  std::string id;
  std::string title;
  std::string association_id;
  std::string association_name;
  core::Date last_confirmed;
};

// An activity's review status ("public", "pending" or "rejected") and the coordinator's note.
struct Review {
  std::string status;
  std::string note;
};

class ReviewStore {
 public:
  explicit ReviewStore(ConnectionPool& pool);

  // Sets the activity's last confirmation to now (a change-log "upsert"); returns its new
  // date (Copenhagen). With a non-empty `owner`, another association's activity: forbidden.
  core::Date confirm(const std::string& activity_id, const std::string& owner = {});

  // Whether the association's editors' writes wait for review; false when it does not exist.
  bool set_review_required(const std::string& association_id, bool required);

  // Review status "public" (note cleared) or "rejected" with `note`, with a change-log entry.
  void approve(const std::string& activity_id);
  void reject(const std::string& activity_id, const std::string& note);

  // The activity's review; nullopt when it does not exist.
  std::optional<Review> review(const std::string& activity_id);

  // Activities with review status "pending", oldest write first.
  std::vector<PendingActivity> pending();

  // Public activities that are stale or hidden on `today` under `policy`, oldest confirmation
  // first.
  std::vector<StaleActivity> stale(core::Date today, const core::FreshnessPolicy& policy);

 private:
  void set_review(const std::string& activity_id, const char* status, const std::string& note);

  ConnectionPool& pool_;
};

}  // namespace portal::store
