import type {
  ApplicationStatus,
  Channel,
  EducationLevel,
  JobOrderStatus,
  MEALS,
  SHIFTS,
  Urgency,
  Visibility,
} from '@yonggong/shared';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CaseTables } from './schema-cases.ts';
import type { ChannelTables } from './schema-channels.ts';
import type { MarketplaceTables } from './schema-marketplace.ts';
import type { MonitoringTables } from './schema-monitoring.ts';
import type { SchoolTables } from './schema-schools.ts';

/**
 * Kysely's view of the tables (migrations/*.sql are the truth; keep the two in step).
 * `Generated` columns have database defaults; `ColumnType<S, I, U>` = select, insert, update types.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string | null;
  roles: string[];
  district_codes: ColumnType<string[], string[] | undefined, string[]>;
  enterprise_id: string | null;
  agency_id: string | null;
  school_id: string | null;
  base_id: string | null;
  worker_id: string | null;
  locale: ColumnType<string | null, string | null | undefined, string | null>;
  is_disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date, Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  username: string;
  at: Timestamp;
  ip: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: ColumnType<string, string | undefined, never>;
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
  request_id: string | null;
  ip: string | null;
}

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface EnterprisesTable {
  id: Generated<string>;
  credit_code: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  industry_code: string;
  district_code: string;
  address: ColumnType<string, string | undefined, string>;
  longitude: number | null;
  latitude: number | null;
  size: string;
  employee_count: number | null;
  key_level: ColumnType<string, string | undefined, string>;
  liaison_user_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  deactivated_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface EnterpriseContactsTable {
  id: Generated<string>;
  enterprise_id: string;
  position: ColumnType<number, number | undefined, number>;
  name: string;
  title: ColumnType<string, string | undefined, string>;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
}

export interface JobOrdersTable {
  id: Generated<string>;
  enterprise_id: string;
  title: string;
  occupation_code: string;
  headcount: number;
  filled: ColumnType<number, number | undefined, number>;
  wage_min: number;
  wage_max: number;
  age_min: number | null;
  age_max: number | null;
  education_min: EducationLevel;
  skills: string[];
  certificates: string[];
  district_code: string;
  address: ColumnType<string, string | undefined, string>;
  shifts: (typeof SHIFTS)[number];
  dormitory: boolean;
  meals: (typeof MEALS)[number];
  start_date: string | null;
  deadline: string;
  urgency: Urgency;
  visibility: Visibility[];
  contact_name: string;
  contact_phone_enc: string | null;
  contact_phone_hash: string | null;
  contact_phone_masked: string | null;
  description: string;
  status: JobOrderStatus;
  status_reason: string | null;
  staff_assisted: boolean;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface WorkersTable {
  id: Generated<string>;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  phone_last4: string;
  id_last4: string;
  birth_date: string;
  sex: string;
  origin_region_code: string | null;
  current_region_code: string | null;
  current_address: ColumnType<string, string | undefined, string>;
  education: string;
  skills: string[];
  certificates: string[];
  occupation_codes: string[];
  expected_wage: number | null;
  available_from: string | null;
  district_code: string | null;
  status: ColumnType<string, string | undefined, string>;
  source_channel: string;
  /** The channel record (base, school, programme, survey campaign, agency) of the first arrival. */
  source_ref: ColumnType<string | null, string | null | undefined, string | null>;
  notes: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface WorkerChannelsTable {
  id: Generated<number>;
  worker_id: string;
  channel: string;
  channel_ref: ColumnType<string, string | undefined, string>;
  registered_by: string | null;
  import_batch_id: string | null;
  /** The channel record this arrival belongs to (see migration 20261122_0600). */
  source_ref: ColumnType<string | null, string | null | undefined, string | null>;
  at: Timestamp;
}

export interface WorkerDuplicateFlagsTable {
  id: Generated<string>;
  worker_id: string;
  other_worker_id: string;
  reason: string;
  status: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export interface ApplicationsTable {
  id: Generated<string>;
  worker_id: string;
  job_order_id: string;
  enterprise_id: string;
  status: ApplicationStatus;
  channel: Channel;
  /** The channel record (base, school, programme, agency …) credited with this application. */
  channel_ref: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string, string | undefined, string>;
  hired_on: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_action_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  actor_id: string | null;
  reason: ColumnType<string, string | undefined, string>;
  at: Timestamp;
}

export interface PlacementsTable {
  id: Generated<string>;
  application_id: string;
  worker_id: string;
  job_order_id: string;
  enterprise_id: string;
  channel: Channel;
  channel_ref: ColumnType<string | null, string | null | undefined, string | null>;
  hired_on: string;
  retained_30: ColumnType<string, string | undefined, string>;
  retained_30_by: string | null;
  retained_30_at: Date | null;
  retained_90: ColumnType<string, string | undefined, string>;
  retained_90_by: string | null;
  retained_90_at: Date | null;
  ended_on: string | null;
  created_at: Timestamp;
}

export interface WorkerImportsTable {
  id: Generated<string>;
  filename: string;
  mode: string;
  channel: ColumnType<string, string | undefined, string>;
  source_ref: ColumnType<string | null, string | null | undefined, string | null>;
  district_code: string | null;
  status: ColumnType<string, string | undefined, string>;
  committed: ColumnType<boolean, boolean | undefined, boolean>;
  processed_rows: ColumnType<number, number | undefined, number>;
  total_rows: number | null;
  progress: ColumnType<number, number | undefined, number>;
  created: ColumnType<number, number | undefined, number>;
  linked: ColumnType<number, number | undefined, number>;
  failed: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  errors: ColumnType<unknown[], string | undefined, string>;
  failure_code: string | null;
  created_by: string | null;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Date | null;
}

/** Staging rows of running imports (UNLOGGED; see migration 20261122_0300). */
export interface WorkerImportRowsTable {
  import_id: string;
  row_number: number;
  worker_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  phone_last4: string;
  id_last4: string;
  birth_date: string;
  sex: string;
  origin_region_code: string | null;
  current_address: string;
  education: string;
  skills: string[];
  certificates: string[];
  expected_wage: number | null;
  available_from: string | null;
  notes: string;
}

export interface MatchRunsTable {
  id: Generated<string>;
  status: ColumnType<'running' | 'done' | 'failed', 'running' | 'done' | 'failed' | undefined>;
  progress: Generated<number>;
  workers: Generated<number>;
  orders: Generated<number>;
  stored: Generated<number>;
  metrics: ColumnType<Record<string, unknown>, string | undefined, string>;
  failure: string | null;
  started_by: string | null;
  started_at: Generated<Date>;
  heartbeat_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface RecommendationsTable {
  side: 'worker' | 'order';
  worker_id: string;
  job_order_id: string;
  rank: number;
  score: number;
  over_capacity: Generated<boolean>;
  computed_at: Generated<Date>;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface Database
  extends MarketplaceTables,
    CaseTables,
    MonitoringTables,
    ChannelTables,
    SchoolTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  app_settings: AppSettingsTable;
  enterprises: EnterprisesTable;
  enterprise_contacts: EnterpriseContactsTable;
  schema_migrations: SchemaMigrationsTable;
  job_orders: JobOrdersTable;
  workers: WorkersTable;
  worker_channels: WorkerChannelsTable;
  worker_duplicate_flags: WorkerDuplicateFlagsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  placements: PlacementsTable;
  worker_imports: WorkerImportsTable;
  worker_import_rows: WorkerImportRowsTable;
  match_runs: MatchRunsTable;
  recommendations: RecommendationsTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** Replies kept for `Idempotency-Key` replays (migration 20261122_0800). */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  fingerprint: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Timestamp;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type EnterpriseRow = Selectable<EnterprisesTable>;
export type NewEnterprise = Insertable<EnterprisesTable>;
export type EnterpriseUpdate = Updateable<EnterprisesTable>;
export type ContactRow = Selectable<EnterpriseContactsTable>;
export type JobOrderRow = Selectable<JobOrdersTable>;
export type NewJobOrder = Insertable<JobOrdersTable>;
export type WorkerRow = Selectable<WorkersTable>;
export type NewWorker = Insertable<WorkersTable>;
export type ApplicationRow = Selectable<ApplicationsTable>;
export type PlacementRow = Selectable<PlacementsTable>;
export type WorkerImportRow = Selectable<WorkerImportsTable>;
export type WorkerChannelRow = Selectable<WorkerChannelsTable>;
export type WorkerDuplicateFlagRow = Selectable<WorkerDuplicateFlagsTable>;
