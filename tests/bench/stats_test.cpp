#include "bench/stats.h"

#include <gtest/gtest.h>

namespace portal::bench {
namespace {

TEST(StatsTest, NearestRankPercentiles) {
  std::vector<double> samples;
  for (int i = 100; i >= 1; --i) samples.push_back(i);  // unsorted on purpose
  const auto s = summarize(samples);
  EXPECT_EQ(s.count, 100u);
  EXPECT_DOUBLE_EQ(s.mean_ms, 50.5);
  EXPECT_DOUBLE_EQ(s.p50_ms, 50);
  EXPECT_DOUBLE_EQ(s.p95_ms, 95);
  EXPECT_DOUBLE_EQ(s.p99_ms, 99);
  EXPECT_DOUBLE_EQ(s.max_ms, 100);
}

TEST(StatsTest, SmallAndEmptySamples) {
  EXPECT_EQ(summarize({}).count, 0u);
  EXPECT_DOUBLE_EQ(summarize({}).p99_ms, 0);
  const auto one = summarize({7.5});
  EXPECT_DOUBLE_EQ(one.p50_ms, 7.5);
  EXPECT_DOUBLE_EQ(one.p99_ms, 7.5);
  const auto two = summarize({1, 3});
  EXPECT_DOUBLE_EQ(two.p50_ms, 1);
  EXPECT_DOUBLE_EQ(two.p95_ms, 3);
}

TEST(StatsTest, TableRowsLineUp) {
  const auto header = table_header();
  const auto row = table_row("write to searchable", summarize({1, 2, 3}));
  EXPECT_EQ(header.size(), row.size());
  EXPECT_NE(row.find("write to searchable"), std::string::npos);
}

}  // namespace
}  // namespace portal::bench
