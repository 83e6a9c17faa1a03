// Internal to store/: what the staff stores (follow-ups, referrals, statistics) share. Not for
// other modules.
#pragma once

#include <cstdint>
#include <string>

#include <pqxx/pqxx>

namespace portal::store::detail {

// The team and municipality ("" when none) of an account, read in the caller's transaction, so
// a record is counted for the unit the account belongs to when the record is written (an
// account moved to another team since its login counts for the new one).
struct Unit {
  std::string team;
  std::string municipality;
};
Unit unit_of(pqxx::transaction_base& t, int64_t account_id);

// `value` for a nullable char(4) parameter: nullptr when empty.
inline const char* or_null(const std::string& value) { return value.empty() ? nullptr : value.c_str(); }

}  // namespace portal::store::detail
