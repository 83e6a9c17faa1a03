// store::CardStore against a real PostgreSQL: cards with audit rows, views per day, tags with
// team and municipality from the account, and nothing written when a reference is unknown.
#include "store/card_store.h"

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "tests/store/store_test_support.h"

namespace portal::store {
namespace {

using test_support::error_of;

class CardStoreTest : public test_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    accounts_ = std::make_unique<AccountStore>(*pool_);
    cards_ = std::make_unique<CardStore>(*pool_);
    accounts_->create_account({"dorte", Role::staff, "", "korrekt-hest-batteri", "Forebyggende besøg Nord", "0630"});
    staff_ = *accounts_->verify_login("dorte", "korrekt-hest-batteri");
  }
  void TearDown() override {
    cards_.reset();
    accounts_.reset();
    StoreTest::TearDown();
  }
  int count(const std::string& query) { return sql(query)[0][0].as<int>(); }

  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<CardStore> cards_;
  Account staff_;
};

TEST_F(CardStoreTest, CreateStoresTheCardWithTeamAndAnAuditRow) {
  const Card card = cards_->create_card(staff_, {{"a1", "a2"}, {{"q", "gåtur"}, {"postcode", "7500"}}});
  EXPECT_EQ(card.code.size(), 8u);
  const auto read = cards_->card(card.code);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->activity_ids, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(read->search, (nlohmann::json{{"q", "gåtur"}, {"postcode", "7500"}}));
  EXPECT_EQ(read->team, "Forebyggende besøg Nord");
  EXPECT_EQ(read->municipality, "0630");
  EXPECT_EQ(read->created, card.created);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'card.create' AND entity = 'card' AND entity_id = '" +
                  card.code + "' AND username = 'dorte'"),
            1);
  EXPECT_FALSE(cards_->card(card.code == "K7MXP4RT" ? "K7MXP4RA" : "K7MXP4RT"));
}

TEST_F(CardStoreTest, ViewsAreCountedPerDayWithAnUpsert) {
  const Card card = cards_->create_card(staff_, {{"a1"}, nlohmann::json::object()});
  EXPECT_TRUE(cards_->count_view(card.code));
  EXPECT_TRUE(cards_->count_view(card.code));
  EXPECT_TRUE(cards_->count_view(card.code));
  EXPECT_EQ(count("SELECT count(*) FROM card_views"), 1);
  EXPECT_EQ(count("SELECT views FROM card_views WHERE day = (now() AT TIME ZONE 'Europe/Copenhagen')::date"), 3);
  EXPECT_FALSE(cards_->count_view("K7MXP4RA" == card.code ? "K7MXP4RB" : "K7MXP4RA"));
  EXPECT_EQ(count("SELECT count(*) FROM card_views"), 1);
}

TEST_F(CardStoreTest, TagsTakeTeamAndMunicipalityFromTheAccount) {
  const Card card = cards_->create_card(staff_, {{"a1"}, nlohmann::json::object()});
  NewTag tag;
  tag.date = *core::parse_date("2026-11-20");
  tag.card_code = card.code;
  tag.card_given = true;
  tag.conversation = true;
  tag.interests = {"walking", "cards"};
  tag.postcode = "7100";
  const int64_t id = cards_->create_tag(staff_, tag);
  const auto row = sql("SELECT team, municipality, postcode, card_code, card_given, conversation, follow_up, "
                       "array_to_string(interests, ','), date::text FROM tags WHERE id = " + std::to_string(id));
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0][0].as<std::string>(), "Forebyggende besøg Nord");
  EXPECT_EQ(row[0][1].as<std::string>(), "0630");
  EXPECT_EQ(row[0][2].as<std::string>(), "7100");
  EXPECT_EQ(row[0][3].as<std::string>(), card.code);
  EXPECT_TRUE(row[0][4].as<bool>());
  EXPECT_TRUE(row[0][5].as<bool>());
  EXPECT_FALSE(row[0][6].as<bool>());
  EXPECT_EQ(row[0][7].as<std::string>(), "walking,cards");
  EXPECT_EQ(row[0][8].as<std::string>(), "2026-11-20");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'tag.create' AND entity_id = '" +
                  std::to_string(id) + "'"),
            1);
}

TEST_F(CardStoreTest, UnknownCardOrPostcodeWritesNothing) {
  NewTag tag;
  tag.date = *core::parse_date("2026-11-20");
  tag.card_code = "K7MXP4RT";
  auto e = error_of([&] { cards_->create_tag(staff_, tag); });
  EXPECT_EQ(e.code(), core::ErrorCode::invalid_parameter);
  EXPECT_EQ(e.field(), "card_code");
  tag.card_code.clear();
  tag.postcode = "0001";
  e = error_of([&] { cards_->create_tag(staff_, tag); });
  EXPECT_EQ(e.field(), "postcode");
  EXPECT_EQ(count("SELECT count(*) FROM tags"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 0);
}

}  // namespace
}  // namespace portal::store
