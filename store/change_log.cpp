#include "store/change_log.h"

#include "core/errors.h"
#include "store/listing_store.h"

namespace portal::store {
namespace {

// Transaction advisory lock key ("portalW1").
constexpr long long kWriteLockKey = 0x706f7274616c5731LL;

}  // namespace

void take_write_lock(pqxx::work& t) { t.exec_params("SELECT pg_advisory_xact_lock($1)", kWriteLockKey); }

void log_changes(pqxx::work& t, const nlohmann::json& changes) {
  if (changes.empty()) return;
  const auto row = t.exec_params1(
      "WITH ins AS ("
      "  INSERT INTO change_log (entity, entity_id, op) "
      "  SELECT c->>'entity', c->>'id', c->>'op' "
      "  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(c, n) ORDER BY n "
      "  RETURNING id) "
      "SELECT max(id) FROM ins",
      changes.dump());
  t.exec_params("SELECT pg_notify($1, $2)", kChangeChannel, row[0].as<std::string>());
}

void log_activity_change(pqxx::work& t, const std::string& id, const char* op) {
  log_changes(t, nlohmann::json::array({{{"entity", "activity"}, {"id", id}, {"op", op}}}));
}

std::optional<std::string> stored_owner(pqxx::work& t, const std::string& id, const std::string& owner) {
  const auto rows = t.exec_params("SELECT association_id FROM activities WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  std::string current = rows[0][0].as<std::string>();
  if (!owner.empty() && current != owner) {
    throw core::Error(core::ErrorCode::forbidden, "Aktiviteten hører til en anden forening.", "id");
  }
  return current;
}

}  // namespace portal::store
