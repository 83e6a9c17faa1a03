// Portal cards and "Fællesskab" tags of preventive-visit and home-care staff (docs/api-staff.md,
// migration 0004). Thread-safe: each call leases its own connection.
//
// A card code is 8 characters from kCardAlphabet (no 0/O, 1/I/L), drawn with libsodium's
// randombytes_uniform; it is stored without a dash and shown as XXXX-XXXX. Writes add their
// audit_log row in the same transaction. Views are counted per card and Copenhagen day only:
// who viewed is never stored.
//
// Errors: core::Error(unavailable) when PostgreSQL is down; core::Error(invalid_parameter) with
// a Danish message and the body field for references that do not exist (nothing is written then).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "store/accounts.h"
#include "store/connection_pool.h"

namespace portal::store {

inline constexpr std::string_view kCardAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr size_t kCardCodeLength = 8;

// A new random code (kCardCodeLength letters of kCardAlphabet, uniformly).
std::string random_card_code();
// The stored form of a typed code: case folded, dashes and spaces dropped; nullopt unless that
// leaves exactly 8 letters of the alphabet.
std::optional<std::string> normalize_card_code(std::string_view typed);
// "K7MXP4RT" → "K7MX-P4RT".
std::string display_card_code(std::string_view code);

struct NewCard {
  std::vector<std::string> activity_ids;  // checked by the caller (they live in the index)
  nlohmann::json search = nlohmann::json::object();  // validated search parameters (strings)
};

struct Card {
  std::string code;  // stored form, no dash
  std::vector<std::string> activity_ids;
  nlohmann::json search = nlohmann::json::object();
  core::Date created;  // Copenhagen date
  std::string team;
  std::string municipality;
};

struct NewTag {
  core::Date date;
  std::string card_code;  // stored form, or "" for none
  bool card_given = false;
  bool conversation = false;
  bool follow_up = false;
  bool referral = false;
  std::vector<std::string> interests;  // vocabulary codes, checked by the caller
  std::string postcode;                // "" for none; must be a stored postcode
};

class CardStore {
 public:
  explicit CardStore(ConnectionPool& pool);

  // Stores a card with a fresh random code (drawn again on the rare collision), team and
  // municipality from `by`, and an audit row "card.create". Returns the stored card.
  Card create_card(const Account& by, const NewCard& card);
  // The card with this stored-form code, or nullopt.
  std::optional<Card> card(const std::string& code);
  // Counts one view of the card for today (Copenhagen); false when the card does not exist.
  bool count_view(const std::string& code);

  // Stores a tag with team and municipality from `by` and an audit row "tag.create"; returns its
  // id. invalid_parameter (field "card_code" / "postcode") when those do not exist.
  int64_t create_tag(const Account& by, const NewTag& tag);

 private:
  ConnectionPool& pool_;
};

}  // namespace portal::store
