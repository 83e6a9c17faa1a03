// Numbered, append-only SQL migrations (migrations/NNNN_name.sql, compiled into the binary)
// and the one runner that applies them.
//
// migrate() takes a PostgreSQL session advisory lock, so several processes starting at once
// apply each migration exactly once; each migration runs in its own transaction together with
// its row in schema_migrations. It then loads the geography reference tables (postcodes,
// municipalities) from core::Geo when they differ. Throws pqxx exceptions on SQL errors.
#pragma once

#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "core/geo.h"

namespace portal::store {

struct Migration {
  int version;
  std::string name;  // file name without the number and extension
  std::string sql;
};

// The migrations compiled into this binary, in version order.
std::vector<Migration> builtin_migrations();

// Applies pending migrations; returns how many were applied.
int migrate(pqxx::connection& conn, const std::vector<Migration>& migrations, const core::Geo& geo);

}  // namespace portal::store
