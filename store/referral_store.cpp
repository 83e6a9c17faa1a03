#include "store/referral_store.h"

#include "core/errors.h"
#include "store/audit.h"
#include "store/staff_detail.h"

namespace portal::store {
namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.date - DATE '1970-01-01', r.team, coalesce(r.postcode, ''), r.interests, r.transport, "
    "r.companion, r.note, r.status, coalesce(r.matched_association, ''), coalesce(a.name, ''), r.matched_scheme "
    "FROM referrals r LEFT JOIN associations a ON a.id = r.matched_association ";

std::vector<std::string> text_array(const pqxx::field& f) {
  std::vector<std::string> out;
  auto parser = f.as_array();
  for (auto [kind, value] = parser.get_next(); kind != pqxx::array_parser::done; std::tie(kind, value) = parser.get_next()) {
    if (kind == pqxx::array_parser::string_value) out.push_back(value);
  }
  return out;
}

// A text[] literal of codes (vocabulary codes and nothing else: no quoting needed, but quoted anyway).
std::string array_literal(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (const char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

Referral referral(const pqxx::row& r) {
  return {r[0].as<int64_t>(),        core::Date{r[1].as<int>()}, r[2].as<std::string>(),  r[3].as<std::string>(),
          text_array(r[4]),          text_array(r[5]),           r[6].as<bool>(),         r[7].as<std::string>(),
          r[8].as<std::string>(),    r[9].as<std::string>(),     r[10].as<std::string>(), r[11].as<std::string>()};
}

[[noreturn]] void not_found() { throw core::Error(core::ErrorCode::not_found, "Henvisningen findes ikke.", "id"); }

}  // namespace

bool referral_move_allowed(const std::string& from, const std::string& to) {
  if (from == "new") return to == "contacted" || to == "matched" || to == "declined";
  if (from == "contacted") return to == "matched" || to == "declined";
  return false;
}

ReferralStore::ReferralStore(ConnectionPool& pool) : pool_(pool) {}

int64_t ReferralStore::create(const Account& account, const NewReferral& n) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto unit = detail::unit_of(t, account.id);
    const auto id = t.exec_params1(
                         "INSERT INTO referrals (created_by, team, municipality, date, postcode, interests, "
                         "transport, companion, note) VALUES ($1, $2, $3, DATE '1970-01-01' + $4::int, $5, "
                         "$6::text[], $7::text[], $8, $9) RETURNING id",
                         account.id, unit.team, detail::or_null(unit.municipality), n.date.days,
                         detail::or_null(n.postcode), array_literal(n.interests), array_literal(n.transport),
                         n.companion, n.note)[0]
                        .as<int64_t>();
    audit(t, account, "referral.create", "referral", std::to_string(id));
    t.commit();
    return id;
  });
}

std::vector<Referral> ReferralStore::list(const Account& account, const std::string& status) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    const bool coordinator = account.role == Role::coordinator;
    const std::string municipality = coordinator ? detail::unit_of(t, account.id).municipality : std::string();
    const auto rows = t.exec_params(
        std::string(kSelect) +
            "WHERE ($1::text = '' OR r.status = $1) AND CASE WHEN $2 THEN ($3::text = '' OR r.municipality = "
            "$3::bpchar) ELSE r.created_by = $4 END ORDER BY r.created_at, r.id",
        status, coordinator, municipality, account.id);
    std::vector<Referral> out;
    for (const auto& r : rows) out.push_back(referral(r));
    return out;
  });
}

Referral ReferralStore::update(const Account& account, int64_t id, const std::string& status,
                               const std::string& association, const std::string& scheme) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const std::string municipality = detail::unit_of(t, account.id).municipality;
    const auto current = t.exec_params(
        "SELECT status FROM referrals WHERE id = $1 AND ($2::text = '' OR municipality = $2::bpchar) FOR UPDATE", id,
        municipality);
    if (current.empty()) not_found();
    const auto from = current[0][0].as<std::string>();
    if (!referral_move_allowed(from, status)) {
      throw core::Error(core::ErrorCode::conflict,
                        "Henvisningen kan ikke skifte fra '" + from + "' til '" + status + "'.", "status");
    }
    if (!association.empty() && t.exec_params("SELECT 1 FROM associations WHERE id = $1", association).empty()) {
      throw core::Error(core::ErrorCode::invalid_parameter, "Foreningen findes ikke.", "matched_association");
    }
    t.exec_params(
        "UPDATE referrals SET status = $2, matched_association = $3, matched_scheme = $4, status_changed_at = now() "
        "WHERE id = $1",
        id, status, detail::or_null(association), scheme);
    audit(t, account, "referral.update", "referral", std::to_string(id));
    const auto row = t.exec_params1(std::string(kSelect) + "WHERE r.id = $1", id);
    t.commit();
    return referral(row);
  });
}

}  // namespace portal::store
