// A fresh, uniquely named PostgreSQL database per test, created on the cluster that the `pg`
// CTest fixture starts (scripts/pg-test-cluster.sh) and named by PORTAL_TEST_DATABASE_URL.
//
// Tests that need PostgreSQL fail, never skip, when that variable is unset: the constructor
// throws std::runtime_error. Not copyable; the destructor ends the database's sessions and drops
// it (errors are reported on stderr, never thrown).
#pragma once

#include <string>

namespace portal::testing {

// PORTAL_TEST_DATABASE_URL (a libpq keyword/value string or a postgresql:// URI naming the
// maintenance database). Throws std::runtime_error when unset or empty.
std::string admin_url();

// `url` with its database name replaced by `dbname`.
std::string with_dbname(const std::string& url, const std::string& dbname);

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // Connection string for the new database.
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

}  // namespace portal::testing
