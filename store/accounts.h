// Accounts (association editors, staff, coordinators) and their login sessions, in PostgreSQL.
// Thread-safe: each call leases its own connection.
//
// Passwords are stored only as libsodium crypto_pwhash_str strings (Argon2id). verify_login()
// does the same work whether or not the user exists (an unknown user is verified against a
// fixed dummy hash), so neither the answer nor its timing tells which usernames exist.
// A session token is 32 random bytes, base64url without padding; only its SHA-256 is stored.
//
// Errors: core::Error(unavailable) when PostgreSQL is down (nothing is written then);
// create_account() throws core::Error(invalid_parameter) for a bad role/association/username/
// password/team/municipality and core::Error(conflict) for a taken username, all with Danish messages.
//
// Invitations let a coordinator hand an association's editor a one-time link: its token is made
// like a session token (only the SHA-256 is stored), it is valid kInvitationLifetime, and
// accepting it creates the association account, uses up the invitation and starts a session in
// one transaction (the invitation row is locked, so two accepts cannot both succeed).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection_pool.h"

namespace portal::store {

enum class Role { association, staff, coordinator };

std::string to_string(Role role);
// nullopt for anything but "association", "staff", "coordinator".
std::optional<Role> parse_role(const std::string& text);

struct Account {
  int64_t id = 0;
  std::string username;
  Role role = Role::staff;
  std::string association_id;  // non-empty exactly for Role::association
  // The team and municipality (four-digit code) a staff member or coordinator works for; staff
  // records and statistics take them from here, never from a request body. Empty when unset.
  std::string team;
  std::string municipality;
};

struct NewAccount {
  std::string username;
  Role role = Role::staff;
  std::string association_id;  // required for Role::association, must be empty otherwise
  std::string password;        // at least kMinPasswordLength characters (bytes)
  // Staff and coordinator accounts only (must be empty for Role::association): team is 0-100
  // characters without control characters or CPR numbers; municipality is empty or the code of a
  // stored municipality.
  std::string team;
  std::string municipality;
};

// An account as the coordinator's list shows it.
struct AccountInfo {
  Account account;
  bool disabled = false;
  std::chrono::system_clock::time_point created_at;
  std::optional<std::chrono::system_clock::time_point> last_login;
};

struct Session {
  std::string token;  // give to the client; never stored
  Account account;
  std::chrono::system_clock::time_point expires_at;
};

inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxPasswordLength = 1024;
inline constexpr std::chrono::hours kSessionLifetime{12};
inline constexpr std::chrono::hours kInvitationLifetime{14 * 24};

struct Invitation {
  std::string token;  // give to the coordinator; never stored
  std::string association_id;
  std::chrono::system_clock::time_point expires_at;
};

// What an unused, unexpired invitation offers.
struct InvitationInfo {
  std::string association_id;
  std::string association_name;
  std::chrono::system_clock::time_point expires_at;
};

// An Argon2id crypto_pwhash_str string of `password` (interactive limits).
std::string hash_password(const std::string& password);
// SHA-256 of `token`, as stored in sessions.token_hash (32 raw bytes).
std::string token_hash(const std::string& token);

class AccountStore {
 public:
  explicit AccountStore(ConnectionPool& pool, std::chrono::seconds session_lifetime = kSessionLifetime);

  // Creates an account; returns its id.
  int64_t create_account(const NewAccount& account);

  // The account when `username` (any case) exists, is not disabled and `password` matches.
  // Records last_login_at on success.
  std::optional<Account> verify_login(const std::string& username, const std::string& password);

  // A new session for the account, valid for the session lifetime.
  Session create_session(const Account& account);
  // Logs in: verify_login() then create_session(); nullopt on wrong credentials.
  std::optional<Session> login(const std::string& username, const std::string& password);

  // The session's account while the session is unexpired and the account not disabled.
  std::optional<Account> session_account(const std::string& token);
  // The same, with the session's expiry (Session::token is `token`).
  std::optional<Session> session(const std::string& token);
  // Ends a session (logout); false when there was none.
  bool delete_session(const std::string& token);

  // Disables or re-enables an account (its sessions stop working at once); false if unknown.
  bool set_disabled(const std::string& username, bool disabled);
  // The same by account id.
  bool set_disabled(int64_t id, bool disabled);

  // Every account, ordered by username (case-insensitive).
  std::vector<AccountInfo> accounts();

  // A new invitation for the association (core::Error(invalid_parameter, field "association")
  // when it is not stored). `created_by` is the inviting account's id, or 0.
  Invitation create_invitation(const std::string& association_id, int64_t created_by);
  // The invitation while it is unused and unexpired; nullopt otherwise (all three alike).
  std::optional<InvitationInfo> invitation(const std::string& token);
  // Creates the account (role association, the invitation's association), marks the invitation
  // used and starts a session, in one transaction. core::Error(not_found) when the invitation is
  // unknown, used or expired; otherwise create_account()'s errors (nothing is written then).
  Session accept_invitation(const std::string& token, const std::string& username, const std::string& password);

 private:
  ConnectionPool& pool_;
  std::chrono::seconds session_lifetime_;
};

}  // namespace portal::store
