// Shared by the store tests: the built-in vocabulary/geography parser, a fresh migrated
// database per test with a connection pool, and small helpers for expected errors.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "store/connection_pool.h"
#include "store/migrations.h"
#include "tests/support/test_database.h"

namespace portal::store::test_support {

inline const core::Geo& geo() {
  static const core::Geo g = core::Geo::builtin();
  return g;
}

inline const core::ListingParser& parser() {
  static const core::Vocabulary vocabulary = core::Vocabulary::builtin();
  static const core::ListingParser p(vocabulary, geo());
  return p;
}

// The parsed record; std::invalid_argument naming the fields when a test record is invalid.
template <typename T>
T must(core::Parsed<T> parsed) {
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    std::string message = "test record does not parse:";
    for (const auto& e : *errors) message += " " + e.field + ": " + e.reason;
    throw std::invalid_argument(message);
  }
  return std::get<T>(std::move(parsed));
}

// The core::Error that `call` throws; a test failure (and ErrorCode::internal) when none.
template <typename Call>
core::Error error_of(Call&& call) {
  try {
    call();
  } catch (const core::Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a core::Error";
  return core::Error(core::ErrorCode::internal, "no error");
}

// A migrated database of its own and a pool on it.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<portal::testing::TestDatabase>();
    {
      pqxx::connection conn(db_->url());
      migrate(conn, builtin_migrations(), geo());
    }
    pool_ = std::make_unique<ConnectionPool>(db_->url(), 4);
  }

  void TearDown() override {
    pool_.reset();
    db_.reset();
  }

  // Runs `query` in its own committed transaction.
  pqxx::result sql(const std::string& query) {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    auto r = t.exec(query);
    t.commit();
    return r;
  }

  std::unique_ptr<portal::testing::TestDatabase> db_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace portal::store::test_support
