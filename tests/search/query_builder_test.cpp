#include "search/query_builder.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "search/document.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using nlohmann::json;
namespace t = portal::search::testing;

// An in-memory index of a few documents built by build_document(), to run queries against.
class QueryBuilderTest : public ::testing::Test {
 protected:
  QueryBuilderTest() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

  // The text part of a query, without synonyms, stopwords or places.
  Xapian::Query text(const std::string& words, WordMode mode) {
    return text_query(analyzer_, analyzer_.query_words(words), mode, nullptr);
  }

  void add(const json& record) {
    const core::Association assoc = t::association(t::association_json());
    db_.add_document(build_document(analyzer_, t::vocabulary(), t::activity(record), assoc));
  }

  // The filter documents: schedules, transport and prices chosen so that "any of", "all of"
  // and "day and time on the same entry" give different answers.
  void add_filter_documents() {
    add(t::activity_json("a", {{"interests", {"walking"}},
                               {"target_groups", {"seniors"}},
                               {"transport", {"public_transport", "parking"}},
                               {"accessibility", {"wheelchair", "hearing_loop"}},
                               {"schedule", {{{"weekday", "tue"}, {"start", "10:00"}},
                                             {{"weekday", "sat"}, {"start", "19:00"}}}},
                               {"price_dkk", 0}}));
    add(t::activity_json("b", {{"interests", {"music"}},
                               {"target_groups", {"men"}},
                               {"location", {{"postcode", "7100"}}},
                               {"transport", {"public_transport"}},
                               {"accessibility", {"wheelchair"}},
                               {"schedule", {{{"weekday", "tue"}, {"start", "19:00"}}}},
                               {"price_dkk", 25}}));
    add(t::activity_json("c", {{"interests", {"crafts", "walking"}},
                               {"target_groups", {"women"}},
                               {"location", {{"postcode", "7600"}}},
                               {"transport", {"pickup", "parking"}},
                               {"schedule", {{{"weekday", "sat"}, {"start", "10:00"}}}}}));
  }

  // Ids of the documents matching `query`, in rank order (an empty query matches everything).
  std::vector<std::string> ranked(const Xapian::Query& query) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query.empty() ? Xapian::Query::MatchAll : query);
    std::vector<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ids.push_back(document_data(it.get_document())["activity"]["id"].get<std::string>());
    }
    return ids;
  }

  std::vector<std::string> matching(const Xapian::Query& query) {
    auto ids = ranked(query);
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  std::vector<std::string> filtered(const SearchRequest& r) {
    const Xapian::Query q = filter_query(r);
    EXPECT_FALSE(q.empty());
    return matching(q);
  }

  Analyzer analyzer_;
  Xapian::WritableDatabase db_;
};

TEST_F(QueryBuilderTest, NoFiltersGiveAnEmptyQuery) {
  EXPECT_TRUE(filter_query(SearchRequest{}).empty());
  SearchRequest r;
  r.q = "gåtur";
  r.sort = SortOrder::next;
  r.page = 3;
  r.centre = core::Coordinate{56.36, 8.62};  // near= without radius_km filters nothing
  EXPECT_TRUE(filter_query(r).empty());
  r.radius_km = 10;  // the radius is the searcher's posting source, not a term filter
  EXPECT_TRUE(filter_query(r).empty());
}

TEST_F(QueryBuilderTest, InterestsMatchAnyGivenCode) {
  add_filter_documents();
  SearchRequest r;
  r.interests = {"music"};
  EXPECT_THAT(filtered(r), ElementsAre("b"));
  r.interests = {"crafts", "music"};
  EXPECT_THAT(filtered(r), ElementsAre("b", "c"));
  r.interests = {"walking", "music"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "b", "c"));
  r.interests = {"dance"};
  EXPECT_THAT(filtered(r), IsEmpty());
}

TEST_F(QueryBuilderTest, TargetsMatchAnyGivenCode) {
  add_filter_documents();
  SearchRequest r;
  r.targets = {"men", "women"};
  EXPECT_THAT(filtered(r), ElementsAre("b", "c"));
}

TEST_F(QueryBuilderTest, TransportMustMatchEveryGivenCode) {
  add_filter_documents();
  SearchRequest r;
  r.transport = {"parking"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "c"));
  r.transport = {"public_transport", "parking"};
  EXPECT_THAT(filtered(r), ElementsAre("a"));
  r.transport = {"pickup", "public_transport"};
  EXPECT_THAT(filtered(r), IsEmpty());
}

TEST_F(QueryBuilderTest, AccessibilityMustMatchEveryGivenCode) {
  add_filter_documents();
  SearchRequest r;
  r.accessibility = {"wheelchair"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "b"));
  r.accessibility = {"wheelchair", "hearing_loop"};
  EXPECT_THAT(filtered(r), ElementsAre("a"));
}

TEST_F(QueryBuilderTest, MunicipalitiesMatchAnyGivenCode) {
  add_filter_documents();
  SearchRequest r;
  r.municipalities = {"0661", "0630"};  // Holstebro (7500), Vejle (7100); not Struer (7600)
  EXPECT_THAT(filtered(r), ElementsAre("a", "b"));
}

TEST_F(QueryBuilderTest, PostcodeWithoutRadiusIsAnArea) {
  add_filter_documents();
  SearchRequest r;
  r.postcode = "7100";
  r.centre = testing::geo().postcode("7100")->coordinate;
  EXPECT_THAT(filtered(r), ElementsAre("b"));
  EXPECT_THAT(filter_query(r).get_description(), HasSubstr("XP7100"));
}

TEST_F(QueryBuilderTest, PostcodeWithRadiusIsNoArea) {
  SearchRequest r;
  r.postcode = "7100";
  r.centre = testing::geo().postcode("7100")->coordinate;
  r.radius_km = 20;
  EXPECT_TRUE(filter_query(r).empty());
}

TEST_F(QueryBuilderTest, DaysMatchAnyGivenDay) {
  add_filter_documents();
  SearchRequest r;
  r.days = {"sat"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "c"));
  r.days = {"tue", "sat"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "b", "c"));
  r.days = {"sun"};
  EXPECT_THAT(filtered(r), IsEmpty());
}

TEST_F(QueryBuilderTest, TimesOfDayMatchAnyGivenTime) {
  add_filter_documents();
  SearchRequest r;
  r.times_of_day = {"evening"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "b"));
  r.times_of_day = {"afternoon"};
  EXPECT_THAT(filtered(r), IsEmpty());
}

TEST_F(QueryBuilderTest, DayAndTimeMustBeOnTheSameScheduleEntry) {
  add_filter_documents();
  SearchRequest r;
  // "a" is on Tuesday morning and Saturday evening: not a Tuesday evening.
  r.days = {"tue"};
  r.times_of_day = {"evening"};
  EXPECT_THAT(filtered(r), ElementsAre("b"));
  EXPECT_THAT(filter_query(r).get_description(), HasSubstr("XWtue:evening"));
  r.days = {"tue", "sat"};
  r.times_of_day = {"morning"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "c"));
  r.days = {"sat"};
  r.times_of_day = {"morning", "evening"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "c"));
}

TEST_F(QueryBuilderTest, FreeOnlyKeepsPriceZero) {
  add_filter_documents();
  SearchRequest r;
  r.free_only = true;  // "b" costs 25, "c" has no price (unknown is not free)
  EXPECT_THAT(filtered(r), ElementsAre("a"));
}

TEST_F(QueryBuilderTest, FiltersOfDifferentKindsAreCombined) {
  add_filter_documents();
  SearchRequest r;
  r.interests = {"walking"};
  r.transport = {"parking"};
  EXPECT_THAT(filtered(r), ElementsAre("a", "c"));
  r.days = {"sat"};
  r.times_of_day = {"morning"};
  EXPECT_THAT(filtered(r), ElementsAre("c"));
  r.free_only = true;
  EXPECT_THAT(filtered(r), IsEmpty());
}

TEST_F(QueryBuilderTest, EmptyTextGivesAnEmptyQuery) {
  EXPECT_TRUE(text("", WordMode::all).empty());
  EXPECT_TRUE(text("  ?! -- ", WordMode::any).empty());
  EXPECT_TRUE(text("🧶", WordMode::all).empty());
  EXPECT_FALSE(text("strik", WordMode::all).empty());
}

TEST_F(QueryBuilderTest, HyphenatedWordsFormOneGroup) {
  EXPECT_TRUE(analyzer_.query_words("").empty());
  using Groups = std::vector<std::vector<std::string>>;
  EXPECT_EQ(analyzer_.query_words("Hej, verden!"), (Groups{{"hej"}, {"verden"}}));
  EXPECT_EQ(analyzer_.query_words("senior-gymnastik kl. 10"), (Groups{{"senior", "gymnastik"}, {"kl"}, {"10"}}));
  EXPECT_EQ(analyzer_.query_words("senior - gymnastik"), (Groups{{"senior"}, {"gymnastik"}}));
}

class TextQueryTest : public QueryBuilderTest {
 protected:
  void SetUp() override {
    add(t::activity_json("strik", {{"title", "Strikkeklub"}, {"description", "Vi strikker og drikker kaffe."}}));
    add(t::activity_json("kage", {{"title", "Kaffe og kage"}, {"description", "Hyggeligt samvær."}}));
    add(t::activity_json("tur", {{"title", "Tirsdagsturen"}, {"interests", {"walking"}}}));
  }
};

TEST_F(TextQueryTest, AllRequiresEveryWord) {
  EXPECT_THAT(matching(text("strikker kaffe", WordMode::all)), ElementsAre("strik"));
  EXPECT_THAT(matching(text("strikker kage", WordMode::all)), IsEmpty());
}

TEST_F(TextQueryTest, AnyNeedsOneWord) {
  EXPECT_THAT(matching(text("strikker kage", WordMode::any)), ElementsAre("kage", "strik"));
  EXPECT_THAT(matching(text("strikker kaffe", WordMode::any)), ElementsAre("kage", "strik"));
}

TEST_F(TextQueryTest, MatchesStemsAndIgnoresCase) {
  // "STRIKKE" has the stem "strik", like "strikker" in the description.
  EXPECT_THAT(matching(text("STRIKKE", WordMode::all)), ElementsAre("strik"));
}

TEST_F(TextQueryTest, MatchesInterestLabels) {
  // The interest "walking" is labelled "Gåture og vandring".
  EXPECT_THAT(matching(text("vandring", WordMode::all)), ElementsAre("tur"));
  EXPECT_THAT(matching(text("gåturen", WordMode::all)), ElementsAre("tur"));
}

TEST_F(TextQueryTest, TitleOutranksDescription) {
  // "kaffe" is in the title of "kage" and the description of "strik".
  EXPECT_THAT(ranked(text("kaffe", WordMode::all)), ElementsAre("kage", "strik"));
}

TEST_F(TextQueryTest, SearchesEveryFieldWithExactAndStemForms) {
  const std::string d = text("Strikker", WordMode::all).get_description();
  for (const char* term : {"Sstrikker", "ZSstrik", "XKstrikker", "ZXKstrik", "Zstrik", " strikker"}) {
    EXPECT_THAT(d, HasSubstr(term)) << d;
  }
  EXPECT_THAT(d, Not(HasSubstr("Strikker")));
}

}  // namespace
}  // namespace portal::search
