#include "store/accounts.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <mutex>
#include <stdexcept>

#include "core/errors.h"
#include "core/privacy.h"
#include "store/store_detail.h"

namespace portal::store {
namespace {

using detail::epoch_seconds;
using detail::from_epoch;
using detail::optional_instant;

void init_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
  });
}

// A fixed hash that an unknown username is verified against, so that answer and timing are the
// same as for a wrong password. Computed once per process from a random password nobody knows.
const std::string& dummy_hash() {
  static const std::string hash = [] {
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    return hash_password(std::string(reinterpret_cast<const char*>(random), sizeof random));
  }();
  return hash;
}

bool password_matches(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_token() {
  unsigned char random[32];
  randombytes_buf(random, sizeof random);
  char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, random, sizeof random, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(random, sizeof random);
  return encoded;
}

pqxx::binarystring as_bytes(const std::string& raw) { return pqxx::binarystring(raw); }

Account account_from(const pqxx::row& row) {
  Account a;
  a.id = row["id"].as<int64_t>();
  a.username = row["username"].as<std::string>();
  a.role = parse_role(row["role"].as<std::string>()).value_or(Role::staff);
  a.association_id = row["association_id"].is_null() ? std::string() : row["association_id"].as<std::string>();
  a.team = row["team"].as<std::string>();
  a.municipality = row["municipality"].is_null() ? std::string() : row["municipality"].as<std::string>();
  return a;
}

// The username and password rules of every new account.
void check_credentials(const std::string& username, const std::string& password) {
  if (username.empty() || username.size() > 100) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Brugernavnet skal være 1-100 tegn.", "username");
  }
  for (const unsigned char c : username) {
    if (c <= 0x20 || c == 0x7f) {
      throw core::Error(core::ErrorCode::invalid_parameter,
                        "Brugernavnet må ikke indeholde mellemrum eller kontroltegn.", "username");
    }
  }
  if (password.size() < kMinPasswordLength) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Adgangskoden skal være mindst " + std::to_string(kMinPasswordLength) + " tegn.", "password");
  }
  if (password.size() > kMaxPasswordLength) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Adgangskoden må højst være " + std::to_string(kMaxPasswordLength) + " tegn.", "password");
  }
}

void check_new_account(const NewAccount& a) {
  check_credentials(a.username, a.password);
  if (a.role == Role::association && a.association_id.empty()) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "En konto med rollen association skal høre til en forening (--association).", "association");
  }
  if (a.role != Role::association && !a.association_id.empty()) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Kun konti med rollen association hører til en forening.", "association");
  }
  if (a.role == Role::association && (!a.team.empty() || !a.municipality.empty())) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Kun personale og koordinatorer har et team og en kommune.",
                      a.team.empty() ? "municipality" : "team");
  }
  if (a.team.size() > 100) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Teamets navn må højst være 100 tegn.", "team");
  }
  for (const unsigned char c : a.team) {
    if (c < 0x20 || c == 0x7f) {
      throw core::Error(core::ErrorCode::invalid_parameter, "Teamets navn må ikke indeholde kontroltegn.", "team");
    }
  }
  core::refuse_cpr(a.team, "team");
  const bool four_digits = a.municipality.size() == 4 &&
                           std::all_of(a.municipality.begin(), a.municipality.end(),
                                       [](unsigned char c) { return c >= '0' && c <= '9'; });
  if (!a.municipality.empty() && !four_digits) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Kommunen skal angives med sin kode på fire cifre, fx 0630.", "municipality");
  }
}


// Inserts a checked account in `t`: the association must exist, the username must be free.
int64_t insert_account(pqxx::work& t, const NewAccount& account, const std::string& hash) {
  if (!account.association_id.empty() &&
      t.exec_params("SELECT 1 FROM associations WHERE id = $1", account.association_id).empty()) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Foreningen '" + account.association_id + "' findes ikke. Importér foreningen først.",
                      "association");
  }
  if (!account.municipality.empty() &&
      t.exec_params("SELECT 1 FROM municipalities WHERE code = $1", account.municipality).empty()) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Kommunen med koden '" + account.municipality + "' findes ikke.", "municipality");
  }
  const auto taken = [&] {
    return core::Error(core::ErrorCode::conflict, "Brugernavnet '" + account.username + "' er allerede i brug.",
                       "username");
  };
  if (!t.exec_params("SELECT 1 FROM accounts WHERE lower(username) = lower($1)", account.username).empty()) {
    throw taken();
  }
  try {
    return t
        .exec_params1(
            "INSERT INTO accounts (username, role, association_id, password_hash, team, municipality) "
            "VALUES ($1, $2, NULLIF($3, ''), $4, $5, NULLIF($6, '')) RETURNING id",
            account.username, to_string(account.role), account.association_id, hash, account.team,
            account.municipality)[0]
        .as<int64_t>();
  } catch (const pqxx::unique_violation&) {  // created concurrently
    throw taken();
  }
}

// Inserts a new session for `account` in `t`.
Session insert_session(pqxx::work& t, const Account& account, std::chrono::seconds lifetime) {
  Session s;
  s.token = new_token();
  s.account = account;
  // Expired sessions of this account are cleared on the way, so the table does not grow.
  t.exec_params("DELETE FROM sessions WHERE account_id = $1 AND expires_at < now()", account.id);
  const auto r = t.exec_params1(
      "INSERT INTO sessions (token_hash, account_id, expires_at) "
      "VALUES ($1, $2, now() + make_interval(secs => $3)) "
      "RETURNING " + epoch_seconds("expires_at"),
      as_bytes(token_hash(s.token)), account.id, static_cast<double>(lifetime.count()));
  s.expires_at = from_epoch(r[0].as<int64_t>());
  return s;
}

}  // namespace

std::string to_string(Role role) {
  switch (role) {
    case Role::association: return "association";
    case Role::staff: return "staff";
    case Role::coordinator: return "coordinator";
  }
  return "staff";
}

std::optional<Role> parse_role(const std::string& text) {
  if (text == "association") return Role::association;
  if (text == "staff") return Role::staff;
  if (text == "coordinator") return Role::coordinator;
  return std::nullopt;
}

std::string hash_password(const std::string& password) {
  init_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return hash;
}

std::string token_hash(const std::string& token) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

AccountStore::AccountStore(ConnectionPool& pool, std::chrono::seconds session_lifetime)
    : pool_(pool), session_lifetime_(session_lifetime) {
  init_sodium();
}

int64_t AccountStore::create_account(const NewAccount& account) {
  check_new_account(account);
  const std::string hash = hash_password(account.password);
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const int64_t id = insert_account(t, account, hash);
    t.commit();
    return id;
  });
}

std::optional<Account> AccountStore::verify_login(const std::string& username, const std::string& password) {
  const std::string& dummy = dummy_hash();
  struct Found {
    Account account;
    std::string hash;
    bool disabled;
  };
  const auto found = with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<Found> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params(
        "SELECT id, username, role, association_id, team, municipality, password_hash, disabled FROM accounts "
        "WHERE lower(username) = lower($1)",
        username);
    if (rows.empty()) return std::nullopt;
    return Found{account_from(rows[0]), rows[0]["password_hash"].as<std::string>(), rows[0]["disabled"].as<bool>()};
  });
  // Always exactly one Argon2id verification, whatever was found.
  const bool match = password_matches(found ? found->hash : dummy, password);
  if (!found || !match || found->disabled || password.size() > kMaxPasswordLength) return std::nullopt;
  with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    t.exec_params("UPDATE accounts SET last_login_at = now() WHERE id = $1", found->account.id);
    t.commit();
  });
  return found->account;
}

Session AccountStore::create_session(const Account& account) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    Session s = insert_session(t, account, session_lifetime_);
    t.commit();
    return s;
  });
}

std::optional<Session> AccountStore::login(const std::string& username, const std::string& password) {
  auto account = verify_login(username, password);
  if (!account) return std::nullopt;
  return create_session(*account);
}

std::optional<Account> AccountStore::session_account(const std::string& token) {
  auto s = session(token);
  if (!s) return std::nullopt;
  return std::move(s->account);
}

std::optional<Session> AccountStore::session(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<Session> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params(
        "SELECT a.id, a.username, a.role, a.association_id, a.team, a.municipality, " + epoch_seconds("s.expires_at") +
            " AS expires FROM sessions s JOIN accounts a ON a.id = s.account_id "
        "WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT a.disabled",
        as_bytes(token_hash(token)));
    if (rows.empty()) return std::nullopt;
    return Session{token, account_from(rows[0]), from_epoch(rows[0]["expires"].as<int64_t>())};
  });
}

bool AccountStore::delete_session(const std::string& token) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto r = t.exec_params("DELETE FROM sessions WHERE token_hash = $1", as_bytes(token_hash(token)));
    t.commit();
    return r.affected_rows() > 0;
  });
}

bool AccountStore::set_disabled(const std::string& username, bool disabled) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto r =
        t.exec_params("UPDATE accounts SET disabled = $2 WHERE lower(username) = lower($1)", username, disabled);
    t.commit();
    return r.affected_rows() > 0;
  });
}

bool AccountStore::set_disabled(int64_t id, bool disabled) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto r = t.exec_params("UPDATE accounts SET disabled = $2 WHERE id = $1", id, disabled);
    t.commit();
    return r.affected_rows() > 0;
  });
}

std::vector<AccountInfo> AccountStore::accounts() {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::vector<AccountInfo> out;
    for (const auto& row : t.exec("SELECT id, username, role, association_id, team, municipality, disabled, " +
                                  epoch_seconds("created_at") + " AS created, " + epoch_seconds("last_login_at") +
                                  " AS last_login FROM accounts ORDER BY lower(username)")) {
      out.push_back({account_from(row), row["disabled"].as<bool>(), from_epoch(row["created"].as<int64_t>()),
                     optional_instant(row["last_login"])});
    }
    return out;
  });
}

Invitation AccountStore::create_invitation(const std::string& association_id, int64_t created_by) {
  Invitation invitation;
  invitation.token = new_token();
  invitation.association_id = association_id;
  with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    if (t.exec_params("SELECT 1 FROM associations WHERE id = $1", association_id).empty()) {
      throw core::Error(core::ErrorCode::invalid_parameter, "Foreningen '" + association_id + "' findes ikke.",
                        "association");
    }
    const auto r = t.exec_params1(
        "INSERT INTO invitations (token_hash, association_id, created_by, expires_at) "
        "VALUES ($1, $2, NULLIF($3, 0), now() + make_interval(secs => $4)) "
        "RETURNING " + epoch_seconds("expires_at"),
        as_bytes(token_hash(invitation.token)), association_id, created_by,
        static_cast<double>(std::chrono::seconds(kInvitationLifetime).count()));
    t.commit();
    invitation.expires_at = from_epoch(r[0].as<int64_t>());
  });
  return invitation;
}

namespace {

// The usable invitation of `token` (optionally locked FOR UPDATE), or an empty result.
pqxx::result usable_invitation(pqxx::transaction_base& t, const std::string& token, bool lock) {
  return t.exec_params("SELECT i.association_id, a.name, " + epoch_seconds("i.expires_at") +
                           " AS expires FROM invitations i JOIN associations a ON a.id = i.association_id "
                           "WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now()" +
                           (lock ? " FOR UPDATE OF i" : ""),
                       as_bytes(token_hash(token)));
}

core::Error invitation_not_found() {
  return core::Error(core::ErrorCode::not_found,
                     "Invitationen findes ikke, er allerede brugt eller er udløbet. Bed koordinatoren om en ny.");
}

}  // namespace

std::optional<InvitationInfo> AccountStore::invitation(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<InvitationInfo> {
    pqxx::read_transaction t(conn);
    const auto rows = usable_invitation(t, token, false);
    if (rows.empty()) return std::nullopt;
    return InvitationInfo{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                          from_epoch(rows[0]["expires"].as<int64_t>())};
  });
}

Session AccountStore::accept_invitation(const std::string& token, const std::string& username,
                                        const std::string& password) {
  if (token.empty() || token.size() > 256) throw invitation_not_found();
  check_credentials(username, password);  // the association comes from the invitation
  const std::string hash = hash_password(password);
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto rows = usable_invitation(t, token, true);
    if (rows.empty()) throw invitation_not_found();
    const NewAccount account{username, Role::association, rows[0][0].as<std::string>(), password, "", ""};
    const int64_t id = insert_account(t, account, hash);
    t.exec_params("UPDATE invitations SET used_at = now(), account_id = $2 WHERE token_hash = $1",
                  as_bytes(token_hash(token)), id);
    Session s = insert_session(t, Account{id, username, Role::association, account.association_id, "", ""},
                               session_lifetime_);
    t.commit();
    return s;
  });
}

}  // namespace portal::store
