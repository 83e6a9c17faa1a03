#include "store/staff_detail.h"

namespace portal::store::detail {

Unit unit_of(pqxx::transaction_base& t, int64_t account_id) {
  const auto rows = t.exec_params("SELECT team, coalesce(municipality, '') FROM accounts WHERE id = $1", account_id);
  if (rows.empty()) return {};
  return {rows[0][0].as<std::string>(), rows[0][1].as<std::string>()};
}

}  // namespace portal::store::detail
