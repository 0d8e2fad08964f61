import { PassThrough, type Readable } from 'node:stream';
import {
  ENTERPRISE_COLUMNS,
  type EnterpriseListQuery,
  INDUSTRY_DIVISIONS,
  KEY_LEVEL_LABELS,
  LIMITS,
  SIZE_LABELS,
} from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { enterpriseScope } from './enterprises.policy.ts';
import { listContacts, listEnterprises } from './enterprises.repository.ts';

/**
 * Excel out: the filtered, scoped list streamed page by page into an .xlsx (exceljs' streaming
 * writer keeps memory flat), and the import template. Contact phones leave masked: an export is a
 * copy outside the system's access control. Every export is written to the audit trail.
 */
const PAGE = 2000;

const EXPORT_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '行业名称',
  '所属区县代码',
  '所属区县',
  '地址',
  '企业规模',
  '职工人数',
  '重点企业级别',
  '挂钩联络员',
  '联系人',
  '联系人职务',
  '联系电话（脱敏）',
  '状态',
];

export async function exportEnterprises(
  deps: Deps,
  ctx: RequestContext,
  query: EnterpriseListQuery,
): Promise<Readable> {
  const { actor } = ctx;
  const { page: _page, pageSize: _pageSize, sort, ...filter } = query;
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'enterprise.export',
    entityType: 'export',
    entityId: null,
    summary: '导出企业名单',
    after: { filter },
  });
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('企业名单');
  sheet.columns = EXPORT_HEADERS.map((header) => ({ header, width: Math.max(12, header.length * 2.2) }));
  sheet.getRow(1).font = { bold: true };
  const industryName = new Map(INDUSTRY_DIVISIONS.map((division) => [division.code, division.nameZh]));

  void (async () => {
    try {
      for (let page = 1; (page - 1) * PAGE < LIMITS.exportMaxRows; page++) {
        const { rows } = await listEnterprises(
          deps.db,
          enterpriseScope(actor),
          { ...filter, mineUserId: actor.id },
          { sort, mineFirstUserId: null },
          { page, pageSize: PAGE },
        );
        const contacts = await listContacts(
          deps.db,
          rows.map((row) => row.id),
        );
        const firstContact = new Map<string, (typeof contacts)[number]>();
        for (const contact of contacts)
          if (!firstContact.has(contact.enterprise_id)) firstContact.set(contact.enterprise_id, contact);
        for (const row of rows) {
          const contact = firstContact.get(row.id);
          sheet
            .addRow([
              row.credit_code,
              row.name,
              row.industry_code,
              industryName.get(row.industry_code) ?? '',
              row.district_code,
              deps.regions.get(row.district_code)?.name ?? '',
              row.address,
              SIZE_LABELS[row.size as keyof typeof SIZE_LABELS] ?? row.size,
              row.employee_count,
              KEY_LEVEL_LABELS[row.key_level as keyof typeof KEY_LEVEL_LABELS] ?? row.key_level,
              row.liaison_display_name ?? '',
              contact?.name ?? '',
              contact?.title ?? '',
              contact?.phone_masked ?? '',
              row.status === 'active' ? '正常' : '已停用',
            ])
            .commit();
        }
        if (rows.length < PAGE) break;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return output;
}

/** The import template: the header row, one example, and a sheet of valid codes. */
export async function writeImportTemplate(deps: Deps): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名单');
  sheet.columns = ENTERPRISE_COLUMNS.map((column) => ({
    header: column.required ? `${column.header}*` : column.header,
    key: column.field,
    width: 18,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const districts = deps.regions.districtsOf(deps.config.cityCode);
  sheet.addRow({
    creditCode: '91320509MA1XXXXXXX',
    name: '示例精密制造有限公司',
    industryCode: '39',
    districtCode: districts[0]?.code ?? '',
    address: '某某路 1 号',
    size: '中型',
    employeeCount: '350',
    keyLevel: '区级',
    liaisonUsername: '',
    contactName: '张三',
    contactTitle: '人事经理',
    contactPhone: '13800000000',
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 16 }, { width: 48 }];
  notes.addRow(['说明', '带 * 的列必填；第 2 行是示例，导入前请删除。统一社会信用代码按 GB 32100 校验。']);
  notes.addRow(['企业规模', '大型 / 中型 / 小型 / 微型']);
  notes.addRow(['重点企业级别', '市级 / 区级 / 否']);
  notes.addRow([]);
  notes.addRow(['所属区县代码', '名称']);
  for (const district of districts) notes.addRow([district.code, district.name]);
  notes.addRow([]);
  notes.addRow(['行业代码', 'GB/T 4754-2017 行业大类']);
  for (const division of INDUSTRY_DIVISIONS) notes.addRow([division.code, division.nameZh]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
