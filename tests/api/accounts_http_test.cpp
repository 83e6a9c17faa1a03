// Accounts, invitations, an association's own page and the coordinator's lists over real HTTP
// (docs/api-editing.md): every endpoint for every role, the one-time invitation, disabling with
// immediate effect, the profile write reaching search, and the bytes of reminders.csv.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "tests/api/user_server_fixture.h"

namespace portal::api::tests {
namespace {

namespace fs = std::filesystem;
namespace pt = portal::testing;
using nlohmann::json;
using pt::HttpResponse;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPassword = "korrekt-hest-batteri";
constexpr const char* kGaa = "holstebro-gaaklub";
constexpr const char* kStruer = "struer-motion";

class AccountsHttpTest : public UserServerTest {
 protected:
  void SetUp() override {
    start({fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json",
           fs::path(PORTAL_API_TEST_DATA) / "more-listings.json"},
          {{"gaa", "--role", "association", "--association", kGaa},
           {"hjemmepleje", "--role", "staff"},
           {"koordinator", "--role", "coordinator"}});
    if (HasFatalFailure()) return;
    gaa_ = login("gaa");
    staff_ = login("hjemmepleje");
    coordinator_ = login("koordinator");
  }

  // The JSON error of `r` has this status, code and (when given) field.
  void expect_error(const HttpResponse& r, int status, const std::string& code, const std::string& field = {}) {
    ASSERT_EQ(r.status, status) << r.describe();
    const json error = r.json().at("error");
    EXPECT_EQ(error.value("code", ""), code) << r.body;
    EXPECT_FALSE(error.value("message", "").empty()) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(error.value("field", ""), field) << r.body;
    }
  }

  // 401 without a token, 403 for staff and (when given) for the association account.
  void expect_roles_refused(const std::string& method, const std::string& target, bool association_refused,
                            const json& body = nullptr) {
    SCOPED_TRACE(method + " " + target);
    expect_error(call(method, target, {}, body), 401, "unauthorized");
    expect_error(call(method, target, "ugyldig-noegle", body), 401, "unauthorized");
    expect_error(call(method, target, staff_, body), 403, "forbidden");
    if (association_refused) expect_error(call(method, target, gaa_, body), 403, "forbidden");
  }

  void sql(const std::string& query) {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    t.exec(query);
    t.commit();
  }

  json association_body(const std::string& id) {
    const HttpResponse r = call("GET", "/api/v1/associations/" + id);
    EXPECT_EQ(r.status, 200) << r.describe();
    return r.status == 200 ? r.json() : json::object();
  }

  std::string gaa_, staff_, coordinator_;
};

TEST_F(AccountsHttpTest, MeAnswersForEveryRole) {
  HttpResponse r = call("GET", "/api/v1/me", gaa_);
  ASSERT_EQ(r.status, 200) << r.describe();
  json me = r.json();
  EXPECT_EQ(me.at("username"), "gaa");
  EXPECT_EQ(me.at("role"), "association");
  EXPECT_EQ(me.at("association"), json({{"id", kGaa}, {"name", "Holstebro Gåklub"}}));
  EXPECT_THAT(me.at("expires_at").get<std::string>(), ::testing::MatchesRegex("20[0-9-]{8}T[0-9:]{8}Z"));
  EXPECT_EQ(r.header("cache-control"), "no-store");

  for (const auto& [token, role] : {std::pair{staff_, "staff"}, std::pair{coordinator_, "coordinator"}}) {
    r = call("GET", "/api/v1/me", token);
    ASSERT_EQ(r.status, 200) << r.describe();
    EXPECT_EQ(r.json().at("role"), role);
    EXPECT_TRUE(r.json().at("association").is_null());
  }
  expect_error(call("GET", "/api/v1/me"), 401, "unauthorized");
  EXPECT_EQ(call("GET", "/api/v1/me").header("www-authenticate"), "Bearer");
  expect_error(call("GET", "/api/v1/me", "forkert"), 401, "unauthorized");
  call("POST", "/api/v1/auth/logout", gaa_);
  expect_error(call("GET", "/api/v1/me", gaa_), 401, "unauthorized");
}

TEST_F(AccountsHttpTest, AssociationProfileIsPublicAndEditableByItsEditorsOnly) {
  json body = association_body(kGaa);
  EXPECT_EQ(body.at("name"), "Holstebro Gåklub");
  EXPECT_EQ(body.at("email"), "kontakt@gaaklub.example.dk");
  EXPECT_FALSE(body.contains("review_required"));  // only for its editors
  HttpResponse r = call("GET", std::string("/api/v1/associations/") + kGaa, gaa_);
  EXPECT_EQ(r.json().at("review_required"), false) << r.describe();
  EXPECT_FALSE(call("GET", std::string("/api/v1/associations/") + kStruer, gaa_).json().contains("review_required"));
  expect_error(call("GET", "/api/v1/associations/findes-ikke"), 404, "not_found");

  // Its own editor changes it (id taken from the address); answered with the stored record.
  body.erase("id");
  body["phone"] = "+45 97 00 00 00";
  r = call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, body);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("phone"), "+45 97 00 00 00");
  EXPECT_EQ(r.json().at("review_required"), false);
  EXPECT_EQ(association_body(kGaa).at("phone"), "+45 97 00 00 00");

  // Another association, staff and anonymous callers cannot.
  json struer = association_body(kStruer);
  expect_roles_refused("PUT", std::string("/api/v1/associations/") + kStruer, true, struer);
  EXPECT_EQ(association_body(kStruer), struer);

  // Validation names the fields in Danish; nothing is written.
  json bad = body;
  bad["id"] = kStruer;
  expect_error(call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, bad), 400, "invalid_body", "id");
  bad = body;
  bad["municipality"] = "9999";
  bad["name"] = "";
  r = call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, bad);
  expect_error(r, 400, "invalid_body");
  EXPECT_EQ(r.json()["error"]["fields"].size(), 2u) << r.body;
  expect_error(call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, "ikke et objekt"), 400, "invalid_body");
  EXPECT_EQ(association_body(kGaa).at("name"), "Holstebro Gåklub");

  // Review: only a coordinator may turn it on.
  bad = body;
  bad["review_required"] = true;
  expect_error(call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, bad), 403, "forbidden",
               "review_required");
  r = call("PUT", std::string("/api/v1/associations/") + kGaa, coordinator_, bad);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("review_required"), true);
  body["review_required"] = true;  // unchanged: allowed
  EXPECT_EQ(call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, body).status, 200);
  struer["name"] = "Struer Motion";
  EXPECT_EQ(call("PUT", std::string("/api/v1/associations/") + kStruer, coordinator_, struer).json().at("name"),
            "Struer Motion");
  json missing = struer;
  missing["id"] = "findes-ikke";
  expect_error(call("PUT", "/api/v1/associations/findes-ikke", coordinator_, missing), 404, "not_found");
}

TEST_F(AccountsHttpTest, RenamedAssociationReachesSearchWithinASecond) {
  json body = association_body(kGaa);
  body["name"] = "Holstebro Vandreklub";
  const auto since = std::chrono::steady_clock::now();
  ASSERT_EQ(call("PUT", std::string("/api/v1/associations/") + kGaa, gaa_, body).status, 200);
  std::string seen;
  while (std::chrono::steady_clock::now() - since < std::chrono::seconds(3)) {
    const HttpResponse r = server_->get("/api/v1/search?q=tirsdagsturen");
    ASSERT_EQ(r.status, 200) << r.describe();
    const json answer = r.json();
    ASSERT_FALSE(answer.at("results").empty());
    seen = answer["results"][0]["association"].value("name", "");
    if (seen == "Holstebro Vandreklub") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since);
  std::cout << "search showed the new association name after " << took.count() << " ms\n";
  EXPECT_EQ(seen, "Holstebro Vandreklub");
  EXPECT_LE(took.count(), 1000);
  const HttpResponse page = server_->get("/api/v1/activities/holstebro-gaaklub-stavgang");
  EXPECT_EQ(page.json()["association"].value("name", ""), "Holstebro Vandreklub") << page.describe();
}

TEST_F(AccountsHttpTest, AssociationActivitiesShowFreshnessReviewAndSource) {
  sql("UPDATE activities SET last_confirmed_at = now() - interval '200 days' "
      "WHERE id = 'holstebro-gaaklub-tirsdag'");
  sql("UPDATE activities SET review_status = 'rejected', review_note = 'Tidspunktet mangler' "
      "WHERE id = 'holstebro-gaaklub-stavgang'");
  for (const std::string& token : {gaa_, coordinator_}) {
    const HttpResponse r = call("GET", std::string("/api/v1/associations/") + kGaa + "/activities", token);
    ASSERT_EQ(r.status, 200) << r.describe();
    const json body = r.json();
    EXPECT_EQ(body.at("association").at("name"), "Holstebro Gåklub");
    EXPECT_EQ(body.at("association").at("review_required"), false);
    const json& list = body.at("activities");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].at("title"), "Stavgang for begyndere");  // ordered by title
    EXPECT_EQ(list[0].at("review"), json({{"status", "rejected"}, {"note", "Tidspunktet mangler"}}));
    EXPECT_EQ(list[0].at("freshness").at("state"), "fresh");
    EXPECT_EQ(list[0].at("source"), "json:example-listings.json");  // imported by portal-indexer
    const json& stale = list[1].at("freshness");
    EXPECT_EQ(stale.at("state"), "stale") << stale;
    EXPECT_EQ(list[1].at("review").at("status"), "public");
    // stale_from is last_confirmed + 180 days, hidden_from + 270 days (the default policy).
    EXPECT_LT(stale.at("last_confirmed").get<std::string>(), stale.at("stale_from").get<std::string>());
    EXPECT_LT(stale.at("stale_from").get<std::string>(), stale.at("hidden_from").get<std::string>());
  }
  expect_roles_refused("GET", std::string("/api/v1/associations/") + kStruer + "/activities", true);
  expect_error(call("GET", "/api/v1/associations/findes-ikke/activities", coordinator_), 404, "not_found");
}

TEST_F(AccountsHttpTest, CoordinatorListsAssociationsWithCountsAndLogins) {
  sql("UPDATE activities SET last_confirmed_at = now() - interval '300 days' WHERE id = 'holstebro-gaaklub-tirsdag'");
  HttpResponse r = call("GET", "/api/v1/coordinator/associations", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  json list = r.json().at("associations");
  ASSERT_EQ(list.size(), 5u);
  const auto gaa = std::find_if(list.begin(), list.end(), [](const json& a) { return a.at("id") == kGaa; });
  ASSERT_NE(gaa, list.end());
  EXPECT_EQ(gaa->at("activities"), 2);
  EXPECT_EQ(gaa->at("hidden"), 1);
  EXPECT_EQ(gaa->at("stale"), 0);
  EXPECT_EQ(gaa->at("pending"), 0);
  EXPECT_EQ(gaa->at("municipality"), "0661");
  EXPECT_EQ(gaa->at("email"), "kontakt@gaaklub.example.dk");
  ASSERT_EQ(gaa->at("accounts").size(), 1u);
  EXPECT_EQ(gaa->at("accounts")[0].at("username"), "gaa");
  EXPECT_FALSE(gaa->at("last_login").is_null());  // logged in by SetUp

  // Only those whose editors have not logged in for 90 days (here: those without accounts).
  r = call("GET", "/api/v1/coordinator/associations?inactive_days=90", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  list = r.json().at("associations");
  EXPECT_EQ(list.size(), 4u);
  for (const auto& a : list) EXPECT_NE(a.at("id"), kGaa);
  sql("UPDATE accounts SET last_login_at = now() - interval '100 days' WHERE username = 'gaa'");
  EXPECT_EQ(call("GET", "/api/v1/coordinator/associations?inactive_days=90", coordinator_)
                .json()
                .at("associations")
                .size(),
            5u);
  expect_error(call("GET", "/api/v1/coordinator/associations?inactive_days=mange", coordinator_), 400,
               "invalid_parameter", "inactive_days");
  expect_roles_refused("GET", "/api/v1/coordinator/associations", true);
}

TEST_F(AccountsHttpTest, RemindersCsvOpensInDanishExcel) {
  // Fresh and logged in: Holstebro Gåklub gets no reminder until one activity is stale.
  json struer = association_body(kStruer);
  struer["name"] = "=HYPERLINK(\"http://x\")";
  struer["phone"] = "+45 96 00 00 00";
  ASSERT_EQ(call("PUT", std::string("/api/v1/associations/") + kStruer, coordinator_, struer).status, 200);
  HttpResponse r = call("GET", "/api/v1/coordinator/reminders.csv", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, Not(HasSubstr("Holstebro Gåklub")));

  sql("UPDATE activities SET last_confirmed_at = now() - interval '200 days' WHERE id = 'holstebro-gaaklub-tirsdag'");
  r = call("GET", "/api/v1/coordinator/reminders.csv", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_THAT(r.header("content-disposition"),
              ::testing::MatchesRegex("attachment; filename=\"paamindelser-20[0-9]{2}-[0-9]{2}-[0-9]{2}\\.csv\""));
  const std::string bom = "\xEF\xBB\xBF";
  ASSERT_EQ(r.body.compare(0, bom.size(), bom), 0) << r.body;
  const std::string header =
      "\"Forening\";\"E-mail\";\"Telefon\";\"Forældede aktiviteter\";\"Skjulte aktiviteter\";\"Sidst logget ind\"\r\n";
  EXPECT_EQ(r.body.substr(bom.size(), header.size()), header);
  EXPECT_THAT(r.body, HasSubstr("\r\n\"Holstebro Gåklub\";\"kontakt@gaaklub.example.dk\";\"'+45 20 11 22 33\";\"1\";\"0\";\"20"));
  EXPECT_THAT(r.body, HasSubstr("\r\n\"Røde Kors Vejle – besøgsvenner\";\"\";\"\";\"0\";\"0\";\"Aldrig\"\r\n"));
  // Formula cells are neutralised; quotes doubled.
  EXPECT_THAT(r.body, HasSubstr("\r\n\"'=HYPERLINK(\"\"http://x\"\")\";\"\";\"'+45 96 00 00 00\";"));
  EXPECT_EQ(r.body.substr(r.body.size() - 2), "\r\n");
  EXPECT_EQ(r.body.find('\n'), r.body.find("\r\n") + 1);  // every line ends in CRLF
  expect_error(call("GET", "/api/v1/coordinator/reminders.csv?inactive_days=-1", coordinator_), 400,
               "invalid_parameter", "inactive_days");
  expect_roles_refused("GET", "/api/v1/coordinator/reminders.csv", true);
}

TEST_F(AccountsHttpTest, CoordinatorListsAndDisablesAccounts) {
  HttpResponse r = call("GET", "/api/v1/accounts", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  const json accounts = r.json().at("accounts");
  ASSERT_EQ(accounts.size(), 3u);
  EXPECT_EQ(accounts[0].at("username"), "gaa");
  EXPECT_EQ(accounts[0].at("role"), "association");
  EXPECT_EQ(accounts[0].at("association"), kGaa);
  EXPECT_EQ(accounts[0].at("disabled"), false);
  EXPECT_FALSE(accounts[0].at("last_login").is_null());
  EXPECT_FALSE(accounts[0].at("created_at").get<std::string>().empty());
  EXPECT_TRUE(accounts[1].at("association").is_null());
  expect_roles_refused("GET", "/api/v1/accounts", true);

  const std::string gaa_id = std::to_string(accounts[0].at("id").get<int64_t>());
  const std::string own_id = std::to_string(accounts[2].at("id").get<int64_t>());
  expect_roles_refused("PUT", "/api/v1/accounts/" + gaa_id + "/disabled", true, {{"disabled", true}});
  ASSERT_EQ(call("GET", "/api/v1/me", gaa_).status, 200);
  r = call("PUT", "/api/v1/accounts/" + gaa_id + "/disabled", coordinator_, {{"disabled", true}});
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json(), json({{"id", accounts[0].at("id")}, {"disabled", true}}));
  // The existing token stops at once, and the password no longer logs in.
  expect_error(call("GET", "/api/v1/me", gaa_), 401, "unauthorized");
  expect_error(call("POST", "/api/v1/auth/login", {}, {{"username", "gaa"}, {"password", kPassword}}), 401,
               "unauthorized");

  r = call("PUT", "/api/v1/accounts/" + own_id + "/disabled", coordinator_, {{"disabled", true}});
  expect_error(r, 400, "invalid_body");
  EXPECT_THAT(r.json()["error"].value("message", ""), HasSubstr("egen konto"));
  expect_error(call("PUT", "/api/v1/accounts/99999/disabled", coordinator_, {{"disabled", true}}), 404, "not_found");
  expect_error(call("PUT", "/api/v1/accounts/abc/disabled", coordinator_, {{"disabled", true}}), 404, "not_found");
  expect_error(call("PUT", "/api/v1/accounts/" + gaa_id + "/disabled", coordinator_, {{"disabled", "ja"}}), 400,
               "invalid_body", "disabled");

  ASSERT_EQ(call("PUT", "/api/v1/accounts/" + gaa_id + "/disabled", coordinator_, {{"disabled", false}}).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/me", gaa_).status, 200);
}

TEST_F(AccountsHttpTest, InvitationIsAOneTimeLinkToAnAssociationAccount) {
  expect_roles_refused("POST", "/api/v1/invitations", true, {{"association", kStruer}});
  expect_error(call("POST", "/api/v1/invitations", coordinator_, {{"association", "findes-ikke"}}), 400,
               "invalid_parameter", "association");
  expect_error(call("POST", "/api/v1/invitations", coordinator_, {{"forening", kStruer}}), 400, "invalid_body",
               "association");

  HttpResponse r = call("POST", "/api/v1/invitations", coordinator_, {{"association", kStruer}});
  ASSERT_EQ(r.status, 201) << r.describe();
  const std::string token = r.json().at("token");
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(r.json().at("url"), "/invitation#" + token);
  const std::string expires_at = r.json().at("expires_at");

  r = call("GET", "/api/v1/invitations/" + token);  // public
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json(), json({{"association", {{"id", kStruer}, {"name", "Struer Motionsforening"}}},
                            {"expires_at", expires_at}}));

  const std::string accept = "/api/v1/invitations/" + token + "/accept";
  expect_error(call("POST", accept, {}, {{"username", "GAA"}, {"password", "struer-er-dejlig"}}), 409, "conflict",
               "username");
  expect_error(call("POST", accept, {}, {{"username", "struer"}, {"password", "kort"}}), 400, "invalid_parameter",
               "password");
  r = call("POST", accept, {}, {{"username", "struer"}, {"password", "struer-er-dejlig"}});
  ASSERT_EQ(r.status, 201) << r.describe();
  EXPECT_EQ(r.json().at("role"), "association");
  const std::string session = r.json().at("token");
  r = call("GET", "/api/v1/me", session);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("association").at("id"), kStruer);
  login("struer", "struer-er-dejlig");
  // The new editor edits its own association.
  EXPECT_EQ(call("GET", std::string("/api/v1/associations/") + kStruer + "/activities", session).status, 200);

  // Used up: one answer for used, expired and unknown.
  const HttpResponse again = call("POST", accept, {}, {{"username", "struer2"}, {"password", "struer-er-dejlig"}});
  expect_error(again, 404, "not_found");
  expect_error(call("GET", "/api/v1/invitations/" + token), 404, "not_found");
  const HttpResponse unknown = call("GET", "/api/v1/invitations/ukendt");
  expect_error(unknown, 404, "not_found");
  EXPECT_EQ(unknown.json(), again.json());
  r = call("POST", "/api/v1/invitations", coordinator_, {{"association", kStruer}});
  sql("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
  const std::string expired = r.json().at("token");
  EXPECT_EQ(call("GET", "/api/v1/invitations/" + expired).json(), unknown.json());
}

TEST_F(AccountsHttpTest, FailedAcceptsAreLimitedPerAddress) {
  for (int i = 0; i < 5; ++i) {
    expect_error(call("POST", "/api/v1/invitations/gaet-" + std::to_string(i) + "/accept", {},
                      {{"username", "gaetter"}, {"password", "gaet-gaet-gaet"}}),
                 404, "not_found");
  }
  const std::string token = call("POST", "/api/v1/invitations", coordinator_, {{"association", kStruer}}).json().at("token");
  const HttpResponse r =
      call("POST", "/api/v1/invitations/" + token + "/accept", {}, {{"username", "ny"}, {"password", "struer-er-dejlig"}});
  expect_error(r, 429, "too_many_requests");
  EXPECT_EQ(r.header("retry-after"), "900");
  EXPECT_EQ(call("GET", "/api/v1/invitations/" + token).status, 200);  // still unused
}

}  // namespace
}  // namespace portal::api::tests

// --- file upload on the coordinator page (POST /api/v1/imports) ------------------------------

namespace portal::api::tests {
namespace {

// Windows-1252, ';'-separated, CRLF, as a Danish Excel saves it.
const std::string kExcelCsv =
    "Forening_id;Forening;Kommune;Id;Titel;Interesser;Postnummer;Tidspunkt;Pris\r\n"
    "vinderup-mandeklub;Vinderup Mandeklub;0661;mandeklub-traesloejd;Tr\xE6sl\xF8jd for m\xE6nd;crafts;7830;"
    "wed 09:00-12:00;0\r\n"
    "vinderup-mandeklub;Vinderup Mandeklub;0661;mandeklub-aabning;\xC5" "bent v\xE6rksted;crafts;7830;fri 10:00-12:00;\r\n";

class ImportUploadTest : public AccountsHttpTest {
 protected:
  HttpResponse upload(const std::string& query, const std::string& bytes, const std::string& token) {
    pt::Headers headers = {{"Content-Type", "application/octet-stream"}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    return pt::http_request(server_->port(), "POST", "/api/v1/imports" + query, headers, bytes);
  }

  // The ids of a search's results, polled until `expected` or a second has passed.
  std::vector<std::string> search_until(const std::string& target, const std::vector<std::string>& expected) {
    std::vector<std::string> ids;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    do {
      ids.clear();
      const json answer = server_->get(target).json();  // keep it alive while iterating
      for (const auto& r : answer["results"]) ids.push_back(r["id"]);
      std::sort(ids.begin(), ids.end());
      if (ids == expected) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() < deadline);
    return ids;
  }
};

TEST_F(ImportUploadTest, SpreadsheetCsvImportsWithDanishLettersAndIsSearchableWithinASecond) {
  const HttpResponse r = upload("?filename=mandeklub.csv", kExcelCsv, coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  const json body = r.json();
  EXPECT_EQ(body["read"], 3);  // one association, two activities
  EXPECT_EQ(body["created"], 3);
  EXPECT_EQ(body["invalid"], 0);
  EXPECT_THAT(body["report"].get<std::string>(), HasSubstr("mandeklub.csv"));
  EXPECT_EQ(search_until("/api/v1/search?q=tr%C3%A6sl%C3%B8jd", {"mandeklub-traesloejd"}),
            std::vector<std::string>{"mandeklub-traesloejd"});
  const json activity = server_->get("/api/v1/activities/mandeklub-aabning").json();
  EXPECT_EQ(activity.value("title", ""), "Åbent værksted");
  EXPECT_EQ(activity["association"].value("name", ""), "Vinderup Mandeklub");

  // The same upload again changes nothing; without the second row, that activity is withdrawn.
  const json again = upload("?filename=mandeklub.csv", kExcelCsv, coordinator_).json();
  EXPECT_EQ(again["unchanged"], 3) << again;
  const std::string shorter = kExcelCsv.substr(0, kExcelCsv.rfind("vinderup-mandeklub;"));
  const json withdrawn = upload("?filename=mandeklub.csv", shorter, coordinator_).json();
  EXPECT_EQ(withdrawn["withdrawn"], 1) << withdrawn;
  EXPECT_EQ(withdrawn["withdrawn_ids"], json::array({"mandeklub-aabning"}));
  EXPECT_EQ(search_until("/api/v1/search?q=v%C3%A6rksted", {}), std::vector<std::string>{});
}

TEST_F(ImportUploadTest, IcsFeedNeedsItsAssociationAndImportsTheWeeklyEvent) {
  const std::string feed = pt::read_file(fs::path(PORTAL_SOURCE_DIR) / "tests/indexer/data/holstebro-gaaklub.ics");
  ASSERT_FALSE(feed.empty());
  expect_error(upload("?filename=gaaklub.ics", feed, coordinator_), 400, "invalid_body");
  const HttpResponse r = upload("?filename=gaaklub.ics&association=holstebro-gaaklub", feed, coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_GT(r.json()["created"].get<int>(), 0) << r.body;
  EXPECT_GT(r.json()["invalid"].get<int>(), 0) << r.body;  // the daily rule cannot be shown
  // The feed's activities carry its source; the weekly Tuesday walk kept its Danish letters and
  // is found by search.
  const json mine = call("GET", "/api/v1/associations/holstebro-gaaklub/activities", coordinator_).json();
  std::string walk;
  for (const auto& a : mine["activities"]) {
    if (a["source"].is_string() && a["source"].get<std::string>().rfind("ics:", 0) == 0 &&
        a.value("title", "").rfind("Tirsdagsturen ved Storåen – for alle", 0) == 0) {
      walk = a["id"];
      ASSERT_EQ(a["schedule"].size(), 1u) << a;
      EXPECT_EQ(a["schedule"][0].value("weekday", ""), "tue") << a;
      EXPECT_EQ(a["schedule"][0].value("start", ""), "10:00") << a;
    }
  }
  ASSERT_FALSE(walk.empty()) << mine.dump();
  bool found = false;
  json answer;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (!found && std::chrono::steady_clock::now() < deadline) {
    answer = server_->get("/api/v1/search?q=tirsdagsturen%20stor%C3%A5en").json();
    for (const auto& result : answer["results"]) found = found || result["id"] == walk;
    if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(found) << answer.dump();
}

TEST_F(ImportUploadTest, RolesAndBadUploadsAreRefusedAndWriteNothing) {
  expect_error(upload("?filename=a.csv", kExcelCsv, ""), 401, "unauthorized");
  expect_error(upload("?filename=a.csv", kExcelCsv, staff_), 403, "forbidden");
  expect_error(upload("?filename=a.csv", kExcelCsv, gaa_), 403, "forbidden");
  expect_error(upload("", kExcelCsv, coordinator_), 400, "invalid_parameter", "filename");
  expect_error(upload("?filename=a.csv", "", coordinator_), 400, "invalid_body");
  expect_error(upload("?filename=a.json", "{\"associations\": [", coordinator_), 400, "invalid_body");
  expect_error(upload("?filename=a.csv&association=Ikke%20et%20id", kExcelCsv, coordinator_), 400,
               "invalid_parameter", "association");
  expect_error(upload("?filename=a.csv", std::string(1024 * 1024 + 1, 'x'), coordinator_), 413, "payload_too_large");
  EXPECT_EQ(server_->get("/api/v1/activities/mandeklub-traesloejd").status, 404);
}

}  // namespace
}  // namespace portal::api::tests
