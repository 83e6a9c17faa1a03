// Follow-ups, referrals, screenings and statistics over real HTTP against a running
// portal-server and PostgreSQL (docs/api-staff.md): every endpoint and role, CPR refused in every
// free-text field with nothing written, the municipality scope, suppression of small counts by
// team (JSON and CSV), supply and demand, zero-result searches counted off the request path, and
// the municipalities' published figures reproduced from records posted through the API.
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

#include "core/calendar.h"
#include "tests/api/api_test_support.h"
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
using ::testing::StartsWith;

constexpr const char* kPassword = "korrekt-hest-batteri";
constexpr const char* kCpr = "010170-1234";

std::string date_from_today(int days) {
  const auto today = core::copenhagen_time(std::chrono::system_clock::now()).date;
  return core::format_date(core::Date{today.days + days});
}

class StatsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<pt::TestDatabase>();
    tmp_ = std::make_unique<pt::TempDir>();
    const auto imported = pt::run_indexer(
        {"import", (fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json").string()}, db_->url(),
        tmp_->path() / "index");
    ASSERT_EQ(imported.exit_code, 0) << imported.describe();
    struct User {
      std::vector<std::string> args;
      std::string team;
      std::string municipality;
    };
    const std::vector<User> users = {
        {{"gaa", "--role", "association", "--association", "holstebro-gaaklub"}, "", ""},
        {{"nord", "--role", "staff"}, "Forebyggende besøg Nord", "0661"},
        {{"syd", "--role", "staff"}, "Hjemmepleje Syd", "0661"},
        {{"vejle", "--role", "staff"}, "Vejle Hjemmepleje", "0630"},
        {{"koordinator", "--role", "coordinator"}, "", "0661"},
        {{"landsdel", "--role", "coordinator"}, "", ""},
    };
    for (const auto& user : users) {
      std::vector<std::string> args = {"user", "add"};
      args.insert(args.end(), user.args.begin(), user.args.end());
      const auto r = pt::run_indexer_with_input(args, db_->url(), std::string(kPassword) + "\n");
      ASSERT_EQ(r.exit_code, 0) << r.describe();
      // Until `user add --team --municipality` is merged (staff1), set them directly.
      sql("UPDATE accounts SET team = '" + user.team + "', municipality = " +
          (user.municipality.empty() ? std::string("NULL") : "'" + user.municipality + "'") +
          " WHERE username = '" + user.args[0] + "'");
    }
    pt::ServerProcess::Options options;
    options.index_dir = tmp_->path() / "index";
    server_ = std::make_unique<pt::ServerProcess>(db_->url(), options);
    gaa_ = login("gaa");
    nord_ = login("nord");
    syd_ = login("syd");
    vejle_ = login("vejle");
    coordinator_ = login("koordinator");
    landsdel_ = login("landsdel");
  }

  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }

  HttpResponse call(const std::string& method, const std::string& target, const std::string& token = {},
                    const json& body = nullptr) {
    return json_call(server_->port(), method, target, token, body);
  }

  std::string login(const std::string& username) {
    const HttpResponse r = call("POST", "/api/v1/auth/login", {}, {{"username", username}, {"password", kPassword}});
    EXPECT_EQ(r.status, 200) << username << ": " << r.describe();
    return r.status == 200 ? r.json().at("token").get<std::string>() : "invalid";
  }

  void expect_error(const HttpResponse& r, int status, const std::string& code, const std::string& field = {}) {
    expect_json_error(r, status, code, field);
  }

  // POSTs `body` and returns the new record's id (0 and a failure when not 201).
  int64_t created(const std::string& target, const std::string& token, const json& body) {
    const HttpResponse r = call("POST", target, token, body);
    EXPECT_EQ(r.status, 201) << target << " " << body.dump() << ": " << r.describe();
    return r.status == 201 ? r.json().at("id").get<int64_t>() : 0;
  }

  pqxx::result sql(const std::string& query) {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    auto r = t.exec(query);
    t.commit();
    return r;
  }

  int64_t count(const std::string& query) { return sql(query)[0][0].as<int64_t>(); }

  std::unique_ptr<pt::TestDatabase> db_;
  std::unique_ptr<pt::TempDir> tmp_;
  std::unique_ptr<pt::ServerProcess> server_;
  std::string gaa_, nord_, syd_, vejle_, coordinator_, landsdel_;
};

TEST_F(StatsHttpTest, EveryEndpointRefusesTheWrongRoles) {
  const json follow_up = {{"reference", "tirs-blå-7"}, {"due", date_from_today(10)}};
  const json referral = {{"date", date_from_today(0)}};
  const json screening = {{"date", date_from_today(0)}, {"excluded", false}, {"lonely", true}};
  const json move = {{"status", "contacted"}};
  struct Case {
    std::string method, target;
    json body;
    bool staff, coordinator;  // allowed?
  };
  const std::vector<Case> cases = {
      {"POST", "/api/v1/follow-ups", follow_up, true, false},
      {"GET", "/api/v1/follow-ups", nullptr, true, true},
      {"PUT", "/api/v1/follow-ups/1", {{"outcome", "went"}}, true, false},
      {"POST", "/api/v1/referrals", referral, true, false},
      {"GET", "/api/v1/referrals", nullptr, true, true},
      {"PUT", "/api/v1/referrals/1", move, false, true},
      {"POST", "/api/v1/screenings", screening, true, false},
      {"GET", "/api/v1/stats", nullptr, true, true},
      {"GET", "/api/v1/stats.csv", nullptr, true, true},
      {"GET", "/api/v1/stats/supply-demand", nullptr, false, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.method + " " + c.target);
    expect_error(call(c.method, c.target, {}, c.body), 401, "unauthorized");
    expect_error(call(c.method, c.target, "ugyldig", c.body), 401, "unauthorized");
    expect_error(call(c.method, c.target, gaa_, c.body), 403, "forbidden");
    if (!c.staff) expect_error(call(c.method, c.target, nord_, c.body), 403, "forbidden");
    if (!c.coordinator) expect_error(call(c.method, c.target, coordinator_, c.body), 403, "forbidden");
  }
  // Nothing above was written (the allowed calls were not made).
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 0);
  EXPECT_EQ(count("SELECT (SELECT count(*) FROM follow_ups) + (SELECT count(*) FROM referrals) + "
                  "(SELECT count(*) FROM screenings)"),
            0);
}

TEST_F(StatsHttpTest, FollowUpsAreCreatedListedAndCompletedByTheirCreator) {
  HttpResponse r = call("POST", "/api/v1/follow-ups", nord_, {{"reference", "tirs-blå-7"}, {"due", date_from_today(20)}});
  ASSERT_EQ(r.status, 201) << r.describe();
  const int64_t id = r.json().at("id").get<int64_t>();
  EXPECT_EQ(r.json().at("reference"), "tirs-blå-7");
  EXPECT_EQ(r.json().at("due"), date_from_today(20));
  const int64_t soon = created("/api/v1/follow-ups", nord_, {{"reference", "ons-1"}, {"due", date_from_today(3)}});
  created("/api/v1/follow-ups", syd_, {{"reference", "syd-1"}, {"due", date_from_today(5)}});
  created("/api/v1/follow-ups", vejle_, {{"reference", "vejle-1"}, {"due", date_from_today(5)}});

  expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", "x"}, {"due", date_from_today(43)}}), 400,
               "invalid_body", "due");
  created("/api/v1/follow-ups", nord_, {{"reference", "senere"}, {"due", date_from_today(60)}, {"allow_later", true}});
  expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", "x"}, {"due", date_from_today(-1)}}), 400,
               "invalid_body", "due");
  expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", ""}, {"due", date_from_today(1)}}), 400,
               "invalid_body", "reference");
  expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", std::string(41, 'a')}, {"due", date_from_today(1)}}),
               400, "invalid_body", "reference");
  expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", "x"}, {"due", "2026-02-30"}}), 400,
               "invalid_body", "due");
  expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", "x"}, {"due", date_from_today(1)}, {"tag_id", 9999}}),
               400, "invalid_parameter", "tag_id");
  // One that is overdue (made directly: the API does not take a past due date).
  sql("INSERT INTO follow_ups (reference, created_by, team, municipality, due) SELECT 'gammel', id, team, "
      "municipality, current_date - 2 FROM accounts WHERE username = 'nord'");

  r = call("GET", "/api/v1/follow-ups?status=open", nord_);
  ASSERT_EQ(r.status, 200) << r.describe();
  const json list = r.json().at("follow_ups");
  ASSERT_EQ(list.size(), 4u);  // nord's own: gammel, ons-1, tirs-blå-7, senere
  EXPECT_EQ(list[0].at("reference"), "gammel");
  EXPECT_TRUE(list[0].at("overdue").get<bool>());
  EXPECT_EQ(list[1].at("id"), soon);
  EXPECT_FALSE(list[1].at("overdue").get<bool>());
  EXPECT_TRUE(list[1].at("outcome").is_null());
  EXPECT_TRUE(list[1].at("completed").is_null());
  EXPECT_EQ(call("GET", "/api/v1/follow-ups", coordinator_).json().at("follow_ups").size(), 5u);  // not Vejle's
  EXPECT_EQ(call("GET", "/api/v1/follow-ups", landsdel_).json().at("follow_ups").size(), 6u);
  expect_error(call("GET", "/api/v1/follow-ups?status=alle", nord_), 400, "invalid_parameter", "status");

  const std::string target = "/api/v1/follow-ups/" + std::to_string(id);
  expect_error(call("PUT", target, syd_, {{"outcome", "went"}}), 403, "forbidden");
  expect_error(call("PUT", target, nord_, {{"outcome", "barrier"}}), 400, "invalid_body", "barrier");
  expect_error(call("PUT", target, nord_, {{"outcome", "went"}, {"barrier", "time"}}), 400, "invalid_body", "barrier");
  expect_error(call("PUT", target, nord_, {{"outcome", "måske"}}), 400, "invalid_body", "outcome");
  expect_error(call("PUT", "/api/v1/follow-ups/987654", nord_, {{"outcome", "went"}}), 404, "not_found");
  expect_error(call("PUT", "/api/v1/follow-ups/abc", nord_, {{"outcome", "went"}}), 404, "not_found");
  r = call("PUT", target, nord_, {{"outcome", "barrier"}, {"barrier", "nerves"}});
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("outcome"), "barrier");
  EXPECT_EQ(r.json().at("barrier"), "nerves");
  EXPECT_EQ(r.json().at("completed"), date_from_today(0));

  r = call("GET", "/api/v1/follow-ups?status=done", nord_);
  ASSERT_EQ(r.json().at("follow_ups").size(), 1u) << r.body;
  EXPECT_EQ(r.json().at("follow_ups")[0].at("id"), id);
  EXPECT_EQ(call("GET", "/api/v1/follow-ups", nord_).json().at("follow_ups").size(), 3u);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'follow_up.create'"), 5);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'follow_up.complete' AND entity_id = '" +
                  std::to_string(id) + "'"),
            1);

  // The follow-up's outcome shows in the statistics.
  r = call("GET", "/api/v1/stats?from=" + date_from_today(-30) + "&to=" + date_from_today(60), nord_);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("follow_ups_done"), 1);
  EXPECT_EQ(r.json().at("follow_up_outcomes").at("barriers").at("nerves"), 1);
  EXPECT_EQ(r.json().at("follow_ups_due"), 5);  // every 0661 follow-up; due dates are all in the period
}

TEST_F(StatsHttpTest, CprIsRefusedInEveryFreeTextFieldAndNothingIsWritten) {
  const int64_t referral = created("/api/v1/referrals", nord_, {{"date", date_from_today(0)}});
  const int64_t audits = count("SELECT count(*) FROM audit_log");

  for (const std::string text : {kCpr, "ref 0101701234", "borger 010170 1234"}) {
    SCOPED_TRACE(text);
    expect_error(call("POST", "/api/v1/follow-ups", nord_, {{"reference", text}, {"due", date_from_today(5)}}), 400,
                 "invalid_parameter", "reference");
    expect_error(call("POST", "/api/v1/referrals", nord_, {{"date", date_from_today(0)}, {"note", "ring til " + text}}),
                 400, "invalid_parameter", "note");
    expect_error(call("PUT", "/api/v1/referrals/" + std::to_string(referral), coordinator_,
                      {{"status", "matched"}, {"matched_scheme", text}}),
                 400, "invalid_parameter", "matched_scheme");
  }
  const HttpResponse r = call("POST", "/api/v1/follow-ups", nord_, {{"reference", kCpr}, {"due", date_from_today(5)}});
  EXPECT_THAT(r.json().at("error").at("message").get<std::string>(), HasSubstr("CPR"));

  EXPECT_EQ(count("SELECT count(*) FROM follow_ups"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM referrals"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM referrals WHERE status = 'new' AND matched_scheme = ''"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), audits);
  // A phone number is not a CPR number.
  created("/api/v1/referrals", nord_, {{"date", date_from_today(0)}, {"note", "ring på 97 42 12 34 om formiddagen"}});
}

TEST_F(StatsHttpTest, CoordinatorWorksTheReferralQueue) {
  const int64_t first = created("/api/v1/referrals", nord_,
                                {{"date", date_from_today(-2)},
                                 {"postcode", "7830"},
                                 {"interests", {"walking", "social"}},
                                 {"transport", {"pickup"}},
                                 {"companion", true},
                                 {"note", "vil gerne have en følgeven første gang"}});
  const int64_t second = created("/api/v1/referrals", syd_, {{"date", date_from_today(-1)}});
  const int64_t vejle = created("/api/v1/referrals", vejle_, {{"date", date_from_today(0)}});
  expect_error(call("POST", "/api/v1/referrals", nord_, {{"date", date_from_today(1)}}), 400, "invalid_body", "date");
  expect_error(call("POST", "/api/v1/referrals", nord_, {{"date", date_from_today(0)}, {"postcode", "0000"}}), 400,
               "invalid_body", "postcode");
  expect_error(call("POST", "/api/v1/referrals", nord_, {{"date", date_from_today(0)}, {"interests", {"skydning"}}}),
               400, "invalid_body", "interests");
  expect_error(call("POST", "/api/v1/referrals", nord_, {{"date", date_from_today(0)}, {"note", std::string(501, 'x')}}),
               400, "invalid_body", "note");

  HttpResponse r = call("GET", "/api/v1/referrals?status=new", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  json queue = r.json().at("referrals");
  ASSERT_EQ(queue.size(), 2u);  // Holstebro's, oldest first; not Vejle's
  EXPECT_EQ(queue[0].at("id"), first);
  EXPECT_EQ(queue[0].at("team"), "Forebyggende besøg Nord");
  EXPECT_EQ(queue[0].at("postcode"), "7830");
  EXPECT_EQ(queue[0].at("interests"), json({"walking", "social"}));
  EXPECT_EQ(queue[0].at("transport"), json({"pickup"}));
  EXPECT_TRUE(queue[0].at("companion").get<bool>());
  EXPECT_EQ(queue[0].at("status"), "new");
  EXPECT_TRUE(queue[0].at("matched_association").is_null());
  EXPECT_EQ(queue[1].at("id"), second);
  EXPECT_EQ(call("GET", "/api/v1/referrals", syd_).json().at("referrals").size(), 1u);  // staff: their own
  EXPECT_EQ(call("GET", "/api/v1/referrals", landsdel_).json().at("referrals").size(), 3u);
  expect_error(call("GET", "/api/v1/referrals?status=gammel", coordinator_), 400, "invalid_parameter", "status");

  const std::string target = "/api/v1/referrals/" + std::to_string(first);
  expect_error(call("PUT", "/api/v1/referrals/" + std::to_string(vejle), coordinator_, {{"status", "contacted"}}), 404,
               "not_found");
  expect_error(call("PUT", target, coordinator_, {{"status", "matched"}}), 400, "invalid_body", "matched_association");
  expect_error(call("PUT", target, coordinator_, {{"status", "matched"}, {"matched_association", "findes-ikke"}}), 400,
               "invalid_parameter", "matched_association");
  expect_error(call("PUT", target, coordinator_, {{"status", "new"}}), 400, "invalid_body", "status");
  r = call("PUT", target, coordinator_, {{"status", "contacted"}});
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("status"), "contacted");
  r = call("PUT", target, coordinator_, {{"status", "matched"}, {"matched_association", "holstebro-gaaklub"}});
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("matched_association"), json({{"id", "holstebro-gaaklub"}, {"name", "Holstebro Gåklub"}}));
  expect_error(call("PUT", target, coordinator_, {{"status", "declined"}}), 409, "conflict");
  r = call("PUT", "/api/v1/referrals/" + std::to_string(second), coordinator_,
           {{"status", "matched"}, {"matched_scheme", "besøgsven"}});
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.json().at("matched_scheme"), "besøgsven");
  EXPECT_TRUE(call("GET", "/api/v1/referrals?status=new", coordinator_).json().at("referrals").empty());
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'referral.update'"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'referral.create'"), 3);
}

TEST_F(StatsHttpTest, ScreeningsAreValidated) {
  created("/api/v1/screenings", nord_, {{"date", date_from_today(0)}, {"excluded", false}, {"lonely", false}});
  created("/api/v1/screenings", nord_, {{"date", date_from_today(0)}, {"excluded", true}, {"exclusion_reason", "language"}});
  expect_error(call("POST", "/api/v1/screenings", nord_, {{"date", date_from_today(0)}, {"excluded", true}}), 400,
               "invalid_body", "exclusion_reason");
  expect_error(call("POST", "/api/v1/screenings", nord_,
                    {{"date", date_from_today(0)}, {"excluded", true}, {"exclusion_reason", "dementia"}, {"lonely", true}}),
               400, "invalid_body", "lonely");
  expect_error(call("POST", "/api/v1/screenings", nord_, {{"date", date_from_today(0)}, {"excluded", false}}), 400,
               "invalid_body", "lonely");
  expect_error(call("POST", "/api/v1/screenings", nord_,
                    {{"date", date_from_today(0)}, {"excluded", false}, {"lonely", true}, {"exclusion_reason", "other"}}),
               400, "invalid_body", "exclusion_reason");
  expect_error(call("POST", "/api/v1/screenings", nord_, {{"date", date_from_today(2)}, {"excluded", false}, {"lonely", true}}),
               400, "invalid_body", "date");
  expect_error(call("POST", "/api/v1/screenings", nord_, {{"date", date_from_today(-400)}, {"excluded", false}, {"lonely", true}}),
               400, "invalid_body", "date");
  expect_error(call("POST", "/api/v1/screenings", nord_, {{"excluded", false}, {"lonely", true}}), 400, "invalid_body",
               "date");
  expect_error(call("POST", "/api/v1/screenings", nord_, json::array()), 400, "invalid_body");
  EXPECT_EQ(count("SELECT count(*) FROM screenings"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM screenings WHERE team = 'Forebyggende besøg Nord' AND municipality = '0661'"), 2);
}

// The municipalities' published status figures, reproduced from records posted through the API:
// 238 screenings, 205 answered, 33 excluded, 42 lonely = 20.5 %; 36 referrals, 27 matched = 75 %.
TEST_F(StatsHttpTest, PublishedFiguresComeOutOfStats) {
  const char* reasons[] = {"dementia", "too_ill", "declined", "language", "other"};
  // Nord: 202 answered (42 lonely) and 33 excluded over the last 90 days; Syd: 3 answered, so
  // Syd's counts by team are under 5 and suppressed.
  for (int i = 0; i < 235; ++i) {
    json body = {{"date", date_from_today(-(i % 90))}};
    if (i < 33) {
      body["excluded"] = true;
      body["exclusion_reason"] = reasons[i % 5];
    } else {
      body["excluded"] = false;
      body["lonely"] = i < 33 + 42;
    }
    ASSERT_NE(created("/api/v1/screenings", nord_, body), 0);
  }
  for (int i = 0; i < 3; ++i) {
    created("/api/v1/screenings", syd_, {{"date", date_from_today(-i)}, {"excluded", false}, {"lonely", false}});
  }
  for (int i = 0; i < 36; ++i) {
    const int64_t id = created("/api/v1/referrals", nord_, {{"date", date_from_today(-(i % 60))}, {"interests", {"social"}}});
    ASSERT_NE(id, 0);
    if (i < 27) {
      const HttpResponse r = call("PUT", "/api/v1/referrals/" + std::to_string(id), coordinator_,
                                  {{"status", "matched"}, {"matched_scheme", "besøgsven"}});
      ASSERT_EQ(r.status, 200) << r.describe();
    }
  }
  // A screening in another municipality is not Holstebro's.
  created("/api/v1/screenings", vejle_, {{"date", date_from_today(0)}, {"excluded", false}, {"lonely", true}});

  const std::string period = "from=" + date_from_today(-120) + "&to=" + date_from_today(0);
  HttpResponse r = call("GET", "/api/v1/stats?" + period, coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  const json s = r.json();
  EXPECT_EQ(s.at("from"), date_from_today(-120));
  EXPECT_EQ(s.at("to"), date_from_today(0));
  EXPECT_EQ(s.at("screenings"), json({{"completed", 238}, {"answered", 205}, {"excluded", 33}, {"lonely", 42},
                                      {"share_lonely", 0.205}}));
  EXPECT_EQ(s.at("referrals"), 36);
  EXPECT_EQ(s.at("referrals_matched"), 27);
  EXPECT_EQ(s.at("match_rate"), 0.75);
  EXPECT_EQ(s.at("tags"), 0);
  EXPECT_EQ(s.at("follow_up_outcomes").at("barriers").at("transport"), 0);

  // By month: the months add up to the totals.
  int64_t completed = 0, referrals = 0;
  for (const auto& month : s.at("by_month")) {
    EXPECT_THAT(month.at("month").get<std::string>(), ::testing::MatchesRegex("20[0-9][0-9]-[01][0-9]"));
    completed += month.at("screenings").at("completed").get<int64_t>();
    referrals += month.at("referrals").get<int64_t>();
  }
  EXPECT_EQ(completed, 238);
  EXPECT_EQ(referrals, 36);
  EXPECT_GE(s.at("by_month").size(), 4u);

  // By team: Nord's counts are shown, Syd's small counts are suppressed.
  const json& teams = s.at("by_team");
  ASSERT_EQ(teams.size(), 2u) << teams.dump();
  EXPECT_EQ(teams[0].at("team"), "Forebyggende besøg Nord");
  EXPECT_EQ(teams[0].at("screenings").at("completed"), 235);
  EXPECT_EQ(teams[0].at("referrals_matched"), 27);
  EXPECT_EQ(teams[0].at("match_rate"), 0.75);
  EXPECT_TRUE(teams[0].at("suppressed").get<bool>());  // e.g. its 0 tags
  EXPECT_EQ(teams[1].at("team"), "Hjemmepleje Syd");
  EXPECT_TRUE(teams[1].at("screenings").at("completed").is_null());
  EXPECT_TRUE(teams[1].at("screenings").at("share_lonely").is_null());
  EXPECT_TRUE(teams[1].at("suppressed").get<bool>());

  // The same for staff of the municipality, and for a team.
  EXPECT_EQ(call("GET", "/api/v1/stats?" + period, syd_).json().at("screenings").at("completed"), 238);
  r = call("GET", "/api/v1/stats?" + period + "&team=" + pt::url_encode("Hjemmepleje Syd"), coordinator_);
  EXPECT_EQ(r.json().at("screenings").at("completed"), 3) << r.body;
  // Vejle's staff sees Vejle's; a coordinator without a municipality sees all, or one.
  EXPECT_EQ(call("GET", "/api/v1/stats?" + period, vejle_).json().at("screenings").at("completed"), 1);
  EXPECT_EQ(call("GET", "/api/v1/stats?" + period, landsdel_).json().at("screenings").at("completed"), 239);
  EXPECT_EQ(call("GET", "/api/v1/stats?" + period + "&municipality=0630", landsdel_).json().at("screenings").at("completed"),
            1);

  // The CSV for Excel: BOM, ';', CRLF, Danish headers, "<5" for Syd.
  r = call("GET", "/api/v1/stats.csv?" + period, coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.header("content-type"), StartsWith("text/csv"));
  EXPECT_THAT(r.header("content-disposition"), HasSubstr("attachment"));
  EXPECT_THAT(r.body, StartsWith("\xEF\xBB\xBF\"Opdeling\";\"Måned eller team\";"));
  EXPECT_THAT(r.body, HasSubstr("\"Screeninger gennemført\""));
  EXPECT_THAT(r.body, HasSubstr("\"Andel ensomme\"\r\n\"I alt\";"));
  EXPECT_THAT(r.body, HasSubstr("\"238\";\"205\";\"33\";\"42\";\"0,205\"\r\n"));
  EXPECT_THAT(r.body, HasSubstr("\"36\";\"27\";\"0,750\";"));
  EXPECT_THAT(r.body, HasSubstr("\"Team\";\"Hjemmepleje Syd\";\"<5\";"));
  EXPECT_THAT(r.body, HasSubstr("\"Team\";\"Forebyggende besøg Nord\";\"<5\";"));  // its 0 tags
  EXPECT_THAT(r.body, HasSubstr("\"235\";\"202\";\"33\";\"42\";\"0,208\"\r\n"));
  EXPECT_EQ(r.body.find("\n\""), r.body.find("\r\n\"") + 1);  // every line ends with CRLF
  EXPECT_EQ(r.body.substr(r.body.size() - 2), "\r\n");
}

TEST_F(StatsHttpTest, StatsParametersAndScopeAreChecked) {
  expect_error(call("GET", "/api/v1/stats?from=2026-13-01", coordinator_), 400, "invalid_parameter", "from");
  expect_error(call("GET", "/api/v1/stats?from=2026-05-01&to=2026-04-01", coordinator_), 400, "invalid_parameter", "to");
  expect_error(call("GET", "/api/v1/stats?from=2000-01-01&to=2026-01-01", coordinator_), 400, "invalid_parameter");
  expect_error(call("GET", "/api/v1/stats?municipality=9999", landsdel_), 400, "invalid_parameter", "municipality");
  expect_error(call("GET", "/api/v1/stats?municipality=0630", nord_), 403, "forbidden");
  expect_error(call("GET", "/api/v1/stats.csv?municipality=0630", coordinator_), 403, "forbidden");
  expect_error(call("GET", "/api/v1/stats/supply-demand?municipality=0630", coordinator_), 403, "forbidden");
  sql("UPDATE accounts SET municipality = NULL WHERE username = 'syd'");
  expect_error(call("GET", "/api/v1/stats", syd_), 403, "forbidden");

  // Without a period: this calendar year, every month of it.
  const HttpResponse r = call("GET", "/api/v1/stats?municipality=0661", coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  const std::string year = date_from_today(0).substr(0, 4);
  EXPECT_EQ(r.json().at("from"), year + "-01-01");
  EXPECT_EQ(r.json().at("to"), year + "-12-31");
  EXPECT_EQ(r.json().at("by_month").size(), 12u);
  EXPECT_TRUE(r.json().at("match_rate").is_null());
  EXPECT_TRUE(r.json().at("screenings").at("share_lonely").is_null());
  EXPECT_TRUE(r.json().at("by_team").empty());
}

TEST_F(StatsHttpTest, SupplyDemandShowsAskedOfferedAndSearchesThatFoundNothing) {
  // A search that finds nothing is counted off the request path, within a few seconds.
  HttpResponse r = call("GET", "/api/v1/search?q=" + pt::url_encode("Mandegruppe  TRÆSLØJD") + "&postcode=7830");
  ASSERT_EQ(r.status, 200) << r.describe();
  ASSERT_EQ(r.json().at("total"), 0) << r.body;
  call("GET", "/api/v1/search?q=" + pt::url_encode("mandegruppe træsløjd") + "&postcode=7830");
  call("GET", "/api/v1/search?q=" + pt::url_encode(std::string("ring ") + kCpr));  // never recorded
  ASSERT_GT(call("GET", "/api/v1/search?q=gåtur").json().at("total").get<int>(), 0);  // found something: not counted
  int64_t misses = 0;
  for (int i = 0; i < 100 && misses < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    misses = count("SELECT coalesce(sum(count), 0) FROM search_misses WHERE municipality = '0661' AND query = "
                   "'mandegruppe træsløjd'");
  }
  EXPECT_EQ(misses, 2);
  EXPECT_EQ(count("SELECT count(*) FROM search_misses WHERE query LIKE '%1234%' OR query LIKE '%gåtur%'"), 0);

  // Demand in Vinderup: crafts asked for on two visits and a referral, nothing offered near;
  // walking asked for in Holstebro, where the walking club's two activities are.
  sql("INSERT INTO tags (date, team, municipality, postcode, interests) VALUES (current_date, 'Nord', '0661', '7830', "
      "'{crafts}'), (current_date, 'Nord', '0661', '7830', '{crafts}'), (current_date, 'Nord', '0661', '7500', "
      "'{walking}')");
  created("/api/v1/referrals", nord_, {{"date", date_from_today(0)}, {"postcode", "7830"}, {"interests", {"crafts"}}});
  sql("INSERT INTO search_misses (day, municipality, query, count) VALUES (current_date, '0661', 'crafts', 4)");

  r = call("GET", "/api/v1/stats/supply-demand?from=" + date_from_today(-30) + "&to=" + date_from_today(0), coordinator_);
  ASSERT_EQ(r.status, 200) << r.describe();
  const json areas = r.json().at("areas");
  ASSERT_GE(areas.size(), 2u) << r.body;
  EXPECT_EQ(areas[0], json({{"postcode", "7830"}, {"name", "Vinderup"}, {"interest", "crafts"}, {"asked", 3},
                            {"offered", 0}, {"misses", 4}}));
  const json last = areas.back();
  EXPECT_EQ(last, json({{"postcode", "7500"}, {"name", "Holstebro"}, {"interest", "walking"}, {"asked", 1},
                        {"offered", 2}, {"misses", 0}}));
}

}  // namespace
}  // namespace portal::api::tests
