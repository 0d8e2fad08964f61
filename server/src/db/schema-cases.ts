import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Kysely's view of the 一企一策 tables: urgent shortage reports, service cases, their actions and
 * linked orders, visits (migration 20261122_0710_service_cases.sql is the truth; keep the two in
 * step). Registered in `Database` (schema.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** `date` columns: the driver is set to return them as YYYY-MM-DD strings. */
type DateColumn = string;

export type CaseCategoryColumn = 'shortage' | 'retention' | 'policy' | 'training' | 'other';
export type CaseStatusColumn = 'open' | 'in_progress' | 'resolved' | 'cancelled';
export type CaseActionStatusColumn = 'todo' | 'done' | 'dropped';
export type VisitKindColumn = 'visit' | 'phone' | 'meeting';

export interface CaseSettingsTable {
  id: Defaulted<boolean>;
  auto_case_min_people: Defaulted<number>;
  auto_case_min_percent: Defaulted<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ShortageReportsTable {
  id: Generated<string>;
  enterprise_id: string;
  reason: string;
  contact_name: string;
  contact_phone_enc: string | null;
  contact_phone_hash: string | null;
  contact_phone_masked: string | null;
  order_mode: 'link' | 'create';
  total_shortage: number;
  planned_headcount: number | null;
  is_over_threshold: boolean;
  case_id: string | null;
  reported_by: string | null;
  created_at: Timestamp;
}

export interface ShortageReportLinesTable {
  id: Generated<string>;
  report_id: string;
  position: number;
  occupation_code: string;
  headcount: number;
  wage_min: number;
  wage_max: number;
  needed_by: DateColumn;
  job_order_id: string | null;
}

export interface ShortageReportOrdersTable {
  report_id: string;
  job_order_id: string;
}

export interface ServiceCasesTable {
  id: Generated<string>;
  enterprise_id: string;
  title: string;
  category: CaseCategoryColumn;
  problem: Defaulted<string>;
  status: Defaulted<CaseStatusColumn>;
  status_reason: string | null;
  owner_user_id: string | null;
  is_auto_opened: Defaulted<boolean>;
  shortage_report_id: string | null;
  opened_at: Timestamp;
  opened_on: DateColumn;
  closed_at: Date | null;
  closed_on: DateColumn | null;
  version: Defaulted<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseActionsTable {
  id: Generated<string>;
  case_id: string;
  title: string;
  owner_user_id: string | null;
  owner_text: Defaulted<string>;
  due_on: DateColumn;
  status: Defaulted<CaseActionStatusColumn>;
  done_on: DateColumn | null;
  note: Defaulted<string>;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseJobOrdersTable {
  case_id: string;
  job_order_id: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface ServiceVisitsTable {
  id: Generated<string>;
  group_id: string;
  kind: VisitKindColumn;
  visited_on: DateColumn;
  enterprise_id: string;
  case_id: string | null;
  participants: Defaulted<string>;
  notes: string;
  issues: Defaulted<string>;
  liaison_user_id: string;
  created_at: Timestamp;
}

export interface CaseTables {
  case_settings: CaseSettingsTable;
  shortage_reports: ShortageReportsTable;
  shortage_report_lines: ShortageReportLinesTable;
  shortage_report_orders: ShortageReportOrdersTable;
  service_cases: ServiceCasesTable;
  case_actions: CaseActionsTable;
  case_job_orders: CaseJobOrdersTable;
  service_visits: ServiceVisitsTable;
}

export type ShortageReportRow = Selectable<ShortageReportsTable>;
export type ShortageReportLineRow = Selectable<ShortageReportLinesTable>;
export type ServiceCaseRow = Selectable<ServiceCasesTable>;
export type CaseActionRow = Selectable<CaseActionsTable>;
export type ServiceVisitRow = Selectable<ServiceVisitsTable>;
