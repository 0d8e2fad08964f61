import type { MonitoringReportRow } from '../src/db/schema-monitoring.ts';
import type { Deps } from '../src/deps.ts';
import { insertReport, refreshPreviousRates } from '../src/modules/monitoring/monitoring.repository.ts';

/**
 * A headcount report written straight to the database (as the demo and imports do), with the
 * previous-month rates refreshed like the service does. Defaults: 1 000 planned, no shortage.
 */
export async function buildMonitoringReport(
  deps: Pick<Deps, 'db'>,
  overrides: {
    enterpriseId: string;
    month: string;
    planned?: number;
    actual?: number;
    hires?: number;
    separations?: number;
    shortage?: number;
    submittedAt?: Date;
  },
): Promise<MonitoringReportRow> {
  const planned = overrides.planned ?? 1000;
  const shortage = overrides.shortage ?? 0;
  const row = await insertReport(deps.db, {
    enterprise_id: overrides.enterpriseId,
    month: `${overrides.month}-01`,
    planned_headcount: planned,
    actual_headcount: overrides.actual ?? planned - shortage,
    hires: overrides.hires ?? 0,
    separations: overrides.separations ?? 0,
    shortage,
    previous_actual: null,
    reconciliation_difference: null,
    source: 'officer',
    submitted_by: null,
    updated_by: null,
    ...(overrides.submittedAt ? { submitted_at: overrides.submittedAt } : {}),
  });
  await refreshPreviousRates(deps.db, overrides.enterpriseId, `${overrides.month}-01`);
  return row;
}
