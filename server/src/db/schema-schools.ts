import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Kysely's view of the schools tables (migration 20261122_0620_schools.sql is the truth; keep the
 * two in step). Registered in `Database` (schema.ts). Dates are `YYYY-MM-DD` strings.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type SchoolType = 'technician' | 'higher_vocational' | 'secondary_vocational' | 'undergraduate';
export type OrderClassKind = 'order' | 'named' | 'industry_college';
export type InternshipKind = 'placement' | 'traineeship';
export type ProgrammeStatus = 'planned' | 'ongoing' | 'completed' | 'terminated';

interface Versioned {
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface SchoolsTable extends Versioned {
  id: Generated<string>;
  name: string;
  name_key: string;
  name_pinyin: Defaulted<string>;
  name_initials: Defaulted<string>;
  type: SchoolType;
  region_code: string;
  address: Defaulted<string>;
  notes: Defaulted<string>;
}

export interface SchoolContactsTable {
  id: Generated<string>;
  school_id: string;
  position: number;
  name: string;
  title: Defaulted<string>;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
}

export interface SchoolMajorsTable {
  id: Generated<string>;
  school_id: string;
  name: string;
  occupation_code: string | null;
  position: number;
}

export interface SchoolMajorGraduatesTable {
  major_id: string;
  year: number;
  graduates: number;
}

export interface SchoolAgreementsTable extends Versioned {
  id: Generated<string>;
  school_id: string;
  enterprise_id: string;
  title: Defaulted<string>;
  signed_on: string;
  valid_from: string;
  valid_until: string;
  scopes: string[];
  notes: Defaulted<string>;
}

export interface OrderClassesTable extends Versioned {
  id: Generated<string>;
  school_id: string;
  enterprise_id: string;
  agreement_id: string | null;
  kind: OrderClassKind;
  name: string;
  major_name: string;
  class_size: number;
  start_date: string;
  graduation_date: string;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  delivered_job_order_id: ColumnType<string | null, string | null | undefined, string | null>;
  delivered_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrderClassStudentsTable {
  class_id: string;
  worker_id: string;
  status: Defaulted<'enrolled' | 'withdrawn'>;
  import_id: string | null;
  added_by: string | null;
  added_at: Timestamp;
}

export interface OrderClassImportsTable {
  import_id: string;
  class_id: string;
  attached: Defaulted<number>;
  attached_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface InternshipsTable extends Versioned {
  id: Generated<string>;
  kind: InternshipKind;
  worker_id: string;
  school_id: string | null;
  enterprise_id: string;
  position: string;
  start_date: string;
  end_date: string;
  graduation_date: string | null;
  monthly_stipend: number;
  supervisor_name: Defaulted<string>;
  supervisor_phone_enc: string | null;
  supervisor_phone_hash: string | null;
  supervisor_phone_masked: string | null;
  status: Defaulted<ProgrammeStatus>;
  subsidy_eligible: boolean;
  subsidy_reason: string;
  notes: Defaulted<string>;
}

export interface ApprenticeshipsTable extends Versioned {
  id: Generated<string>;
  enterprise_id: string;
  school_id: string | null;
  provider_name: Defaulted<string>;
  occupation_code: string;
  title: string;
  start_date: string;
  end_date: string;
  status: Defaulted<ProgrammeStatus>;
  notes: Defaulted<string>;
}

export interface ApprenticesTable {
  apprenticeship_id: string;
  worker_id: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface SchoolTables {
  schools: SchoolsTable;
  school_contacts: SchoolContactsTable;
  school_majors: SchoolMajorsTable;
  school_major_graduates: SchoolMajorGraduatesTable;
  school_agreements: SchoolAgreementsTable;
  order_classes: OrderClassesTable;
  order_class_students: OrderClassStudentsTable;
  order_class_imports: OrderClassImportsTable;
  internships: InternshipsTable;
  apprenticeships: ApprenticeshipsTable;
  apprentices: ApprenticesTable;
}

export type SchoolRow = Selectable<SchoolsTable>;
export type SchoolAgreementRow = Selectable<SchoolAgreementsTable>;
export type OrderClassRow = Selectable<OrderClassesTable>;
export type InternshipRow = Selectable<InternshipsTable>;
export type ApprenticeshipRow = Selectable<ApprenticeshipsTable>;
