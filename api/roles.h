// Role rules of the API (contract section 3, docs/api-editing.md), shared by every handler.
// Each check throws core::Error(forbidden) with a Danish message when the account may not act.
#pragma once

#include <string>

#include "store/accounts.h"

namespace portal::api {

// Coordinators only.
void require_coordinator(const store::Account& account);
// Association editors and coordinators (staff may not change listings).
void require_editor(const store::Account& account);
// True for a coordinator and for an editor of that association.
bool may_edit(const store::Account& account, const std::string& association_id);
// An association's own editors and coordinators; staff and other associations get 403.
void require_editor_of(const store::Account& account, const std::string& association_id);
// The association an account is limited to: its own for an editor, "" (any) for a coordinator.
std::string owner_of(const store::Account& account);
// Staff only (docs/api-staff.md): association accounts and coordinators get 403.
void require_staff(const store::Account& account);
// Staff and coordinators (docs/api-staff.md): association accounts get 403.
void require_staff_or_coordinator(const store::Account& account);

}  // namespace portal::api
