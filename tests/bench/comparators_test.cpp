// The comparators' translation of a search request (unit, no database): query mix decoding,
// the PostgreSQL full-text SQL and the SphinxQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bench/comparators.h"
#include "bench/pg_fts.h"
#include "bench/sphinx.h"
#include "core/errors.h"

namespace portal::bench {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const core::Vocabulary& vocabulary() {
  static const auto v = core::Vocabulary::builtin();
  return v;
}
const core::Geo& geo() {
  static const auto g = core::Geo::builtin();
  return g;
}

search::SearchRequest request(std::string_view line) {
  return search::parse_search_request(decode_query_string(line), vocabulary(), geo());
}

TEST(DecodeQueryString, DecodesUtf8AndJoinsRepeatedKeys) {
  const auto p = decode_query_string("q=strikke%20caf%C3%A9+klub&interest=crafts&interest=music&page=2");
  EXPECT_EQ(p.at("q"), "strikke café klub");
  EXPECT_EQ(p.at("interest"), "crafts,music");
  EXPECT_EQ(p.at("page"), "2");
  EXPECT_THROW(decode_query_string("q=%C3%A"), std::invalid_argument);
}

TEST(LoadMix, ParsesEveryLineAndNamesABadOne) {
  const auto dir = std::filesystem::path(PORTAL_SOURCE_DIR) / "tests" / "bench" / "data";
  const auto mix = load_mix((dir / "dev-mix.txt").string(), vocabulary(), geo());
  ASSERT_EQ(mix.size(), 40u);
  EXPECT_EQ(mix[1].q, "strikke café");
  EXPECT_THAT(mix[6].transport, ElementsAre("public_transport", "parking"));
  const auto bad = std::filesystem::temp_directory_path() / "portal-bench-bad-mix.txt";
  {
    std::ofstream out(bad);
    out << "q=kaffe\nradius_km=5\n";
  }
  try {
    load_mix(bad.string(), vocabulary(), geo());
    ADD_FAILURE() << "a line without near/postcode but with radius_km must be rejected";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(":2: "));
  }
  std::filesystem::remove(bad);
}

TEST(FtsQuery, TextFiltersAndPagingBecomeOneParameterisedStatement) {
  const SqlQuery q = fts_query(request("q=g%C3%A5tur&interest=walking&interest=nature&transport=pickup&transport=parking"
                                       "&municipality=0661&day=tue&time_of_day=morning&free=true&page=3&per_page=10"));
  EXPECT_THAT(q.sql, HasSubstr("websearch_to_tsquery('danish', $1)"));
  EXPECT_EQ(q.params.at(0), "gåtur");
  EXPECT_THAT(q.sql, HasSubstr("tsv @@ query"));
  EXPECT_THAT(q.sql, HasSubstr("interests && $2::text[]"));
  EXPECT_EQ(q.params.at(1), R"({"walking","nature"})");
  EXPECT_THAT(q.sql, HasSubstr("transport @> $3::text[]"));
  EXPECT_THAT(q.sql, HasSubstr("municipality = ANY ($4::text[])"));
  EXPECT_THAT(q.sql, HasSubstr("day_times && $5::text[]"));
  EXPECT_EQ(q.params.at(4), R"({"tue:morning"})");
  EXPECT_THAT(q.sql, HasSubstr("AND free"));
  EXPECT_THAT(q.sql, HasSubstr("ORDER BY score DESC, id LIMIT 10 OFFSET 20"));
  EXPECT_EQ(q.params.size(), 5u);
  // The user's text is never part of the SQL.
  EXPECT_THAT(q.sql, Not(HasSubstr("gåtur")));
  // Total and all three facets over every match.
  EXPECT_THAT(q.sql, HasSubstr("SELECT 't', NULL, count(*) FROM m"));
  EXPECT_THAT(q.sql, HasSubstr("unnest(m.interests)"));
  EXPECT_THAT(q.sql, HasSubstr("unnest(m.transport)"));
  EXPECT_THAT(q.sql, HasSubstr("GROUP BY municipality"));
}

TEST(FtsQuery, RadiusFiltersByBoxAndDistanceAndSortsByDistance) {
  const SqlQuery q = fts_query(request("postcode=7500&radius_km=10&sort=distance"));
  EXPECT_THAT(q.sql, Not(HasSubstr("tsquery")));
  EXPECT_THAT(q.sql, HasSubstr("pt <@ box("));
  EXPECT_THAT(q.sql, HasSubstr("<= $7::float8"));
  EXPECT_EQ(q.params.at(6), "10");
  EXPECT_THAT(q.sql, Not(HasSubstr("postcode =")));  // with a radius the postcode is only the centre
  EXPECT_THAT(q.sql, HasSubstr("ORDER BY dist, id"));

  const SqlQuery area = fts_query(request("q=kor&postcode=7500"));
  EXPECT_THAT(area.sql, HasSubstr("postcode = $"));
  EXPECT_THAT(area.sql, HasSubstr("ORDER BY score DESC, id"));
}

TEST(SphinxQuery, TextFiltersFacetsAndMeta) {
  const std::string sql = sphinxql_query(
      request("q=g%C3%A5tur%20(%27hygge%27)&interest=walking&transport=pickup&transport=parking&municipality=0661"
              "&day=tue&free=true&page=2&per_page=10"),
      vocabulary());
  EXPECT_THAT(sql, HasSubstr("MATCH('gåtur   hygge  ')"));  // operators and quotes removed
  const auto& interests = vocabulary().codes(core::CodeKind::interest);
  const auto walking = std::find(interests.begin(), interests.end(), "walking") - interests.begin() + 1;
  EXPECT_THAT(sql, HasSubstr("interests IN (" + std::to_string(walking) + ")"));
  EXPECT_THAT(sql, HasSubstr("AND transport = "));
  EXPECT_EQ(sql.find("transport = ") != sql.rfind("transport = "), true);  // one condition per code: all of
  EXPECT_THAT(sql, HasSubstr("municipality IN (661)"));
  EXPECT_THAT(sql, HasSubstr("days IN (2)"));
  EXPECT_THAT(sql, HasSubstr("free = 1"));
  EXPECT_THAT(sql, HasSubstr("ORDER BY w DESC, id ASC LIMIT 10, 10"));
  EXPECT_THAT(sql, HasSubstr("ranker=bm25"));
  EXPECT_THAT(sql, HasSubstr("FACET interests"));
  EXPECT_THAT(sql, HasSubstr("FACET transport"));
  EXPECT_THAT(sql, HasSubstr("FACET municipality"));
  EXPECT_THAT(sql, HasSubstr("; SHOW META"));
}

TEST(SphinxQuery, DistanceInRadiansAndMetres) {
  const std::string sql = sphinxql_query(request("near=56.36,8.61&radius_km=5&day=tue&time_of_day=evening"), vocabulary());
  EXPECT_THAT(sql, Not(HasSubstr("MATCH")));
  EXPECT_THAT(sql, HasSubstr("GEODIST(lat, lon, 0.9836675"));
  EXPECT_THAT(sql, HasSubstr("d <= 5000"));
  EXPECT_THAT(sql, HasSubstr("day_times IN (23)"));
  EXPECT_THAT(sql, HasSubstr("ORDER BY d ASC, id ASC"));
}

}  // namespace
}  // namespace portal::bench
