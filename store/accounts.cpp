#include "store/accounts.h"

#include <sodium.h>

#include <ctime>
#include <mutex>
#include <stdexcept>

#include "core/errors.h"

namespace portal::store {
namespace {

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
  return a;
}

void check_new_account(const NewAccount& a) {
  if (a.username.empty() || a.username.size() > 100) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Brugernavnet skal være 1-100 tegn.", "username");
  }
  for (const unsigned char c : a.username) {
    if (c <= 0x20 || c == 0x7f) {
      throw core::Error(core::ErrorCode::invalid_parameter,
                        "Brugernavnet må ikke indeholde mellemrum eller kontroltegn.", "username");
    }
  }
  if (a.password.size() < kMinPasswordLength) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Adgangskoden skal være mindst " + std::to_string(kMinPasswordLength) + " tegn.", "password");
  }
  if (a.password.size() > kMaxPasswordLength) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Adgangskoden må højst være " + std::to_string(kMaxPasswordLength) + " tegn.", "password");
  }
  if (a.role == Role::association && a.association_id.empty()) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "En konto med rollen association skal høre til en forening (--association).", "association");
  }
  if (a.role != Role::association && !a.association_id.empty()) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Kun konti med rollen association hører til en forening.", "association");
  }
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
    if (!account.association_id.empty() &&
        t.exec_params("SELECT 1 FROM associations WHERE id = $1", account.association_id).empty()) {
      throw core::Error(core::ErrorCode::invalid_parameter,
                        "Foreningen '" + account.association_id + "' findes ikke. Importér foreningen først.",
                        "association");
    }
    if (!t.exec_params("SELECT 1 FROM accounts WHERE lower(username) = lower($1)", account.username).empty()) {
      throw core::Error(core::ErrorCode::conflict, "Brugernavnet '" + account.username + "' er allerede i brug.",
                        "username");
    }
    try {
      const auto row = t.exec_params1(
          "INSERT INTO accounts (username, role, association_id, password_hash) "
          "VALUES ($1, $2, NULLIF($3, ''), $4) RETURNING id",
          account.username, to_string(account.role), account.association_id, hash);
      t.commit();
      return row[0].as<int64_t>();
    } catch (const pqxx::unique_violation&) {  // created concurrently
      throw core::Error(core::ErrorCode::conflict, "Brugernavnet '" + account.username + "' er allerede i brug.",
                        "username");
    }
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
        "SELECT id, username, role, association_id, password_hash, disabled FROM accounts "
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
  Session s;
  s.token = new_token();
  s.account = account;
  const auto row = with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    // Expired sessions of this account are cleared on the way, so the table does not grow.
    t.exec_params("DELETE FROM sessions WHERE account_id = $1 AND expires_at < now()", account.id);
    const auto r = t.exec_params1(
        "INSERT INTO sessions (token_hash, account_id, expires_at) "
        "VALUES ($1, $2, now() + make_interval(secs => $3)) "
        "RETURNING floor(extract(epoch FROM expires_at))::bigint",  // never later than stored
        as_bytes(token_hash(s.token)), account.id, static_cast<double>(session_lifetime_.count()));
    t.commit();
    return r[0].as<int64_t>();
  });
  s.expires_at = std::chrono::system_clock::time_point(std::chrono::seconds(row));
  return s;
}

std::optional<Session> AccountStore::login(const std::string& username, const std::string& password) {
  auto account = verify_login(username, password);
  if (!account) return std::nullopt;
  return create_session(*account);
}

std::optional<Account> AccountStore::session_account(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<Account> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params(
        "SELECT a.id, a.username, a.role, a.association_id FROM sessions s JOIN accounts a ON a.id = s.account_id "
        "WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT a.disabled",
        as_bytes(token_hash(token)));
    if (rows.empty()) return std::nullopt;
    return account_from(rows[0]);
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

}  // namespace portal::store
