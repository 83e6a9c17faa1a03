// Places (place names from core::Geo, weekday and time-of-day words) and parse_text(), which
// turns them into preferences of a natural query. (Their effect on ranking: danish_search_test.cpp.)
#include "search/places.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "search/analyzer.h"
#include "search/query_builder.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

namespace t = portal::search::testing;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using Groups = std::vector<std::vector<std::string>>;

class PlacesTest : public ::testing::Test {
 protected:
  PlacesTest() : places_(t::geo(), analyzer_) {}
  ParsedText parse(const std::string& text) { return parse_text(analyzer_, places_, text); }

  Analyzer analyzer_;
  Places places_;
};

// --- weekday and time-of-day words ------------------------------------------------------------------

TEST(WeekdayTest, FormsOfTirsdag) {
  for (const char* w : {"tirsdag", "tirsdagen", "tirsdage", "tirsdags", "tirsdagene"}) {
    EXPECT_EQ(Places::weekday_of(w), "tue") << w;
  }
}

TEST(WeekdayTest, EveryDay) {
  EXPECT_EQ(Places::weekday_of("mandag"), "mon");
  EXPECT_EQ(Places::weekday_of("onsdagen"), "wed");
  EXPECT_EQ(Places::weekday_of("torsdage"), "thu");
  EXPECT_EQ(Places::weekday_of("fredags"), "fri");
  EXPECT_EQ(Places::weekday_of("lørdag"), "sat");
  EXPECT_EQ(Places::weekday_of("søndagen"), "sun");
}

TEST(WeekdayTest, SpellingsWithoutDanishLetters) {
  // Typed without a Danish keyboard: ø as "oe" or as plain "o".
  EXPECT_EQ(Places::weekday_of("loerdag"), "sat");
  EXPECT_EQ(Places::weekday_of("lordag"), "sat");
  EXPECT_EQ(Places::weekday_of("lordagen"), "sat");
  EXPECT_EQ(Places::weekday_of("soendag"), "sun");
  EXPECT_EQ(Places::weekday_of("sondag"), "sun");
}

TEST(WeekdayTest, OtherWordsAreNoDays) {
  for (const char* w : {"", "dag", "tirs", "tirsdagsturen", "tirsdagx", "mandagsklub", "kaffe", "weekend"}) {
    EXPECT_EQ(Places::weekday_of(w), "") << w;
  }
}

TEST(TimeOfDayTest, Words) {
  EXPECT_EQ(Places::time_of_day_of("formiddag"), "morning");
  EXPECT_EQ(Places::time_of_day_of("morgenen"), "morning");
  EXPECT_EQ(Places::time_of_day_of("eftermiddagen"), "afternoon");
  EXPECT_EQ(Places::time_of_day_of("aften"), "evening");
  EXPECT_EQ(Places::time_of_day_of("aftnerne"), "evening");
  EXPECT_EQ(Places::time_of_day_of("kortaften"), "");
  EXPECT_EQ(Places::time_of_day_of(""), "");
}

// --- place names ------------------------------------------------------------------------------------

TEST_F(PlacesTest, FindsTownsAndMunicipalities) {
  const Place* holstebro = places_.find("holstebro");
  ASSERT_NE(holstebro, nullptr);
  EXPECT_THAT(holstebro->postcodes, Contains("7500"));
  EXPECT_THAT(holstebro->municipalities, Contains("0661"));
  const Place* struer = places_.find("struer");
  ASSERT_NE(struer, nullptr);
  EXPECT_THAT(struer->postcodes, Contains("7600"));
  EXPECT_EQ(places_.find("kaffe"), nullptr);
  EXPECT_EQ(places_.find(""), nullptr);
}

TEST_F(PlacesTest, AabenraaAndAabenraaAreOnePlace) {
  const Place* folded = places_.find("aabenraa");
  const Place* danish = places_.find("åbenrå");
  ASSERT_NE(folded, nullptr);
  ASSERT_EQ(folded, danish);
  EXPECT_THAT(folded->postcodes, Contains("6200"));
  EXPECT_THAT(folded->municipalities, Contains("0580"));
}

TEST_F(PlacesTest, MultiWordNames) {
  EXPECT_GE(places_.longest_name(), 2u);
  const Place* kbh = places_.find("københavn k");
  ASSERT_NE(kbh, nullptr);
  EXPECT_THAT(kbh->postcodes, Contains("1050"));
}

TEST_F(PlacesTest, ExceptionsAreNoPlaces) {
  // Give (7323) and Ringe are towns, but also ordinary words.
  EXPECT_EQ(places_.find("give"), nullptr);
  EXPECT_EQ(places_.find("ringe"), nullptr);
  EXPECT_EQ(places_.find("store"), nullptr);
}

TEST_F(PlacesTest, ExceptionsCanBeGiven) {
  const Places custom(t::geo(), analyzer_, "# comment\nHolstebro\n");
  EXPECT_EQ(custom.find("holstebro"), nullptr);
  EXPECT_NE(custom.find("give"), nullptr);  // not an exception here
  EXPECT_NE(custom.find("struer"), nullptr);
}

// --- parse_text ------------------------------------------------------------------------------------

TEST_F(PlacesTest, KaffeOgSnakIHolstebro) {
  const ParsedText p = parse("noget med kaffe og snak i holstebro");
  EXPECT_EQ(p.groups, (Groups{{"kaffe"}, {"snak"}}));
  EXPECT_THAT(p.postcodes, Contains("7500"));
  EXPECT_THAT(p.municipalities, Contains("0661"));
  EXPECT_THAT(p.days, IsEmpty());
  EXPECT_TRUE(p.has_preferences());
}

TEST_F(PlacesTest, SpilleKortOmTirsdagen) {
  const ParsedText p = parse("spille kort om tirsdagen");
  EXPECT_EQ(p.groups, (Groups{{"spille"}, {"kort"}}));
  EXPECT_THAT(p.days, ElementsAre("tue"));
  EXPECT_THAT(p.postcodes, IsEmpty());
  EXPECT_THAT(p.municipalities, IsEmpty());
}

TEST_F(PlacesTest, PlaceDayAndTimeTogether) {
  const ParsedText p = parse("Gåtur i Struer lørdag formiddag");
  EXPECT_EQ(p.groups, (Groups{{"gåtur"}}));
  EXPECT_THAT(p.postcodes, Contains("7600"));
  EXPECT_THAT(p.days, ElementsAre("sat"));
  EXPECT_THAT(p.times_of_day, ElementsAre("morning"));
}

TEST_F(PlacesTest, FoldedPlaceAndDayNames) {
  const ParsedText p = parse("petanque aabenraa lordag");
  EXPECT_EQ(p.groups, (Groups{{"petanque"}}));
  EXPECT_THAT(p.postcodes, Contains("6200"));
  EXPECT_THAT(p.days, ElementsAre("sat"));
}

TEST_F(PlacesTest, MultiWordPlaceNames) {
  const ParsedText p = parse("banko københavn k");
  EXPECT_EQ(p.groups, (Groups{{"banko"}}));
  EXPECT_THAT(p.postcodes, Contains("1050"));
}

TEST_F(PlacesTest, PlaceExceptionsStayWords) {
  const ParsedText p = parse("give kaffe");
  EXPECT_EQ(p.groups, (Groups{{"give"}, {"kaffe"}}));
  EXPECT_THAT(p.postcodes, Not(Contains("7323")));
  EXPECT_FALSE(p.has_preferences());
}

TEST_F(PlacesTest, HyphenatedWordsAreNeverPlacesOrDays) {
  const ParsedText p = parse("senior-gymnastik");
  EXPECT_EQ(p.groups, (Groups{{"senior", "gymnastik"}}));
  EXPECT_FALSE(p.has_preferences());
}

TEST_F(PlacesTest, OnlyStopwordsAreSearchedAfterAll) {
  EXPECT_EQ(parse("og").groups, (Groups{{"og"}}));
  // ...unless a place or day was named: then the stopwords go.
  const ParsedText p = parse("noget i holstebro");
  EXPECT_THAT(p.groups, IsEmpty());
  EXPECT_THAT(p.postcodes, Contains("7500"));
  EXPECT_THAT(parse("").groups, IsEmpty());
}

}  // namespace
}  // namespace portal::search
