// Makes a test database refuse new connections and ends its sessions, as if PostgreSQL were
// down for that database; the destructor (or restore()) allows connections again.
#pragma once

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/support/test_database.h"

namespace portal::testing {

class DatabaseOutage {
 public:
  explicit DatabaseOutage(std::string dbname) : dbname_(std::move(dbname)) {
    pqxx::connection conn(admin_url());
    pqxx::nontransaction t(conn);
    t.exec("ALTER DATABASE " + t.quote_name(dbname_) + " ALLOW_CONNECTIONS false");
    t.exec_params("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                  dbname_);
  }
  ~DatabaseOutage() {
    try {
      restore();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not allow connections to " << dbname_ << " again: " << e.what();
    }
  }
  DatabaseOutage(const DatabaseOutage&) = delete;
  DatabaseOutage& operator=(const DatabaseOutage&) = delete;

  void restore() {
    if (restored_) return;
    pqxx::connection conn(admin_url());
    pqxx::nontransaction t(conn);
    t.exec("ALTER DATABASE " + t.quote_name(dbname_) + " ALLOW_CONNECTIONS true");
    restored_ = true;
  }

 private:
  std::string dbname_;
  bool restored_ = false;
};

}  // namespace portal::testing
