// `portal-bench write-latency` against a real portal-server: it logs in, writes, finds every
// write by search, restores the originals and prints its table.
#include <chrono>
#include <filesystem>
#include <thread>
#include <memory>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/process.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace portal::bench {
namespace {

namespace fs = std::filesystem;
namespace pt = portal::testing;
using ::testing::HasSubstr;

TEST(WriteLatencyCommandTest, MeasuresWritesAndRestoresListings) {
  pt::TestDatabase db;
  pt::TempDir tmp;
  const auto listings = (fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json").string();
  ASSERT_EQ(pt::run_indexer({"import", listings}, db.url(), tmp.path() / "index").exit_code, 0);
  ASSERT_EQ(pt::run_indexer_with_input({"user", "add", "maaler", "--role", "coordinator"}, db.url(),
                                       "et-langt-kodeord\n").exit_code,
            0);
  pt::ServerProcess::Options options;
  options.index_dir = tmp.path() / "index";
  pt::ServerProcess server(db.url(), options);
  const auto before = server.get("/api/v1/search?per_page=100").json();

  const auto r = pt::run_program_with_input(
      pt::portal_binary("portal-bench"),
      {"write-latency", "--url", "http://127.0.0.1:" + std::to_string(server.port()), "--user", "maaler", "--rounds",
       "6", "--activities", "2", "--readers", "1"},
      {}, "et-langt-kodeord\n");
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_THAT(r.out, HasSubstr("write to searchable"));
  EXPECT_THAT(r.out, HasSubstr("not searchable within 5000 ms: 0 of 6"));

  // The made-up words are gone again once the restoring writes are indexed (within a second).
  const auto restored = [&] {
    for (const auto& result : before["results"]) {
      const std::string id = result["id"];
      if (server.get("/api/v1/activities/" + id).json().value("description", "").find("zqv") != std::string::npos) {
        return false;
      }
    }
    return true;
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (!restored() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(restored());
  EXPECT_EQ(server.get("/api/v1/search?q=zqv").json()["total"], 0);

  const auto wrong = pt::run_program_with_input(
      pt::portal_binary("portal-bench"),
      {"write-latency", "--url", "http://127.0.0.1:" + std::to_string(server.port()), "--user", "maaler"}, {},
      "forkert-kodeord\n");
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_THAT(wrong.err, HasSubstr("login: HTTP 401"));
}

}  // namespace
}  // namespace portal::bench
