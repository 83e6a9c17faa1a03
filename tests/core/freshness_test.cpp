#include "core/freshness.h"

#include <gtest/gtest.h>

namespace portal::core {
namespace {

Date day(int y, unsigned m, unsigned d) { return from_ymd({y, m, d}); }

TEST(FreshnessTest, StatesFollowThePeriods) {
  const FreshnessPolicy policy{180, 270};
  const Date confirmed = day(2026, 1, 10);
  EXPECT_EQ(freshness(confirmed, confirmed, policy).state, FreshnessState::fresh);
  EXPECT_EQ(freshness(confirmed, Date{confirmed.days + 179}, policy).state, FreshnessState::fresh);
  EXPECT_EQ(freshness(confirmed, Date{confirmed.days + 180}, policy).state, FreshnessState::stale);
  EXPECT_EQ(freshness(confirmed, Date{confirmed.days + 269}, policy).state, FreshnessState::stale);
  EXPECT_EQ(freshness(confirmed, Date{confirmed.days + 270}, policy).state, FreshnessState::hidden);
  const auto f = freshness(confirmed, confirmed, policy);
  EXPECT_EQ(format_date(f.stale_from), "2026-07-09");
  EXPECT_EQ(format_date(f.hidden_from), "2026-10-07");
}

TEST(FreshnessTest, HidingNeverComesBeforeStale) {
  const FreshnessPolicy policy{100, 30};
  const auto f = freshness(day(2026, 1, 1), day(2026, 2, 15), policy);
  EXPECT_EQ(f.state, FreshnessState::fresh);
  EXPECT_EQ(f.hidden_from, f.stale_from);
}

TEST(FreshnessTest, NamesAndDanishLabels) {
  EXPECT_EQ(to_string(FreshnessState::stale), "stale");
  EXPECT_EQ(to_string(FreshnessState::hidden), "hidden");
  EXPECT_EQ(label_da(FreshnessState::stale), "Bør bekræftes");
}

}  // namespace
}  // namespace portal::core
