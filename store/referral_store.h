// Referrals to the volunteer centre (docs/api-staff.md): staff create them, the coordinator
// works the queue new → contacted → matched / declined. Thread-safe: each call leases its own
// connection.
//
// Team and municipality come from the creating account; every write adds its audit_log row in
// the same transaction. Input is validated by the API; the database's checks are the last line.
// Errors: core::Error(unavailable) when PostgreSQL is down (nothing is written then);
// core::Error(not_found) for an unknown referral or one outside the coordinator's municipality;
// core::Error(conflict) for a move the state machine does not allow;
// core::Error(invalid_parameter, "matched_association") for an unknown association. Danish
// messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "store/accounts.h"
#include "store/connection_pool.h"

namespace portal::store {

struct NewReferral {
  core::Date date;
  std::string postcode;  // "" for none
  std::vector<std::string> interests;
  std::vector<std::string> transport;
  bool companion = false;
  std::string note;
};

struct Referral {
  int64_t id = 0;
  core::Date date;
  std::string team;
  std::string postcode;
  std::vector<std::string> interests;
  std::vector<std::string> transport;
  bool companion = false;
  std::string note;
  std::string status;
  std::string matched_association_id;  // "" for none
  std::string matched_association_name;
  std::string matched_scheme;
};

// The state machine: new → contacted | matched | declined, contacted → matched | declined.
bool referral_move_allowed(const std::string& from, const std::string& to);

class ReferralStore {
 public:
  explicit ReferralStore(ConnectionPool& pool);

  int64_t create(const Account& account, const NewReferral& referral);

  // A staff account's own; a coordinator's municipality's (all when it has none); oldest first.
  // `status` "" for every status.
  std::vector<Referral> list(const Account& account, const std::string& status);

  // Moves a referral (coordinator). `association` "" for none. Returns the changed referral.
  Referral update(const Account& account, int64_t id, const std::string& status, const std::string& association,
                  const std::string& scheme);

 private:
  ConnectionPool& pool_;
};

}  // namespace portal::store
