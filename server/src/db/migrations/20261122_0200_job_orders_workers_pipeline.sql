-- Job orders, workers and the placement pipeline (issue 3).
-- Invariants live in the database too: filled never exceeds headcount; one person is one worker
-- (unique keyed hash of the ID number); one open application per worker and order; one placement
-- per application.

CREATE TABLE job_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  title text NOT NULL,
  occupation_code text NOT NULL CHECK (occupation_code ~ '^[0-9](-[0-9]{2}){1,3}$'),
  headcount integer NOT NULL CHECK (headcount > 0),
  -- Maintained by hires in the same transaction; the CHECK is the last line of defence.
  filled integer NOT NULL DEFAULT 0 CHECK (filled >= 0),
  wage_min integer NOT NULL CHECK (wage_min >= 0),
  wage_max integer NOT NULL,
  age_min integer,
  age_max integer,
  education_min text NOT NULL DEFAULT 'none',
  skills text[] NOT NULL DEFAULT '{}',
  certificates text[] NOT NULL DEFAULT '{}',
  district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
  address text NOT NULL DEFAULT '',
  shifts text NOT NULL DEFAULT 'day',
  dormitory boolean NOT NULL DEFAULT false,
  meals text NOT NULL DEFAULT 'none',
  start_date date,
  deadline date NOT NULL,
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'critical')),
  visibility text[] NOT NULL DEFAULT '{public}',
  contact_name text NOT NULL DEFAULT '',
  contact_phone_enc text,
  contact_phone_hash text,
  contact_phone_masked text,
  description text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'filled', 'closed', 'expired')),
  status_reason text,
  staff_assisted boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT job_orders_filled_le_headcount CHECK (filled <= headcount),
  CONSTRAINT job_orders_wage_range CHECK (wage_max >= wage_min),
  CONSTRAINT job_orders_age_range CHECK (age_min IS NULL OR age_max IS NULL OR age_max >= age_min)
);
CREATE INDEX job_orders_enterprise_idx ON job_orders (enterprise_id, created_at DESC);
CREATE INDEX job_orders_status_deadline_idx ON job_orders (status, deadline);
CREATE INDEX job_orders_district_idx ON job_orders (district_code, status);
CREATE INDEX job_orders_occupation_idx ON job_orders (occupation_code);

CREATE TABLE workers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_pinyin text NOT NULL,
  name_initials text NOT NULL,
  -- PII: ciphertext, keyed hash (dedup), masked form. Birth date and sex are derived from the ID.
  id_number_enc text NOT NULL,
  id_number_hash text NOT NULL,
  id_number_masked text NOT NULL,
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL,
  -- Last four digits of phone and ID, for officers searching "尾号 1234" without decrypting.
  phone_last4 text NOT NULL,
  id_last4 text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  origin_region_code text,
  current_region_code text,
  current_address text NOT NULL DEFAULT '',
  education text NOT NULL DEFAULT 'junior',
  skills text[] NOT NULL DEFAULT '{}',
  certificates text[] NOT NULL DEFAULT '{}',
  occupation_codes text[] NOT NULL DEFAULT '{}',
  expected_wage integer,
  available_from date,
  district_code text,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'employed', 'inactive')),
  source_channel text NOT NULL,
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id)
);
-- One person is one worker, across every channel.
CREATE UNIQUE INDEX workers_id_number_hash_key ON workers (id_number_hash);
CREATE INDEX workers_phone_hash_idx ON workers (phone_hash);
CREATE INDEX workers_district_idx ON workers (district_code, created_at DESC);
CREATE INDEX workers_origin_idx ON workers (origin_region_code);
CREATE INDEX workers_status_idx ON workers (status);
CREATE INDEX workers_initials_idx ON workers (name_initials);

-- Every channel through which a worker arrived (the first is workers.source_channel).
CREATE TABLE worker_channels (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  worker_id uuid NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
  channel text NOT NULL,
  channel_ref text NOT NULL DEFAULT '',
  registered_by uuid REFERENCES users (id),
  import_batch_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT worker_channels_unique UNIQUE (worker_id, channel, channel_ref)
);

-- Same name and phone, different ID: possibly one person, possibly family. Flagged, never merged.
CREATE TABLE worker_duplicate_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worker_id uuid NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
  other_worker_id uuid NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'confirmed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  CONSTRAINT worker_duplicate_flags_pair UNIQUE (worker_id, other_worker_id)
);

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worker_id uuid NOT NULL REFERENCES workers (id),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  status text NOT NULL,
  channel text NOT NULL,
  note text NOT NULL DEFAULT '',
  hired_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_action_at timestamptz NOT NULL DEFAULT now()
);
-- A worker competes for an order once at a time (double clicks and races create one application).
CREATE UNIQUE INDEX applications_open_unique ON applications (worker_id, job_order_id)
  WHERE status IN ('recommended', 'applied', 'screening', 'interview', 'offered', 'hired', 'retained_30', 'retained_90');
CREATE INDEX applications_order_status_idx ON applications (job_order_id, status);
CREATE INDEX applications_worker_idx ON applications (worker_id, created_at DESC);
CREATE INDEX applications_enterprise_idx ON applications (enterprise_id, status);
CREATE INDEX applications_stale_idx ON applications (last_action_at) WHERE status IN ('recommended', 'applied', 'screening', 'interview', 'offered');

CREATE TABLE application_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users (id),
  reason text NOT NULL DEFAULT '',
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_events_application_idx ON application_events (application_id, at);

CREATE TABLE placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  worker_id uuid NOT NULL REFERENCES workers (id),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  channel text NOT NULL,
  hired_on date NOT NULL,
  retained_30 text NOT NULL DEFAULT 'pending' CHECK (retained_30 IN ('pending', 'yes', 'no')),
  retained_30_by uuid REFERENCES users (id),
  retained_30_at timestamptz,
  retained_90 text NOT NULL DEFAULT 'pending' CHECK (retained_90 IN ('pending', 'yes', 'no')),
  retained_90_by uuid REFERENCES users (id),
  retained_90_at timestamptz,
  ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT placements_application_key UNIQUE (application_id)
);
CREATE INDEX placements_enterprise_idx ON placements (enterprise_id, hired_on);
CREATE INDEX placements_channel_idx ON placements (channel, hired_on);
CREATE INDEX placements_worker_idx ON placements (worker_id);

ALTER TABLE users ADD CONSTRAINT users_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id);
