#include "store/audit.h"

namespace portal::store {

void audit(pqxx::work& t, const Account& account, const std::string& action, const std::string& entity,
           const std::string& entity_id) {
  t.exec_params(
      "INSERT INTO audit_log (account_id, username, action, entity, entity_id) VALUES ($1, $2, $3, $4, $5)",
      account.id, account.username, action, entity, entity_id);
}

}  // namespace portal::store
