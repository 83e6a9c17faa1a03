// Internal to store/: what the staff stores (follow-ups, referrals, statistics) share. Not for
// other modules.
#pragma once

#include <cstdint>
#include <string>

#include <pqxx/pqxx>

namespace portal::store::detail {

// The team and municipality ("" when none) of an account, read in the caller's transaction.
// Until store::Account carries them, the staff stores read them here (migration 0004).
struct Unit {
  std::string team;
  std::string municipality;
};
Unit unit_of(pqxx::transaction_base& t, int64_t account_id);

// `value` for a nullable char(4) parameter: nullptr when empty.
inline const char* or_null(const std::string& value) { return value.empty() ? nullptr : value.c_str(); }

}  // namespace portal::store::detail
