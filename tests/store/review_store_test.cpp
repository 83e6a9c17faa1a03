// store::ReviewStore and the freshness/review side of ListingStore against a real PostgreSQL:
// confirming, review before publishing, the pending and stale lists, and what the index reads.
#include "store/review_store.h"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "store/listing_store.h"
#include "store/migrations.h"
#include "tests/store/store_test_support.h"

namespace portal::store {
namespace {

using test_support::must;
using test_support::parser;

core::Activity activity(const std::string& id, const std::string& association, const std::string& title = "Gåtur") {
  return must(parser().activity(
      {{"id", id}, {"association", association}, {"title", title}, {"location", {{"postcode", "7500"}}}}));
}

core::Date today() { return core::copenhagen_time(std::chrono::system_clock::now()).date; }

template <typename Fn>
core::ErrorCode code_of(Fn&& call) {
  return test_support::error_of(std::forward<Fn>(call)).code();
}

using Mode = ListingStore::PutMode;

class ReviewStoreTest : public test_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    listings_ = std::make_unique<ListingStore>(*pool_, parser());
    review_ = std::make_unique<ReviewStore>(*pool_);
    listings_->apply({{must(parser().association({{"id", "gaaklub"}, {"name", "Gåklubben"}})),
                       must(parser().association({{"id", "bridgeklub"}, {"name", "Bridgeklubben"}}))},
                      {}});
  }

  void TearDown() override {
    review_.reset();
    listings_.reset();
    StoreTest::TearDown();
  }

  void confirmed_days_ago(const std::string& id, int days) {
    sql("UPDATE activities SET last_confirmed_at = now() - interval '" + std::to_string(days) +
        " days' WHERE id = '" + id + "'");
  }
  std::string status_of(const std::string& id) {
    return sql("SELECT review_status || ':' || review_note FROM activities WHERE id = '" + id + "'")[0][0]
        .as<std::string>();
  }
  int changes() { return sql("SELECT count(*) FROM change_log WHERE entity = 'activity'")[0][0].as<int>(); }

  std::unique_ptr<ListingStore> listings_;
  std::unique_ptr<ReviewStore> review_;
};

TEST_F(ReviewStoreTest, WritesAndConfirmSetLastConfirmedToToday) {
  listings_->put_activity(activity("tur", "gaaklub"), Mode::create, "gaaklub");
  EXPECT_EQ(listings_->activity("tur")->last_confirmed, today());

  confirmed_days_ago("tur", 200);
  EXPECT_EQ(listings_->activity("tur")->last_confirmed, core::Date{today().days - 200});
  const int before = changes();
  EXPECT_EQ(review_->confirm("tur", "gaaklub"), today());
  EXPECT_EQ(listings_->activity("tur")->last_confirmed, today());
  EXPECT_EQ(changes(), before + 1);

  // An unchanged edit confirms too, and tells the index.
  confirmed_days_ago("tur", 200);
  EXPECT_EQ(listings_->put_activity(activity("tur", "gaaklub"), Mode::replace, "gaaklub"), WriteOutcome::unchanged);
  EXPECT_EQ(listings_->activity("tur")->last_confirmed, today());
  EXPECT_EQ(changes(), before + 2);
}

TEST_F(ReviewStoreTest, ConfirmChecksOwnerAndExistenceAndWritesNothingThen) {
  listings_->put_activity(activity("tur", "gaaklub"), Mode::create);
  confirmed_days_ago("tur", 200);
  const int before = changes();
  EXPECT_EQ(code_of([&] { review_->confirm("tur", "bridgeklub"); }), core::ErrorCode::forbidden);
  EXPECT_EQ(code_of([&] { review_->confirm("findes-ikke", "gaaklub"); }), core::ErrorCode::not_found);
  EXPECT_EQ(code_of([&] { review_->confirm("findes-ikke"); }), core::ErrorCode::not_found);
  EXPECT_EQ(listings_->activity("tur")->last_confirmed, core::Date{today().days - 200});
  EXPECT_EQ(changes(), before);
  // A coordinator (no owner) may confirm any.
  EXPECT_EQ(review_->confirm("tur"), today());
}

TEST_F(ReviewStoreTest, ReviewRequiredHoldsEditorWritesButNotCoordinatorWrites) {
  EXPECT_FALSE(review_->set_review_required("findes-ikke", true));
  ASSERT_TRUE(review_->set_review_required("gaaklub", true));

  EXPECT_TRUE(listings_->put(activity("tur", "gaaklub"), Mode::create, "gaaklub").pending);
  EXPECT_EQ(status_of("tur"), "pending:");
  EXPECT_FALSE(listings_->put(activity("klub", "gaaklub"), Mode::create).pending);  // coordinator
  EXPECT_EQ(status_of("klub"), "public:");
  EXPECT_FALSE(listings_->put(activity("bridge", "bridgeklub"), Mode::create, "bridgeklub").pending);

  // The index reads only public activities.
  std::vector<std::string> indexed;
  for (const auto& a : listings_->snapshot().activities) indexed.push_back(a.id);
  EXPECT_EQ(indexed, (std::vector<std::string>{"bridge", "klub"}));
  EXPECT_EQ(listings_->searchable_activities({"tur", "klub"}).size(), 1u);
  EXPECT_EQ(listings_->activities({"tur", "klub"}).size(), 2u);
  for (const auto& a : listings_->snapshot().activities) EXPECT_EQ(a.last_confirmed, today());

  // Pending list, oldest first, with association and submission time.
  sql("UPDATE activities SET last_confirmed_at = now() - interval '1 hour' WHERE id = 'tur'");
  EXPECT_TRUE(listings_->put(activity("senere", "gaaklub"), Mode::create, "gaaklub").pending);
  const auto pending = review_->pending();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].activity.at("id"), "tur");
  EXPECT_EQ(pending[0].association_name, "Gåklubben");
  EXPECT_EQ(pending[0].submitted_at.size(), 20u);
  EXPECT_EQ(pending[1].activity.at("id"), "senere");

  // Approve → public; reject → rejected with the note; both are logged for the index.
  const int before = changes();
  review_->approve("tur");
  EXPECT_EQ(status_of("tur"), "public:");
  review_->reject("senere", "Tidspunktet mangler");
  EXPECT_EQ(status_of("senere"), "rejected:Tidspunktet mangler");
  const auto seen = review_->review("senere");
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->status + ":" + seen->note, "rejected:Tidspunktet mangler");
  EXPECT_FALSE(review_->review("findes-ikke"));
  EXPECT_EQ(changes(), before + 2);
  EXPECT_TRUE(review_->pending().empty());
  EXPECT_EQ(code_of([&] { review_->approve("findes-ikke"); }), core::ErrorCode::not_found);

  // Editing a rejected activity sends it to review again and clears the note.
  EXPECT_TRUE(listings_->put(activity("senere", "gaaklub", "Ny titel"), Mode::replace, "gaaklub").pending);
  EXPECT_EQ(status_of("senere"), "pending:");
  // Without review_required the editor's write is public at once.
  ASSERT_TRUE(review_->set_review_required("gaaklub", false));
  EXPECT_FALSE(listings_->put(activity("senere", "gaaklub"), Mode::replace, "gaaklub").pending);
  EXPECT_EQ(status_of("senere"), "public:");
}

TEST_F(ReviewStoreTest, StaleListHoldsStaleAndHiddenPublicActivitiesOldestFirst) {
  for (const char* id : {"frisk", "gammel", "aeldst", "graense", "ventende"}) {
    listings_->put_activity(activity(id, "gaaklub", std::string("Tur ") + id), Mode::create);
  }
  confirmed_days_ago("frisk", 10);
  confirmed_days_ago("graense", 180);  // the first stale day
  confirmed_days_ago("gammel", 200);
  confirmed_days_ago("aeldst", 300);
  sql("UPDATE activities SET review_status = 'pending' WHERE id = 'ventende'");
  confirmed_days_ago("ventende", 300);

  const core::FreshnessPolicy policy;  // 180 / 270
  const auto stale = review_->stale(today(), policy);
  std::vector<std::string> ids;
  for (const auto& a : stale) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"aeldst", "gammel", "graense"}));
  ASSERT_FALSE(stale.empty());
  EXPECT_EQ(stale[0].title, "Tur aeldst");
  EXPECT_EQ(stale[0].association_name, "Gåklubben");
  EXPECT_EQ(stale[0].last_confirmed, core::Date{today().days - 300});
  EXPECT_EQ(core::freshness(stale[0].last_confirmed, today(), policy).state, core::FreshnessState::hidden);
  EXPECT_EQ(core::freshness(stale[2].last_confirmed, today(), policy).state, core::FreshnessState::stale);

  // Shorter periods: more is stale.
  EXPECT_EQ(review_->stale(today(), {5, 250}).size(), 4u);
}

}  // namespace
}  // namespace portal::store
