// The audit log of staff and coordinator writes (migration 0004): who did which action to which
// record, when. Never free text. Call inside the write's own transaction, so a write and its
// audit row commit together or not at all.
#pragma once

#include <string>

#include <pqxx/pqxx>

#include "store/accounts.h"

namespace portal::store {

// `action` like "card.create" ([a-z_.]), `entity` like "card" ([a-z_]), `entity_id` the record's
// id or code. Throws pqxx errors like any statement of the transaction.
void audit(pqxx::work& t, const Account& account, const std::string& action, const std::string& entity,
           const std::string& entity_id);

}  // namespace portal::store
