#include "store/migrations.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "store_migration_list.h"

namespace portal::store {
namespace {

// Session advisory lock serialising migrate() across processes ("portalM1").
constexpr long long kMigrationLockKey = 0x706f7274616c4d31LL;

// Holds the migration lock for the lifetime of the object. The unlock runs on every path;
// if the session is gone, PostgreSQL has already released the lock with it.
class MigrationLock {
 public:
  explicit MigrationLock(pqxx::connection& conn) : conn_(conn) {
    pqxx::nontransaction t(conn_);
    t.exec_params("SELECT pg_advisory_lock($1)", kMigrationLockKey);
  }
  ~MigrationLock() {
    if (!conn_.is_open()) return;
    try {
      pqxx::nontransaction t(conn_);
      t.exec_params("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
    } catch (const std::exception&) {
      // Nothing to do: a failed unlock means the session (and the lock) is gone.
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  pqxx::connection& conn_;
};

std::set<int> applied_versions(pqxx::connection& conn) {
  pqxx::work t(conn);
  t.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "  version    integer PRIMARY KEY,"
      "  name       text NOT NULL,"
      "  applied_at timestamptz NOT NULL DEFAULT now())");
  std::set<int> versions;
  for (const auto& row : t.exec("SELECT version FROM schema_migrations")) versions.insert(row[0].as<int>());
  t.commit();
  return versions;
}

// Loads postcodes and municipalities from `geo` when the row counts differ. Skipped when the
// tables do not exist (a migration set without them).
void sync_geo(pqxx::connection& conn, const core::Geo& geo) {
  pqxx::work t(conn);
  const auto present = t.exec1(
      "SELECT to_regclass('municipalities') IS NOT NULL AND to_regclass('postcodes') IS NOT NULL");
  if (!present[0].as<bool>()) return;
  const auto counts = t.exec1("SELECT (SELECT count(*) FROM municipalities), (SELECT count(*) FROM postcodes)");
  if (counts[0].as<size_t>() == geo.municipalities().size() && counts[1].as<size_t>() == geo.postcodes().size()) {
    return;
  }

  nlohmann::json municipalities = nlohmann::json::array();
  for (const auto& m : geo.municipalities()) {
    municipalities.push_back(
        {{"code", m.code}, {"name", m.name}, {"region", m.region}, {"lat", m.coordinate.lat}, {"lon", m.coordinate.lon}});
  }
  nlohmann::json postcodes = nlohmann::json::array();
  for (const auto& p : geo.postcodes()) {
    postcodes.push_back({{"postcode", p.code},
                         {"name", p.name},
                         {"lat", p.coordinate.lat},
                         {"lon", p.coordinate.lon},
                         {"municipality_code", p.municipality}});
  }
  t.exec_params(
      "INSERT INTO municipalities AS m (code, name, region, lat, lon) "
      "SELECT code, name, region, lat, lon FROM jsonb_to_recordset($1::jsonb) "
      "  AS r(code text, name text, region text, lat double precision, lon double precision) "
      "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region, "
      "  lat = EXCLUDED.lat, lon = EXCLUDED.lon "
      "WHERE (m.name, m.region, m.lat, m.lon) IS DISTINCT FROM "
      "  (EXCLUDED.name, EXCLUDED.region, EXCLUDED.lat, EXCLUDED.lon)",
      municipalities.dump());
  t.exec_params(
      "INSERT INTO postcodes AS p (postcode, name, lat, lon, municipality_code) "
      "SELECT postcode, name, lat, lon, municipality_code FROM jsonb_to_recordset($1::jsonb) "
      "  AS r(postcode text, name text, lat double precision, lon double precision, municipality_code text) "
      "ON CONFLICT (postcode) DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, "
      "  lon = EXCLUDED.lon, municipality_code = EXCLUDED.municipality_code "
      "WHERE (p.name, p.lat, p.lon, p.municipality_code) IS DISTINCT FROM "
      "  (EXCLUDED.name, EXCLUDED.lat, EXCLUDED.lon, EXCLUDED.municipality_code)",
      postcodes.dump());
  t.commit();
}

}  // namespace

std::vector<Migration> builtin_migrations() {
  std::vector<Migration> out;
  for (const auto& m : embedded::kMigrations) out.push_back({m.version, m.name, std::string(m.sql())});
  return out;
}

int migrate(pqxx::connection& conn, const std::vector<Migration>& migrations, const core::Geo& geo) {
  std::vector<const Migration*> ordered;
  for (const auto& m : migrations) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(), [](const Migration* a, const Migration* b) { return a->version < b->version; });
  for (size_t i = 1; i < ordered.size(); ++i) {
    if (ordered[i]->version == ordered[i - 1]->version) {
      throw std::invalid_argument("migrate: two migrations have version " + std::to_string(ordered[i]->version));
    }
  }

  MigrationLock lock(conn);
  const std::set<int> applied = applied_versions(conn);
  int count = 0;
  for (const Migration* m : ordered) {
    if (applied.count(m->version) != 0) continue;
    pqxx::work t(conn);
    t.exec(m->sql);
    t.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m->version, m->name);
    t.commit();
    ++count;
  }
  sync_geo(conn, geo);
  return count;
}

}  // namespace portal::store
