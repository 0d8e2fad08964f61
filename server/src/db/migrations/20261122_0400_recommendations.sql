-- Matching (issue 5): stored recommendations and the batch runs that compute them.
--
-- A run computes, for every available worker, the top 20 open orders (exact scores from the
-- engine, then re-ranked by capacity) and, for every open order, the top 20 workers. Rows are
-- replaced per worker / per order: a later change to one worker or one order recomputes only its
-- rows (incremental), so a row's computed_at says how fresh it is.

CREATE TABLE match_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  -- 0..1, written as the run goes (the page polls it).
  progress real NOT NULL DEFAULT 0,
  workers integer NOT NULL DEFAULT 0,
  orders integer NOT NULL DEFAULT 0,
  stored integer NOT NULL DEFAULT 0,
  -- The capacity re-ranking's effect: before/after figures (max exposures per place, share of
  -- exposures beyond an order's cap).
  metrics jsonb NOT NULL DEFAULT '{}',
  failure text,
  started_by uuid REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX match_runs_started_idx ON match_runs (started_at DESC);
-- At most one run at a time, enforced by the database (two clicks, two processes).
CREATE UNIQUE INDEX match_runs_one_running ON match_runs ((true)) WHERE status = 'running';

-- Top orders for a worker (side = 'worker': rank among the worker's list) and top workers for an
-- order (side = 'order': rank among the order's list). `over_capacity`: the order already had
-- its share of exposures, so it was placed after the worker's other options.
CREATE TABLE recommendations (
  side text NOT NULL CHECK (side IN ('worker', 'order')),
  worker_id uuid NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
  job_order_id uuid NOT NULL REFERENCES job_orders (id) ON DELETE CASCADE,
  rank smallint NOT NULL,
  score integer NOT NULL,
  over_capacity boolean NOT NULL DEFAULT false,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (side, worker_id, job_order_id)
);
-- The worker's list in rank order; the order's list in rank order.
CREATE INDEX recommendations_worker_idx ON recommendations (worker_id, side, rank);
CREATE INDEX recommendations_order_idx ON recommendations (job_order_id, side, rank);
