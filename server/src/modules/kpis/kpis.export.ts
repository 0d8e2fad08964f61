import { CHANNEL_REPORT_LABELS, type ChannelKpiQuery, type Locale } from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { getChannelReport } from './kpis.service.ts';

/**
 * The channel report as the bureau sends it on (Excel): one row per channel record with the same
 * figures as the page, the period and district in the title row. Small (one row per base, school,
 * programme, campaign, agency), so built in memory. Audited like every export.
 */
const HEADERS: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '渠道类型',
    '渠道',
    '供给人数',
    '推介/报名',
    '到岗',
    '到岗率',
    '30天留存',
    '30天离职',
    '30天待回访',
    '30天留存率',
    '90天留存',
    '90天离职',
    '90天待回访',
    '90天留存率',
  ],
  en: [
    'Channel kind',
    'Channel',
    'Supplied',
    'Applications',
    'Hires',
    'Hire rate',
    'Retained 30 d',
    'Left by 30 d',
    'Awaiting 30 d check',
    '30-day retention',
    'Retained 90 d',
    'Left by 90 d',
    'Awaiting 90 d check',
    '90-day retention',
  ],
};

export async function exportChannelReport(
  deps: Deps,
  ctx: RequestContext,
  query: ChannelKpiQuery,
): Promise<Buffer> {
  const report = await getChannelReport(deps, ctx.actor, query);
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'kpi.export',
    entityType: 'export',
    entityId: null,
    summary: `导出渠道成效（${report.from} 至 ${report.to}${report.districtCode ? `，${report.districtCode}` : ''}）`,
    after: { ...query },
  });
  const locale = ctx.locale;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Channels' : '渠道成效');
  const district = report.districtCode
    ? (deps.regions.get(report.districtCode)?.name ?? report.districtCode)
    : null;
  sheet.addRow([
    locale === 'en'
      ? `Channel effectiveness ${report.from} – ${report.to}${district ? `, ${district}` : ', whole city'}`
      : `渠道成效 ${report.from} 至 ${report.to}（${district ?? '全市'}）`,
  ]).font = { bold: true };
  sheet.addRow([...HEADERS[locale]]).font = { bold: true };
  const rate = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);
  const rows = [
    ...report.items.map((item) => ({ ...item, label: CHANNEL_REPORT_LABELS[item.channel][locale] })),
  ];
  for (const item of rows)
    sheet.addRow([
      item.label,
      item.name ?? '',
      item.supplied,
      item.applications,
      item.hires,
      rate(item.hireRate),
      item.retention30.retained,
      item.retention30.lost,
      item.retention30.pending,
      rate(item.retention30.rate),
      item.retention90.retained,
      item.retention90.lost,
      item.retention90.pending,
      rate(item.retention90.rate),
    ]);
  const t = report.totals;
  sheet.addRow([
    locale === 'en' ? 'Total' : '合计',
    '',
    t.supplied,
    t.applications,
    t.hires,
    rate(t.hireRate),
    t.retention30.retained,
    t.retention30.lost,
    t.retention30.pending,
    rate(t.retention30.rate),
    t.retention90.retained,
    t.retention90.lost,
    t.retention90.pending,
    rate(t.retention90.rate),
  ]).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 36 : 12;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
