// Shared set-up of the indexer tests: a fresh migrated database with a pool, a store and an
// importer, plus helpers to count rows and to cut connections to the database.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "indexer/importer.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"
#include "store/migrations.h"
#include "tests/support/database_outage.h"
#include "tests/indexer/source_records.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace portal::indexer::tests {

inline std::filesystem::path example_file() {
  return std::filesystem::path(PORTAL_SOURCE_DIR) / "tests" / "data" / "example-listings.json";
}

inline nlohmann::json example_listings() {
  return nlohmann::json::parse(portal::testing::read_file(example_file()));
}

using portal::testing::DatabaseOutage;

class IndexerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<portal::testing::TestDatabase>();
    {
      pqxx::connection conn(db_->url());
      store::migrate(conn, store::builtin_migrations(), geo());
    }
    pool_ = std::make_unique<store::ConnectionPool>(db_->url(), 4);
    store_ = std::make_unique<store::ListingStore>(*pool_, parser());
    importer_ = std::make_unique<Importer>(*store_, parser());
  }

  void TearDown() override {
    importer_.reset();
    store_.reset();
    pool_.reset();
    db_.reset();
  }

  int64_t count(const std::string& sql) const {
    pqxx::connection conn(db_->url());
    pqxx::read_transaction t(conn);
    return t.exec1(sql)[0].as<int64_t>();
  }
  int64_t rows(const std::string& table) const { return count("SELECT count(*) FROM " + table); }

  ImportSummary import(const nlohmann::json& doc, const std::string& label = "test.json") {
    return importer_->import_json(label, doc.dump());
  }

  std::unique_ptr<portal::testing::TestDatabase> db_;
  std::unique_ptr<store::ConnectionPool> pool_;
  std::unique_ptr<store::ListingStore> store_;
  std::unique_ptr<Importer> importer_;
};

}  // namespace portal::indexer::tests
