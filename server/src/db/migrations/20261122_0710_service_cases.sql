-- 一企一策 service (issue 6): urgent shortage reports (缺工报告), service cases with a plan of
-- actions and linked job orders, and the liaisons' visits and consultations (走访, 电话, 座谈).
-- Retried submissions (a phone on a weak network, a double click) are answered by the app-wide
-- Idempotency-Key layer (migration 20261122_0800, server/src/http/idempotency.ts): no per-table keys.

-- The rule that opens a case automatically from an urgent shortage report. Exactly one row.
CREATE TABLE case_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- A report opens a shortage case when its total shortage is at least this many people …
  auto_case_min_people integer NOT NULL DEFAULT 30 CHECK (auto_case_min_people BETWEEN 1 AND 100000),
  -- … or at least this percentage of the enterprise's planned headcount (see docs/api.md).
  auto_case_min_percent integer NOT NULL DEFAULT 10 CHECK (auto_case_min_percent BETWEEN 1 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
INSERT INTO case_settings DEFAULT VALUES;

-- An urgent shortage report between monthly reports.
CREATE TABLE shortage_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  reason text NOT NULL,
  contact_name text NOT NULL,
  contact_phone_enc text,
  contact_phone_hash text,
  contact_phone_masked text,
  -- 'link': attached to existing open orders; 'create': one new order per line.
  order_mode text NOT NULL CHECK (order_mode IN ('link', 'create')),
  total_shortage integer NOT NULL CHECK (total_shortage > 0),
  -- The headcount the threshold was measured against, and whether the report crossed it.
  planned_headcount integer,
  is_over_threshold boolean NOT NULL,
  -- The case this report opened or joined (null below the threshold).
  case_id uuid,
  reported_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shortage_reports_enterprise_idx ON shortage_reports (enterprise_id, created_at DESC);

CREATE TABLE shortage_report_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES shortage_reports (id),
  position integer NOT NULL,
  occupation_code text NOT NULL,
  headcount integer NOT NULL CHECK (headcount > 0),
  wage_min integer NOT NULL CHECK (wage_min >= 0),
  wage_max integer NOT NULL CHECK (wage_max >= wage_min),
  needed_by date NOT NULL,
  -- The order created for this line (order_mode = 'create').
  job_order_id uuid REFERENCES job_orders (id),
  CONSTRAINT shortage_report_lines_position_key UNIQUE (report_id, position)
);

-- Orders a report points at: linked existing ones or the ones it created.
CREATE TABLE shortage_report_orders (
  report_id uuid NOT NULL REFERENCES shortage_reports (id),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  PRIMARY KEY (report_id, job_order_id)
);

-- One case per enterprise problem (一企一策).
CREATE TABLE service_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  title text NOT NULL,
  category text NOT NULL CHECK (category IN ('shortage', 'retention', 'policy', 'training', 'other')),
  problem text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'cancelled')),
  status_reason text,
  owner_user_id uuid REFERENCES users (id),
  -- Opened automatically by an urgent shortage report (shortage_report_id names the first one).
  is_auto_opened boolean NOT NULL DEFAULT false,
  shortage_report_id uuid UNIQUE REFERENCES shortage_reports (id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  -- China dates of opening and closing: the window in which placements count as resolved headcount.
  opened_on date NOT NULL,
  closed_at timestamptz,
  closed_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status IN ('resolved', 'cancelled')) = (closed_on IS NOT NULL))
);
CREATE INDEX service_cases_enterprise_idx ON service_cases (enterprise_id, opened_at DESC);
CREATE INDEX service_cases_owner_idx ON service_cases (owner_user_id, status);
-- At most one automatically opened shortage case per enterprise is active at a time: a second
-- report (or a double click) joins it instead of opening another.
CREATE UNIQUE INDEX service_cases_one_active_auto ON service_cases (enterprise_id)
  WHERE is_auto_opened AND status IN ('open', 'in_progress');

ALTER TABLE shortage_reports ADD CONSTRAINT shortage_reports_case_fk
  FOREIGN KEY (case_id) REFERENCES service_cases (id);

-- The plan: actions with an owner (an account, or a named party such as the enterprise's HR) and a due date.
CREATE TABLE case_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES service_cases (id),
  title text NOT NULL,
  owner_user_id uuid REFERENCES users (id),
  owner_text text NOT NULL DEFAULT '',
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'done', 'dropped')),
  done_on date,
  note text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_actions_case_idx ON case_actions (case_id, due_on);
-- Overdue lists: open actions by due date.
CREATE INDEX case_actions_todo_idx ON case_actions (due_on) WHERE status = 'todo';

CREATE TABLE case_job_orders (
  case_id uuid NOT NULL REFERENCES service_cases (id),
  job_order_id uuid NOT NULL REFERENCES job_orders (id),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, job_order_id)
);
CREATE INDEX case_job_orders_order_idx ON case_job_orders (job_order_id);

-- Visits and consultations. One submission naming N enterprises writes N rows sharing group_id.
CREATE TABLE service_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('visit', 'phone', 'meeting')),
  visited_on date NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  case_id uuid REFERENCES service_cases (id),
  participants text NOT NULL DEFAULT '',
  notes text NOT NULL,
  issues text NOT NULL DEFAULT '',
  -- The officer who logged it (counts per liaison).
  liaison_user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT service_visits_group_enterprise_key UNIQUE (group_id, enterprise_id)
);
CREATE INDEX service_visits_enterprise_idx ON service_visits (enterprise_id, visited_on DESC);
CREATE INDEX service_visits_liaison_idx ON service_visits (liaison_user_id, visited_on DESC);
CREATE INDEX service_visits_case_idx ON service_visits (case_id) WHERE case_id IS NOT NULL;
