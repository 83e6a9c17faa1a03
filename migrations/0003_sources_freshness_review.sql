-- Issue 4: where activities come from, how fresh they are, review before publishing, and
-- one-time invitations for association editors.

-- A source is one feed or file that owns the activities it delivered (docs/imports.md). When a
-- source is imported again, its activities that are no longer in it are withdrawn (deleted, with
-- a change-log entry). Activities written through the API or the upload of a plain listing file
-- without a source name have source_id NULL and are never withdrawn by an import.
CREATE TABLE sources (
  id             text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  kind           text NOT NULL CHECK (kind IN ('json', 'csv', 'ics', 'hsds')),
  association_id text REFERENCES associations (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_import_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE activities ADD COLUMN source_id text REFERENCES sources (id);
CREATE INDEX activities_source_idx ON activities (source_id) WHERE source_id IS NOT NULL;

-- Freshness: when the association last confirmed (or changed) the activity. Stale and hidden
-- are computed from it and the server's configured periods; nothing is stored per state.
ALTER TABLE activities ADD COLUMN last_confirmed_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX activities_last_confirmed_idx ON activities (last_confirmed_at);

-- Review: an association with review_required has its editors' writes held as 'pending' until
-- a coordinator approves them; only 'public' activities are searchable.
ALTER TABLE associations ADD COLUMN review_required boolean NOT NULL DEFAULT false;
ALTER TABLE activities ADD COLUMN review_status text NOT NULL DEFAULT 'public'
  CHECK (review_status IN ('public', 'pending', 'rejected'));
ALTER TABLE activities ADD COLUMN review_note text NOT NULL DEFAULT '';
CREATE INDEX activities_review_idx ON activities (review_status) WHERE review_status <> 'public';

-- One-time invitation links for association editors; only the SHA-256 of the token is stored.
CREATE TABLE invitations (
  token_hash     bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  association_id text NOT NULL REFERENCES associations (id),
  created_by     bigint REFERENCES accounts (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,
  used_at        timestamptz,
  account_id     bigint REFERENCES accounts (id)
);
CREATE INDEX invitations_association_idx ON invitations (association_id);
