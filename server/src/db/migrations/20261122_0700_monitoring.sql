-- Monitoring (issue 6): the monitored set, monthly headcount reports (用工动态监测), shortage by
-- occupation, and monthly snapshots of the district labour market for 求人倍率.
-- Settings (reporting window, colour thresholds, rules) live in app_settings under 'monitoring'.

-- The sample set (抽样监测企业): monitored besides every key enterprise (key_level <> 'none').
CREATE TABLE monitoring_samples (
  enterprise_id uuid PRIMARY KEY REFERENCES enterprises (id),
  note text NOT NULL DEFAULT '',
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE monitoring_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  -- The first day of the reported month.
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  planned_headcount integer NOT NULL CHECK (planned_headcount >= 0),
  actual_headcount integer NOT NULL CHECK (actual_headcount >= 0),
  hires integer NOT NULL CHECK (hires >= 0),
  separations integer NOT NULL CHECK (separations >= 0),
  shortage integer NOT NULL CHECK (shortage >= 0),
  expected_hires integer NOT NULL DEFAULT 0 CHECK (expected_hires >= 0),
  reasons text[] NOT NULL DEFAULT '{}',
  reason_text text NOT NULL DEFAULT '',
  -- Computed once here so the map never divides per request; NULL when nothing is planned.
  shortage_rate double precision GENERATED ALWAYS AS (
    CASE WHEN planned_headcount > 0 THEN shortage::double precision / planned_headcount END
  ) STORED,
  -- The rates of the two months before (NULL: no report then). Maintained on every write of this
  -- enterprise's reports (the service updates the following two months too), so the colour rule
  -- "rising two months in a row" is a per-row expression and the map a single scan of one month.
  prev1_rate double precision,
  prev2_rate double precision,
  -- Reconciliation at the time of writing: the previous month's actual and actual − expected
  -- (NULL when balanced or there was no previous report); a mismatch needs the reporter's confirmation.
  previous_actual integer,
  reconciliation_difference integer,
  reconciliation_confirmed boolean NOT NULL DEFAULT false,
  source text NOT NULL CHECK (source IN ('enterprise', 'officer', 'import')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT monitoring_reports_reconciliation_confirmed CHECK (
    reconciliation_difference IS NULL OR reconciliation_confirmed
  )
);
-- One report per enterprise and month; also the enterprise map's probes of this and last month,
-- answered from the index alone (covering: no heap visit per enterprise).
CREATE UNIQUE INDEX monitoring_reports_enterprise_month_key ON monitoring_reports (enterprise_id, month)
  INCLUDE (planned_headcount, actual_headcount, shortage, shortage_rate, prev1_rate, prev2_rate);
-- The map's scan: one month's rows with everything the map reads, from the index alone (an
-- index-only scan once vacuumed; PostgreSQL 11+ INCLUDE). One month's rows lie on as many heap
-- pages as there are enterprises, so a heap visit per row is what this index exists to avoid.
CREATE INDEX monitoring_reports_month_idx ON monitoring_reports (month, enterprise_id)
  INCLUDE (planned_headcount, actual_headcount, shortage, shortage_rate, prev1_rate, prev2_rate);

CREATE TABLE monitoring_report_lines (
  report_id uuid NOT NULL REFERENCES monitoring_reports (id) ON DELETE CASCADE,
  occupation_code text NOT NULL CHECK (occupation_code ~ '^[0-9](-[0-9]{2}){1,3}$'),
  shortage integer NOT NULL CHECK (shortage > 0),
  PRIMARY KEY (report_id, occupation_code)
);

-- Open places and job seekers of a district at a month's close, for 求人倍率 trends: job orders
-- and workers change, so past months cannot be recomputed from them. The current month is live.
CREATE TABLE monitoring_market_snapshots (
  district_code text NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  open_places integer NOT NULL CHECK (open_places >= 0),
  job_seekers integer NOT NULL CHECK (job_seekers >= 0),
  captured_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_code, month)
);
