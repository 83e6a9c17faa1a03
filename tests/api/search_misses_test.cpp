// api::SearchMissCounter without a server: only zero-result searches are counted, keyed by day,
// municipality and normalised query; CPR-shaped queries are never kept; the map is bounded; a
// failed flush keeps the counts for the next one.
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "api/search_misses.h"

namespace portal::api {
namespace {

const core::Geo& geo() {
  static const core::Geo g = core::Geo::builtin();
  return g;
}

search::SearchRequest text(const std::string& q) {
  search::SearchRequest r;
  r.q = q;
  return r;
}

TEST(SearchMissCounter, NormalisesTheQuery) {
  EXPECT_EQ(SearchMissCounter::query_of(text("  Mandegruppe   TRÆSLØJD ÅEN ")), "mandegruppe træsløjd åen");
  EXPECT_EQ(SearchMissCounter::query_of(text("ring 010170-1234")), "");
  search::SearchRequest interests;
  interests.interests = {"crafts", "music"};
  EXPECT_EQ(SearchMissCounter::query_of(interests), "crafts,music");
  EXPECT_EQ(SearchMissCounter::query_of(search::SearchRequest{}), "");
  EXPECT_LE(SearchMissCounter::query_of(text(std::string(150, 'a') + std::string(100, 'a'))).size(), 200u);
  const std::string cut = SearchMissCounter::query_of(text(std::string(199, 'a') + "ø"));
  EXPECT_EQ(cut, std::string(199, 'a'));  // never half a character
}

TEST(SearchMissCounter, CountsOnlyZeroResultSearchesPerDayAreaAndQuery) {
  std::vector<store::SearchMiss> written;
  SearchMissCounter counter(geo(), [&](const std::vector<store::SearchMiss>& m) {
    written.insert(written.end(), m.begin(), m.end());
  });
  search::SearchRequest vinderup = text("Strik");
  vinderup.postcode = "7830";
  counter.record(vinderup, 0, core::Date{100});
  counter.record(text("strik"), 0, core::Date{100});
  counter.record(vinderup, 0, core::Date{100});
  counter.record(vinderup, 3, core::Date{100});  // found something
  counter.record(vinderup, 0, core::Date{101});
  counter.flush();
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0].municipality, "");
  EXPECT_EQ(written[0].count, 1);
  EXPECT_EQ(written[1].municipality, "0661");
  EXPECT_EQ(written[1].query, "strik");
  EXPECT_EQ(written[1].count, 2);
  EXPECT_EQ(written[2].day.days, 101);
  written.clear();
  counter.flush();
  EXPECT_TRUE(written.empty());
}

TEST(SearchMissCounter, KeepsCountsWhenAFlushFailsAndStaysBounded) {
  bool fail = true;
  std::vector<store::SearchMiss> written;
  SearchMissCounter counter(geo(), [&](const std::vector<store::SearchMiss>& m) {
    if (fail) throw std::runtime_error("database down");
    written = m;
  });
  for (size_t i = 0; i < SearchMissCounter::kMaxKeys + 50; ++i) counter.record(text("q" + std::to_string(i)), 0, core::Date{1});
  counter.record(text("q0"), 0, core::Date{1});
  EXPECT_THROW(counter.flush(), std::runtime_error);
  fail = false;
  counter.flush();
  EXPECT_EQ(written.size(), SearchMissCounter::kMaxKeys);
  int64_t q0 = 0;
  for (const auto& m : written) {
    if (m.query == "q0") q0 = m.count;
  }
  EXPECT_EQ(q0, 2);
}

}  // namespace
}  // namespace portal::api
