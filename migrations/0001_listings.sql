-- Listings: geography reference tables, associations, activities and the change log that the
-- search index follows. Every write to associations/activities appends to change_log in the
-- same transaction (see store/listing_store.cpp).

CREATE TABLE municipalities (
  code   char(4) PRIMARY KEY,
  name   text NOT NULL,
  region text NOT NULL,
  lat    double precision NOT NULL,
  lon    double precision NOT NULL
);

CREATE TABLE postcodes (
  postcode          char(4) PRIMARY KEY,
  name              text NOT NULL,
  lat               double precision NOT NULL,
  lon               double precision NOT NULL,
  municipality_code char(4) NOT NULL REFERENCES municipalities (code)
);

CREATE TABLE associations (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,127}$'),
  name         text NOT NULL,
  municipality char(4) REFERENCES municipalities (code),
  doc          jsonb NOT NULL,            -- canonical listing record (core::to_json)
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activities (
  id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,127}$'),
  association_id text NOT NULL REFERENCES associations (id),
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  postcode       char(4) NOT NULL REFERENCES postcodes (postcode),
  municipality   char(4) NOT NULL REFERENCES municipalities (code),
  lat            double precision NOT NULL,
  lon            double precision NOT NULL,
  interests      text[] NOT NULL DEFAULT '{}',
  target_groups  text[] NOT NULL DEFAULT '{}',
  transport      text[] NOT NULL DEFAULT '{}',
  accessibility  text[] NOT NULL DEFAULT '{}',
  price_dkk      integer CHECK (price_dkk >= 0),
  doc            jsonb NOT NULL,          -- canonical listing record (core::to_json)
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_association_idx ON activities (association_id);
CREATE INDEX activities_municipality_idx ON activities (municipality);

-- Append-only. Writers take an advisory transaction lock before appending, so ids are handed
-- out in commit order and a follower reading "id > last seen" never skips a change.
CREATE TABLE change_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity     text NOT NULL CHECK (entity IN ('activity', 'association')),
  entity_id  text NOT NULL,
  op         text NOT NULL CHECK (op IN ('upsert', 'delete')),
  changed_at timestamptz NOT NULL DEFAULT now()
);
