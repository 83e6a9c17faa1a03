-- Accounts of association editors, staff and coordinators, and their login sessions.
-- Only what login needs is stored: no CPR numbers, no citizens' names. Passwords are kept as
-- libsodium crypto_pwhash_str strings (Argon2id, "$argon2id$..."); a session is kept only as
-- the SHA-256 of its opaque random token, so a copy of this table cannot be used to log in.

CREATE TABLE accounts (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL CHECK (length(username) BETWEEN 1 AND 100),
  role           text NOT NULL CHECK (role IN ('association', 'staff', 'coordinator')),
  association_id text REFERENCES associations (id),
  password_hash  text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz,
  -- An association account belongs to exactly one association; other roles to none.
  CHECK ((role = 'association') = (association_id IS NOT NULL))
);
-- Usernames are unique regardless of case ("Anna" and "anna" are the same person).
CREATE UNIQUE INDEX accounts_username_key ON accounts (lower(username));

CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),  -- SHA-256 of the token
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
