// Follow-ups, referrals, screenings and statistics in PostgreSQL (docs/api-staff.md): the
// referral state machine, purge after the retention period, scope by account, audit rows in the
// write's transaction, grouping by month and team, and supply and demand per area.
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "store/accounts.h"
#include "store/followup_store.h"
#include "store/referral_store.h"
#include "store/stats_store.h"
#include "tests/store/store_test_support.h"

namespace portal::store {
namespace {

using test_support::error_of;
using test_support::StoreTest;

core::Date day(int year, unsigned month, unsigned d) { return core::from_ymd({year, month, d}); }

class StaffStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    accounts_ = std::make_unique<AccountStore>(*pool_);
    nord_ = account("nord", Role::staff, "Forebyggende besøg Nord", "0661");
    syd_ = account("syd", Role::staff, "Hjemmepleje Syd", "0661");
    vejle_ = account("vejle", Role::staff, "Vejle Team", "0630");
    coordinator_ = account("koordinator", Role::coordinator, "", "0661");
  }

  Account account(const std::string& name, Role role, const std::string& team, const std::string& municipality) {
    Account a;
    a.id = accounts_->create_account({name, role, "", "korrekt-hest-batteri", team, municipality});
    a.username = name;
    a.role = role;
    a.team = team;
    a.municipality = municipality;
    return a;
  }

  int64_t audit_rows(const std::string& action) {
    return sql("SELECT count(*) FROM audit_log WHERE action = '" + action + "'")[0][0].as<int64_t>();
  }

  std::unique_ptr<AccountStore> accounts_;
  Account nord_, syd_, vejle_, coordinator_;
};

TEST(ReferralStateMachine, AllowsOnlyTheSpecifiedMoves) {
  EXPECT_TRUE(referral_move_allowed("new", "contacted"));
  EXPECT_TRUE(referral_move_allowed("new", "matched"));
  EXPECT_TRUE(referral_move_allowed("new", "declined"));
  EXPECT_TRUE(referral_move_allowed("contacted", "matched"));
  EXPECT_TRUE(referral_move_allowed("contacted", "declined"));
  EXPECT_FALSE(referral_move_allowed("new", "new"));
  EXPECT_FALSE(referral_move_allowed("contacted", "new"));
  EXPECT_FALSE(referral_move_allowed("contacted", "contacted"));
  for (const char* to : {"new", "contacted", "matched", "declined"}) {
    EXPECT_FALSE(referral_move_allowed("matched", to)) << to;
    EXPECT_FALSE(referral_move_allowed("declined", to)) << to;
  }
}

TEST_F(StaffStoreTest, ReferralQueueMovesAndIsScopedToTheMunicipality) {
  ReferralStore referrals(*pool_);
  const int64_t a = referrals.create(nord_, {day(2026, 3, 2), "7830", {"walking", "social"}, {"pickup"}, true, "vil gerne gå"});
  const int64_t b = referrals.create(vejle_, {day(2026, 3, 3), "7100", {"music"}, {}, false, ""});
  EXPECT_EQ(audit_rows("referral.create"), 2);

  // Team and municipality come from the account.
  const auto row = sql("SELECT team, municipality FROM referrals WHERE id = " + std::to_string(a));
  EXPECT_EQ(row[0][0].as<std::string>(), "Forebyggende besøg Nord");
  EXPECT_EQ(row[0][1].as<std::string>(), "0661");

  auto queue = referrals.list(coordinator_, "new");
  ASSERT_EQ(queue.size(), 1u);  // Vejle's referral is not Holstebro's coordinator's
  EXPECT_EQ(queue[0].id, a);
  EXPECT_EQ(queue[0].interests, (std::vector<std::string>{"walking", "social"}));
  EXPECT_EQ(queue[0].transport, (std::vector<std::string>{"pickup"}));
  EXPECT_TRUE(queue[0].companion);
  EXPECT_EQ(referrals.list(vejle_, "").size(), 1u);
  EXPECT_EQ(referrals.list(syd_, "").size(), 0u);

  EXPECT_EQ(error_of([&] { referrals.update(coordinator_, b, "contacted", "", ""); }).code(), core::ErrorCode::not_found);
  EXPECT_EQ(referrals.update(coordinator_, a, "contacted", "", "").status, "contacted");
  const Referral matched = referrals.update(coordinator_, a, "matched", "", "besøgsven");
  EXPECT_EQ(matched.status, "matched");
  EXPECT_EQ(matched.matched_scheme, "besøgsven");
  EXPECT_EQ(error_of([&] { referrals.update(coordinator_, a, "declined", "", ""); }).code(), core::ErrorCode::conflict);
  EXPECT_EQ(error_of([&] { referrals.update(coordinator_, 999999, "declined", "", ""); }).code(),
            core::ErrorCode::not_found);
  EXPECT_EQ(audit_rows("referral.update"), 2);  // the refused moves wrote nothing
  EXPECT_TRUE(referrals.list(coordinator_, "new").empty());
  EXPECT_EQ(referrals.list(coordinator_, "matched").size(), 1u);
}

TEST_F(StaffStoreTest, FollowUpsAreTheCreatorsAndArePurgedAfterRetention) {
  FollowUpStore follow_ups(*pool_);
  const auto first = follow_ups.create(nord_, "tirs-blå-7", day(2026, 12, 30));
  const auto second = follow_ups.create(nord_, "ons-grøn-2", day(2026, 12, 1));
  const auto other = follow_ups.create(syd_, "fre-rød-1", day(2026, 12, 5));
  EXPECT_EQ(audit_rows("follow_up.create"), 3);

  auto open = follow_ups.list(nord_, false);
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, second.id);  // by due date
  EXPECT_EQ(follow_ups.list(coordinator_, false).size(), 3u);
  EXPECT_EQ(follow_ups.list(vejle_, false).size(), 0u);

  EXPECT_EQ(error_of([&] { follow_ups.complete(syd_, first.id, "went", ""); }).code(), core::ErrorCode::forbidden);
  EXPECT_EQ(error_of([&] { follow_ups.complete(nord_, 424242, "went", ""); }).code(), core::ErrorCode::not_found);
  EXPECT_EQ(error_of([&] { follow_ups.create(nord_, "x", day(2026, 12, 1), 999); }).field(), "tag_id");
  const auto done = follow_ups.complete(nord_, first.id, "barrier", "transport");
  EXPECT_EQ(done.outcome, "barrier");
  EXPECT_EQ(done.barrier, "transport");
  ASSERT_TRUE(done.completed.has_value());
  follow_ups.complete(syd_, other.id, "went", "");
  EXPECT_EQ(audit_rows("follow_up.complete"), 2);
  EXPECT_EQ(follow_ups.list(nord_, true).size(), 1u);

  // `first` completed 100 days ago, `other` 10 days ago, `second` still open.
  sql("UPDATE follow_ups SET completed_at = now() - interval '100 days' WHERE id = " + std::to_string(first.id));
  sql("UPDATE follow_ups SET completed_at = now() - interval '10 days' WHERE id = " + std::to_string(other.id));
  const auto now = std::chrono::system_clock::now();
  EXPECT_EQ(follow_ups.purge(now, std::chrono::hours(24 * 90)), 1);
  EXPECT_EQ(sql("SELECT count(*) FROM follow_ups WHERE id = " + std::to_string(first.id))[0][0].as<int>(), 0);
  EXPECT_EQ(follow_ups.purge(now, std::chrono::hours(24 * 90)), 0);
  EXPECT_EQ(follow_ups.purge(now, std::chrono::hours(24 * 5)), 1);  // a shorter retention takes `other` too
  EXPECT_EQ(follow_ups.list(nord_, false).size(), 1u);               // open ones are never purged
}

TEST_F(StaffStoreTest, StatsCountByPeriodMonthTeamAndMunicipality) {
  StatsStore stats(*pool_);
  ReferralStore referrals(*pool_);
  FollowUpStore follow_ups(*pool_);
  stats.add_screening(nord_, {day(2026, 1, 10), false, "", true});
  stats.add_screening(nord_, {day(2026, 1, 11), false, "", false});
  stats.add_screening(nord_, {day(2026, 2, 1), true, "dementia", false});
  stats.add_screening(syd_, {day(2026, 2, 2), false, "", true});
  stats.add_screening(vejle_, {day(2026, 2, 2), false, "", true});   // another municipality
  stats.add_screening(nord_, {day(2025, 12, 31), false, "", true});  // before the period
  EXPECT_EQ(audit_rows("screening.create"), 6);
  const auto excluded = sql("SELECT lonely IS NULL, exclusion_reason FROM screenings WHERE excluded");
  ASSERT_EQ(excluded.size(), 1u);
  EXPECT_TRUE(excluded[0][0].as<bool>());
  EXPECT_EQ(excluded[0][1].as<std::string>(), "dementia");

  const int64_t r = referrals.create(nord_, {day(2026, 2, 3), "", {}, {}, false, ""});
  referrals.create(syd_, {day(2026, 2, 4), "", {}, {}, false, ""});
  referrals.update(coordinator_, r, "matched", "", "besøgsven");
  follow_ups.create(nord_, "a", day(2026, 1, 20));
  sql("INSERT INTO tags (date, team, municipality, conversation) VALUES ('2026-01-05', 'Forebyggende besøg Nord', "
      "'0661', true), ('2026-02-05', 'Hjemmepleje Syd', '0661', false)");
  sql("INSERT INTO cards (code, team, municipality, created_at) VALUES ('ABCDEFGH', 'Forebyggende besøg Nord', '0661', "
      "'2026-02-10 12:00+01')");
  sql("INSERT INTO card_views (code, day, views) VALUES ('ABCDEFGH', '2026-02-11', 3), ('ABCDEFGH', '2026-03-01', 2)");

  const Stats s = stats.stats({day(2026, 1, 1), day(2026, 3, 31), "0661", ""});
  EXPECT_EQ(s.totals.screenings, 4);
  EXPECT_EQ(s.totals.answered, 3);
  EXPECT_EQ(s.totals.excluded, 1);
  EXPECT_EQ(s.totals.lonely, 2);
  EXPECT_EQ(s.totals.referrals, 2);
  EXPECT_EQ(s.totals.referrals_matched, 1);
  EXPECT_EQ(s.totals.follow_ups_due, 1);
  EXPECT_EQ(s.totals.tags, 2);
  EXPECT_EQ(s.totals.conversations, 1);
  EXPECT_EQ(s.totals.cards, 1);
  EXPECT_EQ(s.totals.card_views, 5);

  ASSERT_EQ(s.by_month.size(), 3u);  // every month of the period, empty ones too
  EXPECT_EQ(s.by_month[0].first, "2026-01");
  EXPECT_EQ(s.by_month[0].second.screenings, 2);
  EXPECT_EQ(s.by_month[0].second.tags, 1);
  EXPECT_EQ(s.by_month[1].first, "2026-02");
  EXPECT_EQ(s.by_month[1].second.screenings, 2);
  EXPECT_EQ(s.by_month[1].second.referrals, 2);
  EXPECT_EQ(s.by_month[1].second.card_views, 3);
  EXPECT_EQ(s.by_month[2].first, "2026-03");
  EXPECT_EQ(s.by_month[2].second.card_views, 2);
  EXPECT_EQ(s.by_month[2].second.screenings, 0);

  ASSERT_EQ(s.by_team.size(), 2u);
  EXPECT_EQ(s.by_team[0].first, "Forebyggende besøg Nord");
  EXPECT_EQ(s.by_team[0].second.screenings, 3);
  EXPECT_EQ(s.by_team[0].second.referrals_matched, 1);
  EXPECT_EQ(s.by_team[1].first, "Hjemmepleje Syd");
  EXPECT_EQ(s.by_team[1].second.screenings, 1);

  const Stats team = stats.stats({day(2026, 1, 1), day(2026, 3, 31), "0661", "Hjemmepleje Syd"});
  EXPECT_EQ(team.totals.screenings, 1);
  EXPECT_EQ(team.totals.referrals, 1);
  const Stats everywhere = stats.stats({day(2025, 1, 1), day(2026, 12, 31), "", ""});
  EXPECT_EQ(everywhere.totals.screenings, 6);
  EXPECT_EQ(everywhere.by_month.size(), 24u);
}

TEST_F(StaffStoreTest, SupplyDemandComparesAskedOfferedAndMisses) {
  StatsStore stats(*pool_);
  ReferralStore referrals(*pool_);
  sql("INSERT INTO tags (date, team, municipality, postcode, interests) VALUES "
      "('2026-03-01', 'Nord', '0661', '7830', '{walking,crafts}'), ('2026-03-02', 'Nord', '0661', '7830', '{crafts}')");
  referrals.create(nord_, {day(2026, 3, 3), "7830", {"crafts"}, {}, false, ""});
  // Walking offered in Vinderup; crafts only in Holstebro, about 13 km away; a pending one.
  sql("INSERT INTO associations (id, name, doc) VALUES ('forening', 'Forening', '{}')");
  sql("INSERT INTO activities (id, association_id, title, postcode, municipality, lat, lon, interests, doc, "
      "review_status) VALUES ('gaa', 'forening', 'Gåtur', '7830', '0661', 56.4743, 8.7959, '{walking}', '{}', 'public'), "
      "('strik', 'forening', 'Strik', '7500', '0661', 56.363, 8.6301, '{crafts}', '{}', 'public'), "
      "('ventende', 'forening', 'Gå', '7830', '0661', 56.4743, 8.7959, '{walking}', '{}', 'pending')");
  stats.add_search_misses({{day(2026, 3, 4), "0661", "crafts", 2}, {day(2026, 3, 5), "0661", "crafts", 1},
                           {day(2026, 3, 5), "0661", "music,crafts", 1}, {day(2026, 3, 5), "0630", "crafts", 7}});
  stats.add_search_misses({{day(2026, 3, 4), "0661", "crafts", 1}});  // added to the same day's row
  EXPECT_EQ(sql("SELECT count FROM search_misses WHERE day = '2026-03-04' AND query = 'crafts'")[0][0].as<int>(), 3);

  const auto rows = stats.supply_demand({day(2026, 1, 1), day(2026, 12, 31), "0661", ""});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].postcode, "7830");
  EXPECT_EQ(rows[0].name, "Vinderup");
  EXPECT_EQ(rows[0].interest, "crafts");
  EXPECT_EQ(rows[0].asked, 3);
  EXPECT_EQ(rows[0].offered, 0);
  EXPECT_EQ(rows[0].misses, 5);  // 3 + 1 + the combined query; not Vejle's
  EXPECT_EQ(rows[1].interest, "walking");
  EXPECT_EQ(rows[1].asked, 1);
  EXPECT_EQ(rows[1].offered, 1);
  EXPECT_TRUE(stats.supply_demand({day(2026, 1, 1), day(2026, 12, 31), "0630", ""}).empty());
}

}  // namespace
}  // namespace portal::store
