-- Issue 5: preventive-visit and home-care staff. Everything here is statistics, not case files:
-- no CPR number and no citizen's name is ever stored (free text is checked by core::privacy
-- before it reaches the database), and a follow-up carries only an opaque reference that the
-- staff member chooses.

-- The team and municipality a staff member or coordinator works for; figures are counted by them.
ALTER TABLE accounts ADD COLUMN team text NOT NULL DEFAULT '' CHECK (length(team) <= 100);
ALTER TABLE accounts ADD COLUMN municipality char(4) REFERENCES municipalities (code);

-- Portal cards: a selection of activities and/or a saved search, handed out on a visit.
CREATE TABLE cards (
  code         text PRIMARY KEY CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),  -- no 0/O, 1/I/L
  created_by   bigint REFERENCES accounts (id) ON DELETE SET NULL,
  team         text NOT NULL DEFAULT '',
  municipality char(4) REFERENCES municipalities (code),
  activity_ids text[] NOT NULL DEFAULT '{}',
  search       jsonb NOT NULL DEFAULT '{}',  -- search parameters, as GET /api/v1/search takes them
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cards_created_idx ON cards (created_at);

-- Views of a card page, counted per day; who viewed is never stored.
CREATE TABLE card_views (
  code  text NOT NULL REFERENCES cards (code) ON DELETE CASCADE,
  day   date NOT NULL,
  views integer NOT NULL DEFAULT 0 CHECK (views >= 0),
  PRIMARY KEY (code, day)
);

-- The "Fællesskab" tag, recorded after a visit.
CREATE TABLE tags (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tag          text NOT NULL DEFAULT 'faellesskab' CHECK (tag = 'faellesskab'),
  date         date NOT NULL,
  created_by   bigint REFERENCES accounts (id) ON DELETE SET NULL,
  team         text NOT NULL DEFAULT '',
  municipality char(4) REFERENCES municipalities (code),
  postcode     char(4) REFERENCES postcodes (postcode),  -- the area, for supply and demand
  card_code    text REFERENCES cards (code) ON DELETE SET NULL,
  card_given   boolean NOT NULL DEFAULT false,
  conversation boolean NOT NULL DEFAULT false,  -- loneliness/community was talked about
  follow_up    boolean NOT NULL DEFAULT false,
  referral     boolean NOT NULL DEFAULT false,
  interests    text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tags_date_idx ON tags (date);

-- Follow-up within six weeks: an opaque reference, a due date, an outcome; purged a
-- configurable time after completion.
CREATE TABLE follow_ups (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference    text NOT NULL CHECK (length(reference) BETWEEN 1 AND 40),
  created_by   bigint REFERENCES accounts (id) ON DELETE SET NULL,
  team         text NOT NULL DEFAULT '',
  municipality char(4) REFERENCES municipalities (code),
  tag_id       bigint REFERENCES tags (id) ON DELETE SET NULL,
  due          date NOT NULL,
  outcome      text CHECK (outcome IN ('went', 'not_yet', 'barrier')),
  barrier      text CHECK (barrier IN ('transport', 'nerves', 'health', 'time', 'other')),
  completed_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome = 'barrier') = (barrier IS NOT NULL)),
  CHECK ((outcome IS NULL) = (completed_at IS NULL))
);
CREATE INDEX follow_ups_due_idx ON follow_ups (due) WHERE completed_at IS NULL;

-- Referrals to the volunteer centre (Holstebro), including a "følgeven" who goes along the first
-- time (Vejle). The coordinator works the queue: new → contacted → matched / declined.
CREATE TABLE referrals (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_by          bigint REFERENCES accounts (id) ON DELETE SET NULL,
  team                text NOT NULL DEFAULT '',
  municipality        char(4) REFERENCES municipalities (code),
  date                date NOT NULL,
  postcode            char(4) REFERENCES postcodes (postcode),
  interests           text[] NOT NULL DEFAULT '{}',
  transport           text[] NOT NULL DEFAULT '{}',  -- transport codes of the vocabulary
  companion           boolean NOT NULL DEFAULT false, -- wants a følgeven the first time
  note                text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  status              text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'matched', 'declined')),
  matched_association text REFERENCES associations (id),
  matched_scheme      text NOT NULL DEFAULT '' CHECK (length(matched_scheme) <= 100),  -- e.g. "besøgsven"
  status_changed_at   timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referrals_status_idx ON referrals (status, created_at);

-- The home-care loneliness screening form ("opsporingsskema"), anonymous.
CREATE TABLE screenings (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  date             date NOT NULL,
  created_by       bigint REFERENCES accounts (id) ON DELETE SET NULL,
  team             text NOT NULL DEFAULT '',
  municipality     char(4) REFERENCES municipalities (code),
  excluded         boolean NOT NULL,
  exclusion_reason text CHECK (exclusion_reason IN ('dementia', 'too_ill', 'declined', 'language', 'other')),
  lonely           boolean,  -- assessed lonely; only for answered forms
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (excluded = (exclusion_reason IS NOT NULL)),
  CHECK (NOT excluded OR lonely IS NULL),
  CHECK (excluded OR lonely IS NOT NULL)
);
CREATE INDEX screenings_date_idx ON screenings (date);

-- Searches that found nothing, counted per day and area (no user, no address): demand that the
-- activities on offer do not meet.
CREATE TABLE search_misses (
  day          date NOT NULL,
  municipality char(4) NOT NULL DEFAULT '',  -- '' when the search named no area
  query        text NOT NULL CHECK (length(query) <= 200),  -- normalised free text, or the interest codes
  count        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, municipality, query)
);

-- Who changed what among staff and coordinator records. Never free text: the action, the
-- record, and ids only.
CREATE TABLE audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  account_id bigint REFERENCES accounts (id) ON DELETE SET NULL,
  username   text NOT NULL,
  action     text NOT NULL CHECK (action ~ '^[a-z_.]{1,60}$'),
  entity     text NOT NULL CHECK (entity ~ '^[a-z_]{1,40}$'),
  entity_id  text NOT NULL CHECK (length(entity_id) <= 140)
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
