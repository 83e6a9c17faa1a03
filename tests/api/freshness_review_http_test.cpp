// Freshness and review before publishing over real HTTP (docs/api-editing.md): confirming,
// stale ranking and hidden listings in search, the coordinator's stale list, moderation,
// validation with every invalid field, and 503 without a write while PostgreSQL is down.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "tests/support/database_outage.h"
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace portal::api::tests {
namespace {

namespace fs = std::filesystem;
namespace pt = portal::testing;
using nlohmann::json;
using pt::HttpResponse;
using Clock = std::chrono::steady_clock;
using Ids = std::vector<std::string>;

constexpr const char* kSecret = "korrekt-hest-batteri";
constexpr const char* kClub = "holstebro-gaaklub";

// Equally relevant croquet listings of the walking club.
json croquet(const std::string& id, const std::string& title = "Krolf i Byparken") {
  return {{"id", id},
          {"association", kClub},
          {"title", title},
          {"description", "Vi spiller krolf og drikker kaffe."},
          {"interests", {"games"}},
          {"location", {{"postcode", "7500"}}}};
}

class FreshnessReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<pt::TestDatabase>();
    tmp_ = std::make_unique<pt::TempDir>();
    index_dir_ = tmp_->path() / "index";
    indexer({"import", (fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json").string()});
    for (const auto& user : std::vector<std::vector<std::string>>{
             {"gaa", "--role", "association", "--association", kClub},
             {"andre", "--role", "association", "--association", "roede-kors-vejle-besoegsvenner"},
             {"personale", "--role", "staff"},
             {"koordinator", "--role", "coordinator"}}) {
      std::vector<std::string> args = {"user", "add"};
      args.insert(args.end(), user.begin(), user.end());
      const auto r = pt::run_indexer_with_input(args, db_->url(), std::string(kSecret) + "\n");
      ASSERT_EQ(r.exit_code, 0) << r.describe();
    }
    pt::ServerProcess::Options options;
    options.index_dir = index_dir_;
    server_ = std::make_unique<pt::ServerProcess>(db_->url(), options);
    editor_ = token("gaa");
    coordinator_ = token("koordinator");
  }

  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }

  void indexer(const std::vector<std::string>& args) {
    const auto r = pt::run_indexer(args, db_->url(), index_dir_);
    ASSERT_EQ(r.exit_code, 0) << r.describe();
  }

  void sql(const std::string& statement) {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    t.exec(statement);
    t.commit();
  }
  // Moves an activity's last confirmation into the past (the index sees it after a rebuild).
  void confirmed_days_ago(const std::string& id, int days) {
    sql("UPDATE activities SET last_confirmed_at = now() - interval '" + std::to_string(days) +
        " days' WHERE id = '" + id + "'");
  }

  HttpResponse call(const std::string& method, const std::string& target, const std::string& bearer,
                    const std::string& body = {}) {
    pt::Headers headers = {{"Content-Type", "application/json"}};
    if (!bearer.empty()) headers.emplace_back("Authorization", "Bearer " + bearer);
    return pt::http_request(server_->port(), method, target, headers, body);
  }

  std::string token(const std::string& username) {
    const HttpResponse r =
        call("POST", "/api/v1/auth/login", {}, json{{"username", username}, {"password", kSecret}}.dump());
    EXPECT_EQ(r.status, 200) << r.describe();
    return r.status == 200 ? r.json().at("token").get<std::string>() : "invalid";
  }

  json search(const std::string& query) {
    const HttpResponse r = server_->get("/api/v1/search?per_page=100&" + query);
    EXPECT_EQ(r.status, 200) << r.describe();
    return r.status == 200 ? r.json() : json{{"results", json::array()}, {"total", -1}};
  }
  Ids ids(const std::string& query) {
    Ids out;
    const json answer = search(query);
    for (const auto& result : answer.at("results")) out.push_back(result.at("id").get<std::string>());
    return out;
  }
  bool found(const std::string& query, const std::string& id) {
    const Ids all = ids(query);
    return std::find(all.begin(), all.end(), id) != all.end();
  }

  // Time until `id` is (or is not) found by `query`, polled; -1 ms after 3 s.
  std::chrono::milliseconds until(const std::string& query, const std::string& id, bool present) {
    const auto since = Clock::now();
    while (Clock::now() < since + std::chrono::seconds(3)) {
      if (found(query, id) == present) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::chrono::milliseconds(-1);
  }
  void expect_within_a_second(const std::string& query, const std::string& id, bool present) {
    const auto took = until(query, id, present);
    std::cout << "search '" << query << "' saw " << id << (present ? " appear" : " disappear") << " after "
              << took.count() << " ms\n";
    EXPECT_GE(took.count(), 0) << id << " did not " << (present ? "appear" : "disappear") << " within 3 s";
    EXPECT_LE(took.count(), 1000);
  }

  void expect_error(const HttpResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.describe();
    if (r.status == status) {
      EXPECT_EQ(r.json()["error"].value("code", ""), code) << r.body;
      EXPECT_FALSE(r.json()["error"].value("message", "").empty()) << r.body;
    }
  }

  std::unique_ptr<pt::TestDatabase> db_;
  std::unique_ptr<pt::TempDir> tmp_;
  fs::path index_dir_;
  std::unique_ptr<pt::ServerProcess> server_;
  std::string editor_;
  std::string coordinator_;
};

TEST_F(FreshnessReviewTest, StaleRanksLowerHiddenIsNotFoundAndConfirmBringsItBack) {
  for (const char* id : {"krolf-a", "krolf-b", "krolf-c"}) {
    ASSERT_EQ(call("POST", "/api/v1/activities", coordinator_, croquet(id).dump()).status, 201);
  }
  ASSERT_GE(until("q=krolf", "krolf-c", true).count(), 0);
  EXPECT_EQ(ids("q=krolf"), (Ids{"krolf-a", "krolf-b", "krolf-c"}));  // equal relevance: document order
  confirmed_days_ago("krolf-a", 200);  // stale (default 180 days)
  confirmed_days_ago("krolf-c", 300);  // hidden (default 270 days)
  indexer({"rebuild"});

  ASSERT_GE(until("q=krolf", "krolf-c", false).count(), 0);
  const json answer = search("q=krolf");
  EXPECT_EQ(ids("q=krolf"), (Ids{"krolf-b", "krolf-a"}));
  EXPECT_EQ(answer["total"], 2);
  EXPECT_EQ(answer["facets"]["interest"]["games"], 2);
  for (const auto& r : answer["results"]) {
    EXPECT_EQ(r["freshness"]["state"], r["id"] == "krolf-a" ? "stale" : "fresh") << r.dump();
  }
  // The hidden activity's page still answers, with its state.
  const HttpResponse page = server_->get("/api/v1/activities/krolf-c");
  ASSERT_EQ(page.status, 200) << page.describe();
  EXPECT_EQ(page.json()["freshness"]["state"], "hidden");

  // The coordinator's list: stale and hidden, oldest confirmation first.
  const HttpResponse stale = call("GET", "/api/v1/coordinator/stale", coordinator_);
  ASSERT_EQ(stale.status, 200) << stale.describe();
  const json stale_list = stale.json();  // (a temporary's member would dangle in the range-for)
  Ids listed;
  for (const auto& a : stale_list["activities"]) listed.push_back(a["id"].get<std::string>());
  EXPECT_EQ(listed, (Ids{"krolf-c", "krolf-a"}));
  EXPECT_EQ(stale_list["activities"][0]["association"]["id"], kClub);
  EXPECT_EQ(stale_list["activities"][0]["freshness"]["state"], "hidden");
  expect_error(call("GET", "/api/v1/coordinator/stale", editor_), 403, "forbidden");

  // Only the own association's editor or a coordinator confirms.
  expect_error(call("POST", "/api/v1/activities/krolf-c/confirm", token("andre")), 403, "forbidden");
  expect_error(call("POST", "/api/v1/activities/krolf-c/confirm", token("personale")), 403, "forbidden");
  expect_error(call("POST", "/api/v1/activities/krolf-c/confirm", {}), 401, "unauthorized");
  expect_error(call("POST", "/api/v1/activities/findes-ikke/confirm", editor_), 404, "not_found");
  EXPECT_FALSE(found("q=krolf", "krolf-c"));

  const HttpResponse confirmed = call("POST", "/api/v1/activities/krolf-c/confirm", editor_);
  ASSERT_EQ(confirmed.status, 200) << confirmed.describe();
  EXPECT_EQ(confirmed.json()["id"], "krolf-c");
  EXPECT_EQ(confirmed.json()["freshness"]["state"], "fresh");
  expect_within_a_second("q=krolf", "krolf-c", true);
  EXPECT_EQ(ids("q=krolf"), (Ids{"krolf-b", "krolf-c", "krolf-a"}));
  EXPECT_EQ(call("POST", "/api/v1/activities/krolf-a/confirm", coordinator_).status, 200);
}

TEST_F(FreshnessReviewTest, PeriodsComeFromTheEnvironmentAndAreValidated) {
  server_.reset();
  pt::ServerProcess::Options options;
  options.index_dir = index_dir_;
  options.extra_env = {{"PORTAL_STALE_AFTER_DAYS", "5"}, {"PORTAL_HIDE_AFTER_DAYS", "10"}};
  confirmed_days_ago("holstebro-gaaklub-tirsdag", 7);
  confirmed_days_ago("holstebro-gaaklub-stavgang", 12);
  indexer({"rebuild"});
  server_ = std::make_unique<pt::ServerProcess>(db_->url(), options);
  const HttpResponse page = server_->get("/api/v1/activities/holstebro-gaaklub-tirsdag");
  ASSERT_EQ(page.status, 200) << page.describe();
  EXPECT_EQ(page.json()["freshness"]["state"], "stale");
  EXPECT_EQ(server_->get("/api/v1/activities/holstebro-gaaklub-stavgang").json()["freshness"]["state"], "hidden");
  EXPECT_FALSE(found("q=stavgang", "holstebro-gaaklub-stavgang"));

  // Hiding before going stale, or a period of zero days, is refused at start.
  for (const auto& args : std::vector<std::vector<std::string>>{{"--stale-after-days", "20", "--hide-after-days", "10"},
                                                                {"--stale-after-days", "0"}}) {
    const auto r = pt::run_program(pt::portal_binary("portal-server"), args, {{"PORTAL_DATABASE_URL", db_->url()}},
                                   std::chrono::seconds(20));
    EXPECT_NE(r.exit_code, 0) << r.describe();
    EXPECT_NE(r.err.find(args[0]), std::string::npos) << r.describe();
  }
}

TEST_F(FreshnessReviewTest, ReviewHoldsEditorWritesUntilApprovedAndRejectionCarriesTheNote) {
  expect_error(call("PUT", std::string("/api/v1/associations/") + kClub + "/review", editor_, R"({"required": true})"),
               403, "forbidden");
  expect_error(call("PUT", std::string("/api/v1/associations/") + kClub + "/review", coordinator_, R"({"required": 1})"),
               400, "invalid_body");
  expect_error(call("PUT", "/api/v1/associations/findes-ikke/review", coordinator_, R"({"required": true})"), 404,
               "not_found");
  const HttpResponse on =
      call("PUT", std::string("/api/v1/associations/") + kClub + "/review", coordinator_, R"({"required": true})");
  ASSERT_EQ(on.status, 200) << on.describe();
  EXPECT_EQ(on.json(), (json{{"id", kClub}, {"review_required", true}}));

  const HttpResponse held = call("POST", "/api/v1/activities", editor_, croquet("krolf-ny").dump());
  ASSERT_EQ(held.status, 202) << held.describe();
  EXPECT_EQ(held.json(), (json{{"id", "krolf-ny"}, {"review", {{"status", "pending"}}}}));
  // A coordinator's write is public at once; once it is found, the pending one would be too.
  ASSERT_EQ(call("POST", "/api/v1/activities", coordinator_, croquet("krolf-koordinator").dump()).status, 201);
  ASSERT_GE(until("q=krolf", "krolf-koordinator", true).count(), 0);
  EXPECT_EQ(ids("q=krolf"), (Ids{"krolf-koordinator"}));
  EXPECT_EQ(server_->get("/api/v1/activities/krolf-ny").status, 404);
  // Its own editor (and a coordinator) sees it with its review; another association does not.
  const HttpResponse own = call("GET", "/api/v1/activities/krolf-ny", editor_);
  ASSERT_EQ(own.status, 200) << own.describe();
  EXPECT_EQ(own.json()["review"], (json{{"status", "pending"}, {"note", ""}}));
  EXPECT_EQ(own.json()["title"], "Krolf i Byparken");
  EXPECT_EQ(own.json()["freshness"]["state"], "fresh");
  EXPECT_EQ(call("GET", "/api/v1/activities/krolf-ny", coordinator_).json()["review"]["status"], "pending");
  EXPECT_EQ(call("GET", "/api/v1/activities/krolf-ny", token("andre")).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/activities/krolf-koordinator", token("andre")).json()["title"], "Krolf i Byparken");

  const HttpResponse queue = call("GET", "/api/v1/review", coordinator_);
  ASSERT_EQ(queue.status, 200) << queue.describe();
  ASSERT_EQ(queue.json()["activities"].size(), 1u) << queue.body;
  const json pending = queue.json()["activities"][0];
  EXPECT_EQ(pending["id"], "krolf-ny");
  EXPECT_EQ(pending["title"], "Krolf i Byparken");
  EXPECT_EQ(pending["association"]["id"], kClub);
  EXPECT_EQ(pending["association"]["name"], "Holstebro Gåklub");
  EXPECT_TRUE(pending["submitted_at"].is_string());
  expect_error(call("GET", "/api/v1/review", editor_), 403, "forbidden");
  expect_error(call("POST", "/api/v1/activities/krolf-ny/approve", editor_), 403, "forbidden");

  const HttpResponse approved = call("POST", "/api/v1/activities/krolf-ny/approve", coordinator_);
  ASSERT_EQ(approved.status, 200) << approved.describe();
  EXPECT_EQ(approved.json(), (json{{"id", "krolf-ny"}, {"review", {{"status", "public"}}}}));
  expect_within_a_second("q=krolf", "krolf-ny", true);
  EXPECT_EQ(call("GET", "/api/v1/review", coordinator_).json()["activities"].size(), 0u);

  // An edit goes back to review and leaves search; a rejection keeps it out, with the note.
  const HttpResponse edit =
      call("PUT", "/api/v1/activities/krolf-ny", editor_, croquet("krolf-ny", "Krolf og kaffe").dump());
  EXPECT_EQ(edit.status, 202) << edit.describe();
  expect_within_a_second("q=krolf", "krolf-ny", false);
  expect_error(call("POST", "/api/v1/activities/krolf-ny/reject", coordinator_, R"({"note": " "})"), 400,
               "invalid_body");
  const HttpResponse rejected =
      call("POST", "/api/v1/activities/krolf-ny/reject", coordinator_, R"({"note": "Tidspunktet mangler"})");
  ASSERT_EQ(rejected.status, 200) << rejected.describe();
  EXPECT_EQ(rejected.json(), (json{{"id", "krolf-ny"}, {"review", {{"status", "rejected"}, {"note", "Tidspunktet mangler"}}}}));
  pqxx::connection conn(db_->url());
  pqxx::read_transaction t(conn);
  EXPECT_EQ(t.exec1("SELECT review_status || ': ' || review_note FROM activities WHERE id = 'krolf-ny'")[0].as<std::string>(),
            "rejected: Tidspunktet mangler");
  EXPECT_EQ(server_->get("/api/v1/activities/krolf-ny").status, 404);
  EXPECT_EQ(call("GET", "/api/v1/activities/krolf-ny", editor_).json()["review"],
            (json{{"status", "rejected"}, {"note", "Tidspunktet mangler"}}));
}

TEST_F(FreshnessReviewTest, ValidateNamesEveryInvalidFieldAndWritesNothing) {
  json bad = croquet("krolf-test");
  bad.erase("title");
  bad["location"]["postcode"] = "0000";
  bad["interests"] = {"games", "skydiving"};
  const HttpResponse r = call("POST", "/api/v1/activities/validate", editor_, bad.dump());
  ASSERT_EQ(r.status, 400) << r.describe();
  const json error = r.json()["error"];
  EXPECT_EQ(error["code"], "invalid_body");
  ASSERT_TRUE(error["fields"].is_array()) << r.body;
  std::vector<std::string> fields;
  for (const auto& f : error["fields"]) {
    fields.push_back(f["field"].get<std::string>());
    EXPECT_FALSE(f.value("message", "").empty()) << f.dump();
  }
  EXPECT_EQ(fields.size(), 3u) << r.body;
  EXPECT_EQ(error["field"], fields.front());
  for (const char* expected : {"title", "location.postcode"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), expected), fields.end()) << expected << " in " << r.body;
  }
  // The write path answers the same list.
  EXPECT_EQ(call("POST", "/api/v1/activities", editor_, bad.dump()).json()["error"]["fields"], error["fields"]);

  json good = croquet("krolf-test");
  good.erase("association");  // an editor's activity is its own association's
  const HttpResponse ok = call("POST", "/api/v1/activities/validate", editor_, good.dump());
  ASSERT_EQ(ok.status, 200) << ok.describe();
  EXPECT_EQ(ok.json()["valid"], true);
  EXPECT_EQ(ok.json()["activity"]["association"], kClub);
  EXPECT_EQ(ok.json()["activity"]["title"], "Krolf i Byparken");
  expect_error(call("POST", "/api/v1/activities/validate", token("personale"), good.dump()), 403, "forbidden");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(server_->get("/api/v1/activities/krolf-test").status, 404);
  pqxx::connection conn(db_->url());
  pqxx::read_transaction t(conn);
  EXPECT_EQ(t.exec1("SELECT count(*) FROM activities WHERE id = 'krolf-test'")[0].as<int>(), 0);
}

TEST_F(FreshnessReviewTest, WritesAnswer503AndWriteNothingWhilePostgresRefusesConnections) {
  auto latest_change = [&] {
    pqxx::connection conn(db_->url());
    pqxx::read_transaction t(conn);
    return t.exec1("SELECT COALESCE(max(id), 0) FROM change_log")[0].as<int64_t>();
  };
  const int64_t before = latest_change();
  pt::DatabaseOutage outage(db_->name());
  expect_error(call("POST", "/api/v1/activities", coordinator_, croquet("krolf-nede").dump()), 503, "unavailable");
  expect_error(call("POST", "/api/v1/activities/holstebro-gaaklub-tirsdag/confirm", editor_), 503, "unavailable");
  expect_error(call("GET", "/api/v1/coordinator/stale", coordinator_), 503, "unavailable");
  EXPECT_EQ(server_->get("/api/v1/search?q=tirsdagsturen").status, 200);  // searches go on
  outage.restore();

  EXPECT_EQ(latest_change(), before);
  pqxx::connection conn(db_->url());
  pqxx::read_transaction t(conn);
  EXPECT_EQ(t.exec1("SELECT count(*) FROM activities WHERE id = 'krolf-nede'")[0].as<int>(), 0);
}

}  // namespace
}  // namespace portal::api::tests
