// Follow-ups within six weeks (docs/api-staff.md): an opaque reference chosen by the staff
// member, a due date and the outcome. Thread-safe: each call leases its own connection.
//
// Team and municipality come from the creating account. Every write adds its audit_log row in
// the same transaction. Completed follow-ups are deleted by purge() a retention period after
// completion. The stores validate nothing that the API validates (reference length, CPR, dates);
// the database's checks are the last line.
// Errors: core::Error(unavailable) when PostgreSQL is down (nothing is written then);
// core::Error(not_found) for an unknown follow-up, core::Error(forbidden) for another's,
// core::Error(invalid_parameter, "tag_id") for an unknown tag. Danish messages.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "store/accounts.h"
#include "store/connection_pool.h"

namespace portal::store {

struct FollowUp {
  int64_t id = 0;
  std::string reference;
  core::Date due;
  std::string outcome;  // "" while open; "went", "not_yet" or "barrier"
  std::string barrier;  // "" unless outcome is "barrier"
  std::optional<std::chrono::system_clock::time_point> completed;
};

class FollowUpStore {
 public:
  explicit FollowUpStore(ConnectionPool& pool);

  // Stores an open follow-up of `account`; tag_id 0 for none.
  FollowUp create(const Account& account, const std::string& reference, core::Date due, int64_t tag_id = 0);

  // Open (done = false, by due date) or completed (done = true, latest first) follow-ups: a
  // staff account's own; a coordinator's municipality's, or every one when it has none.
  std::vector<FollowUp> list(const Account& account, bool done);

  // Records the outcome; only the creator may. Completion time is kept from the first time.
  FollowUp complete(const Account& account, int64_t id, const std::string& outcome, const std::string& barrier);

  // Deletes follow-ups completed before `now - retention`; returns how many.
  int purge(std::chrono::system_clock::time_point now, std::chrono::hours retention);

 private:
  ConnectionPool& pool_;
};

}  // namespace portal::store
