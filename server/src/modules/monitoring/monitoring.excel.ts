import { PassThrough, type Readable } from 'node:stream';
import {
  formatMessage,
  LIMITS,
  localizeZodIssue,
  type MapQuery,
  type ReportImportResult,
  type ReportListQuery,
  reportCreateBody,
} from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { type ColumnSpec, cellText, locateHeader, readSheet } from '../../lib/spreadsheet.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { canReportFor, monitoringScope } from './monitoring.policy.ts';
import { findEnterpriseByCreditCode, findReportOf } from './monitoring.repository.ts';
import { getMap, listReportPage, upsertReportFromImport } from './monitoring.service.ts';

/**
 * Excel in and out for monitoring: the reports list (scoped, streamed), the map's figures, the
 * import template and the import. The import is all-or-nothing: every row is checked first (schema,
 * enterprise visible and reportable), then all rows are written in ONE transaction in month order
 * (so a file holding several months reconciles against itself); any failure rolls everything back.
 * Reconciliation mismatches do not block an import: they are recorded as confirmed and returned as
 * warnings, because a bureau's consolidated sheet has been checked by the sender.
 */
type Field =
  | 'creditCode'
  | 'name'
  | 'month'
  | 'plannedHeadcount'
  | 'actualHeadcount'
  | 'hires'
  | 'separations'
  | 'shortage'
  | 'expectedHires'
  | 'reasonText';

const COLUMNS: readonly ColumnSpec<Field>[] = [
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', 'credit code'], required: true },
  { field: 'name', header: '企业名称', aliases: ['name'], required: false },
  { field: 'month', header: '月份', aliases: ['监测月份', 'month'], required: true },
  { field: 'plannedHeadcount', header: '计划用工人数', aliases: ['计划用工', 'planned'], required: true },
  {
    field: 'actualHeadcount',
    header: '月末实有人数',
    aliases: ['实有人数', '在岗人数', 'actual'],
    required: true,
  },
  { field: 'hires', header: '本月招用人数', aliases: ['招用人数', '新招人数', 'hires'], required: true },
  {
    field: 'separations',
    header: '本月减员人数',
    aliases: ['减员人数', '离职人数', 'separations'],
    required: true,
  },
  { field: 'shortage', header: '缺工人数', aliases: ['缺工', 'shortage'], required: true },
  {
    field: 'expectedHires',
    header: '下月预计招用',
    aliases: ['预计招用', 'expected hires'],
    required: false,
  },
  { field: 'reasonText', header: '缺工原因', aliases: ['原因', 'reasons'], required: false },
];

const PAGE = 200;

export async function exportReports(
  deps: Deps,
  ctx: RequestContext,
  query: ReportListQuery,
): Promise<Readable> {
  const { page: _p, pageSize: _s, ...filter } = query;
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'monitoring.export',
    entityType: 'export',
    entityId: null,
    summary: '导出用工监测月报',
    after: { filter },
  });
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('用工监测月报');
  sheet.columns = [
    ...COLUMNS.map((c) => ({ header: c.header, width: 16 })),
    { header: '所属区县', width: 14 },
    { header: '缺工率', width: 10 },
    { header: '颜色', width: 8 },
    { header: '人数核对差额', width: 12 },
    { header: '填报时间', width: 20 },
  ];
  (async () => {
    let written = 0;
    for (let page = 1; written < LIMITS.exportMaxRows; page++) {
      const { items } = await listReportPage(deps, ctx.actor, { ...query, page, pageSize: PAGE });
      for (const r of items) {
        sheet
          .addRow([
            '',
            r.enterpriseName,
            r.month,
            r.plannedHeadcount,
            r.actualHeadcount,
            r.hires,
            r.separations,
            r.shortage,
            r.expectedHires,
            [r.reasons.join('、'), r.reasonText].filter(Boolean).join('；'),
            r.districtName ?? r.districtCode,
            r.shortageRate === null ? '' : Math.round(r.shortageRate * 10_000) / 100,
            COLOUR_LABELS[r.colour],
            r.reconciliation.difference ?? '',
            r.submittedAt,
          ])
          .commit();
      }
      written += items.length;
      if (items.length < PAGE) break;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}

const COLOUR_LABELS = { green: '绿', yellow: '黄', red: '红', none: '未报' } as const;

/** The map's items (district, industry or enterprise level) as a sheet. */
export async function exportMap(deps: Deps, ctx: RequestContext, query: MapQuery): Promise<Buffer> {
  const map = await getMap(deps, ctx.actor, query);
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'monitoring.export',
    entityType: 'export',
    entityId: null,
    summary: `导出用工监测三色图 ${query.month}（${query.level}）`,
    after: { query },
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`三色图 ${query.month}`);
  const pct = (rate: number | null) => (rate === null ? '' : Math.round(rate * 10_000) / 100);
  if (map.level === 'enterprise') {
    sheet.addRow([
      '企业名称',
      '区县代码',
      '行业代码',
      '计划用工',
      '实有人数',
      '缺工人数',
      '缺工率(%)',
      '颜色',
      '上月颜色',
    ]);
    for (const e of map.items)
      sheet.addRow([
        e.name,
        e.districtCode,
        e.industryCode,
        e.plannedHeadcount,
        e.actualHeadcount,
        e.shortage,
        pct(e.shortageRate),
        COLOUR_LABELS[e.colour],
        COLOUR_LABELS[e.previousColour],
      ]);
  } else {
    sheet.addRow([
      map.level === 'district' ? '区县' : '行业',
      '监测企业',
      '已报',
      '计划用工',
      '缺工人数',
      '缺工率(%)',
      '颜色',
      '绿',
      '黄',
      '红',
      '未报',
      ...(map.level === 'district' ? ['岗位空缺', '求职人数', '求人倍率'] : []),
    ]);
    for (const d of map.items) {
      const market =
        'openPlaces' in d
          ? [
              d.openPlaces ?? '',
              d.jobSeekers ?? '',
              d.seekerRatio === null ? '' : Math.round(d.seekerRatio * 100) / 100,
            ]
          : [];
      sheet.addRow([
        d.name,
        d.enterprises,
        d.reported,
        d.plannedHeadcount,
        d.shortage,
        pct(d.shortageRate),
        COLOUR_LABELS[d.colour],
        d.counts.green,
        d.counts.yellow,
        d.counts.red,
        d.counts.none,
        ...market,
      ]);
    }
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeReportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用工监测月报');
  sheet.addRow(COLUMNS.map((c) => (c.required ? `${c.header}（必填）` : c.header)));
  sheet.addRow(['91320509MA1XXXXXXX', '示例企业', '2026-03', 1200, 1150, 40, 25, 50, 30, '订单增加']);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  // As in the enterprise template: the example row is explained, and must go before importing.
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 16 }, { width: 60 }];
  notes.addRow([
    '说明',
    '带（必填）的列必填；第 2 行是示例，导入前请删除。统一社会信用代码按 GB 32100 校验。',
  ]);
  notes.addRow(['月份', 'YYYY-MM，如 2026-03；每家企业每月一行']);
  notes.addRow([
    '勾稽关系',
    '上月实有人数 + 本月招用 − 本月离职 应等于本月末实有人数；不一致的行照常导入并列为提示',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function importReports(
  deps: Deps,
  ctx: RequestContext,
  file: { filename: string; content: Buffer },
): Promise<ReportImportResult> {
  const { locale, actor } = ctx;
  const sheet = await readSheet(file.filename, file.content);
  const located = locateHeader(sheet, COLUMNS);
  if (!located) throw new AppError('validation_failed', { messageKey: 'import.no_header' });
  const { header, dataRows } = located;
  const rows = dataRows.filter((row) => row.cells.some((cell) => cell.text !== ''));
  if (rows.length > LIMITS.importMaxRowsSync)
    throw new AppError('validation_failed', {
      messageKey: 'import.too_many_rows',
      params: { max: LIMITS.importMaxRowsSync },
    });
  const errors: ReportImportResult['errors'] = header.missing.map((spec) => ({
    row: header.headerRowNumber,
    column: spec.header,
    message: formatMessage(locale, 'import.missing_column', { column: spec.header }),
  }));
  if (errors.length > 0) return { imported: 0, updated: 0, warnings: [], errors };

  const valid: { row: number; body: ReturnType<typeof reportCreateBody.parse> }[] = [];
  const seen = new Set<string>();
  const scope = monitoringScope(actor);
  for (const row of rows) {
    const text = (field: Field) => cellText(row, header, field).text;
    const count = (field: Field) => {
      const value = text(field);
      return value === '' ? undefined : Number(value.replace(/,/g, ''));
    };
    const creditCode = text('creditCode').toUpperCase();
    const enterprise = creditCode ? await findEnterpriseByCreditCode(deps.db, scope, creditCode) : undefined;
    if (!enterprise || !canReportFor(actor, enterprise)) {
      errors.push({
        row: row.rowNumber,
        column: '统一社会信用代码',
        message: formatMessage(locale, 'monitoring.import_enterprise_unknown', { value: creditCode }),
      });
      continue;
    }
    const candidate = {
      enterpriseId: enterprise.id,
      month: normalizeMonth(text('month')),
      plannedHeadcount: count('plannedHeadcount'),
      actualHeadcount: count('actualHeadcount'),
      hires: count('hires'),
      separations: count('separations'),
      shortage: count('shortage'),
      expectedHires: count('expectedHires') ?? 0,
      reasonText: text('reasonText'),
    };
    const parsed = reportCreateBody.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') as Field;
        errors.push({
          row: row.rowNumber,
          column: COLUMNS.find((c) => c.field === field)?.header ?? null,
          message: localizeZodIssue(issue, locale).message,
        });
      }
      continue;
    }
    const key = `${enterprise.id}|${parsed.data.month}`;
    if (seen.has(key)) {
      errors.push({ row: row.rowNumber, column: '月份', message: formatMessage(locale, 'duplicate') });
      continue;
    }
    seen.add(key);
    valid.push({ row: row.rowNumber, body: parsed.data });
  }
  if (errors.length > 0) return { imported: 0, updated: 0, warnings: [], errors };

  valid.sort((a, b) => (a.body.month < b.body.month ? -1 : a.body.month > b.body.month ? 1 : a.row - b.row));
  const warnings: ReportImportResult['warnings'] = [];
  let imported = 0;
  let updated = 0;
  let currentRow = 0;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const inTrx = { ...deps, db: trx };
      for (const item of valid) {
        currentRow = item.row;
        const outcome = await upsertReportFromImport(inTrx, ctx, item.body);
        if (outcome === 'created') imported += 1;
        else updated += 1;
        const written = await findReportOf(trx, item.body.enterpriseId, `${item.body.month}-01`);
        if (written?.reconciliation_difference != null && written.previous_actual != null)
          warnings.push({
            row: item.row,
            message: formatMessage(locale, 'monitoring.import_reconciliation', {
              expected: written.previous_actual + item.body.hires - item.body.separations,
              actual: item.body.actualHeadcount,
            }),
          });
      }
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'monitoring.import',
        entityType: 'import',
        entityId: null,
        summary: `导入用工监测月报：新增 ${imported}，更新 ${updated}（${file.filename}）`,
      });
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      const fields = error.options.fields ?? [];
      return {
        imported: 0,
        updated: 0,
        warnings: [],
        errors: fields.map((f) => ({
          row: currentRow,
          column: f.path,
          message: formatMessage(locale, f.key, f.params ?? {}),
        })),
      };
    }
    throw error;
  }
  return { imported, updated, warnings, errors: [] };
}
/** Accepts 2026-03, 2026/3, 2026年3月, 202603 and Excel dates read as 2026-03-01. */
function normalizeMonth(value: string): string {
  const match = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})/.exec(value.trim());
  if (!match) return value;
  return `${match[1]}-${String(Number(match[2])).padStart(2, '0')}`;
}
