#include "store/card_store.h"

#include <sodium.h>

#include <stdexcept>

#include "core/errors.h"
#include "store/audit.h"

namespace portal::store {
namespace {

// Today's date and a timestamp's date in Copenhagen, in SQL.
constexpr const char* kToday = "(now() AT TIME ZONE 'Europe/Copenhagen')::date";

core::Date date_of(const pqxx::field& field) {
  const auto date = core::parse_date(field.as<std::string>());
  if (!date) throw std::runtime_error("unexpected date from PostgreSQL: " + field.as<std::string>());
  return *date;
}

std::vector<std::string> text_array(const pqxx::field& field) {
  std::vector<std::string> out;
  auto parser = field.as_array();
  for (auto [kind, value] = parser.get_next(); kind != pqxx::array_parser::juncture::done;
       std::tie(kind, value) = parser.get_next()) {
    if (kind == pqxx::array_parser::juncture::string_value) out.push_back(std::string(value));
  }
  return out;
}

// PostgreSQL's text[] literal of `values` (each quoted and escaped).
std::string array_literal(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

}  // namespace

std::string random_card_code() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
  std::string code(kCardCodeLength, ' ');
  for (auto& c : code) c = kCardAlphabet[randombytes_uniform(static_cast<uint32_t>(kCardAlphabet.size()))];
  return code;
}

std::optional<std::string> normalize_card_code(std::string_view typed) {
  std::string code;
  for (const char raw : typed) {
    if (raw == '-' || raw == ' ') continue;
    const char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
    if (kCardAlphabet.find(c) == std::string_view::npos || code.size() == kCardCodeLength) return std::nullopt;
    code += c;
  }
  if (code.size() != kCardCodeLength) return std::nullopt;
  return code;
}

std::string display_card_code(std::string_view code) {
  if (code.size() != kCardCodeLength) return std::string(code);
  return std::string(code.substr(0, 4)) + "-" + std::string(code.substr(4));
}

CardStore::CardStore(ConnectionPool& pool) : pool_(pool) {}

Card CardStore::create_card(const Account& by, const NewCard& card) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    // 31^8 codes: a collision is rare; each try is its own transaction so a unique violation
    // does not abort the next attempt.
    for (int attempt = 0;; ++attempt) {
      const std::string code = random_card_code();
      try {
        pqxx::work t(conn);
        const auto row = t.exec_params1(
            "INSERT INTO cards (code, created_by, team, municipality, activity_ids, search) "
            "VALUES ($1, NULLIF($2, 0), $3, NULLIF($4, ''), $5::text[], $6::jsonb) "
            "RETURNING (created_at AT TIME ZONE 'Europe/Copenhagen')::date::text",
            code, by.id, by.team, by.municipality, array_literal(card.activity_ids), card.search.dump());
        audit(t, by, "card.create", "card", code);
        t.commit();
        return Card{code, card.activity_ids, card.search, date_of(row[0]), by.team, by.municipality};
      } catch (const pqxx::unique_violation&) {
        if (attempt >= 5) throw;
      }
    }
  });
}

std::optional<Card> CardStore::card(const std::string& code) {
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<Card> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params(
        "SELECT code, activity_ids, search::text, (created_at AT TIME ZONE 'Europe/Copenhagen')::date::text, "
        "team, coalesce(municipality, '') FROM cards WHERE code = $1",
        code);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    return Card{r[0].as<std::string>(), text_array(r[1]), nlohmann::json::parse(r[2].as<std::string>()),
                date_of(r[3]), r[4].as<std::string>(), r[5].as<std::string>()};
  });
}

bool CardStore::count_view(const std::string& code) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    // The INSERT ... SELECT finds no card row for an unknown code, so nothing is written then.
    const auto r = t.exec_params(std::string("INSERT INTO card_views (code, day, views) SELECT code, ") + kToday +
                                     ", 1 FROM cards WHERE code = $1 "
                                     "ON CONFLICT (code, day) DO UPDATE SET views = card_views.views + 1",
                                 code);
    t.commit();
    return r.affected_rows() > 0;
  });
}

int64_t CardStore::create_tag(const Account& by, const NewTag& tag) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    if (!tag.card_code.empty() && t.exec_params("SELECT 1 FROM cards WHERE code = $1", tag.card_code).empty()) {
      throw core::Error(core::ErrorCode::invalid_parameter,
                        "Kortet '" + display_card_code(tag.card_code) + "' findes ikke. Tjek koden.", "card_code");
    }
    if (!tag.postcode.empty() && t.exec_params("SELECT 1 FROM postcodes WHERE postcode = $1", tag.postcode).empty()) {
      throw core::Error(core::ErrorCode::invalid_parameter, "Postnummeret " + tag.postcode + " findes ikke.",
                        "postcode");
    }
    const int64_t id =
        t.exec_params1(
             "INSERT INTO tags (date, created_by, team, municipality, postcode, card_code, card_given, "
             "conversation, follow_up, referral, interests) "
             "VALUES ($1::date, NULLIF($2, 0), $3, NULLIF($4, ''), NULLIF($5, ''), NULLIF($6, ''), $7, $8, $9, $10, "
             "$11::text[]) RETURNING id",
             core::format_date(tag.date), by.id, by.team, by.municipality, tag.postcode, tag.card_code,
             tag.card_given, tag.conversation, tag.follow_up, tag.referral, array_literal(tag.interests))[0]
            .as<int64_t>();
    audit(t, by, "tag.create", "tag", std::to_string(id));
    t.commit();
    return id;
  });
}

}  // namespace portal::store
