-- The agency marketplace (issue 7): licensed HR agencies (人力资源服务机构), orders published to them
-- (挂单), claims (抢单), candidate submissions, candidate ownership, mutual reviews (互评), and what a
-- retained placement earns (the agency's placement-subsidy eligibility, the enterprise's fee owed).
--
-- The invariants live in the database too:
--  * the places claimed on a listing never exceed the places offered (CHECK; the claim itself is a
--    conditional UPDATE `claimed_places + n <= offered_places`, see marketplace.repository.ts);
--  * one active claim per agency and listing (partial unique index);
--  * a worker submitted to an enterprise belongs to one agency at a time (primary key of
--    candidate_ownerships; the window is `owned_until`);
--  * one review per side per claim; one subsidy eligibility and one fee per submission.

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 人力资源服务许可证编号 as written, and normalised (no spaces, half-width, upper-case) for uniqueness.
  licence_number text NOT NULL,
  licence_key text NOT NULL,
  name text NOT NULL,
  name_pinyin text NOT NULL,
  name_initials text NOT NULL,
  -- Where it is registered (county-level GB/T 2260 code; may lie outside the city).
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  -- Districts it serves (a code ending in 00 covers its whole city or province) and occupation code
  -- prefixes it recruits for (empty: every occupation).
  service_region_codes text[] NOT NULL DEFAULT '{}',
  service_occupation_codes text[] NOT NULL DEFAULT '{}',
  -- The labour-service alliance (劳务服务联盟) it belongs to; set by officers only. NULL: none.
  alliance text,
  contact_name text NOT NULL DEFAULT '',
  contact_phone_enc text,
  contact_phone_hash text,
  contact_phone_masked text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'suspended')),
  status_reason text,
  approved_at timestamptz,
  approved_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX agencies_licence_key ON agencies (licence_key);
CREATE INDEX agencies_status_idx ON agencies (status, created_at DESC);

-- Agency staff accounts point at their agency (the column exists since the foundation).
ALTER TABLE users ADD CONSTRAINT users_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id);

-- The marketplace's rules an administrator may tune. Exactly one row (id is always true).
CREATE TABLE marketplace_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- Tier 1 sees a listing at once; every other agency serving its region and occupation after this.
  tier_delay_minutes integer NOT NULL DEFAULT 120 CHECK (tier_delay_minutes BETWEEN 0 AND 10080),
  -- Tier 1 besides alliance members: agencies rated at least this (average of visible reviews) …
  tier1_min_rating numeric(3, 2) NOT NULL DEFAULT 4.50 CHECK (tier1_min_rating BETWEEN 1 AND 5),
  -- … over at least this many reviews.
  tier1_min_reviews integer NOT NULL DEFAULT 3 CHECK (tier1_min_reviews >= 1),
  -- A claim without any submission for this long lapses; its places return to the pool.
  claim_lapse_hours integer NOT NULL DEFAULT 48 CHECK (claim_lapse_hours BETWEEN 1 AND 720),
  -- A worker submitted to an enterprise belongs to the submitting agency for this many days.
  ownership_window_days integer NOT NULL DEFAULT 90 CHECK (ownership_window_days BETWEEN 1 AND 730),
  -- The retention checkpoint that earns the placement subsidy and makes the enterprise's fee owed.
  settlement_retention_days integer NOT NULL DEFAULT 90 CHECK (settlement_retention_days IN (30, 90)),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
INSERT INTO marketplace_settings DEFAULT VALUES;

-- A job order published to agencies (挂单), one row per order (republishing reuses it).
CREATE TABLE marketplace_listings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  offered_places integer NOT NULL CHECK (offered_places > 0),
  -- Sum of the places of active claims, maintained in the claim/release/lapse transactions.
  claimed_places integer NOT NULL DEFAULT 0 CHECK (claimed_places >= 0),
  fee_per_hire_fen integer CHECK (fee_per_hire_fen IS NULL OR fee_per_hire_fen >= 0),
  subsidy_applies boolean NOT NULL DEFAULT true,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn', 'closed')),
  status_reason text,
  published_at timestamptz NOT NULL DEFAULT now(),
  -- published_at + the tier delay in force when it was published (a later change of the setting
  -- does not move listings already out).
  open_to_all_at timestamptz NOT NULL,
  first_claim_at timestamptz,
  published_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT marketplace_listings_order_key UNIQUE (job_order_id),
  CONSTRAINT marketplace_listings_claimed_le_offered CHECK (claimed_places <= offered_places)
);
CREATE INDEX marketplace_listings_hall_idx ON marketplace_listings (status, published_at DESC);
CREATE INDEX marketplace_listings_enterprise_idx ON marketplace_listings (enterprise_id);

CREATE TABLE marketplace_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES marketplace_listings (id),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  -- Places held now (a release lowers it) and as first claimed.
  places integer NOT NULL CHECK (places >= 0),
  places_claimed integer NOT NULL CHECK (places_claimed > 0),
  -- Submissions ever made on this claim: a claim with none by lapses_at lapses. Kept on the row so
  -- the lapse sweep's conditional UPDATE re-checks it after waiting for a submission's row lock.
  submitted_count integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'released', 'lapsed', 'closed')),
  status_reason text,
  lapses_at timestamptz NOT NULL,
  claimed_by uuid REFERENCES users (id),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT marketplace_claims_places_le_claimed CHECK (places <= places_claimed)
);
-- One active claim per agency and listing (a double click claims once).
CREATE UNIQUE INDEX marketplace_claims_one_active ON marketplace_claims (listing_id, agency_id)
  WHERE status = 'active';
CREATE INDEX marketplace_claims_agency_idx ON marketplace_claims (agency_id, claimed_at DESC);
CREATE INDEX marketplace_claims_listing_idx ON marketplace_claims (listing_id, status);
-- The lapse sweep's candidates.
CREATE INDEX marketplace_claims_lapse_idx ON marketplace_claims (lapses_at)
  WHERE status = 'active' AND submitted_count = 0;

-- A candidate an agency put forward on a claim: an application (channel 'agency') in the
-- enterprise's normal pipeline.
CREATE TABLE marketplace_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id uuid NOT NULL REFERENCES marketplace_claims (id),
  application_id uuid NOT NULL REFERENCES applications (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  worker_id uuid NOT NULL REFERENCES workers (id),
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT marketplace_submissions_application_key UNIQUE (application_id)
);
CREATE INDEX marketplace_submissions_claim_idx ON marketplace_submissions (claim_id);
CREATE INDEX marketplace_submissions_agency_idx ON marketplace_submissions (agency_id, submitted_at DESC);

-- Candidate ownership (候选人归属): the first agency to submit a worker to an enterprise owns that
-- pairing until owned_until (renewed by its own later submissions); another agency's submission
-- in the window is refused. One row per pair: the primary key decides races.
CREATE TABLE candidate_ownerships (
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  worker_id uuid NOT NULL REFERENCES workers (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  owned_since timestamptz NOT NULL DEFAULT now(),
  owned_until timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, worker_id)
);

-- 互评: the enterprise rates the agency (quality, speed, honesty) and the agency rates the
-- enterprise (information accurate, wages as promised, treatment of workers), 1–5 each.
CREATE TABLE marketplace_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id uuid NOT NULL REFERENCES marketplace_claims (id),
  direction text NOT NULL CHECK (direction IN ('enterprise_to_agency', 'agency_to_enterprise')),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  -- The three criteria of the direction, in the order of REVIEW_CRITERIA (shared/schemas/marketplace.ts).
  score_1 smallint NOT NULL CHECK (score_1 BETWEEN 1 AND 5),
  score_2 smallint NOT NULL CHECK (score_2 BETWEEN 1 AND 5),
  score_3 smallint NOT NULL CHECK (score_3 BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  reviewer_id uuid REFERENCES users (id),
  is_hidden boolean NOT NULL DEFAULT false,
  hidden_reason text,
  hidden_by uuid REFERENCES users (id),
  hidden_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT marketplace_reviews_one_per_side UNIQUE (claim_id, direction)
);
CREATE INDEX marketplace_reviews_agency_idx ON marketplace_reviews (agency_id, created_at DESC)
  WHERE direction = 'enterprise_to_agency';
CREATE INDEX marketplace_reviews_enterprise_idx ON marketplace_reviews (enterprise_id, created_at DESC)
  WHERE direction = 'agency_to_enterprise';

-- What a retained agency placement earns. The subsidies module (a later issue) pays eligibilities.
CREATE TABLE agency_subsidy_eligibilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES marketplace_submissions (id),
  placement_id uuid NOT NULL REFERENCES placements (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  worker_id uuid NOT NULL REFERENCES workers (id),
  retention_days integer NOT NULL CHECK (retention_days IN (30, 90)),
  eligible_on date NOT NULL,
  status text NOT NULL DEFAULT 'eligible' CHECK (status IN ('eligible', 'applied', 'paid', 'void')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agency_subsidy_eligibilities_submission_key UNIQUE (submission_id)
);
CREATE INDEX agency_subsidy_eligibilities_agency_idx ON agency_subsidy_eligibilities (agency_id, status);

-- The fee per hire the enterprise promised in the listing's terms, owed once the retention is met.
CREATE TABLE agency_fees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL REFERENCES marketplace_submissions (id),
  placement_id uuid NOT NULL REFERENCES placements (id),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  amount_fen integer NOT NULL CHECK (amount_fen >= 0),
  owed_since date NOT NULL,
  status text NOT NULL DEFAULT 'owed' CHECK (status IN ('owed', 'paid', 'waived')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agency_fees_submission_key UNIQUE (submission_id)
);
CREATE INDEX agency_fees_enterprise_idx ON agency_fees (enterprise_id, status);
