// store::AssociationStore against a real PostgreSQL: the profile write with its change-log
// entry, an association's activities with freshness/review/source, the coordinator's overview
// (counts from last_confirmed_at and last_login_at set by SQL) and the reminder list.
#include "store/association_store.h"

#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/accounts.h"
#include "store/listing_store.h"
#include "tests/store/store_test_support.h"

namespace portal::store {
namespace {

using nlohmann::json;
using test_support::error_of;
using test_support::must;
using test_support::parser;

constexpr const char* kPassword = "korrekt-hest-batteri";

core::Association club(const std::string& id, const std::string& name, const std::string& email = {}) {
  json j = {{"id", id}, {"name", name}, {"municipality", "0661"}};
  if (!email.empty()) j["email"] = email;
  return must(parser().association(j));
}

core::Activity activity(const std::string& id, const std::string& association, const std::string& title) {
  return must(parser().activity(
      {{"id", id}, {"association", association}, {"title", title}, {"location", {{"postcode", "7500"}}}}));
}

class AssociationStoreTest : public test_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    listings_ = std::make_unique<ListingStore>(*pool_, parser());
    accounts_ = std::make_unique<AccountStore>(*pool_);
    store_ = std::make_unique<AssociationStore>(*pool_, parser());
    listings_->apply({{club("gaaklub", "Gåklubben", "gaa@example.dk"), club("bridge", "Bridgeklubben"),
                       club("strik", "Strikkecaféen")},
                      {activity("gaa-tirsdag", "gaaklub", "Tirsdagstur"), activity("gaa-fredag", "gaaklub", "Fredagstur"),
                       activity("gaa-soendag", "gaaklub", "Søndagstur"), activity("bridge-1", "bridge", "Bridge")}});
  }

  void TearDown() override {
    store_.reset();
    accounts_.reset();
    listings_.reset();
    StoreTest::TearDown();
  }

  OverviewQuery query(std::optional<int> inactive_days = std::nullopt) {
    return {std::chrono::system_clock::now(), core::FreshnessPolicy{}, inactive_days};
  }

  std::unique_ptr<ListingStore> listings_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<AssociationStore> store_;
};

TEST_F(AssociationStoreTest, ProfileWriteIsOneTransactionWithItsChangeLogEntry) {
  const auto before = listings_->latest_change();
  auto renamed = club("gaaklub", "Holstebro Gåklub", "ny@example.dk");
  EXPECT_EQ(store_->put_profile(renamed), WriteOutcome::updated);
  const auto changes = listings_->changes_after(before, 10);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].entity, "association");
  EXPECT_EQ(changes[0].entity_id, "gaaklub");
  EXPECT_EQ(changes[0].op, "upsert");
  const auto stored = store_->profile("gaaklub");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->association.name, "Holstebro Gåklub");
  EXPECT_EQ(stored->association.email, "ny@example.dk");
  EXPECT_FALSE(stored->review_required);
  EXPECT_EQ(sql("SELECT name FROM associations WHERE id = 'gaaklub'")[0][0].as<std::string>(), "Holstebro Gåklub");

  // The same again writes and logs nothing; the review flag changes without a log entry.
  EXPECT_EQ(store_->put_profile(renamed), WriteOutcome::unchanged);
  EXPECT_EQ(store_->put_profile(renamed, true), WriteOutcome::updated);
  EXPECT_TRUE(store_->profile("gaaklub")->review_required);
  EXPECT_EQ(store_->put_profile(renamed, std::nullopt), WriteOutcome::unchanged);
  EXPECT_TRUE(store_->profile("gaaklub")->review_required);
  EXPECT_EQ(listings_->changes_after(before, 10).size(), 1u);

  // Only stored associations are replaced.
  EXPECT_EQ(error_of([&] { store_->put_profile(club("ny-forening", "Ny")); }).code(), core::ErrorCode::not_found);
  EXPECT_FALSE(store_->profile("ny-forening"));
  EXPECT_EQ(listings_->changes_after(before, 10).size(), 1u);
}

TEST_F(AssociationStoreTest, ActivitiesCarryFreshnessReviewAndSourceOrderedByTitle) {
  sql("INSERT INTO sources (id, kind, association_id) VALUES ('ics:gaaklub', 'ics', 'gaaklub')");
  sql("UPDATE activities SET source_id = 'ics:gaaklub' WHERE id = 'gaa-fredag'");
  sql("UPDATE activities SET review_status = 'rejected', review_note = 'Tidspunktet mangler' WHERE id = 'gaa-soendag'");
  sql("UPDATE activities SET last_confirmed_at = '2026-05-01 10:00+02' WHERE id = 'gaa-tirsdag'");
  const auto records = store_->activities("gaaklub");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].activity.title, "Fredagstur");
  EXPECT_EQ(records[0].source, "ics:gaaklub");
  EXPECT_EQ(records[0].review_status, "public");
  EXPECT_EQ(records[1].activity.title, "Søndagstur");
  EXPECT_EQ(records[1].review_status, "rejected");
  EXPECT_EQ(records[1].review_note, "Tidspunktet mangler");
  EXPECT_EQ(records[1].source, "");
  EXPECT_EQ(records[2].activity.id, "gaa-tirsdag");
  EXPECT_EQ(core::format_date(records[2].last_confirmed), "2026-05-01");
  EXPECT_TRUE(store_->activities("findes-ikke").empty());
}

TEST_F(AssociationStoreTest, OverviewCountsStaleHiddenPendingAndLogins) {
  sql("UPDATE activities SET last_confirmed_at = now() - interval '200 days' WHERE id = 'gaa-tirsdag'");
  sql("UPDATE activities SET last_confirmed_at = now() - interval '300 days' WHERE id = 'gaa-fredag'");
  sql("UPDATE activities SET review_status = 'pending' WHERE id = 'gaa-soendag'");
  const int64_t recent = accounts_->create_account({"gaa-ny", Role::association, "gaaklub", kPassword, "", ""});
  accounts_->create_account({"gaa-gammel", Role::association, "gaaklub", kPassword, "", ""});
  accounts_->create_account({"bridge", Role::association, "bridge", kPassword, "", ""});
  accounts_->create_account({"koordinator", Role::coordinator, "", kPassword, "", ""});
  sql("UPDATE accounts SET last_login_at = now() - interval '2 days' WHERE username = 'gaa-ny'");
  sql("UPDATE accounts SET last_login_at = now() - interval '400 days' WHERE username = 'gaa-gammel'");
  sql("UPDATE accounts SET last_login_at = now() - interval '120 days' WHERE username = 'bridge'");

  const auto all = store_->overview(query());
  ASSERT_EQ(all.size(), 3u);  // by name: Bridgeklubben, Gåklubben, Strikkecaféen
  EXPECT_EQ(all[0].association.id, "bridge");
  const AssociationSummary& gaa = all[1];
  EXPECT_EQ(gaa.association.id, "gaaklub");
  EXPECT_EQ(gaa.association.email, "gaa@example.dk");
  EXPECT_EQ(gaa.activities, 3);
  EXPECT_EQ(gaa.stale, 1);
  EXPECT_EQ(gaa.hidden, 1);
  EXPECT_EQ(gaa.pending, 1);
  ASSERT_EQ(gaa.accounts.size(), 2u);
  EXPECT_EQ(gaa.accounts[0].username, "gaa-gammel");
  EXPECT_EQ(gaa.accounts[1].id, recent);
  ASSERT_TRUE(gaa.last_login);
  EXPECT_EQ(gaa.last_login, gaa.accounts[1].last_login);
  EXPECT_EQ(all[0].stale + all[0].hidden + all[0].pending, 0);
  EXPECT_EQ(all[2].activities, 0);
  EXPECT_TRUE(all[2].accounts.empty());
  EXPECT_FALSE(all[2].last_login);

  // Not logged in for 90 days: Bridgeklubben (120 days) and Strikkecaféen (no account).
  const auto inactive = store_->overview(query(90));
  ASSERT_EQ(inactive.size(), 2u);
  EXPECT_EQ(inactive[0].association.id, "bridge");
  EXPECT_EQ(inactive[1].association.id, "strik");
  EXPECT_EQ(store_->overview(query(150)).size(), 1u);

  // A stricter policy makes both old activities hidden.
  OverviewQuery strict = query();
  strict.policy = {30, 60};
  EXPECT_EQ(store_->overview(strict)[1].hidden, 2);
}

TEST_F(AssociationStoreTest, RemindersGoToStaleOrInactiveAssociations) {
  accounts_->create_account({"gaa", Role::association, "gaaklub", kPassword, "", ""});
  accounts_->create_account({"bridge", Role::association, "bridge", kPassword, "", ""});
  accounts_->create_account({"strik", Role::association, "strik", kPassword, "", ""});
  sql("UPDATE accounts SET last_login_at = now() - interval '1 day'");
  EXPECT_TRUE(store_->reminders(query()).empty());  // all fresh, all logged in lately

  sql("UPDATE activities SET last_confirmed_at = now() - interval '200 days' WHERE id = 'gaa-tirsdag'");
  sql("UPDATE accounts SET last_login_at = now() - interval '100 days' WHERE username = 'strik'");
  auto reminders = store_->reminders(query());  // default: 90 days
  ASSERT_EQ(reminders.size(), 2u);
  EXPECT_EQ(reminders[0].association.id, "gaaklub");
  EXPECT_EQ(reminders[0].stale, 1);
  EXPECT_EQ(reminders[1].association.id, "strik");
  reminders = store_->reminders(query(120));
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].association.id, "gaaklub");
}

}  // namespace
}  // namespace portal::store
