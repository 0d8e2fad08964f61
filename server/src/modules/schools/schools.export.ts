import { LIMITS, SCHOOL_TYPE_LABELS, type School, type SchoolListQuery } from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { listSchoolPage } from './schools.service.ts';

/**
 * Excel out for the channel lists (schools here; internships reuse `writeWorkbook`): the filtered,
 * scoped list read page by page, phones masked (an export is a copy outside access control), the
 * export itself audited.
 */
const PAGE = 200;

/** One sheet, bold headers, column widths from the headers. */
export async function writeWorkbook(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = headers.map((header) => ({ header, width: Math.max(12, header.length * 2.2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads every page of a paged list (up to the export limit). */
export async function readAllPages<T>(
  read: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; items.length < LIMITS.exportMaxRows; page++) {
    const result = await read(page, PAGE);
    items.push(...result.items);
    if (page * PAGE >= result.total || result.items.length === 0) break;
  }
  return items;
}

export async function exportSchools(
  deps: Deps,
  ctx: RequestContext,
  query: SchoolListQuery,
): Promise<Buffer> {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  const schools = await readAllPages<School>((page, pageSize) =>
    listSchoolPage(deps, ctx.actor, { ...query, page, pageSize }),
  );
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'school.export',
    entityType: 'export',
    entityId: null,
    summary: `导出院校名单 ${schools.length} 所`,
    after: { filter },
  });
  return writeWorkbook(
    '院校名单',
    [
      '院校名称',
      '类型',
      '所在地区',
      '专业',
      '最近一届毕业生',
      '届别',
      '有效合作协议',
      '订单班',
      '在读学生',
      '联系人（电话脱敏）',
    ],
    schools.map((school) => [
      school.name,
      SCHOOL_TYPE_LABELS[school.type]['zh-CN'],
      school.regionName,
      school.majors.map((major) => major.name).join('、'),
      school.stats.latestGraduates,
      school.stats.latestGraduateYear,
      school.stats.activeAgreements,
      school.stats.orderClasses,
      school.stats.students,
      school.contacts.map((contact) => `${contact.name} ${contact.phoneMasked}`).join('；'),
    ]),
  );
}
