#include "store/store_detail.h"

#include "core/errors.h"
#include "core/listing_json.h"

namespace portal::store::detail {
namespace {

// Transaction advisory lock taken by every writer before it appends to change_log ("portalW1").
constexpr long long kWriteLockKey = 0x706f7274616c5731LL;

}  // namespace

std::string epoch_seconds(const std::string& column) { return "floor(extract(epoch FROM " + column + "))::bigint"; }

std::chrono::system_clock::time_point from_epoch(int64_t seconds) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

std::optional<std::chrono::system_clock::time_point> optional_instant(const pqxx::field& seconds) {
  if (seconds.is_null()) return std::nullopt;
  return from_epoch(seconds.as<int64_t>());
}

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

WriteOutcome outcome_of(const pqxx::result& r) {
  if (r.empty()) return WriteOutcome::unchanged;
  return r[0][0].as<bool>() ? WriteOutcome::created : WriteOutcome::updated;
}

WriteOutcome upsert(pqxx::work& t, const core::Association& a) {
  return outcome_of(t.exec_params(
      "INSERT INTO associations AS t (id, name, municipality, doc) "
      "VALUES ($1, $2, NULLIF($3::text, ''), $4::jsonb) "
      "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, municipality = EXCLUDED.municipality, "
      "  doc = EXCLUDED.doc, updated_at = now() "
      "WHERE t.doc IS DISTINCT FROM EXCLUDED.doc "
      "RETURNING (xmax = 0) AS inserted",
      a.id, a.name, a.municipality, core::to_json(a).dump()));
}

}  // namespace portal::store::detail
