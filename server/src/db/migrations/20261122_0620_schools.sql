-- Schools and school–enterprise cooperation (issue 4): schools with their majors and yearly
-- graduates, cooperation agreements (校企合作协议), order / named classes and 产业学院 cohorts with
-- their students, internships (顶岗实习 / 见习) and new-style apprenticeships (新型学徒制).
-- Students are ordinary workers: each has a worker_channels row (channel 'school', source_ref = the
-- school, channel_ref = the class), so the worker pool, scoping and channel effectiveness see them.

CREATE TABLE schools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- The name as it is unique: half-width, no blanks (二〇二四 and ２０２４ are the same school).
  name_key text NOT NULL,
  name_pinyin text NOT NULL DEFAULT '',
  name_initials text NOT NULL DEFAULT '',
  type text NOT NULL CHECK (type IN ('technician', 'higher_vocational', 'secondary_vocational', 'undergraduate')),
  -- County-level GB/T 2260 code; schools are often outside the city (labour-exporting provinces).
  region_code text NOT NULL,
  address text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT schools_name_key UNIQUE (name_key)
);
CREATE INDEX schools_region_idx ON schools (region_code);
CREATE INDEX schools_type_idx ON schools (type);

CREATE TABLE school_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  title text NOT NULL DEFAULT '',
  phone_enc text NOT NULL,
  phone_hash text NOT NULL,
  phone_masked text NOT NULL,
  CONSTRAINT school_contacts_position UNIQUE (school_id, position)
);

CREATE TABLE school_majors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- The occupation the major prepares for (职业分类大典 prefix), for matching classes to orders.
  occupation_code text,
  position integer NOT NULL,
  CONSTRAINT school_majors_name UNIQUE (school_id, name)
);

-- Graduates of a major by year of graduation (届): what enterprises ask the bureau for.
CREATE TABLE school_major_graduates (
  major_id uuid NOT NULL REFERENCES school_majors (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  graduates integer NOT NULL CHECK (graduates >= 0),
  PRIMARY KEY (major_id, year)
);

CREATE TABLE school_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  title text NOT NULL DEFAULT '',
  signed_on date NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  -- order_class | internship_base | apprenticeship | industry_college | training | employment_base
  scopes text[] NOT NULL CHECK (cardinality(scopes) >= 1),
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT school_agreements_period CHECK (valid_from <= valid_until),
  -- One agreement per pair and signing day (a re-signed agreement is a new row, a double click is not).
  CONSTRAINT school_agreements_unique UNIQUE (school_id, enterprise_id, signed_on)
);
CREATE INDEX school_agreements_enterprise_idx ON school_agreements (enterprise_id, valid_until);
-- "New agreements signed in a period" (the 100-new-bases target) reads by signing date.
CREATE INDEX school_agreements_signed_idx ON school_agreements (signed_on);

CREATE TABLE order_classes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES schools (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  agreement_id uuid REFERENCES school_agreements (id),
  -- order (订单班) | named (冠名班) | industry_college (产业学院 cohort)
  kind text NOT NULL CHECK (kind IN ('order', 'named', 'industry_college')),
  name text NOT NULL,
  major_name text NOT NULL,
  class_size integer NOT NULL CHECK (class_size BETWEEN 1 AND 500),
  start_date date NOT NULL,
  graduation_date date NOT NULL,
  delivered_at timestamptz,
  delivered_job_order_id uuid REFERENCES job_orders (id),
  delivered_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT order_classes_period CHECK (start_date <= graduation_date),
  CONSTRAINT order_classes_name UNIQUE (school_id, name)
);
CREATE INDEX order_classes_enterprise_idx ON order_classes (enterprise_id, graduation_date);
CREATE INDEX order_classes_school_idx ON order_classes (school_id, graduation_date);

CREATE TABLE order_class_students (
  class_id uuid NOT NULL REFERENCES order_classes (id) ON DELETE CASCADE,
  worker_id uuid NOT NULL REFERENCES workers (id),
  -- enrolled | withdrawn (left the class; kept for the record, never delivered)
  status text NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'withdrawn')),
  -- The worker import that brought the student in (null: added one by one).
  import_id uuid,
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (class_id, worker_id)
);
CREATE INDEX order_class_students_worker_idx ON order_class_students (worker_id);

-- A student list imported into a class: the ordinary worker import (worker_imports, credited to the
-- school, channel_ref = the class), then its people attached to the class in one statement.
-- attached_at is set once attached (a crash between the two is finished by the next status read).
CREATE TABLE order_class_imports (
  import_id uuid PRIMARY KEY REFERENCES worker_imports (id),
  class_id uuid NOT NULL REFERENCES order_classes (id) ON DELETE CASCADE,
  attached integer NOT NULL DEFAULT 0,
  attached_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_class_imports_class_idx ON order_class_imports (class_id, created_at DESC);

CREATE TABLE internships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- placement (顶岗实习, students still enrolled) | traineeship (见习, graduates and young jobseekers)
  kind text NOT NULL CHECK (kind IN ('placement', 'traineeship')),
  worker_id uuid NOT NULL REFERENCES workers (id),
  school_id uuid REFERENCES schools (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  position text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  graduation_date date,
  monthly_stipend integer NOT NULL CHECK (monthly_stipend >= 0), -- fen
  supervisor_name text NOT NULL DEFAULT '',
  supervisor_phone_enc text,
  supervisor_phone_hash text,
  supervisor_phone_masked text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'completed', 'terminated')),
  -- The traineeship-subsidy rule's verdict at the last write (engine traineeshipSubsidy) and why.
  subsidy_eligible boolean NOT NULL,
  subsidy_reason text NOT NULL,
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT internships_period CHECK (start_date <= end_date)
);
CREATE INDEX internships_enterprise_idx ON internships (enterprise_id, start_date);
CREATE INDEX internships_school_idx ON internships (school_id, start_date);
CREATE INDEX internships_worker_idx ON internships (worker_id);

CREATE TABLE apprenticeships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  -- The training side: a registered school, or a training provider named in text.
  school_id uuid REFERENCES schools (id),
  provider_name text NOT NULL DEFAULT '',
  occupation_code text NOT NULL,
  title text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'ongoing', 'completed', 'terminated')),
  notes text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT apprenticeships_period CHECK (start_date <= end_date),
  CONSTRAINT apprenticeships_provider CHECK (school_id IS NOT NULL OR provider_name <> '')
);
CREATE INDEX apprenticeships_enterprise_idx ON apprenticeships (enterprise_id);
CREATE INDEX apprenticeships_school_idx ON apprenticeships (school_id);

CREATE TABLE apprentices (
  apprenticeship_id uuid NOT NULL REFERENCES apprenticeships (id) ON DELETE CASCADE,
  worker_id uuid NOT NULL REFERENCES workers (id),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (apprenticeship_id, worker_id)
);
CREATE INDEX apprentices_worker_idx ON apprentices (worker_id);

-- School staff accounts are bound to a school (users.school_id was added without its key).
ALTER TABLE users ADD CONSTRAINT users_school_fk FOREIGN KEY (school_id) REFERENCES schools (id);
