import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Kysely's view of the labour-base, survey and training tables (migration
 * 20261122_0610_bases_surveys_trainings.sql is the truth; keep the two in step). Registered in
 * `Database` (schema.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** Computed by the database (GENERATED ALWAYS): read only. */
type Computed<T> = ColumnType<T, never, never>;

export type BaseKind = 'labour_cooperation' | 'directed_training' | 'internship_practice';
export type BaseEventKind = 'visit' | 'meeting' | 'online';
export type SurveyWillingness = 'yes' | 'no' | 'undecided';
export type EnrolmentStatus = 'enrolled' | 'completed' | 'dropped';

export interface LabourBasesTable {
  id: Generated<string>;
  name: string;
  name_pinyin: string;
  name_initials: string;
  kind: BaseKind;
  origin_region_code: string;
  origin_county_code: Computed<string>;
  origin_province_code: Computed<string>;
  origin_township_name: Defaulted<string>;
  partner_name: string;
  address: Defaulted<string>;
  managing_district_code: string | null;
  agreement_number: Defaulted<string>;
  agreement_signed_on: ColumnType<string | null, string | null | undefined, string | null>;
  agreement_valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  annual_target: Defaulted<number>;
  notes: Defaulted<string>;
  status: Defaulted<'active' | 'inactive'>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface LabourBaseContactsTable {
  id: Generated<string>;
  base_id: string;
  position: Defaulted<number>;
  name: string;
  title: Defaulted<string>;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
}

export interface LabourBaseAgreementFilesTable {
  base_id: string;
  filename: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface LabourBaseEventsTable {
  id: Generated<string>;
  base_id: string;
  held_on: string;
  place: string;
  kind: BaseEventKind;
  notes: Defaulted<string>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface LabourBaseEventEnterprisesTable {
  event_id: string;
  enterprise_id: string;
}

export interface LabourBaseEventWorkersTable {
  event_id: string;
  worker_id: string;
}

export interface SurveyCampaignsTable {
  id: Generated<string>;
  name: string;
  county_code: string;
  township_code: string | null;
  township_name: Defaulted<string>;
  organiser: string;
  period_start: string;
  period_end: string;
  notes: Defaulted<string>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface SurveyRecordsTable {
  id: Generated<string>;
  campaign_id: string;
  village: string;
  name: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  id_last4: string;
  birth_date: string;
  sex: 'male' | 'female';
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  phone_last4: string;
  education: Defaulted<string>;
  willing: SurveyWillingness;
  skills: Defaulted<string[]>;
  preferred_region_codes: Defaulted<string[]>;
  earliest_date: string | null;
  household_notes: Defaulted<string>;
  version: Defaulted<number>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface SurveyConversionsTable {
  record_id: string;
  campaign_id: string;
  worker_id: string;
  is_new_worker: boolean;
  converted_at: Timestamp;
  converted_by: string | null;
}

export interface TrainingProgrammesTable {
  id: Generated<string>;
  name: string;
  occupation_code: string;
  skill: Defaulted<string>;
  provider: string;
  seats: number;
  taken: Defaulted<number>;
  starts_on: string;
  ends_on: string;
  cost_per_trainee_fen: Defaulted<number>;
  job_order_id: string | null;
  managing_district_code: string | null;
  notes: Defaulted<string>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface TrainingEnrolmentsTable {
  id: Generated<string>;
  programme_id: string;
  worker_id: string;
  status: Defaulted<EnrolmentStatus>;
  certificate: string | null;
  completed_on: string | null;
  application_id: string | null;
  enrolled_at: Timestamp;
  enrolled_by: string | null;
  updated_at: Timestamp;
}

export interface ChannelTables {
  labour_bases: LabourBasesTable;
  labour_base_contacts: LabourBaseContactsTable;
  labour_base_agreement_files: LabourBaseAgreementFilesTable;
  labour_base_events: LabourBaseEventsTable;
  labour_base_event_enterprises: LabourBaseEventEnterprisesTable;
  labour_base_event_workers: LabourBaseEventWorkersTable;
  survey_campaigns: SurveyCampaignsTable;
  survey_records: SurveyRecordsTable;
  survey_conversions: SurveyConversionsTable;
  training_programmes: TrainingProgrammesTable;
  training_enrolments: TrainingEnrolmentsTable;
}

export type LabourBaseRow = Selectable<LabourBasesTable>;
export type LabourBaseContactRow = Selectable<LabourBaseContactsTable>;
export type LabourBaseEventRow = Selectable<LabourBaseEventsTable>;
export type SurveyCampaignRow = Selectable<SurveyCampaignsTable>;
export type SurveyRecordRow = Selectable<SurveyRecordsTable>;
export type TrainingProgrammeRow = Selectable<TrainingProgrammesTable>;
export type TrainingEnrolmentRow = Selectable<TrainingEnrolmentsTable>;
