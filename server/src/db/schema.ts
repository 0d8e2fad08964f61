import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  app_settings: AppSettingsTable;
  enterprises: EnterprisesTable;
  enterprise_contacts: EnterpriseContactsTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type EnterpriseRow = Selectable<EnterprisesTable>;
export type NewEnterprise = Insertable<EnterprisesTable>;
export type EnterpriseUpdate = Updateable<EnterprisesTable>;
export type ContactRow = Selectable<EnterpriseContactsTable>;
