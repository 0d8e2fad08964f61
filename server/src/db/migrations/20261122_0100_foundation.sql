-- Foundation: accounts, sessions, login throttling, the audit trail, settings, enterprises.
-- PostgreSQL 15 dialect (the embedded PGlite is PostgreSQL 18; nothing newer than 15 is used).

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  -- NULL: the account cannot sign in with a password (e.g. created without one).
  password_hash text,
  roles text[] NOT NULL DEFAULT '{}',
  district_codes text[] NOT NULL DEFAULT '{}',
  enterprise_id uuid,
  agency_id uuid,
  school_id uuid,
  base_id uuid,
  worker_id uuid,
  -- NULL: no preference, the request's Accept-Language decides.
  locale text CHECK (locale IN ('zh-CN', 'en')),
  is_disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Usernames are case-insensitive for sign-in.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE sessions (
  -- sha256 of the cookie token: a stolen database dump does not yield live sessions.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

-- One row per failed sign-in; the lockout rule counts rows in the last 15 minutes.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  ip text
);
CREATE INDEX login_failures_username_at_idx ON login_failures (lower(username), at);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary text NOT NULL DEFAULT '',
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC);

-- The audit trail is append-only: the database itself refuses to change or delete a row.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE enterprises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  credit_code text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
  name text NOT NULL,
  -- Sort and search keys computed from the name with pinyin-pro (PGlite has no ICU collation).
  name_pinyin text NOT NULL,
  name_initials text NOT NULL,
  industry_code text NOT NULL CHECK (industry_code ~ '^[0-9]{2}$'),
  district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
  address text NOT NULL DEFAULT '',
  longitude double precision,
  latitude double precision,
  size text NOT NULL CHECK (size IN ('large', 'medium', 'small', 'micro')),
  employee_count integer CHECK (employee_count >= 0),
  key_level text NOT NULL DEFAULT 'none' CHECK (key_level IN ('none', 'district', 'city')),
  liaison_user_id uuid REFERENCES users (id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  deactivated_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id)
);
-- One enterprise per credit code (GB 32100); the import's dedup rule rests on this.
CREATE UNIQUE INDEX enterprises_credit_code_key ON enterprises (credit_code);
-- The list's common shape: scoped by district, sorted by pinyin.
CREATE INDEX enterprises_district_pinyin_idx ON enterprises (district_code, name_pinyin);
CREATE INDEX enterprises_pinyin_idx ON enterprises (name_pinyin, id);
CREATE INDEX enterprises_liaison_idx ON enterprises (liaison_user_id) WHERE liaison_user_id IS NOT NULL;
CREATE INDEX enterprises_industry_idx ON enterprises (industry_code);

ALTER TABLE users ADD CONSTRAINT users_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id);

CREATE TABLE enterprise_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  position smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  title text NOT NULL DEFAULT '',
  -- PII: AES-256-GCM ciphertext, keyed hash for lookups, and the masked form lists show.
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL
);
CREATE INDEX enterprise_contacts_enterprise_idx ON enterprise_contacts (enterprise_id, position);
CREATE INDEX enterprise_contacts_phone_hash_idx ON enterprise_contacts (phone_hash);
