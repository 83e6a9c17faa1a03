// Freshness at query time (search/schema.h): a stale activity ranks below an equally relevant
// fresh one, a hidden one is not found and not counted, and results carry their freshness.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search/document.h"
#include "search/searcher.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

namespace t = portal::search::testing;
using nlohmann::json;

const core::Date kToday = t::monday_9am().date;

// Equally relevant walks, confirmed `days_ago` before the fixed "today".
core::Activity walk(const std::string& id, std::optional<int> days_ago, const std::string& interest = "walking") {
  core::Activity a = t::activity(t::activity_json(
      id, {{"title", "Gåtur i skoven"}, {"description", "Vi går en tur."}, {"interests", {interest}}}));
  if (days_ago) a.last_confirmed = core::Date{kToday.days - *days_ago};
  return a;
}

std::vector<std::string> ids(const json& answer) {
  std::vector<std::string> out;
  for (const auto& r : answer.at("results")) out.push_back(r.at("id").get<std::string>());
  return out;
}

class FreshnessSearchTest : public ::testing::Test {
 protected:
  void SetUp() override { temp_ = std::make_unique<t::TempDir>(); }

  // Indexes `activities` in this order (earlier ones get lower document ids, which win ties).
  void index(const std::vector<core::Activity>& activities, core::FreshnessPolicy policy = {}) {
    build_generation(IndexDirectory(temp_->path()), t::vocabulary(), activities,
                     t::associations(json::array({t::association_json()})), 1);
    SearcherOptions options;
    options.freshness = policy;
    searcher_ = std::make_unique<Searcher>(IndexDirectory(temp_->path()), t::vocabulary(), 2, options);
  }

  json search(const std::string& q) {
    SearchRequest r;
    r.q = q;
    r.per_page = 100;
    return searcher_->search(r, t::monday_9am());
  }

  std::unique_ptr<t::TempDir> temp_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(FreshnessSearchTest, StaleRanksBelowAnEquallyRelevantFreshOne) {
  // Without demotion the stale walk (lower document id) would win the tie.
  index({walk("gammel", 200), walk("frisk", 10)});
  const json answer = search("gåtur");
  EXPECT_EQ(ids(answer), (std::vector<std::string>{"frisk", "gammel"}));
  EXPECT_EQ(answer["total"], 2);

  // The same documents with a policy under which both are fresh: the tie goes to the first.
  index({walk("gammel", 200), walk("frisk", 10)}, {365, 400});
  EXPECT_EQ(ids(search("gåtur")), (std::vector<std::string>{"gammel", "frisk"}));
}

TEST_F(FreshnessSearchTest, StaleStillRanksAboveAFreshOneThatMatchesFarLess) {
  core::Activity weak = t::activity(
      t::activity_json("svag", {{"title", "Kaffe og kage"}, {"description", "Bagefter en lille gåtur."}}));
  weak.last_confirmed = kToday;
  index({weak, walk("gammel", 200)});
  EXPECT_EQ(ids(search("gåtur skoven")), (std::vector<std::string>{"gammel", "svag"}));
}

TEST_F(FreshnessSearchTest, HiddenIsNotFoundNorCountedButKeepsItsDocument) {
  index({walk("skjult", 300, "nature"), walk("frisk", 10), walk("udatteret", std::nullopt)});
  const json answer = search("gåtur");
  EXPECT_EQ(ids(answer), (std::vector<std::string>{"frisk", "udatteret"}));
  EXPECT_EQ(answer["total"], 2);
  EXPECT_FALSE(answer["facets"]["interest"].contains("nature"));
  EXPECT_EQ(answer["facets"]["interest"]["walking"], 2);
  // Browsing without text hides it too.
  EXPECT_EQ(search("")["total"], 2);
  // Its page still answers, with its state.
  const auto data = searcher_->document("skjult");
  ASSERT_TRUE(data);
  const auto f = document_freshness(*data, kToday, {});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->state, core::FreshnessState::hidden);

  // The first hidden day is last_confirmed + hide_after_days.
  index({walk("graense", 270), walk("dagen-foer", 269)});
  EXPECT_EQ(ids(search("gåtur")), (std::vector<std::string>{"dagen-foer"}));
}

TEST_F(FreshnessSearchTest, SuggestionsLeaveOutHiddenTitles) {
  // suggest() takes "today" from the clock, so the dates are relative to the real today.
  const core::Date today = core::copenhagen_time(std::chrono::system_clock::now()).date;
  core::Activity hidden = t::activity(t::activity_json("skjult", {{"title", "Krolfturnering"}}));
  hidden.last_confirmed = core::Date{today.days - 300};
  core::Activity fresh = t::activity(t::activity_json("frisk", {{"title", "Krolf for begyndere"}}));
  fresh.last_confirmed = today;
  index({hidden, fresh});
  const json suggestions = searcher_->suggest("krol", 8);
  std::vector<std::string> titles;
  for (const auto& s : suggestions["suggestions"]) {
    if (s["type"] == "title") titles.push_back(s["id"].get<std::string>());
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"frisk"})) << suggestions.dump();
}

TEST_F(FreshnessSearchTest, ResultsCarryTheirFreshness) {
  index({walk("gammel", 200), walk("frisk", 10), walk("udatteret", std::nullopt)});
  const json answer = search("gåtur");
  ASSERT_EQ(answer["results"].size(), 3u);
  for (const auto& r : answer["results"]) {
    if (r["id"] == "udatteret") {
      EXPECT_FALSE(r.contains("freshness"));
    } else if (r["id"] == "gammel") {
      EXPECT_EQ(r["freshness"], (json{{"last_confirmed", core::format_date(core::Date{kToday.days - 200})},
                                      {"state", "stale"},
                                      {"stale_from", core::format_date(core::Date{kToday.days - 20})},
                                      {"hidden_from", core::format_date(core::Date{kToday.days + 70})}}));
    } else {
      EXPECT_EQ(r["freshness"]["state"], "fresh");
    }
  }
}

}  // namespace
}  // namespace portal::search
