import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Kysely's view of the monitoring tables (migration 20261122_0700_monitoring.sql is the truth;
 * keep the two in step). Registered in `Database` (schema.ts).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A `date` column: read as a string (the client's type parser), written as `YYYY-MM-DD`. */
type DateColumn = ColumnType<string, string, string>;

export type ReportSource = 'enterprise' | 'officer' | 'import';

export interface MonitoringSamplesTable {
  enterprise_id: string;
  note: Defaulted<string>;
  added_by: string | null;
  added_at: Timestamp;
}

export interface MonitoringReportsTable {
  id: Generated<string>;
  enterprise_id: string;
  month: DateColumn;
  planned_headcount: number;
  actual_headcount: number;
  hires: number;
  separations: number;
  shortage: number;
  expected_hires: Defaulted<number>;
  reasons: Defaulted<string[]>;
  reason_text: Defaulted<string>;
  shortage_rate: ColumnType<number | null, never, never>;
  prev1_rate: ColumnType<number | null, number | null | undefined, number | null>;
  prev2_rate: ColumnType<number | null, number | null | undefined, number | null>;
  previous_actual: number | null;
  reconciliation_difference: number | null;
  reconciliation_confirmed: Defaulted<boolean>;
  source: ReportSource;
  submitted_at: Timestamp;
  submitted_by: string | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface MonitoringReportLinesTable {
  report_id: string;
  occupation_code: string;
  shortage: number;
}

export interface MonitoringMarketSnapshotsTable {
  district_code: string;
  month: DateColumn;
  open_places: number;
  job_seekers: number;
  captured_at: Timestamp;
}

export interface MonitoringTables {
  monitoring_samples: MonitoringSamplesTable;
  monitoring_reports: MonitoringReportsTable;
  monitoring_report_lines: MonitoringReportLinesTable;
  monitoring_market_snapshots: MonitoringMarketSnapshotsTable;
}

export type MonitoringReportRow = Selectable<MonitoringReportsTable>;
