// An association's own page and the coordinator's lists (docs/api-editing.md), in PostgreSQL.
// Thread-safe: each call leases its own connection.
//
// put_profile() writes the association in one transaction with its change-log entry ('upsert',
// entity 'association'), under the same write lock as ListingStore, so the index re-reads the
// association's activities (their documents carry its name and contact details).
// Freshness is computed with core::freshness() from activities.last_confirmed_at (its date in
// Copenhagen) and the caller's policy; nothing per state is stored.
// Errors: core::Error(unavailable) when PostgreSQL is down; nothing is written then.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/freshness.h"
#include "core/listing.h"
#include "core/listing_json.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"

namespace portal::store {

struct AssociationProfile {
  core::Association association;
  bool review_required = false;
};

// An activity as its association's editors see it: also pending, rejected or hidden ones.
struct ActivityRecord {
  core::Activity activity;
  core::Date last_confirmed;   // the Copenhagen date of activities.last_confirmed_at
  std::string review_status;   // "public", "pending" or "rejected"
  std::string review_note;     // the coordinator's reason for a rejection, or ""
  std::string source;          // sources.id, or "" for listings written through the API
};

struct EditorAccount {
  int64_t id = 0;
  std::string username;
  bool disabled = false;
  std::optional<std::chrono::system_clock::time_point> last_login;
};

struct AssociationSummary {
  core::Association association;
  bool review_required = false;
  int activities = 0;
  int stale = 0;    // activities in state stale
  int hidden = 0;   // activities in state hidden
  int pending = 0;  // activities waiting for review
  std::optional<std::chrono::system_clock::time_point> last_login;  // latest of `accounts`
  std::vector<EditorAccount> accounts;  // its association accounts, by username
};

struct OverviewQuery {
  std::chrono::system_clock::time_point now;  // "today" is its Copenhagen date
  core::FreshnessPolicy policy;
  // Only associations whose editors have not logged in for this many days (or never, or that
  // have no account). nullopt: all.
  std::optional<int> inactive_days;
};

inline constexpr int kDefaultReminderInactiveDays = 90;

class AssociationStore {
 public:
  AssociationStore(ConnectionPool& pool, const core::ListingParser& parser);

  std::optional<AssociationProfile> profile(const std::string& id);

  // Replaces a stored association (core::Error(not_found) when there is none); an equal record
  // writes nothing and logs nothing. `review_required`: nullopt leaves the flag as it is.
  WriteOutcome put_profile(const core::Association& association, std::optional<bool> review_required = std::nullopt);

  // The association's activities ordered by title (then id).
  std::vector<ActivityRecord> activities(const std::string& association_id);

  // Every association (ordered by name, then id) with its counts and editors' logins.
  std::vector<AssociationSummary> overview(const OverviewQuery& query);

  // Who a reminder mail should go to: the associations with stale or hidden activities, or whose
  // editors have not logged in for query.inactive_days (kDefaultReminderInactiveDays when unset).
  std::vector<AssociationSummary> reminders(OverviewQuery query);

 private:
  ConnectionPool& pool_;
  const core::ListingParser& parser_;
};

}  // namespace portal::store
