#include "api/roles.h"

#include "core/errors.h"

namespace portal::api {
namespace {

[[noreturn]] void forbid(const std::string& message) { throw core::Error(core::ErrorCode::forbidden, message); }

}  // namespace

void require_coordinator(const store::Account& account) {
  if (account.role != store::Role::coordinator) forbid("Det kan kun en koordinator.");
}

void require_editor(const store::Account& account) {
  if (account.role == store::Role::staff) forbid("Din konto (personale) kan ikke ændre foreningers aktiviteter.");
}

bool may_edit(const store::Account& account, const std::string& association_id) {
  return account.role == store::Role::coordinator ||
         (account.role == store::Role::association && account.association_id == association_id);
}

void require_editor_of(const store::Account& account, const std::string& association_id) {
  if (may_edit(account, association_id)) return;
  if (account.role == store::Role::staff) forbid("Din konto (personale) kan ikke se eller ændre foreninger.");
  forbid("Du kan kun se og ændre din egen forening.");
}

std::string owner_of(const store::Account& account) {
  return account.role == store::Role::association ? account.association_id : std::string();
}

void require_staff(const store::Account& account) {
  if (account.role == store::Role::association) forbid("Din konto (forening) har ikke adgang til personalets registreringer.");
  if (account.role != store::Role::staff) forbid("Det kan kun personale (forebyggende besøg og hjemmepleje).");
}

void require_staff_or_coordinator(const store::Account& account) {
  if (account.role == store::Role::association) forbid("Din konto (forening) har ikke adgang til personalets registreringer.");
}

}  // namespace portal::api
