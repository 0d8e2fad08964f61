-- Worker list imports (issue 3): a job row per uploaded file, and a staging table its rows wait in.
--
-- An import validates and encrypts rows as it streams the file and writes them to the staging table
-- in batches (short statements: the embedded database serves other requests in between). Nothing
-- reaches `workers` until the end, when one transaction moves the staged rows in set-based
-- statements (INSERT … SELECT … ON CONFLICT (id_number_hash) DO NOTHING) and marks the job done.
-- A process killed before that commit leaves only staging rows and a job still `running`; the
-- next sweep (heartbeat older than a minute) marks it failed and deletes its staging rows.

CREATE TABLE worker_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  filename text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('all', 'valid')),
  channel text NOT NULL DEFAULT 'import',
  -- The district that serves the imported workers (NULL: the city-wide pool).
  district_code text,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  committed boolean NOT NULL DEFAULT false,
  processed_rows integer NOT NULL DEFAULT 0,
  total_rows integer,
  progress real NOT NULL DEFAULT 0,
  created integer NOT NULL DEFAULT 0,
  linked integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  error_count integer NOT NULL DEFAULT 0,
  -- The first 1,000 row errors {row, column, code, params} (messages are rendered per reader).
  errors jsonb NOT NULL DEFAULT '[]',
  failure_code text,
  created_by uuid REFERENCES users (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  -- Touched after every batch: a running job with an old heartbeat belongs to a dead process.
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX worker_imports_running_idx ON worker_imports (heartbeat_at) WHERE status = 'running';
CREATE INDEX worker_imports_creator_idx ON worker_imports (created_by, started_at DESC);

-- Staging: validated, encrypted rows of running imports (never plaintext ID numbers or phones).
-- UNLOGGED on purpose: no WAL for data that is either moved into `workers` or thrown away; after a
-- crash PostgreSQL empties it, which is exactly what an interrupted import needs.
-- `worker_id` is the id the row gets if its person is new.
CREATE UNLOGGED TABLE worker_import_rows (
  import_id uuid NOT NULL,
  row_number integer NOT NULL,
  worker_id uuid NOT NULL,
  name text NOT NULL,
  name_pinyin text NOT NULL,
  name_initials text NOT NULL,
  id_number_enc text NOT NULL,
  id_number_hash text NOT NULL,
  id_number_masked text NOT NULL,
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL,
  phone_last4 text NOT NULL,
  id_last4 text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL,
  origin_region_code text,
  current_address text NOT NULL,
  education text NOT NULL,
  skills text[] NOT NULL,
  certificates text[] NOT NULL,
  expected_wage integer,
  available_from date,
  notes text NOT NULL
);
-- One row per person and import: a second row with the same ID number is a duplicate in the file.
CREATE UNIQUE INDEX worker_import_rows_person_key ON worker_import_rows (import_id, id_number_hash);
