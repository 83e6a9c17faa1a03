// store::AccountStore against a real PostgreSQL: Argon2id hashing, login, sessions, and the
// ownership rules of ListingStore::put_activity/delete_activity that the write API relies on.
#include "store/accounts.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <memory>
#include <string>
#include <iostream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "store/listing_store.h"
#include "tests/store/store_test_support.h"

namespace portal::store {
namespace {

using nlohmann::json;

using test_support::error_of;
using test_support::must;
using test_support::parser;

core::Activity activity(const std::string& id, const std::string& association) {
  return must(parser().activity({{"id", id},
                                 {"association", association},
                                 {"title", "Gåtur"},
                                 {"location", {{"postcode", "7500"}}}}));
}

constexpr const char* kPassword = "korrekt-hest-batteri";

class AccountStoreTest : public test_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    listings_ = std::make_unique<ListingStore>(*pool_, parser());
    accounts_ = std::make_unique<AccountStore>(*pool_);
    listings_->apply({{must(parser().association({{"id", "gaaklub"}, {"name", "Gåklubben"}})),
                       must(parser().association({{"id", "bridgeklub"}, {"name", "Bridgeklubben"}}))},
                      {}});
  }

  void TearDown() override {
    accounts_.reset();
    listings_.reset();
    StoreTest::TearDown();
  }

  void expect_error(core::ErrorCode code, const std::string& field, const NewAccount& a) {
    try {
      accounts_->create_account(a);
      ADD_FAILURE() << "expected core::Error for " << a.username;
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_EQ(e.field(), field) << e.what();
    }
  }

  std::unique_ptr<ListingStore> listings_;
  std::unique_ptr<AccountStore> accounts_;
};

TEST_F(AccountStoreTest, PasswordsAreStoredAsArgon2idOnly) {
  accounts_->create_account({"anna", Role::association, "gaaklub", kPassword, "", ""});
  const auto rows = sql("SELECT password_hash, role, association_id FROM accounts");
  ASSERT_EQ(rows.size(), 1u);
  const std::string hash = rows[0][0].as<std::string>();
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find(kPassword), std::string::npos);
  EXPECT_EQ(rows[0][1].as<std::string>(), "association");
  EXPECT_EQ(rows[0][2].as<std::string>(), "gaaklub");
  // Two hashes of one password differ (random salt).
  EXPECT_NE(hash_password(kPassword), hash_password(kPassword));
}

TEST_F(AccountStoreTest, LoginChecksThePasswordAndIgnoresUsernameCase) {
  const int64_t id = accounts_->create_account({"Anna", Role::association, "gaaklub", kPassword, "", ""});
  const auto ok = accounts_->verify_login("anna", kPassword);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->id, id);
  EXPECT_EQ(ok->role, Role::association);
  EXPECT_EQ(ok->association_id, "gaaklub");
  EXPECT_FALSE(sql("SELECT last_login_at FROM accounts")[0][0].is_null());

  EXPECT_FALSE(accounts_->verify_login("anna", "forkert-adgangskode"));
  EXPECT_FALSE(accounts_->verify_login("anna", ""));
  EXPECT_FALSE(accounts_->verify_login("ukendt", kPassword));
}

TEST_F(AccountStoreTest, UnknownUserCostsAsMuchAsAWrongPassword) {
  accounts_->create_account({"anna", Role::staff, "", kPassword, "", ""});
  accounts_->verify_login("ukendt", "x");  // warms up the dummy hash
  // This thread's CPU time, where Argon2id runs: unlike wall time it does not depend on what
  // else the machine is doing (the wall-time version failed while a benchmark ran alongside).
  auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  };
  auto time = [&](const std::string& user) {
    const double start = cpu_seconds();
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(accounts_->verify_login(user, "forkert-adgangskode"));
    return cpu_seconds() - start;
  };
  const double wrong = time("anna");
  const double unknown = time("ukendt");
  std::cout << "3 logins, CPU time: wrong password " << wrong << " s, unknown user " << unknown << " s\n";
  // Both run one Argon2id verification; without the dummy hash the unknown user would take ~0 s.
  EXPECT_GT(unknown, wrong * 0.5);
  EXPECT_LT(unknown, wrong * 2.0);
}

TEST_F(AccountStoreTest, CreateAccountValidates) {
  expect_error(core::ErrorCode::invalid_parameter, "password", {"anna", Role::staff, "", "kort", "", ""});
  expect_error(core::ErrorCode::invalid_parameter, "association", {"anna", Role::association, "", kPassword, "", ""});
  expect_error(core::ErrorCode::invalid_parameter, "association", {"anna", Role::association, "findes-ikke", kPassword, "", ""});
  expect_error(core::ErrorCode::invalid_parameter, "association", {"anna", Role::staff, "gaaklub", kPassword, "", ""});
  expect_error(core::ErrorCode::invalid_parameter, "username", {"an na", Role::staff, "", kPassword, "", ""});
  accounts_->create_account({"anna", Role::staff, "", kPassword, "", ""});
  expect_error(core::ErrorCode::conflict, "username", {"ANNA", Role::coordinator, "", kPassword, "", ""});
  EXPECT_EQ(sql("SELECT count(*) FROM accounts")[0][0].as<int>(), 1);
  EXPECT_EQ(parse_role("coordinator"), Role::coordinator);
  EXPECT_EQ(parse_role("admin"), std::nullopt);
}

TEST_F(AccountStoreTest, StaffAccountsCarryTeamAndMunicipality) {
  accounts_->create_account({"dorte", Role::staff, "", kPassword, "Forebyggende besøg Nord", "0630"});
  const auto login = accounts_->verify_login("dorte", kPassword);
  ASSERT_TRUE(login);
  EXPECT_EQ(login->team, "Forebyggende besøg Nord");
  EXPECT_EQ(login->municipality, "0630");
  const auto session = accounts_->login("dorte", kPassword);
  ASSERT_TRUE(session);
  const auto again = accounts_->session_account(session->token);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->team, "Forebyggende besøg Nord");
  EXPECT_EQ(again->municipality, "0630");
  EXPECT_EQ(accounts_->accounts().at(0).account.municipality, "0630");

  expect_error(core::ErrorCode::invalid_parameter, "municipality", {"eva", Role::staff, "", kPassword, "", "9999"});
  expect_error(core::ErrorCode::invalid_parameter, "municipality", {"eva", Role::staff, "", kPassword, "", "63O"});
  expect_error(core::ErrorCode::invalid_parameter, "team",
               {"eva", Role::staff, "", kPassword, std::string(101, 'x'), ""});
  expect_error(core::ErrorCode::invalid_parameter, "team", {"eva", Role::staff, "", kPassword, "Nord\n", ""});
  expect_error(core::ErrorCode::invalid_parameter, "team", {"eva", Role::staff, "", kPassword, "010170-1234", ""});
  expect_error(core::ErrorCode::invalid_parameter, "team",
               {"eva", Role::association, "gaaklub", kPassword, "Nord", ""});
  EXPECT_EQ(sql("SELECT count(*) FROM accounts")[0][0].as<int>(), 1);
}

TEST_F(AccountStoreTest, SessionsStoreOnlyTheTokenHash) {
  accounts_->create_account({"anna", Role::coordinator, "", kPassword, "", ""});
  const auto session = accounts_->login("anna", kPassword);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->token.size(), 43u);  // 32 bytes, base64url without padding
  EXPECT_EQ(session->token.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  const auto lifetime = session->expires_at - std::chrono::system_clock::now();
  EXPECT_GT(lifetime, std::chrono::hours(11));
  EXPECT_LE(lifetime, std::chrono::hours(12));

  const auto rows = sql("SELECT encode(token_hash, 'hex'), encode(token_hash, 'escape') FROM sessions");
  ASSERT_EQ(rows.size(), 1u);
  const std::string hex = rows[0][0].as<std::string>();
  EXPECT_EQ(hex.size(), 64u);
  EXPECT_EQ(rows[0][1].as<std::string>().find(session->token), std::string::npos);
  // The stored value is SHA-256 of the token, not the token.
  std::string expected_hex;
  for (const unsigned char c : token_hash(session->token)) {
    static const char* digits = "0123456789abcdef";
    expected_hex += digits[c >> 4];
    expected_hex += digits[c & 15];
  }
  EXPECT_EQ(hex, expected_hex);
  EXPECT_EQ(sql("SELECT count(*) FROM sessions s, accounts a WHERE position(convert_to('" + session->token +
                "', 'UTF8') in s.token_hash) > 0 OR a.password_hash LIKE '%" + session->token + "%'")[0][0]
                .as<int>(),
            0);

  const auto account = accounts_->session_account(session->token);
  ASSERT_TRUE(account);
  EXPECT_EQ(account->username, "anna");
  EXPECT_EQ(account->role, Role::coordinator);
  EXPECT_FALSE(accounts_->session_account(session->token + "x"));
  EXPECT_FALSE(accounts_->session_account(""));

  EXPECT_TRUE(accounts_->delete_session(session->token));
  EXPECT_FALSE(accounts_->session_account(session->token));
  EXPECT_FALSE(accounts_->delete_session(session->token));
}

TEST_F(AccountStoreTest, ExpiredSessionsAreRejected) {
  accounts_->create_account({"anna", Role::staff, "", kPassword, "", ""});
  const auto session = accounts_->login("anna", kPassword);
  ASSERT_TRUE(session);
  ASSERT_TRUE(accounts_->session_account(session->token));
  sql("UPDATE sessions SET expires_at = now() - interval '1 second'");
  EXPECT_FALSE(accounts_->session_account(session->token));

  AccountStore short_lived(*pool_, std::chrono::seconds(1));
  const auto brief = short_lived.login("anna", kPassword);
  ASSERT_TRUE(brief);
  EXPECT_TRUE(short_lived.session_account(brief->token));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  EXPECT_FALSE(short_lived.session_account(brief->token));
}

TEST_F(AccountStoreTest, DisabledAccountsCannotLogInAndLoseTheirSessions) {
  accounts_->create_account({"anna", Role::staff, "", kPassword, "", ""});
  const auto session = accounts_->login("anna", kPassword);
  ASSERT_TRUE(session);
  ASSERT_TRUE(accounts_->set_disabled("ANNA", true));
  EXPECT_FALSE(accounts_->verify_login("anna", kPassword));
  EXPECT_FALSE(accounts_->session_account(session->token));
  ASSERT_TRUE(accounts_->set_disabled("anna", false));
  EXPECT_TRUE(accounts_->session_account(session->token));
  EXPECT_FALSE(accounts_->set_disabled("ukendt", true));
}

TEST_F(AccountStoreTest, PutActivityEnforcesModeAndOwner) {
  using Mode = ListingStore::PutMode;
  auto code_of = [](auto&& call) { return error_of(call).code(); };
  EXPECT_EQ(listings_->put_activity(activity("tur", "gaaklub"), Mode::create, "gaaklub"), WriteOutcome::created);
  EXPECT_EQ(code_of([&] { listings_->put_activity(activity("tur", "gaaklub"), Mode::create, "gaaklub"); }),
            core::ErrorCode::conflict);
  EXPECT_EQ(code_of([&] { listings_->put_activity(activity("ny", "gaaklub"), Mode::replace, "gaaklub"); }),
            core::ErrorCode::not_found);
  // Another association can neither replace nor take over nor delete it.
  EXPECT_EQ(code_of([&] { listings_->put_activity(activity("tur", "bridgeklub"), Mode::replace, "bridgeklub"); }),
            core::ErrorCode::forbidden);
  EXPECT_EQ(code_of([&] { listings_->delete_activity("tur", "bridgeklub"); }), core::ErrorCode::forbidden);
  EXPECT_EQ(listings_->activity("tur")->association, "gaaklub");
  // A coordinator (no owner) may move it.
  EXPECT_EQ(listings_->put_activity(activity("tur", "bridgeklub"), Mode::replace), WriteOutcome::updated);
  EXPECT_EQ(code_of([&] { listings_->put_activity(activity("x", "findes-ikke"), Mode::create); }),
            core::ErrorCode::invalid_body);
  EXPECT_TRUE(listings_->delete_activity("tur", "bridgeklub"));
  EXPECT_FALSE(listings_->delete_activity("tur"));
  // Each change wrote one change-log entry: create, update, delete.
  EXPECT_EQ(sql("SELECT count(*) FROM change_log WHERE entity = 'activity'")[0][0].as<int>(), 3);
}

TEST_F(AccountStoreTest, DisableByIdStopsSessionsAndListsAccounts) {
  const int64_t anna = accounts_->create_account({"Anna", Role::association, "gaaklub", kPassword, "", ""});
  const int64_t bo = accounts_->create_account({"bo", Role::coordinator, "", kPassword, "", ""});
  const auto session = accounts_->login("anna", kPassword);
  ASSERT_TRUE(session);
  const auto full = accounts_->session(session->token);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->account.id, anna);
  EXPECT_EQ(full->expires_at, session->expires_at);

  ASSERT_TRUE(accounts_->set_disabled(anna, true));
  EXPECT_FALSE(accounts_->session_account(session->token));
  EXPECT_FALSE(accounts_->session(session->token));
  EXPECT_FALSE(accounts_->set_disabled(int64_t{999999}, true));

  const auto list = accounts_->accounts();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].account.username, "Anna");  // by username, any case
  EXPECT_EQ(list[0].account.association_id, "gaaklub");
  EXPECT_TRUE(list[0].disabled);
  ASSERT_TRUE(list[0].last_login);
  EXPECT_LT(std::chrono::abs(*list[0].last_login - std::chrono::system_clock::now()), std::chrono::minutes(1));
  EXPECT_EQ(list[1].account.id, bo);
  EXPECT_FALSE(list[1].disabled);
  EXPECT_FALSE(list[1].last_login);

  ASSERT_TRUE(accounts_->set_disabled(anna, false));
  EXPECT_TRUE(accounts_->session_account(session->token));
}

TEST_F(AccountStoreTest, InvitationIsOneTimeAndStoresOnlyItsHash) {
  const auto before = std::chrono::system_clock::now();
  const Invitation invitation = accounts_->create_invitation("gaaklub", 0);
  EXPECT_EQ(invitation.token.size(), 43u);  // 32 bytes, base64url without padding
  EXPECT_NEAR(std::chrono::duration<double>(invitation.expires_at - before).count(),
              std::chrono::duration<double>(kInvitationLifetime).count(), 60);
  const auto rows = sql("SELECT token_hash, association_id, used_at FROM invitations");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(pqxx::binarystring(rows[0][0]).str(), token_hash(invitation.token));
  EXPECT_TRUE(rows[0][2].is_null());

  const auto info = accounts_->invitation(invitation.token);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->association_id, "gaaklub");
  EXPECT_EQ(info->association_name, "Gåklubben");
  EXPECT_EQ(info->expires_at, invitation.expires_at);

  const Session session = accounts_->accept_invitation(invitation.token, "gaa-formand", kPassword);
  EXPECT_EQ(session.account.role, Role::association);
  EXPECT_EQ(session.account.association_id, "gaaklub");
  const auto account = accounts_->session_account(session.token);
  ASSERT_TRUE(account);
  EXPECT_EQ(account->username, "gaa-formand");
  EXPECT_TRUE(accounts_->login("gaa-formand", kPassword));
  EXPECT_EQ(sql("SELECT count(*) FROM invitations WHERE used_at IS NOT NULL AND account_id = " +
                std::to_string(account->id))[0][0].as<int>(), 1);

  // Used up: neither shown nor accepted again.
  EXPECT_FALSE(accounts_->invitation(invitation.token));
  EXPECT_EQ(error_of([&] { accounts_->accept_invitation(invitation.token, "en-anden", kPassword); }).code(),
            core::ErrorCode::not_found);
  EXPECT_EQ(sql("SELECT count(*) FROM accounts")[0][0].as<int>(), 1);
}

TEST_F(AccountStoreTest, ExpiredOrUnknownInvitationsAreNotFound) {
  const Invitation invitation = accounts_->create_invitation("bridgeklub", 0);
  sql("UPDATE invitations SET expires_at = now() - interval '1 second'");
  EXPECT_FALSE(accounts_->invitation(invitation.token));
  const core::Error expired = error_of([&] { accounts_->accept_invitation(invitation.token, "bridge", kPassword); });
  EXPECT_EQ(expired.code(), core::ErrorCode::not_found);
  const core::Error unknown = error_of([&] { accounts_->accept_invitation("ukendt-token", "bridge", kPassword); });
  EXPECT_EQ(unknown.code(), core::ErrorCode::not_found);
  EXPECT_STREQ(unknown.what(), expired.what());  // one message for unknown, used and expired
  EXPECT_FALSE(accounts_->invitation(""));
  EXPECT_EQ(sql("SELECT count(*) FROM accounts")[0][0].as<int>(), 0);

  const core::Error no_association = error_of([&] { accounts_->create_invitation("findes-ikke", 0); });
  EXPECT_EQ(no_association.code(), core::ErrorCode::invalid_parameter);
  EXPECT_EQ(no_association.field(), "association");
}

TEST_F(AccountStoreTest, FailedAcceptWritesNothingAndKeepsTheInvitation) {
  accounts_->create_account({"anna", Role::staff, "", kPassword, "", ""});
  const Invitation invitation = accounts_->create_invitation("gaaklub", 0);
  const core::Error taken = error_of([&] { accounts_->accept_invitation(invitation.token, "ANNA", kPassword); });
  EXPECT_EQ(taken.code(), core::ErrorCode::conflict);
  EXPECT_EQ(taken.field(), "username");
  const core::Error short_password = error_of([&] { accounts_->accept_invitation(invitation.token, "ny", "kort"); });
  EXPECT_EQ(short_password.code(), core::ErrorCode::invalid_parameter);
  EXPECT_EQ(short_password.field(), "password");
  EXPECT_EQ(sql("SELECT count(*) FROM accounts")[0][0].as<int>(), 1);
  EXPECT_TRUE(accounts_->invitation(invitation.token));
  EXPECT_NO_THROW(accounts_->accept_invitation(invitation.token, "ny", kPassword));
}

TEST_F(AccountStoreTest, ConcurrentAcceptsCreateOneAccount) {
  const Invitation invitation = accounts_->create_invitation("gaaklub", 0);
  std::atomic<int> accepted{0}, not_found{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      try {
        accounts_->accept_invitation(invitation.token, "redaktoer" + std::to_string(i), kPassword);
        ++accepted;
      } catch (const core::Error& e) {
        if (e.code() == core::ErrorCode::not_found) ++not_found;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(not_found.load(), 2);
  EXPECT_EQ(sql("SELECT count(*) FROM accounts")[0][0].as<int>(), 1);
}

}  // namespace
}  // namespace portal::store
