#include "search/request.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

SearchRequest parse(const SearchParams& params) {
  return parse_search_request(params, testing::vocabulary(), testing::geo());
}

// The core::Error thrown for `params`, checked to be invalid_parameter with a message.
core::Error rejection(const SearchParams& params) {
  try {
    parse(params);
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::invalid_parameter);
    EXPECT_STRNE(e.what(), "");
    return e;
  }
  ADD_FAILURE() << "no error thrown";
  return core::Error(core::ErrorCode::internal, "not thrown", "<none>");
}

std::string rejected_field(const SearchParams& params) { return rejection(params).field(); }

TEST(RequestTest, NoParametersGiveDefaults) {
  const SearchRequest r = parse({});
  EXPECT_EQ(r.q, "");
  EXPECT_THAT(r.interests, IsEmpty());
  EXPECT_THAT(r.targets, IsEmpty());
  EXPECT_THAT(r.transport, IsEmpty());
  EXPECT_THAT(r.accessibility, IsEmpty());
  EXPECT_THAT(r.municipalities, IsEmpty());
  EXPECT_FALSE(r.postcode);
  EXPECT_FALSE(r.centre);
  EXPECT_FALSE(r.radius_km);
  EXPECT_THAT(r.days, IsEmpty());
  EXPECT_THAT(r.times_of_day, IsEmpty());
  EXPECT_FALSE(r.free_only);
  EXPECT_EQ(r.sort, SortOrder::relevance);
  EXPECT_EQ(r.page, 1);
  EXPECT_EQ(r.per_page, 20);
}

TEST(RequestTest, AcceptsEveryValidParameter) {
  const SearchRequest r = parse({{"q", "gåtur ved åen"},
                                 {"interest", "walking,nature"},
                                 {"target", "seniors"},
                                 {"transport", "public_transport,pickup"},
                                 {"accessibility", "wheelchair"},
                                 {"municipality", "0661"},
                                 {"near", "56.36,8.62"},
                                 {"radius_km", "12.5"},
                                 {"day", "tue,thu"},
                                 {"time_of_day", "morning"},
                                 {"free", "true"},
                                 {"sort", "distance"},
                                 {"page", "2"},
                                 {"per_page", "50"}});
  EXPECT_EQ(r.q, "gåtur ved åen");
  EXPECT_THAT(r.interests, ElementsAre("walking", "nature"));
  EXPECT_THAT(r.targets, ElementsAre("seniors"));
  EXPECT_THAT(r.transport, ElementsAre("public_transport", "pickup"));
  EXPECT_THAT(r.accessibility, ElementsAre("wheelchair"));
  EXPECT_THAT(r.municipalities, ElementsAre("0661"));
  ASSERT_TRUE(r.centre);
  EXPECT_DOUBLE_EQ(r.centre->lat, 56.36);
  EXPECT_DOUBLE_EQ(r.centre->lon, 8.62);
  ASSERT_TRUE(r.radius_km);
  EXPECT_DOUBLE_EQ(*r.radius_km, 12.5);
  EXPECT_FALSE(r.postcode);
  EXPECT_THAT(r.days, ElementsAre("tue", "thu"));
  EXPECT_THAT(r.times_of_day, ElementsAre("morning"));
  EXPECT_TRUE(r.free_only);
  EXPECT_EQ(r.sort, SortOrder::distance);
  EXPECT_EQ(r.page, 2);
  EXPECT_EQ(r.per_page, 50);
}

TEST(RequestTest, QueryUpToTheLimitIsAccepted) {
  const std::string q(kMaxQueryBytes, 'a');
  EXPECT_EQ(parse({{"q", q}}).q, q);
}

TEST(RequestTest, QueryTooLongIsRejected) {
  EXPECT_EQ(rejected_field({{"q", std::string(kMaxQueryBytes + 1, 'a')}}), "q");
  // The limit is in bytes: 251 × "æ" is 502 bytes.
  std::string ae;
  for (int i = 0; i < 251; ++i) ae += "æ";
  EXPECT_EQ(rejected_field({{"q", ae}}), "q");
}

TEST(RequestTest, UnknownCodeIsRejectedWithItsParameterAsField) {
  EXPECT_EQ(rejected_field({{"interest", "walking,knitting"}}), "interest");
  EXPECT_EQ(rejected_field({{"target", "children"}}), "target");
  EXPECT_EQ(rejected_field({{"transport", "helicopter"}}), "transport");
  EXPECT_EQ(rejected_field({{"accessibility", "wheelchair,stairs"}}), "accessibility");
  EXPECT_EQ(rejected_field({{"time_of_day", "night"}}), "time_of_day");
  EXPECT_EQ(rejected_field({{"day", "monday"}}), "day");
  EXPECT_EQ(rejected_field({{"day", "tue,xyz"}}), "day");
}

TEST(RequestTest, CodesOfOneKindAreNotAcceptedAsAnother) {
  EXPECT_EQ(rejected_field({{"interest", "seniors"}}), "interest");  // a target group
  EXPECT_EQ(rejected_field({{"target", "walking"}}), "target");      // an interest
  EXPECT_EQ(rejected_field({{"transport", "wheelchair"}}), "transport");
}

TEST(RequestTest, CodesAreCaseSensitive) {
  EXPECT_EQ(rejected_field({{"interest", "Walking"}}), "interest");
  EXPECT_EQ(rejected_field({{"day", "TUE"}}), "day");
}

TEST(RequestTest, CommaListsAreTrimmedAndDeduplicated) {
  const SearchRequest r = parse({{"interest", " walking , nature,walking,, "},
                                 {"transport", "parking, parking"},
                                 {"day", "tue , tue,wed"},
                                 {"municipality", "0661, 0630 ,0661"}});
  EXPECT_THAT(r.interests, ElementsAre("walking", "nature"));
  EXPECT_THAT(r.transport, ElementsAre("parking"));
  EXPECT_THAT(r.days, ElementsAre("tue", "wed"));
  EXPECT_THAT(r.municipalities, ElementsAre("0661", "0630"));
}

TEST(RequestTest, EmptyListMeansNoFilter) {
  const SearchRequest r = parse({{"interest", ""}, {"transport", " , "}});
  EXPECT_THAT(r.interests, IsEmpty());
  EXPECT_THAT(r.transport, IsEmpty());
}

TEST(RequestTest, SplitListTrimsAndDropsEmptyItems) {
  EXPECT_THAT(split_list(" a, b ,,c ,a"), ElementsAre("a", "b", "c"));
  EXPECT_THAT(split_list(""), IsEmpty());
  EXPECT_THAT(split_list(","), IsEmpty());
  EXPECT_THAT(split_list("x y"), ElementsAre("x y"));
}

TEST(RequestTest, MunicipalityMustBeAKnownFourDigitCode) {
  EXPECT_THAT(parse({{"municipality", "0630"}}).municipalities, ElementsAre("0630"));
  EXPECT_EQ(rejected_field({{"municipality", "9999"}}), "municipality");  // unknown
  EXPECT_EQ(rejected_field({{"municipality", "661"}}), "municipality");   // three digits
  EXPECT_EQ(rejected_field({{"municipality", "06610"}}), "municipality");
  EXPECT_EQ(rejected_field({{"municipality", "Holstebro"}}), "municipality");
  EXPECT_EQ(rejected_field({{"municipality", "0661,abcd"}}), "municipality");
}

TEST(RequestTest, PostcodeGivesAreaAndCentre) {
  const SearchRequest r = parse({{"postcode", "7500"}});
  ASSERT_TRUE(r.postcode);
  EXPECT_EQ(*r.postcode, "7500");
  ASSERT_TRUE(r.centre);
  const core::Postcode* pc = testing::geo().postcode("7500");
  ASSERT_NE(pc, nullptr);
  EXPECT_DOUBLE_EQ(r.centre->lat, pc->coordinate.lat);
  EXPECT_DOUBLE_EQ(r.centre->lon, pc->coordinate.lon);
  EXPECT_FALSE(r.radius_km);
}

TEST(RequestTest, PostcodeWithRadiusKeepsRadius) {
  const SearchRequest r = parse({{"postcode", "7500"}, {"radius_km", "10"}});
  ASSERT_TRUE(r.radius_km);
  EXPECT_DOUBLE_EQ(*r.radius_km, 10.0);
  EXPECT_TRUE(r.centre);
}

TEST(RequestTest, PostcodeMustBeAKnownFourDigitCode) {
  EXPECT_EQ(rejected_field({{"postcode", "0000"}}), "postcode");  // well-formed, unknown
  EXPECT_EQ(rejected_field({{"postcode", "750"}}), "postcode");
  EXPECT_EQ(rejected_field({{"postcode", "75000"}}), "postcode");
  EXPECT_EQ(rejected_field({{"postcode", "75a0"}}), "postcode");
  EXPECT_EQ(rejected_field({{"postcode", ""}}), "postcode");
  EXPECT_EQ(rejected_field({{"postcode", "7500,7100"}}), "postcode");
}

TEST(RequestTest, NearIsParsed) {
  const SearchRequest r = parse({{"near", " 56.36 , +8.62 "}});
  ASSERT_TRUE(r.centre);
  EXPECT_DOUBLE_EQ(r.centre->lat, 56.36);
  EXPECT_DOUBLE_EQ(r.centre->lon, 8.62);
  EXPECT_FALSE(r.postcode);
  // The extremes are valid coordinates.
  EXPECT_TRUE(parse({{"near", "-90,-180"}}).centre);
  EXPECT_TRUE(parse({{"near", "90,180"}}).centre);
}

TEST(RequestTest, MalformedNearIsRejected) {
  for (const char* bad : {"56.36", "56.36,8.62,1", "abc,1", "1,abc", "90.1,8", "-90.5,8", "56,180.5",
                          "56,-181", "nan,inf", "nan,8", "56,inf", "", ",", "56.36,", ",8.62",
                          "56.36;8.62", "1e999,8", "0x10,8"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(rejected_field({{"near", bad}}), "near");
  }
}

TEST(RequestTest, NearAndPostcodeTogetherAreRejected) {
  EXPECT_EQ(rejected_field({{"near", "56.36,8.62"}, {"postcode", "7500"}}), "near");
}

TEST(RequestTest, RadiusNeedsAPlace) {
  EXPECT_EQ(rejected_field({{"radius_km", "10"}}), "radius_km");
  EXPECT_EQ(rejected_field({{"radius_km", "10"}, {"municipality", "0661"}}), "radius_km");
}

TEST(RequestTest, RadiusMustBeAboveZeroAndAtMost500) {
  const SearchParams near = {{"near", "56.36,8.62"}};
  auto with_radius = [&](const std::string& radius) {
    SearchParams p = near;
    p["radius_km"] = radius;
    return p;
  };
  EXPECT_DOUBLE_EQ(*parse(with_radius("500")).radius_km, 500.0);
  EXPECT_DOUBLE_EQ(*parse(with_radius("0.5")).radius_km, 0.5);
  for (const char* bad : {"0", "-1", "501", "500.01", "abc", "", "10km", "nan", "inf", "1,5"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(rejected_field(with_radius(bad)), "radius_km");
  }
}

TEST(RequestTest, FreeMustBeTrueOrFalse) {
  EXPECT_TRUE(parse({{"free", "true"}}).free_only);
  EXPECT_FALSE(parse({{"free", "false"}}).free_only);
  for (const char* bad : {"1", "yes", "TRUE", "ja", ""}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(rejected_field({{"free", bad}}), "free");
  }
}

TEST(RequestTest, SortValues) {
  EXPECT_EQ(parse({{"sort", "relevance"}}).sort, SortOrder::relevance);
  EXPECT_EQ(parse({{"sort", "next"}}).sort, SortOrder::next);
  EXPECT_EQ(parse({{"sort", "distance"}, {"postcode", "7500"}}).sort, SortOrder::distance);
  EXPECT_EQ(parse({{"sort", "distance"}, {"near", "56,9"}}).sort, SortOrder::distance);
  EXPECT_EQ(rejected_field({{"sort", "newest"}}), "sort");
  EXPECT_EQ(rejected_field({{"sort", "Distance"}, {"near", "56,9"}}), "sort");
  EXPECT_EQ(rejected_field({{"sort", ""}}), "sort");
}

TEST(RequestTest, SortByDistanceNeedsAPlace) {
  EXPECT_EQ(rejected_field({{"sort", "distance"}}), "sort");
  EXPECT_EQ(rejected_field({{"sort", "distance"}, {"municipality", "0661"}}), "sort");
}

TEST(RequestTest, PageMustBeAPositiveInteger) {
  EXPECT_EQ(parse({{"page", "3"}}).page, 3);
  for (const char* bad : {"0", "-1", "abc", "", "1.5", " 2", "99999999999"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(rejected_field({{"page", bad}}), "page");
  }
}

TEST(RequestTest, PerPageMustBeBetweenOneAndHundred) {
  EXPECT_EQ(parse({{"per_page", "1"}}).per_page, 1);
  EXPECT_EQ(parse({{"per_page", "100"}}).per_page, 100);
  for (const char* bad : {"0", "101", "-5", "abc", "", "20.0"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(rejected_field({{"per_page", bad}}), "per_page");
  }
}

TEST(RequestTest, ResultWindowIsLimited) {
  EXPECT_EQ(parse({{"page", "100"}, {"per_page", "100"}}).page, 100);  // exactly 10000
  EXPECT_EQ(parse({{"page", "500"}}).page, 500);                        // 500 × 20 = 10000
  EXPECT_EQ(rejected_field({{"page", "101"}, {"per_page", "100"}}), "page");
  EXPECT_EQ(rejected_field({{"page", "501"}}), "page");
  EXPECT_EQ(rejected_field({{"page", "2147483647"}, {"per_page", "100"}}), "page");
}

TEST(RequestTest, UnknownParametersAreIgnored) {
  const SearchRequest r = parse({{"utm_source", "kort"}, {"foo", "bar"}, {"interest", "walking"}});
  EXPECT_THAT(r.interests, ElementsAre("walking"));
}

TEST(RequestTest, ErrorMessagesAreForPeople) {
  const core::Error e = rejection({{"interest", "knitting"}});
  // The message names the bad code, so the person can correct it.
  EXPECT_THAT(e.what(), ::testing::HasSubstr("knitting"));
}

}  // namespace
}  // namespace portal::search
