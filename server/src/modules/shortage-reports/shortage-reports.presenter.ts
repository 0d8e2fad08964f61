import type { Locale, ShortageReport } from '@yonggong/shared';
import type { ShortageReportLineRow } from '../../db/schema-cases.ts';
import { occupationNameOf } from '../cases/cases.presenter.ts';
import type { ReportWithNames } from './shortage-reports.repository.ts';

/** Row → API shape of an urgent shortage report (the contact phone masked). */
export function presentShortageReport(
  row: ReportWithNames,
  lines: readonly ShortageReportLineRow[],
  orders: readonly { id: string; title: string; status: ShortageReport['jobOrders'][number]['status'] }[],
  locale: Locale,
): ShortageReport {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    districtCode: row.district_code,
    reason: row.reason,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_masked,
    orderMode: row.order_mode,
    totalShortage: row.total_shortage,
    plannedHeadcount: row.planned_headcount,
    isOverThreshold: row.is_over_threshold,
    caseId: row.case_id,
    caseTitle: row.case_title,
    hasOpenedCase: row.case_id !== null && row.case_shortage_report_id === row.id,
    lines: lines.map((line) => ({
      occupationCode: line.occupation_code,
      occupationName: occupationNameOf(line.occupation_code, locale),
      headcount: line.headcount,
      wageMin: line.wage_min,
      wageMax: line.wage_max,
      neededBy: line.needed_by,
      jobOrderId: line.job_order_id,
    })),
    jobOrders: orders.map((order) => ({ id: order.id, title: order.title, status: order.status })),
    reportedByName: row.reported_by_name,
    createdAt: row.created_at.toISOString(),
  };
}
