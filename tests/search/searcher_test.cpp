#include "search/searcher.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

namespace t = portal::search::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using nlohmann::json;

// Five activities around Holstebro and beyond. Seen from near=56.36,8.62 (Holstebro) they lie
// 0.2 km (tirsdag), 15.0 km (sang, Struer), 15.9 km (kortspil, Vemb), 92 km (strik, Vejle) and
// 256 km (besoeg, København) away. From Monday 2026-11-23 09:00 they next take place Tuesday
// 10:00 (tirsdag), Tuesday 19:00 (kortspil), Wednesday 19:00 (sang), Thursday 14:00 (strik);
// besoeg has no schedule.
std::vector<json> default_records() {
  return {
      t::activity_json("tirsdag",
                       {{"title", "Tirsdagsturen ved Storåen"},
                        {"description", "En rolig tur langs åen. Vi drikker kaffe bagefter."},
                        {"interests", {"walking", "nature"}},
                        {"target_groups", {"seniors"}},
                        {"location", {{"name", "Kulturhuset"}, {"postcode", "7500"}, {"lat", 56.3612}, {"lon", 8.6170}}},
                        {"schedule", {{{"weekday", "tue"}, {"start", "10:00"}, {"end", "11:30"}}}},
                        {"transport", {"public_transport", "parking"}},
                        {"accessibility", {"wheelchair"}},
                        {"price_dkk", 0}}),
      t::activity_json("strik", {{"association", "vejle-strik"},
                                 {"title", "Strikkeklub"},
                                 {"description", "Vi strikker og drikker kaffe."},
                                 {"interests", {"crafts", "social"}},
                                 {"target_groups", {"women"}},
                                 {"location", {{"postcode", "7100"}}},
                                 {"schedule", {{{"weekday", "thu"}, {"start", "14:00"}}}},
                                 {"transport", {"parking"}},
                                 {"accessibility", {"wheelchair", "accessible_toilet"}},
                                 {"price_dkk", 20}}),
      t::activity_json("sang", {{"title", "Fællessang i Struer"},
                                {"description", "Vi synger sammen fra højskolesangbogen."},
                                {"interests", {"music"}},
                                {"location", {{"postcode", "7600"}}},
                                {"schedule", {{{"weekday", "wed"}, {"start", "19:00"}}}},
                                {"transport", {"public_transport", "pickup"}},
                                {"accessibility", {"hearing_loop"}}}),
      t::activity_json("besoeg", {{"title", "Besøgsven"},
                                  {"description", "En frivillig kommer på besøg hjemme hos dig."},
                                  {"interests", {"visiting_friend"}},
                                  {"target_groups", {"living_alone"}},
                                  {"location", {{"postcode", "2100"}}},
                                  {"transport", {"at_home"}},
                                  {"price_dkk", 0}}),
      t::activity_json("kortspil", {{"title", "Kortspil og hygge"},
                                    {"description", "Whist og rummy i forsamlingshuset."},
                                    {"interests", {"games", "social"}},
                                    {"location", {{"postcode", "7570"}}},
                                    {"schedule", {{{"weekday", "tue"}, {"start", "19:00"}},
                                                  {{"weekday", "sat"}, {"start", "10:00"}}}},
                                    {"transport", {"flextur"}},
                                    {"price_dkk", 0}}),
  };
}

const std::vector<std::string> kByNext = {"tirsdag", "kortspil", "sang", "strik", "besoeg"};
const std::vector<std::string> kByDistance = {"tirsdag", "sang", "kortspil", "strik", "besoeg"};

std::vector<std::string> ids(const json& answer) {
  std::vector<std::string> out;
  for (const auto& r : answer.at("results")) out.push_back(r.at("id").get<std::string>());
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override { temp_ = std::make_unique<t::TempDir>(); }
  void TearDown() override {
    searcher_.reset();
    temp_.reset();
  }

  IndexDirectory dir() const { return IndexDirectory(temp_->path()); }

  void index(const std::vector<json>& records) {
    const auto assocs = t::associations(
        json::array({t::association_json(), t::association_json("vejle-strik", "Vejle Strikkeforening")}));
    build_generation(dir(), t::vocabulary(), t::activities(records), assocs, 1);
    if (!searcher_) searcher_ = std::make_unique<Searcher>(dir(), t::vocabulary(), 2);
  }
  void index_default() { index(default_records()); }

  // Parses `params` as the API does, then searches at Monday 2026-11-23 09:00.
  json search(const SearchParams& params) {
    return searcher_->search(parse_search_request(params, t::vocabulary(), t::geo()), t::monday_9am());
  }
  // Ids of every match (per_page 100), sorted: for filter tests where order is not the point.
  std::vector<std::string> matches(SearchParams params) {
    params["per_page"] = "100";
    const json answer = search(params);
    EXPECT_EQ(answer["total"].get<size_t>(), answer["results"].size());
    return sorted(ids(answer));
  }

  std::unique_ptr<t::TempDir> temp_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(SearcherTest, AnswerHasTheContractShape) {
  index_default();
  const json answer = search({{"q", "strikker"}, {"page", "1"}, {"per_page", "10"}});
  EXPECT_EQ(answer["total"], 1);
  EXPECT_EQ(answer["page"], 1);
  EXPECT_EQ(answer["per_page"], 10);
  ASSERT_EQ(answer["results"].size(), 1u);
  const json& r = answer["results"][0];
  EXPECT_EQ(r["id"], "strik");
  EXPECT_EQ(r["title"], "Strikkeklub");
  EXPECT_EQ(r["association"], (json{{"id", "vejle-strik"}, {"name", "Vejle Strikkeforening"}}));
  EXPECT_THAT(r["snippet"].get<std::string>(), HasSubstr("strikker"));
  EXPECT_EQ(r["interests"], (json{"crafts", "social"}));
  EXPECT_EQ(r["transport"], (json{"parking"}));
  EXPECT_EQ(r["accessibility"], (json{"wheelchair", "accessible_toilet"}));
  EXPECT_EQ(r["location"]["postcode"], "7100");
  EXPECT_EQ(r["location"]["municipality"], "0630");
  EXPECT_EQ(r["location"]["approximate"], true);
  EXPECT_EQ(r["schedule"], (json{{{"weekday", "thu"}, {"start", "14:00"}}}));
  EXPECT_EQ(r["price_dkk"], 20);
  EXPECT_EQ(r["next_occurrence"], (json{{"date", "2026-11-26"}, {"weekday", "thu"}, {"start", "14:00"}}));
  EXPECT_FALSE(r.contains("distance_km"));  // no place given
  EXPECT_TRUE(answer["facets"].contains("interest"));
  EXPECT_TRUE(answer["facets"].contains("transport"));
  EXPECT_TRUE(answer["facets"].contains("municipality"));
  EXPECT_FALSE(answer.contains("matched_some_words"));
}

TEST_F(SearcherTest, ResultWithExactCoordinateIsNotApproximate) {
  index_default();
  const json answer = search({{"q", "tirsdagsturen"}});
  ASSERT_EQ(answer["results"].size(), 1u);
  const json& r = answer["results"][0];
  EXPECT_EQ(r["location"]["approximate"], false);
  EXPECT_DOUBLE_EQ(r["location"]["lat"].get<double>(), 56.3612);
  EXPECT_EQ(r["next_occurrence"], (json{{"date", "2026-11-24"}, {"weekday", "tue"}, {"start", "10:00"}, {"end", "11:30"}}));
}

TEST_F(SearcherTest, TitleMatchRanksAboveDescriptionMatch) {
  // The title match is in a long document and the description match in a short one, so only
  // the field weights put the title first (document length alone favours the short one).
  index({t::activity_json("beskrivelse", {{"title", "Motion"}, {"description", "Yoga."}}),
         t::activity_json("titel", {{"title", "Yoga"},
                                    {"description", "Rolige øvelser for alle, også dig der ikke har dyrket "
                                                    "motion i mange år. Vi starter stille og roligt, tager "
                                                    "en pause undervejs og slutter af med en kop te."}}),
         t::activity_json("andet", {{"title", "Kortspil"}, {"description", "Whist og rummy."}})});
  EXPECT_THAT(ids(search({{"q", "yoga"}})), ElementsAre("titel", "beskrivelse"));
  EXPECT_THAT(ids(search({{"q", "YOGA"}, {"sort", "relevance"}})), ElementsAre("titel", "beskrivelse"));
}

TEST_F(SearcherTest, ExactWordRanksAboveStemOnlyMatch) {
  // Both share the stem "strik"; only one has the very word searched for.
  index({t::activity_json("stamme", {{"description", "Kom og strikke med os."}}),
         t::activity_json("eksakt", {{"description", "Kom og strikker med os."}})});
  EXPECT_THAT(ids(search({{"q", "strikker"}})), ElementsAre("eksakt", "stamme"));
  EXPECT_THAT(ids(search({{"q", "strikke"}})), ElementsAre("stamme", "eksakt"));
}

TEST_F(SearcherTest, InterestLabelsAreSearchable) {
  index_default();
  // Only "tirsdag" has the interest walking ("Gåture og vandring"); its own text lacks the word.
  // It ranks first; activities of "Holstebro Gåklub" (a synonym) follow.
  EXPECT_EQ(ids(search({{"q", "gåture"}}))[0], "tirsdag");
  EXPECT_EQ(ids(search({{"q", "Gåturen"}}))[0], "tirsdag");
  EXPECT_THAT(ids(search({{"q", "musik"}})), ElementsAre("sang"));
}

TEST_F(SearcherTest, StemmedWordsMatch) {
  index_default();
  EXPECT_THAT(ids(search({{"q", "strikke"}})), ElementsAre("strik"));
}

TEST_F(SearcherTest, FoldedAccentsMatch) {
  index({t::activity_json("cafe", {{"title", "Café Æblegården"}})});
  EXPECT_THAT(ids(search({{"q", "cafe"}})), ElementsAre("cafe"));
  EXPECT_THAT(ids(search({{"q", "CAFÉ ÆBLEGÅRDEN"}})), ElementsAre("cafe"));
  EXPECT_THAT(ids(search({{"q", "aeblegarden"}})), IsEmpty());  // æ and å are letters, not accents
}

TEST_F(SearcherTest, InterestFilterMatchesAny) {
  index_default();
  EXPECT_THAT(matches({{"interest", "music"}}), ElementsAre("sang"));
  EXPECT_THAT(matches({{"interest", "social,music"}}), ElementsAre("kortspil", "sang", "strik"));
  EXPECT_THAT(matches({{"interest", "dance"}}), IsEmpty());
}

TEST_F(SearcherTest, TransportFilterMatchesAll) {
  index_default();
  EXPECT_THAT(matches({{"transport", "public_transport"}}), ElementsAre("sang", "tirsdag"));
  EXPECT_THAT(matches({{"transport", "public_transport,pickup"}}), ElementsAre("sang"));
  EXPECT_THAT(matches({{"transport", "parking,pickup"}}), IsEmpty());
}

TEST_F(SearcherTest, AccessibilityFilterMatchesAll) {
  index_default();
  EXPECT_THAT(matches({{"accessibility", "wheelchair"}}), ElementsAre("strik", "tirsdag"));
  EXPECT_THAT(matches({{"accessibility", "wheelchair,accessible_toilet"}}), ElementsAre("strik"));
}

TEST_F(SearcherTest, TargetFilterMatchesAny) {
  index_default();
  EXPECT_THAT(matches({{"target", "women,living_alone"}}), ElementsAre("besoeg", "strik"));
  EXPECT_THAT(matches({{"target", "seniors"}}), ElementsAre("tirsdag"));
}

TEST_F(SearcherTest, MunicipalityFilter) {
  index_default();
  EXPECT_THAT(matches({{"municipality", "0661"}}), ElementsAre("kortspil", "tirsdag"));
  EXPECT_THAT(matches({{"municipality", "0661,0630"}}), ElementsAre("kortspil", "strik", "tirsdag"));
  EXPECT_THAT(matches({{"municipality", "0751"}}), IsEmpty());
}

TEST_F(SearcherTest, PostcodeAloneIsAnArea) {
  index_default();
  // Vemb (7570) is in Holstebro municipality and 16 km away, but not in postcode 7500.
  const json answer = search({{"postcode", "7500"}});
  EXPECT_THAT(ids(answer), ElementsAre("tirsdag"));
  ASSERT_TRUE(answer["results"][0].contains("distance_km"));  // a place was given
  EXPECT_LT(answer["results"][0]["distance_km"].get<double>(), 2.0);
}

TEST_F(SearcherTest, PostcodeWithRadiusIsADistance) {
  index_default();
  EXPECT_THAT(matches({{"postcode", "7500"}, {"radius_km", "25"}}), ElementsAre("kortspil", "sang", "tirsdag"));
  EXPECT_THAT(matches({{"postcode", "7100"}, {"radius_km", "5"}}), ElementsAre("strik"));
}

TEST_F(SearcherTest, NearWithRadiusKeepsOnlyNearOnes) {
  index_default();
  EXPECT_THAT(matches({{"near", "56.36,8.62"}, {"radius_km", "5"}}), ElementsAre("tirsdag"));
  EXPECT_THAT(matches({{"near", "56.36,8.62"}, {"radius_km", "15.5"}}), ElementsAre("sang", "tirsdag"));
  EXPECT_THAT(matches({{"near", "56.36,8.62"}, {"radius_km", "100"}}),
              ElementsAre("kortspil", "sang", "strik", "tirsdag"));
  EXPECT_THAT(matches({{"near", "56.36,8.62"}, {"radius_km", "500"}}), sorted(kByNext));
  EXPECT_THAT(matches({{"near", "54.9,8.0"}, {"radius_km", "10"}}), IsEmpty());  // off Rømø
}

TEST_F(SearcherTest, NearWithoutRadiusFiltersNothing) {
  index_default();
  EXPECT_EQ(search({{"near", "56.36,8.62"}})["total"], 5);
}

TEST_F(SearcherTest, DayFilter) {
  index_default();
  EXPECT_THAT(matches({{"day", "tue"}}), ElementsAre("kortspil", "tirsdag"));
  EXPECT_THAT(matches({{"day", "sat"}}), ElementsAre("kortspil"));
  EXPECT_THAT(matches({{"day", "sat,thu"}}), ElementsAre("kortspil", "strik"));
  EXPECT_THAT(matches({{"day", "sun"}}), IsEmpty());
}

TEST_F(SearcherTest, TimeOfDayFilter) {
  index_default();
  EXPECT_THAT(matches({{"time_of_day", "evening"}}), ElementsAre("kortspil", "sang"));
  EXPECT_THAT(matches({{"time_of_day", "afternoon"}}), ElementsAre("strik"));
  EXPECT_THAT(matches({{"time_of_day", "morning"}}), ElementsAre("kortspil", "tirsdag"));
}

TEST_F(SearcherTest, DayAndTimeOfDayMustBeOnTheSameEntry) {
  index_default();
  // kortspil is Tuesday evening and Saturday morning.
  EXPECT_THAT(matches({{"day", "tue"}, {"time_of_day", "morning"}}), ElementsAre("tirsdag"));
  EXPECT_THAT(matches({{"day", "tue"}, {"time_of_day", "evening"}}), ElementsAre("kortspil"));
  EXPECT_THAT(matches({{"day", "sat"}, {"time_of_day", "evening"}}), IsEmpty());
  EXPECT_THAT(matches({{"day", "sat"}, {"time_of_day", "morning"}}), ElementsAre("kortspil"));
}

TEST_F(SearcherTest, FreeFilter) {
  index_default();
  // strik costs 20; sang has no price, which is unknown rather than free.
  EXPECT_THAT(matches({{"free", "true"}}), ElementsAre("besoeg", "kortspil", "tirsdag"));
  EXPECT_EQ(search({{"free", "false"}})["total"], 5);
}

TEST_F(SearcherTest, FiltersCombineWithText) {
  index_default();
  // "kortspil" comes in through the synonym café (its interest "Café og socialt samvær").
  EXPECT_THAT(matches({{"q", "kaffe"}}), ElementsAre("kortspil", "strik", "tirsdag"));
  EXPECT_THAT(matches({{"q", "kaffe"}, {"free", "true"}}), ElementsAre("kortspil", "tirsdag"));
  EXPECT_THAT(matches({{"q", "kaffe"}, {"municipality", "0630"}}), ElementsAre("strik"));
  EXPECT_THAT(matches({{"q", "kaffe"}, {"near", "56.36,8.62"}, {"radius_km", "50"}}),
              ElementsAre("kortspil", "tirsdag"));
}

TEST_F(SearcherTest, SortByDistanceWithDistances) {
  index_default();
  const core::Coordinate centre{56.36, 8.62};
  const json answer = search({{"near", "56.36,8.62"}, {"sort", "distance"}});
  EXPECT_EQ(ids(answer), kByDistance);
  double previous = -1;
  for (const auto& r : answer["results"]) {
    SCOPED_TRACE(r["id"].get<std::string>());
    ASSERT_TRUE(r.contains("distance_km"));
    const double km = r["distance_km"].get<double>();
    const core::Coordinate at{r["location"]["lat"].get<double>(), r["location"]["lon"].get<double>()};
    EXPECT_DOUBLE_EQ(km, std::round(core::distance_km(centre, at) * 10) / 10);
    EXPECT_DOUBLE_EQ(km * 10, std::round(km * 10));  // one decimal
    EXPECT_GE(km, previous);
    previous = km;
  }
  EXPECT_DOUBLE_EQ(answer["results"][0]["distance_km"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(answer["results"][1]["distance_km"].get<double>(), 15.0);
}

TEST_F(SearcherTest, SortByDistanceFromAPostcode) {
  index_default();
  // From Vejle (7100): the Vejle club sits on the postcode's own coordinate; København is
  // farthest (about 200 km, against about 100 km to the Holstebro area).
  const json answer = search({{"postcode", "7100"}, {"radius_km", "500"}, {"sort", "distance"}});
  ASSERT_EQ(answer["results"].size(), 5u);
  EXPECT_EQ(answer["results"][0]["id"], "strik");
  EXPECT_EQ(answer["results"][4]["id"], "besoeg");
  EXPECT_DOUBLE_EQ(answer["results"][0]["distance_km"].get<double>(), 0.0);
}

TEST_F(SearcherTest, SortByNextOccurrenceWithUnscheduledLast) {
  index_default();
  EXPECT_EQ(ids(search({{"sort", "next"}})), kByNext);
  const json answer = search({{"sort", "next"}});
  EXPECT_TRUE(answer["results"][4]["next_occurrence"].is_null());
}

TEST_F(SearcherTest, SortByNextSkipsWhatAlreadyStartedToday) {
  index({t::activity_json("mon-early", {{"schedule", {{{"weekday", "mon"}, {"start", "08:00"}}}}}),
         t::activity_json("mon-late", {{"schedule", {{{"weekday", "mon"}, {"start", "09:30"}}}}}),
         t::activity_json("sun", {{"schedule", {{{"weekday", "sun"}, {"start", "12:00"}}}}})});
  // At 09:00 on Monday: today 09:30, then Sunday, then next Monday 08:00.
  const json answer = search({{"sort", "next"}});
  EXPECT_THAT(ids(answer), ElementsAre("mon-late", "sun", "mon-early"));
  EXPECT_EQ(answer["results"][2]["next_occurrence"]["date"], "2026-11-30");
}

TEST_F(SearcherTest, SortByNextHandlesFortnightlyAndMonthlyEntries) {
  index({t::activity_json("hver-anden-torsdag",
                          {{"schedule", {{{"weekday", "thu"}, {"start", "10:00"}, {"every_weeks", 2},
                                          {"from", "2026-11-19"}}}}}),
         t::activity_json("foerste-tirsdag", {{"schedule", {{{"weekday", "tue"}, {"start", "10:00"},
                                                              {"week_of_month", 1}}}}}),
         t::activity_json("fredag", {{"schedule", {{{"weekday", "fri"}, {"start", "10:00"}}}}}),
         t::activity_json("fra-januar", {{"schedule", {{{"weekday", "mon"}, {"start", "08:00"},
                                                         {"from", "2027-01-04"}}}}})});
  const json answer = search({{"sort", "next"}});
  EXPECT_THAT(ids(answer), ElementsAre("fredag", "foerste-tirsdag", "hver-anden-torsdag", "fra-januar"));
  std::vector<std::string> dates;
  for (const auto& r : answer["results"]) dates.push_back(r["next_occurrence"]["date"].get<std::string>());
  EXPECT_THAT(dates, ElementsAre("2026-11-27", "2026-12-01", "2026-12-03", "2027-01-04"));
}

TEST_F(SearcherTest, SortByNextOrdersMatchesOfAText) {
  index_default();
  EXPECT_THAT(ids(search({{"q", "kaffe"}, {"sort", "next"}})), ElementsAre("tirsdag", "kortspil", "strik"));
}

TEST_F(SearcherTest, WithoutTextDefaultOrderIsNextOrDistance) {
  index_default();
  EXPECT_EQ(ids(search({})), kByNext);
  EXPECT_EQ(ids(search({{"near", "56.36,8.62"}})), kByDistance);
}

TEST_F(SearcherTest, Paging) {
  index_default();
  const json page1 = search({{"sort", "next"}, {"per_page", "2"}});
  EXPECT_EQ(page1["total"], 5);
  EXPECT_THAT(ids(page1), ElementsAre("tirsdag", "kortspil"));
  const json page2 = search({{"sort", "next"}, {"per_page", "2"}, {"page", "2"}});
  EXPECT_EQ(page2["total"], 5);
  EXPECT_EQ(page2["page"], 2);
  EXPECT_EQ(page2["per_page"], 2);
  EXPECT_THAT(ids(page2), ElementsAre("sang", "strik"));
  const json page3 = search({{"sort", "next"}, {"per_page", "2"}, {"page", "3"}});
  EXPECT_THAT(ids(page3), ElementsAre("besoeg"));
  const json beyond = search({{"sort", "next"}, {"per_page", "2"}, {"page", "4"}});
  EXPECT_EQ(beyond["total"], 5);
  EXPECT_THAT(ids(beyond), IsEmpty());
  EXPECT_THAT(ids(search({{"sort", "next"}, {"per_page", "100"}, {"page", "100"}})), IsEmpty());
}

TEST_F(SearcherTest, FacetsCountEveryMatchNotJustThePage) {
  index_default();
  const json answer = search({{"per_page", "1"}});
  ASSERT_EQ(answer["results"].size(), 1u);
  const json& f = answer["facets"];
  EXPECT_EQ(f["interest"], (json{{"walking", 1}, {"nature", 1}, {"crafts", 1}, {"social", 2},
                                 {"music", 1}, {"visiting_friend", 1}, {"games", 1}}));
  EXPECT_EQ(f["transport"], (json{{"public_transport", 2}, {"parking", 2}, {"pickup", 1}, {"at_home", 1},
                                  {"flextur", 1}}));
  EXPECT_EQ(f["municipality"], (json{{"0661", 2}, {"0630", 1}, {"0671", 1}, {"0101", 1}}));
}

TEST_F(SearcherTest, TotalAndFacetsAreExactWhenOnlyOneResultIsShown) {
  // One strong title match followed by weak description matches: a matcher allowed to stop
  // early would skip the weak ones once the one-result page is full.
  std::vector<json> records = {t::activity_json("titel", {{"title", "Kaffe"}, {"interests", {"food"}}})};
  for (int i = 0; i < 8; ++i) {
    records.push_back(t::activity_json(
        "beskrivelse-" + std::to_string(i),
        {{"description", "Vi mødes og taler om stort og småt, og der er også kaffe til dem der vil."},
         {"interests", {"social"}}}));
  }
  index(records);
  const json answer = search({{"q", "kaffe"}, {"per_page", "1"}});
  EXPECT_EQ(answer["total"], 9);
  EXPECT_THAT(ids(answer), ElementsAre("titel"));
  EXPECT_EQ(answer["facets"]["interest"], (json{{"food", 1}, {"social", 8}}));
  EXPECT_EQ(answer["facets"]["municipality"], (json{{"0661", 9}}));
}

TEST_F(SearcherTest, FacetsCountOnlyMatches) {
  index_default();
  const json answer = search({{"interest", "social"}, {"per_page", "1"}, {"page", "2"}});
  EXPECT_EQ(answer["total"], 2);
  const json& f = answer["facets"];
  EXPECT_EQ(f["interest"], (json{{"social", 2}, {"crafts", 1}, {"games", 1}}));
  EXPECT_EQ(f["transport"], (json{{"parking", 1}, {"flextur", 1}}));
  EXPECT_EQ(f["municipality"], (json{{"0630", 1}, {"0661", 1}}));
}

TEST_F(SearcherTest, FacetsOfNoMatchesAreEmpty) {
  index_default();
  const json answer = search({{"q", "zyxwvu"}});
  EXPECT_EQ(answer["total"], 0);
  EXPECT_TRUE(answer["facets"]["interest"].empty());
  EXPECT_TRUE(answer["facets"]["transport"].empty());
  EXPECT_TRUE(answer["facets"]["municipality"].empty());
}

TEST_F(SearcherTest, AllWordsFirstThenAnyWord) {
  index_default();
  // Enough activities have every word: no relaxing.
  const json all = search({{"q", "holstebro gåklub"}});
  EXPECT_GE(all["total"].get<int>(), 3);
  EXPECT_FALSE(all.contains("matched_some_words"));

  // Only one has both words: too few, so any word counts, the full match first.
  const json few = search({{"q", "strikker kaffe"}});
  EXPECT_EQ(ids(few)[0], "strik");
  EXPECT_GT(few["total"].get<int>(), 1);
  EXPECT_EQ(few["matched_some_words"], true);

  // No activity has both words: those with either are shown, and the answer says so.
  const json some = search({{"q", "strikker musik"}});
  EXPECT_THAT(sorted(ids(some)), ElementsAre("sang", "strik"));
  EXPECT_EQ(some["total"], 2);
  EXPECT_EQ(some["matched_some_words"], true);
}

TEST_F(SearcherTest, OneUnknownWordIsNoMatchAndNoFallback) {
  index_default();
  const json answer = search({{"q", "zyxwvu"}});
  EXPECT_EQ(answer["total"], 0);
  EXPECT_THAT(ids(answer), IsEmpty());
  EXPECT_FALSE(answer.contains("matched_some_words"));
}

TEST_F(SearcherTest, FallbackKeepsTheFilters) {
  index_default();
  const json answer = search({{"q", "strikker musik"}, {"municipality", "0630"}});
  EXPECT_THAT(ids(answer), ElementsAre("strik"));
  EXPECT_EQ(answer["matched_some_words"], true);
}

TEST_F(SearcherTest, HostileQueriesNeverThrow) {
  index_default();
  std::string long_words;
  while (long_words.size() + 4 <= kMaxQueryBytes) long_words += "æø ";
  const std::vector<std::string> hostile = {
      "\"strikker",       "strikker\"",        "\"\"\"",          "(strikker",        "strikker)",
      "AND",              "OR",                "NOT",             "strikker AND kaffe", "NOT kaffe",
      "kaffe OR",         "*",                 "strik*",          "-",                "-kaffe",
      "+",                "~",                 "🧶🧶",             "ÆØÅ🙂",            "a:b",
      "title:strikker",   "\\",                "%00",             "' OR 1=1 --",      "<script>",
      std::string(kMaxQueryBytes, 'a'),      std::string(kMaxQueryBytes, '*'),    long_words,
      "\xff\xfe strik \xc3",                std::string("kaf\0fe", 6),           "\t\r\n",
  };
  for (const auto& q : hostile) {
    SCOPED_TRACE(q.substr(0, 40));
    json answer;
    ASSERT_NO_THROW(answer = search({{"q", q}}));
    EXPECT_TRUE(answer["total"].is_number());
    EXPECT_TRUE(answer["results"].is_array());
  }
}

TEST_F(SearcherTest, HostileQueriesAreTreatedAsWords) {
  index_default();
  // Words are words: no operators, no wildcards.
  EXPECT_THAT(ids(search({{"q", "\"strikker"}})), ElementsAre("strik"));
  EXPECT_THAT(ids(search({{"q", "-strikker"}})), ElementsAre("strik"));
  EXPECT_THAT(ids(search({{"q", "strik*"}})), ElementsAre("strik"));  // the stem of "strikker"
  // Nothing but punctuation or emoji leaves nothing to search for: nothing matches (an empty
  // or blank q still lists every activity).
  EXPECT_EQ(search({{"q", "*"}})["total"], 0);
  EXPECT_EQ(search({{"q", "-"}})["total"], 0);
  EXPECT_EQ(search({{"q", "🧶"}})["total"], 0);
  EXPECT_EQ(search({{"q", "  "}})["total"], 5);
}

TEST_F(SearcherTest, EmptyIndexDirectoryIsUnavailable) {
  Searcher searcher(dir(), t::vocabulary(), 1);
  try {
    searcher.search(SearchRequest{}, t::monday_9am());
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::unavailable);
  }
  try {
    searcher.document("tirsdag");
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::unavailable);
  }
  EXPECT_THROW(searcher.size(), core::Error);
}

TEST_F(SearcherTest, MissingGenerationFolderIsUnavailable) {
  std::ofstream(temp_->path() / "current") << "auto gen-missing\n";
  Searcher searcher(dir(), t::vocabulary(), 1);
  try {
    searcher.search(SearchRequest{}, t::monday_9am());
    FAIL() << "no error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::unavailable);
  }
}

TEST_F(SearcherTest, BecomesAvailableOnceAnIndexIsPublished) {
  Searcher searcher(dir(), t::vocabulary(), 1);
  EXPECT_THROW(searcher.size(), core::Error);
  index_default();
  EXPECT_EQ(searcher.size(), 5u);
  EXPECT_EQ(searcher.search(SearchRequest{}, t::monday_9am())["total"], 5);
}

TEST_F(SearcherTest, DocumentReturnsStoredData) {
  index_default();
  const auto doc = searcher_->document("strik");
  ASSERT_TRUE(doc);
  EXPECT_EQ((*doc)["activity"]["id"], "strik");
  EXPECT_EQ((*doc)["activity"]["title"], "Strikkeklub");
  EXPECT_EQ((*doc)["association"]["name"], "Vejle Strikkeforening");
  EXPECT_EQ((*doc)["municipality"], "0630");
  EXPECT_FALSE(searcher_->document("findes-ikke"));
  EXPECT_FALSE(searcher_->document(""));
  EXPECT_EQ(searcher_->size(), 5u);
}

TEST_F(SearcherTest, ManySearchesWithFewReaders) {
  index_default();
  // Readers go back to the pool: more searches than readers never block or fail.
  for (int i = 0; i < 20; ++i) EXPECT_EQ(search({{"q", "kaffe"}})["total"], 3);
}

TEST_F(SearcherTest, ManyThreadsSearchingWithoutTextAtOnce) {
  // Searches without text match all documents. Each thread builds its own match-all query: a
  // shared Xapian::Query::MatchAll has a non-atomic reference count, and copying it on several
  // threads at once corrupted it and crashed the process.
  index_default();
  Searcher searcher(dir(), t::vocabulary(), 4);
  const auto request = parse_search_request({{"interest", "social"}}, t::vocabulary(), t::geo());
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int n = 0; n < 3000; ++n) {
        if (searcher.search(request, t::monday_9am())["total"] != 2) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, 0);
}

// --- the answer cache ---------------------------------------------------------------------------

class CachedSearcherTest : public SearcherTest {
 protected:
  void SetUp() override {
    SearcherTest::SetUp();
    index_default();
    SearcherOptions options;
    options.cache_bytes = 1 << 20;
    cached_ = std::make_unique<Searcher>(dir(), t::vocabulary(), 2, options);
  }
  void TearDown() override {
    cached_.reset();
    SearcherTest::TearDown();
  }
  json cached(const SearchParams& params, core::LocalTime now = t::monday_9am()) {
    return cached_->search(parse_search_request(params, t::vocabulary(), t::geo()), now);
  }
  std::unique_ptr<Searcher> cached_;
};

TEST_F(CachedSearcherTest, CachedAnswersAreTheComputedOnes) {
  const std::vector<SearchParams> requests = {
      {{"q", "kaffe"}},
      {{"q", "kaffe"}, {"per_page", "1"}, {"page", "2"}},
      {{"q", "kaffe"}, {"sort", "next"}},
      {{"interest", "social"}},
      {{"near", "56.36,8.62"}, {"radius_km", "20"}, {"sort", "distance"}},
      {{"q", "strikkr"}},  // corrected: did_you_mean
      {{"q", "kortspil kaffe"}},
      {{"transport", "parking"}, {"free", "true"}},
      {},
  };
  for (const auto& params : requests) {
    const json computed = search(params);
    const json first = cached(params);
    const json second = cached(params);
    EXPECT_EQ(first, computed) << first.dump();
    EXPECT_EQ(second, computed) << second.dump();
  }
  const auto stats = cached_->cache_stats();
  EXPECT_EQ(stats.misses, requests.size());
  EXPECT_EQ(stats.hits, requests.size());
  EXPECT_EQ(stats.entries, requests.size());
  EXPECT_EQ(searcher_->cache_stats().entries, 0u);  // the default is no cache
}

TEST_F(CachedSearcherTest, SerialisedAnswersAreTheComputedOnes) {
  const SearchParams params = {{"q", "kaffe"}, {"sort", "next"}};
  const auto request = parse_search_request(params, t::vocabulary(), t::geo());
  const json computed = search(params);
  for (Searcher* searcher : {searcher_.get(), cached_.get(), cached_.get()}) {  // no cache, miss, hit
    const auto answer = searcher->search_serialised(request, t::monday_9am());
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(json::parse(answer->text), computed);
    EXPECT_EQ(answer->total, 3u);
  }
  EXPECT_EQ(cached_->cache_stats().hits, 1u);
  EXPECT_EQ(cached(params), computed);  // search() of what search_serialised() cached
  EXPECT_EQ(cached_->cache_stats().hits, 2u);
}

TEST_F(CachedSearcherTest, DifferentRequestsAreDifferentAnswers) {
  EXPECT_EQ(ids(cached({{"q", "kaffe"}, {"sort", "next"}})), (std::vector<std::string>{"tirsdag", "kortspil", "strik"}));
  EXPECT_EQ(cached({{"q", "kaffe"}, {"interest", "crafts"}})["total"], 1);
  EXPECT_EQ(cached({{"q", "kaffe"}, {"interest", "games"}})["total"], 1);
  EXPECT_EQ(cached({{"q", "kaffe"}, {"per_page", "1"}})["results"].size(), 1u);
  EXPECT_EQ(cached({{"q", "kaffe"}, {"per_page", "2"}})["results"].size(), 2u);
  EXPECT_EQ(cached_->cache_stats().hits, 0u);
}

TEST_F(CachedSearcherTest, AWriteToTheIndexIsSeenAtOnce) {
  ASSERT_EQ(cached({{"q", "kaffe"}})["total"], 3);
  ASSERT_EQ(cached({{"q", "kaffe"}})["total"], 3);  // now cached
  {
    IndexWriter writer(dir(), t::vocabulary());
    const auto assocs = t::associations(json::array({t::association_json()}));
    writer.upsert(t::activity(t::activity_json("ny", {{"title", "Kaffeklub"}, {"description", "Kaffe og kage."}})),
                  assocs.at("gaaklub"));
    writer.commit(2);
  }
  EXPECT_EQ(cached({{"q", "kaffe"}})["total"], 4);
}

TEST_F(CachedSearcherTest, ARebuildIsSeenAtOnce) {
  ASSERT_EQ(cached({{"q", "kaffe"}})["total"], 3);
  auto records = default_records();
  records.pop_back();  // kortspil
  index(records);
  EXPECT_EQ(cached({{"q", "kaffe"}})["total"], 2);
}

TEST_F(CachedSearcherTest, ANewMinuteComputesTheAnswerAgain) {
  // Next occurrences and sort=next are computed from the time: at 10:00 Tuesday's walk of
  // this week has started, so the next one is a week later and card games come first.
  const core::LocalTime tuesday_9 = {core::from_ymd({2026, 11, 24}), 9 * 60};
  const core::LocalTime tuesday_10 = {core::from_ymd({2026, 11, 24}), 10 * 60 + 1};
  EXPECT_EQ(ids(cached({{"sort", "next"}, {"per_page", "2"}}, tuesday_9)),
            (std::vector<std::string>{"tirsdag", "kortspil"}));
  EXPECT_EQ(ids(cached({{"sort", "next"}, {"per_page", "2"}}, tuesday_10)),
            (std::vector<std::string>{"kortspil", "sang"}));
  EXPECT_EQ(cached_->cache_stats().hits, 0u);
}

}  // namespace
}  // namespace portal::search
