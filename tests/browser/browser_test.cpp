// Browser tests (label `browser`): each test gets a fresh database with the example listings
// and tests/api/data/more-listings.json, accounts made with `portal-indexer user add`, and a
// real portal-server on a free port; then it runs one Node spec (node:test + playwright-core,
// headless Debian Chromium) with BASE_URL pointing at that server. The spec's output is
// printed; the test passes when the spec exits 0.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/process.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace portal::browser::tests {
namespace {

namespace fs = std::filesystem;
namespace pt = portal::testing;

constexpr const char* kPassword = "korrekt-hest-batteri";

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(PORTAL_NODE)) << "node not found: run scripts/install-deps.sh --test";
    ASSERT_TRUE(fs::exists(fs::path(PORTAL_BROWSER_DIR) / "node_modules/playwright-core"))
        << "tests/browser/node_modules missing: run scripts/install-deps.sh --test";
    db_ = std::make_unique<pt::TestDatabase>();
    tmp_ = std::make_unique<pt::TempDir>();
    const fs::path index_dir = tmp_->path() / "index";
    const auto r = pt::run_indexer({"import", (fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json").string(),
                                    (fs::path(PORTAL_API_TEST_DATA) / "more-listings.json").string()},
                                   db_->url(), index_dir);
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    add_user({"gaa", "--role", "association", "--association", "holstebro-gaaklub"});
    add_user({"struer", "--role", "association", "--association", "struer-motion"});
    add_user({"koordinator", "--role", "coordinator"});
    add_user({"besoeg", "--role", "staff", "--team", "Forebyggende besøg Nord", "--municipality", "0661"});
    pt::ServerProcess::Options options;
    options.index_dir = index_dir;
    // Map tiles from a closed local port: pages with a map must work when tiles fail.
    options.extra_env = {{"PORTAL_MAP_TILES", "http://127.0.0.1:2/{z}/{x}/{y}.png"}};
    server_ = std::make_unique<pt::ServerProcess>(db_->url(), options);
  }

  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }

  void add_user(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"user", "add"};
    all.insert(all.end(), args.begin(), args.end());
    const auto r = pt::run_indexer_with_input(all, db_->url(), std::string(kPassword) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.describe();
  }

  // Runs node with `args` in tests/browser against this test's server; prints its output.
  void run_node(const std::vector<std::string>& args, pt::Environment env = {}) {
    env["BASE_URL"] = "http://127.0.0.1:" + std::to_string(server_->port());
    env["PORTAL_TEST_PASSWORD"] = kPassword;
    const auto r = pt::run_program(PORTAL_NODE, args, env, std::chrono::minutes(4), PORTAL_BROWSER_DIR);
    std::cout << r.out << r.err;
    EXPECT_EQ(r.exit_code, 0) << r.describe();
  }

  void run_spec(const std::string& spec) { run_node({"--test", "--test-reporter=spec", spec}); }

  std::unique_ptr<pt::TestDatabase> db_;
  std::unique_ptr<pt::TempDir> tmp_;
  std::unique_ptr<pt::ServerProcess> server_;
};

TEST_F(BrowserTest, AssociationEditorPage) { run_spec("editor.spec.mjs"); }

TEST_F(BrowserTest, CoordinatorPage) { run_spec("coordinator.spec.mjs"); }

TEST_F(BrowserTest, InvitationPage) { run_spec("invitation.spec.mjs"); }

TEST_F(BrowserTest, StaffVisitPage) { run_spec("staff.spec.mjs"); }

TEST_F(BrowserTest, CitizenSearchPage) { run_spec("search.spec.mjs"); }

TEST_F(BrowserTest, CitizenCardPage) { run_spec("card.spec.mjs"); }

TEST_F(BrowserTest, ActivityPage) { run_spec("activity.spec.mjs"); }

TEST_F(BrowserTest, CoordinatorStatistics) { run_spec("stats.spec.mjs"); }

// Not part of the test run: writes docs/screenshots/*.png (see screenshots.mjs).
TEST_F(BrowserTest, DISABLED_Screenshots) {
  run_node({"screenshots.mjs"}, {{"OUT_DIR", (fs::path(PORTAL_SOURCE_DIR) / "docs/screenshots").string()}});
}

std::set<std::string> files_under(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).generic_string());
  }
  return out;
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// frontend/dist is committed so the C++ build needs no Node.js; this rebuilds it from the
// pinned npm packages and scss/ into a temporary folder and compares byte for byte, so a
// change to the scss without `npm run build` (or a stale dist after a merge) fails here.
TEST(FrontendDist, IsUpToDate) {
  const fs::path frontend = fs::path(PORTAL_SOURCE_DIR) / "frontend";
  ASSERT_TRUE(fs::exists(PORTAL_NODE)) << "node not found: run scripts/install-deps.sh --test";
  ASSERT_TRUE(fs::exists(frontend / "node_modules/sass")) << "frontend/node_modules missing: run scripts/install-deps.sh --test";
  pt::TempDir tmp;
  const fs::path out = tmp.path() / "dist";
  const auto r = pt::run_program(PORTAL_NODE, {"build-assets.mjs", out.string()}, {}, std::chrono::minutes(2),
                                 frontend.string());
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  const auto committed = files_under(frontend / "dist");
  const auto built = files_under(out);
  EXPECT_EQ(committed, built) << "frontend/dist has other files than the build makes";
  ASSERT_FALSE(built.empty());
  for (const auto& name : built) {
    EXPECT_TRUE(read_all(frontend / "dist" / name) == read_all(out / name))
        << "frontend/dist/" << name << " differs from a fresh build: cd frontend && npm ci && npm run build";
  }
}

}  // namespace
}  // namespace portal::browser::tests
