-- Supply channels (issue 4), part 1: labour cooperation bases with their 劳务对接 events and
-- agreement scans, rural labour surveys (摸排) with conversion to workers, and training programmes
-- (企业订单、劳动者选单、政府买单) with enrolments. Schools, order classes and internships are in
-- their own migration.

-- 劳务合作基地 / 产业工人定向培养基地 / 实习实践基地. The origin is a county (6 digits) or a township
-- (9 digits) of a labour-exporting area; the shipped region tree has townships only for the demo
-- city, so a township outside it keeps its name as written (`origin_township_name`).
-- `managing_district_code` NULL: a base of the city (市就管中心); else the district that built it.
CREATE TABLE labour_bases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_pinyin text NOT NULL,
  name_initials text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('labour_cooperation', 'directed_training', 'internship_practice')),
  origin_region_code text NOT NULL CHECK (origin_region_code ~ '^[0-9]{6}([0-9]{3})?$'),
  origin_county_code text NOT NULL GENERATED ALWAYS AS (substr(origin_region_code, 1, 6)) STORED,
  origin_province_code text NOT NULL GENERATED ALWAYS AS (substr(origin_region_code, 1, 2) || '0000') STORED,
  origin_township_name text NOT NULL DEFAULT '',
  partner_name text NOT NULL,
  address text NOT NULL DEFAULT '',
  managing_district_code text,
  agreement_number text NOT NULL DEFAULT '',
  agreement_signed_on date,
  agreement_valid_until date,
  annual_target integer NOT NULL DEFAULT 0 CHECK (annual_target >= 0 AND annual_target <= 1000000),
  notes text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CHECK (agreement_valid_until IS NULL OR agreement_signed_on IS NULL OR agreement_valid_until >= agreement_signed_on)
);
CREATE INDEX labour_bases_origin_idx ON labour_bases (origin_county_code);
CREATE INDEX labour_bases_valid_until_idx ON labour_bases (agreement_valid_until);

CREATE TABLE labour_base_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  base_id uuid NOT NULL REFERENCES labour_bases (id) ON DELETE CASCADE,
  position integer NOT NULL DEFAULT 0,
  name text NOT NULL,
  title text NOT NULL DEFAULT '',
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL
);
CREATE INDEX labour_base_contacts_base_idx ON labour_base_contacts (base_id, position);

-- The signed agreement's scan, kept in the database (one current file per base) so that backup and
-- restore carry it with everything else; the size is capped by the service (LIMITS.agreementMaxBytes).
CREATE TABLE labour_base_agreement_files (
  base_id uuid PRIMARY KEY REFERENCES labour_bases (id) ON DELETE CASCADE,
  filename text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- 劳务对接: visits and meetings with the base, the enterprises that attended, the workers who signed up.
CREATE TABLE labour_base_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  base_id uuid NOT NULL REFERENCES labour_bases (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  place text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('visit', 'meeting', 'online')),
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id)
);
CREATE INDEX labour_base_events_base_idx ON labour_base_events (base_id, held_on DESC);

CREATE TABLE labour_base_event_enterprises (
  event_id uuid NOT NULL REFERENCES labour_base_events (id) ON DELETE CASCADE,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  PRIMARY KEY (event_id, enterprise_id)
);
-- Match-index channel ties look up by enterprise.
CREATE INDEX labour_base_event_enterprises_enterprise_idx ON labour_base_event_enterprises (enterprise_id);

CREATE TABLE labour_base_event_workers (
  event_id uuid NOT NULL REFERENCES labour_base_events (id) ON DELETE CASCADE,
  worker_id uuid NOT NULL REFERENCES workers (id),
  PRIMARY KEY (event_id, worker_id)
);

-- Base staff accounts are bound to their base.
ALTER TABLE users ADD CONSTRAINT users_base_id_fkey FOREIGN KEY (base_id) REFERENCES labour_bases (id);

-- 农村劳动力摸排: a campaign in a township (or a whole county) over a period, and one record per
-- labourer. ID numbers and phones are stored like workers' (ciphertext, keyed hash, masked).
CREATE TABLE survey_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  township_code text CHECK (township_code ~ '^[0-9]{9}$' AND substr(township_code, 1, 6) = county_code),
  township_name text NOT NULL DEFAULT '',
  organiser text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id)
);
CREATE INDEX survey_campaigns_county_idx ON survey_campaigns (county_code, period_start DESC);

CREATE TABLE survey_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES survey_campaigns (id) ON DELETE CASCADE,
  village text NOT NULL,
  name text NOT NULL,
  id_number_enc text NOT NULL,
  id_number_hash text NOT NULL,
  id_number_masked text NOT NULL,
  id_last4 text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL,
  phone_last4 text NOT NULL,
  education text NOT NULL DEFAULT 'junior',
  willing text NOT NULL CHECK (willing IN ('yes', 'no', 'undecided')),
  skills text[] NOT NULL DEFAULT '{}',
  preferred_region_codes text[] NOT NULL DEFAULT '{}',
  earliest_date date,
  household_notes text NOT NULL DEFAULT '',
  -- Optimistic concurrency of hand corrections (the editor sends the version it loaded).
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  -- One record per person and campaign (a re-import of the same sheet adds nothing).
  UNIQUE (campaign_id, id_number_hash)
);
CREATE INDEX survey_records_village_idx ON survey_records (campaign_id, village);

-- A record converts to a worker once: the primary key is the rule.
CREATE TABLE survey_conversions (
  record_id uuid PRIMARY KEY REFERENCES survey_records (id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL REFERENCES survey_campaigns (id) ON DELETE CASCADE,
  worker_id uuid NOT NULL REFERENCES workers (id),
  is_new_worker boolean NOT NULL,
  converted_at timestamptz NOT NULL DEFAULT now(),
  converted_by uuid REFERENCES users (id)
);
CREATE INDEX survey_conversions_campaign_idx ON survey_conversions (campaign_id);
CREATE INDEX survey_conversions_worker_idx ON survey_conversions (worker_id);

-- Training programmes: occupation, provider, seats, dates, the government's cost per trainee (fen),
-- and the enterprise order it trains for. `taken` counts enrolled and completed trainees; the CHECK
-- and the conditional update in the service keep it within the seats.
CREATE TABLE training_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  occupation_code text NOT NULL,
  skill text NOT NULL DEFAULT '',
  provider text NOT NULL,
  seats integer NOT NULL CHECK (seats > 0 AND seats <= 10000),
  taken integer NOT NULL DEFAULT 0,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  cost_per_trainee_fen integer NOT NULL DEFAULT 0 CHECK (cost_per_trainee_fen >= 0),
  job_order_id uuid REFERENCES job_orders (id),
  managing_district_code text,
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CHECK (taken >= 0 AND taken <= seats)
);
CREATE INDEX training_programmes_order_idx ON training_programmes (job_order_id) WHERE job_order_id IS NOT NULL;

CREATE TABLE training_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES training_programmes (id) ON DELETE CASCADE,
  worker_id uuid NOT NULL REFERENCES workers (id),
  status text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'completed', 'dropped')),
  certificate text,
  completed_on date,
  application_id uuid REFERENCES applications (id),
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  enrolled_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, worker_id)
);
CREATE INDEX training_enrolments_worker_idx ON training_enrolments (worker_id);
