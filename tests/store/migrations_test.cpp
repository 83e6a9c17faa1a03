#include "store/migrations.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "core/geo.h"
#include "tests/support/test_database.h"

namespace portal::store {
namespace {

const core::Geo& geo() {
  static const core::Geo g = core::Geo::builtin();
  return g;
}

// Advisory locks held in this test's database (pg_locks is cluster-wide).
constexpr const char* kAdvisoryLocksHere =
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

int64_t count(pqxx::connection& conn, const std::string& sql) {
  pqxx::read_transaction t(conn);
  return t.exec1(sql)[0].as<int64_t>();
}

TEST(MigrationsTest, BuiltinMigrationsAreEmbeddedInVersionOrder) {
  const auto migrations = builtin_migrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "listings");
  EXPECT_NE(migrations[0].sql.find("CREATE TABLE change_log"), std::string::npos);
  for (size_t i = 1; i < migrations.size(); ++i) EXPECT_LT(migrations[i - 1].version, migrations[i].version);
}

TEST(MigrationsTest, AppliesOnceAndRecordsVersions) {
  portal::testing::TestDatabase db;
  pqxx::connection conn(db.url());
  const auto migrations = builtin_migrations();

  EXPECT_EQ(migrate(conn, migrations, geo()), static_cast<int>(migrations.size()));
  EXPECT_EQ(migrate(conn, migrations, geo()), 0);

  pqxx::read_transaction t(conn);
  const auto rows = t.exec("SELECT version, name FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.size(), migrations.size());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(rows[static_cast<int>(i)][0].as<int>(), migrations[i].version);
    EXPECT_EQ(rows[static_cast<int>(i)][1].as<std::string>(), migrations[i].name);
  }
}

TEST(MigrationsTest, LoadsGeography) {
  portal::testing::TestDatabase db;
  pqxx::connection conn(db.url());
  migrate(conn, builtin_migrations(), geo());

  EXPECT_EQ(count(conn, "SELECT count(*) FROM postcodes"), 1089);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM municipalities"), 98);
  pqxx::read_transaction t(conn);
  const auto row = t.exec1(
      "SELECT p.municipality_code, p.name, m.name, m.region FROM postcodes p "
      "JOIN municipalities m ON m.code = p.municipality_code WHERE p.postcode = '7500'");
  EXPECT_EQ(row[0].as<std::string>(), "0661");
  EXPECT_EQ(row[1].as<std::string>(), "Holstebro");
  EXPECT_EQ(row[2].as<std::string>(), "Holstebro");
  EXPECT_EQ(row[3].as<std::string>(), "Region Midtjylland");
}

TEST(MigrationsTest, RestoresGeographyWhenRowsAreMissing) {
  portal::testing::TestDatabase db;
  pqxx::connection conn(db.url());
  migrate(conn, builtin_migrations(), geo());
  {
    pqxx::work t(conn);
    t.exec("DELETE FROM postcodes WHERE postcode IN ('7500', '1050')");
    t.exec("UPDATE municipalities SET name = 'forkert' WHERE code = '0661'");
    t.commit();
  }
  EXPECT_EQ(migrate(conn, builtin_migrations(), geo()), 0);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM postcodes"), 1089);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM municipalities WHERE code = '0661' AND name = 'Holstebro'"), 1);
}

TEST(MigrationsTest, TwoProcessesMigratingAtOnceApplyEachVersionOnce) {
  portal::testing::TestDatabase db;
  const auto migrations = builtin_migrations();
  constexpr int kChildren = 2;

  // The children block on the pipe until both exist, then race.
  int gate[2];
  ASSERT_EQ(::pipe(gate), 0);
  pid_t children[kChildren];
  for (int i = 0; i < kChildren; ++i) {
    children[i] = ::fork();
    ASSERT_GE(children[i], 0);
    if (children[i] == 0) {
      ::close(gate[1]);
      char byte;
      if (::read(gate[0], &byte, 1) != 1) ::_exit(200);
      try {
        pqxx::connection conn(db.url());
        ::_exit(migrate(conn, migrations, geo()));  // exit status = migrations applied
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", i, e.what());
        ::_exit(201);
      }
    }
  }
  ::close(gate[0]);
  const char go[kChildren] = {'g', 'g'};
  ASSERT_EQ(::write(gate[1], go, kChildren), kChildren);
  ::close(gate[1]);

  int applied = 0;
  for (pid_t child : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_LE(WEXITSTATUS(status), static_cast<int>(migrations.size())) << "child failed";
    applied += WEXITSTATUS(status);
  }
  EXPECT_EQ(applied, static_cast<int>(migrations.size()));

  pqxx::connection conn(db.url());
  EXPECT_EQ(count(conn, "SELECT count(*) FROM schema_migrations"), static_cast<int64_t>(migrations.size()));
  EXPECT_EQ(count(conn, "SELECT count(DISTINCT version) FROM schema_migrations"),
            static_cast<int64_t>(migrations.size()));
  EXPECT_EQ(count(conn, "SELECT count(*) FROM postcodes"), 1089);
  EXPECT_EQ(count(conn, kAdvisoryLocksHere), 0);
}

TEST(MigrationsTest, FailedMigrationRollsBackAndReleasesTheLock) {
  portal::testing::TestDatabase db;
  pqxx::connection conn(db.url());
  auto migrations = builtin_migrations();
  migrations.push_back({9999, "broken", "CREATE TABLE half_done (a integer); SELECT 1 / 0;"});

  EXPECT_THROW(migrate(conn, migrations, geo()), pqxx::sql_error);

  pqxx::connection other(db.url());
  EXPECT_EQ(count(other, kAdvisoryLocksHere), 0);
  EXPECT_EQ(count(other, "SELECT count(*) FROM schema_migrations WHERE version = 9999"), 0);
  EXPECT_EQ(count(other, "SELECT count(*) FROM schema_migrations"), static_cast<int64_t>(migrations.size() - 1));
  EXPECT_EQ(count(other, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'"), 0);
}

TEST(MigrationsTest, RejectsDuplicateVersions) {
  portal::testing::TestDatabase db;
  pqxx::connection conn(db.url());
  auto migrations = builtin_migrations();
  migrations.push_back(migrations.front());
  EXPECT_THROW(migrate(conn, migrations, geo()), std::invalid_argument);
  EXPECT_EQ(count(conn, "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'"), 0);
}

}  // namespace
}  // namespace portal::store
