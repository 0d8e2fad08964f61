import { PassThrough, type Readable } from 'node:stream';
import {
  type CaseCategory,
  type CaseListQuery,
  type CaseStatus,
  LIMITS,
  type VisitKind,
  type VisitListQuery,
} from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { caseScope, visitScope } from './cases.policy.ts';
import { listCases, listVisits } from './cases.repository.ts';

/**
 * Excel out for 一企一策: the case list and the visit log as filtered on screen, scoped like the
 * lists (the same where-clauses), streamed page by page through exceljs' streaming writer so memory
 * stays flat. Every export is written to the audit trail with its filter. Sheets are in Chinese,
 * the language of the reports the bureau passes on; labels match web/src/i18n/cases.ts.
 */
const PAGE = 2000;

const CATEGORY_NAMES: Readonly<Record<CaseCategory, string>> = {
  shortage: '缺工',
  retention: '留工稳岗',
  policy: '政策服务',
  training: '技能培训',
  other: '其他',
};
const STATUS_NAMES: Readonly<Record<CaseStatus, string>> = {
  open: '待办理',
  in_progress: '办理中',
  resolved: '已办结',
  cancelled: '已撤销',
};
const KIND_NAMES: Readonly<Record<VisitKind, string>> = { visit: '走访', phone: '电话', meeting: '座谈' };

const CASE_HEADERS = [
  '个案标题',
  '企业名称',
  '所属区县',
  '类别',
  '状态',
  '责任人',
  '来源',
  '立案日期',
  '结案日期',
  '已解决人数',
  '关联岗位数',
  '措施（完成/总数）',
  '逾期措施数',
  '下一到期日',
  '问题描述',
  '状态说明',
];

const VISIT_HEADERS = [
  '日期',
  '方式',
  '企业名称',
  '所属区县',
  '联络员',
  '参加人员',
  '情况记录',
  '企业反映的问题',
  '关联个案',
  '同次记录企业数',
];

/** Opens a streaming workbook with one sheet and a bold header row. */
function openSheet(name: string, headers: readonly string[], widths: readonly number[]) {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(name);
  sheet.columns = headers.map((header, index) => ({ header, width: widths[index] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  return { output, workbook, sheet };
}

/** Runs `write` in the background; a failure ends the stream with the error instead of hanging it. */
function pump(output: PassThrough, write: () => Promise<void>): void {
  void write().catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
}

/** `GET /api/cases/export`: the filtered case list (scope of `caseScope`), sorted as on screen. */
export async function exportCases(deps: Deps, ctx: RequestContext, query: CaseListQuery): Promise<Readable> {
  const { actor } = ctx;
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'case.export',
    entityType: 'export',
    entityId: null,
    summary: '导出一企一策个案清单',
    after: { filter },
  });
  const today = todayIn();
  const { output, workbook, sheet } = openSheet(
    '一企一策个案',
    CASE_HEADERS,
    [30, 28, 10, 10, 8, 14, 12, 12, 12, 10, 10, 14, 10, 12, 50, 24],
  );
  pump(output, async () => {
    for (let page = 1; (page - 1) * PAGE < LIMITS.exportMaxRows; page++) {
      const { rows } = await listCases(
        deps.db,
        caseScope(actor),
        { ...filter, page, pageSize: PAGE },
        { actorId: actor.id, today, isCounted: false },
      );
      for (const row of rows)
        sheet
          .addRow([
            row.title,
            row.enterprise_name,
            deps.regions.get(row.enterprise_district_code)?.name ?? row.enterprise_district_code,
            CATEGORY_NAMES[row.category],
            STATUS_NAMES[row.status],
            row.owner_name ?? '',
            row.is_auto_opened ? '缺工报告自动建立' : '人工建立',
            row.opened_on,
            row.closed_on ?? '',
            row.headcount_resolved,
            row.linked_orders,
            `${row.actions_done}/${row.actions_total}`,
            row.actions_overdue,
            row.next_due_on ?? '',
            row.problem,
            row.status_reason ?? '',
          ])
          .commit();
      if (rows.length < PAGE) break;
    }
    sheet.commit();
    await workbook.commit();
  });
  return output;
}

/** `GET /api/visits/export`: the filtered visit log (scope of `visitScope`), newest first. */
export async function exportVisits(
  deps: Deps,
  ctx: RequestContext,
  query: VisitListQuery,
): Promise<Readable> {
  const { actor } = ctx;
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'visit.export',
    entityType: 'export',
    entityId: null,
    summary: '导出走访服务记录',
    after: { filter },
  });
  const { output, workbook, sheet } = openSheet(
    '走访服务记录',
    VISIT_HEADERS,
    [12, 8, 28, 10, 14, 24, 50, 40, 28, 10],
  );
  pump(output, async () => {
    for (let page = 1; (page - 1) * PAGE < LIMITS.exportMaxRows; page++) {
      const { rows } = await listVisits(
        deps.db,
        visitScope(actor),
        { ...filter, page, pageSize: PAGE },
        { actorId: actor.id, isCounted: false },
      );
      for (const row of rows)
        sheet
          .addRow([
            row.visited_on,
            KIND_NAMES[row.kind],
            row.enterprise_name,
            deps.regions.get(row.district_code)?.name ?? row.district_code,
            row.liaison_name,
            row.participants,
            row.notes,
            row.issues,
            row.case_title ?? '',
            row.group_size,
          ])
          .commit();
      if (rows.length < PAGE) break;
    }
    sheet.commit();
    await workbook.commit();
  });
  return output;
}
