// Accounts and listing writes over real HTTP (contract section 3): login, Bearer tokens, role
// rules, validation, the failed-login limit, search within one second, and restarts. Accounts
// are created with `portal-indexer user add`, as an operator would.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

constexpr const char* kPassword = "korrekt-hest-batteri";
constexpr const char* kTirsdag = "holstebro-gaaklub-tirsdag";
constexpr const char* kNew = "holstebro-gaaklub-petanque";

json new_activity() {
  return {{"id", kNew},
          {"title", "Petanque i Byparken"},
          {"description", "Vi spiller petanque og drikker kaffe bagefter."},
          {"interests", {"games", "social"}},
          {"location", {{"postcode", "7500"}}},
          {"schedule", {{{"weekday", "wed"}, {"start", "14:00"}}}}};
}

class WritesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<pt::TestDatabase>();
    tmp_ = std::make_unique<pt::TempDir>();
    index_dir_ = tmp_->path() / "index";
    const auto r = pt::run_indexer({"import", (fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json").string(),
                                    (fs::path(PORTAL_API_TEST_DATA) / "more-listings.json").string()},
                                   db_->url(), index_dir_);
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    add_user({"gaa", "--role", "association", "--association", "holstebro-gaaklub"});
    add_user({"struer", "--role", "association", "--association", "struer-motion"});
    add_user({"hjemmepleje", "--role", "staff"});
    add_user({"koordinator", "--role", "coordinator"});
    start_server();
  }

  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }

  void start_server() {
    pt::ServerProcess::Options options;
    options.index_dir = index_dir_;
    server_ = std::make_unique<pt::ServerProcess>(db_->url(), options);
  }

  void add_user(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"user", "add"};
    all.insert(all.end(), args.begin(), args.end());
    const auto r = pt::run_indexer_with_input(all, db_->url(), std::string(kPassword) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.describe();
  }

  HttpResponse call(const std::string& method, const std::string& target, const std::string& token,
                    const std::string& body = {}) {
    pt::Headers headers = {{"Content-Type", "application/json"}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    return pt::http_request(server_->port(), method, target, headers, body);
  }

  HttpResponse login_response(const std::string& username, const std::string& password) {
    return call("POST", "/api/v1/auth/login", {}, json{{"username", username}, {"password", password}}.dump());
  }

  std::string login(const std::string& username) {
    const HttpResponse r = login_response(username, kPassword);
    EXPECT_EQ(r.status, 200) << r.describe();
    if (r.status != 200) return "invalid";
    return r.json().at("token").get<std::string>();
  }

  std::set<std::string> found(const std::string& query) {
    const HttpResponse r = server_->get("/api/v1/search?per_page=100&" + query);
    EXPECT_EQ(r.status, 200) << r.describe();
    std::set<std::string> ids;
    if (r.status != 200) return ids;
    const json answer = r.json();  // (a temporary's member would dangle in the range-for)
    for (const auto& result : answer.at("results")) ids.insert(result.at("id").get<std::string>());
    return ids;
  }

  // Polls a search until `id` is (or is not) in its results; returns the time it took, or -1 ms
  // when it did not happen within 3 s. The test then expects at most 1 s.
  std::chrono::milliseconds until_search(const std::string& query, const std::string& id, bool present,
                                         Clock::time_point since) {
    const auto deadline = since + std::chrono::seconds(3);
    while (Clock::now() < deadline) {
      if (found(query).count(id) == (present ? 1u : 0u)) {
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since);
        std::cout << "search '" << query << "' saw the change after " << took.count() << " ms\n";
        return took;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return std::chrono::milliseconds(-1);
  }

  void expect_error(const HttpResponse& r, int status, const std::string& code, const std::string& field = {}) {
    EXPECT_EQ(r.status, status) << r.describe();
    json body;
    try {
      body = r.json();
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
      return;
    }
    EXPECT_EQ(body["error"].value("code", ""), code) << body.dump();
    EXPECT_FALSE(body["error"].value("message", "").empty()) << body.dump();
    if (!field.empty()) {
      EXPECT_EQ(body["error"].value("field", ""), field) << body.dump();
    }
  }

  std::string title_of(const std::string& id) {
    const HttpResponse r = server_->get("/api/v1/activities/" + id);
    return r.status == 200 ? r.json().value("title", "") : "status " + std::to_string(r.status);
  }

  std::unique_ptr<pt::TestDatabase> db_;
  std::unique_ptr<pt::TempDir> tmp_;
  fs::path index_dir_;
  std::unique_ptr<pt::ServerProcess> server_;
};

TEST_F(WritesTest, LoginAnswersTokenRoleAndExpiry) {
  const HttpResponse r = login_response("GAA", kPassword);
  ASSERT_EQ(r.status, 200) << r.describe();
  const json body = r.json();
  EXPECT_EQ(body.at("role"), "association");
  EXPECT_EQ(body.at("association"), "holstebro-gaaklub");
  EXPECT_EQ(body.at("token").get<std::string>().size(), 43u);
  EXPECT_THAT(body.at("expires_at").get<std::string>(), ::testing::MatchesRegex("20[0-9-]{8}T[0-9:]{8}Z"));
  EXPECT_EQ(login_response("koordinator", kPassword).json().at("role"), "coordinator");
  EXPECT_EQ(login_response("hjemmepleje", kPassword).json().at("role"), "staff");
  expect_error(call("POST", "/api/v1/auth/login", {}, "{\"username\": \"gaa\"}"), 400, "invalid_body", "password");
  expect_error(call("POST", "/api/v1/auth/login", {}, "ikke json"), 400, "invalid_body");
}

TEST_F(WritesTest, AssociationEditorCreatesUpdatesAndDeletesItsOwnActivityAndSearchFollows) {
  const std::string token = login("gaa");
  ASSERT_TRUE(found("q=petanque").empty());

  auto since = Clock::now();
  HttpResponse r = call("POST", "/api/v1/activities", token, new_activity().dump());
  ASSERT_EQ(r.status, 201) << r.describe();
  EXPECT_EQ(r.json().at("association"), "holstebro-gaaklub");  // its own, filled in
  EXPECT_EQ(r.json().at("title"), "Petanque i Byparken");
  EXPECT_EQ(r.header("location"), std::string("/api/v1/activities/") + kNew);
  auto took = until_search("q=petanque", kNew, true, since);
  EXPECT_GE(took.count(), 0) << "not found by search within 3 s";
  EXPECT_LE(took.count(), 1000);
  // Creating the same id again is a conflict, not a silent overwrite.
  expect_error(call("POST", "/api/v1/activities", token, new_activity().dump()), 409, "conflict", "id");

  json changed = new_activity();
  changed["title"] = "Krolf i Byparken";
  changed["description"] = "Vi spiller krolf.";
  changed["association"] = "holstebro-gaaklub";  // may be given when it is its own
  changed.erase("id");                           // taken from the address
  since = Clock::now();
  r = call("PUT", std::string("/api/v1/activities/") + kNew, token, changed.dump());
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("title"), "Krolf i Byparken");
  took = until_search("q=krolf", kNew, true, since);
  EXPECT_GE(took.count(), 0);
  EXPECT_LE(took.count(), 1000);
  EXPECT_EQ(found("q=petanque").count(kNew), 0u);

  since = Clock::now();
  r = call("DELETE", std::string("/api/v1/activities/") + kNew, token);
  ASSERT_EQ(r.status, 204) << r.describe();
  EXPECT_TRUE(r.body.empty());
  took = until_search("q=krolf", kNew, false, since);
  EXPECT_GE(took.count(), 0);
  EXPECT_LE(took.count(), 1000);
  expect_error(call("DELETE", std::string("/api/v1/activities/") + kNew, token), 404, "not_found");
  expect_error(call("PUT", std::string("/api/v1/activities/") + kNew, token, changed.dump()), 404, "not_found");
}

TEST_F(WritesTest, OtherAssociationsAndStaffAreForbidden) {
  const std::string struer = login("struer");
  const std::string staff = login("hjemmepleje");
  json tirsdag = {{"title", "Overtaget"}, {"location", {{"postcode", "7500"}}}};
  const std::string target = std::string("/api/v1/activities/") + kTirsdag;

  expect_error(call("PUT", target, struer, tirsdag.dump()), 403, "forbidden");
  expect_error(call("DELETE", target, struer), 403, "forbidden");
  json foreign = new_activity();
  foreign["association"] = "holstebro-gaaklub";
  expect_error(call("POST", "/api/v1/activities", struer, foreign.dump()), 403, "forbidden", "association");
  tirsdag["association"] = "struer-motion";  // nor by claiming it for itself
  expect_error(call("PUT", target, struer, tirsdag.dump()), 403, "forbidden");

  expect_error(call("POST", "/api/v1/activities", staff, new_activity().dump()), 403, "forbidden");
  expect_error(call("PUT", target, staff, tirsdag.dump()), 403, "forbidden");
  expect_error(call("DELETE", target, staff), 403, "forbidden");

  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // give a wrong write time to show
  EXPECT_EQ(title_of(kTirsdag), "Tirsdagsturen ved Storåen");
  EXPECT_TRUE(found("q=petanque").empty());

  // A coordinator may change any association's activity.
  const std::string coordinator = login("koordinator");
  json by_coordinator = new_activity();
  by_coordinator["association"] = "struer-motion";
  const HttpResponse r = call("POST", "/api/v1/activities", coordinator, by_coordinator.dump());
  ASSERT_EQ(r.status, 201) << r.describe();
  EXPECT_EQ(r.json().at("association"), "struer-motion");
  EXPECT_EQ(call("DELETE", target, coordinator).status, 204);
}

TEST_F(WritesTest, WritesNeedAValidToken) {
  expect_error(call("POST", "/api/v1/activities", {}, new_activity().dump()), 401, "unauthorized");
  const HttpResponse bad = call("POST", "/api/v1/activities", "ikke-en-gyldig-noegle", new_activity().dump());
  expect_error(bad, 401, "unauthorized");
  EXPECT_EQ(bad.header("www-authenticate"), "Bearer");
  expect_error(call("DELETE", std::string("/api/v1/activities/") + kTirsdag, {}), 401, "unauthorized");
  expect_error(call("PUT", std::string("/api/v1/activities/") + kTirsdag, "x", "{}"), 401, "unauthorized");

  const std::string token = login("gaa");
  EXPECT_EQ(call("POST", "/api/v1/auth/logout", token).status, 204);
  expect_error(call("POST", "/api/v1/activities", token, new_activity().dump()), 401, "unauthorized");
  expect_error(call("POST", "/api/v1/auth/logout", token), 401, "unauthorized");
  EXPECT_EQ(title_of(kNew), "status 404");
}

TEST_F(WritesTest, InvalidBodiesAreRejectedNamingTheField) {
  const std::string token = login("gaa");
  json bad_postcode = new_activity();
  bad_postcode["location"]["postcode"] = "0000";
  expect_error(call("POST", "/api/v1/activities", token, bad_postcode.dump()), 400, "invalid_body",
               "location.postcode");
  json no_title = new_activity();
  no_title.erase("title");
  expect_error(call("POST", "/api/v1/activities", token, no_title.dump()), 400, "invalid_body", "title");
  json bad_interest = new_activity();
  bad_interest["interests"] = {"walking", "skydiving"};
  const HttpResponse r = call("POST", "/api/v1/activities", token, bad_interest.dump());
  EXPECT_EQ(r.status, 400) << r.describe();
  EXPECT_THAT(r.json()["error"].value("field", ""), HasSubstr("interests"));
  json other_id = new_activity();
  expect_error(call("PUT", std::string("/api/v1/activities/") + kTirsdag, token, other_id.dump()), 400,
               "invalid_body", "id");
  expect_error(call("POST", "/api/v1/activities", token, "[1, 2]"), 400, "invalid_body");
  expect_error(call("POST", "/api/v1/activities", token, "{\"title\": \"\xe6\"}"), 400, "invalid_body");
  json huge = new_activity();
  huge["description"] = std::string(70 * 1024, 'a');
  expect_error(call("POST", "/api/v1/activities", token, huge.dump()), 413, "payload_too_large");
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_TRUE(found("q=petanque").empty());
  EXPECT_EQ(title_of(kNew), "status 404");
}

TEST_F(WritesTest, WrongPasswordAndUnknownUserGetTheSameAnswerAndFailuresAreLimited) {
  const HttpResponse wrong = login_response("gaa", "forkert-adgangskode");
  const HttpResponse unknown = login_response("findes-ikke", "forkert-adgangskode");
  expect_error(wrong, 401, "unauthorized");
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.status, unknown.status);
  EXPECT_EQ(wrong.header("content-type"), unknown.header("content-type"));

  for (int i = 2; i <= 5; ++i) expect_error(login_response("gaa", "forkert-adgangskode"), 401, "unauthorized");
  // The 6th attempt within 15 minutes is refused, even with the right password.
  const HttpResponse limited = login_response("GAA", kPassword);
  expect_error(limited, 429, "too_many_requests");
  EXPECT_EQ(limited.header("retry-after"), "900");
  // Other users are not locked out by it.
  EXPECT_EQ(login_response("struer", kPassword).status, 200);
}

TEST_F(WritesTest, ChangesSurviveARestart) {
  const std::string token = login("gaa");
  const auto since = Clock::now();
  ASSERT_EQ(call("POST", "/api/v1/activities", token, new_activity().dump()).status, 201);
  ASSERT_EQ(call("DELETE", std::string("/api/v1/activities/") + kTirsdag, token).status, 204);
  EXPECT_GE(until_search("q=petanque", kNew, true, since).count(), 0);

  ASSERT_EQ(server_->stop(), 0);
  start_server();  // same database, same index folder
  EXPECT_EQ(found("q=petanque").count(kNew), 1u);
  EXPECT_EQ(title_of(kNew), "Petanque i Byparken");
  EXPECT_EQ(title_of(kTirsdag), "status 404");
  // Sessions live in the database, so the token still works after the restart.
  EXPECT_EQ(call("DELETE", std::string("/api/v1/activities/") + kNew, token).status, 204);

  // A server with a new, empty index folder rebuilds it from the database.
  server_->stop();
  index_dir_ = tmp_->path() / "index-2";
  start_server();
  EXPECT_TRUE(found("q=petanque").empty());
  EXPECT_EQ(title_of(kTirsdag), "status 404");
  EXPECT_EQ(found("municipality=0661").size(), 2u);
}

}  // namespace
}  // namespace portal::api::tests
