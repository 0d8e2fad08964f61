import { PassThrough, type Readable } from 'node:stream';
import { type BaseListQuery, LIMITS } from '@yonggong/shared';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { baseScope } from './bases.policy.ts';
import { originNameOf } from './bases.presenter.ts';
import { baseStats, listBaseContacts, listBases } from './bases.repository.ts';

/**
 * Excel out: the filtered, scoped list of bases streamed page by page into an .xlsx, with what each
 * delivered this year against its target. Contact phones leave masked. Every export is audited.
 */
const PAGE = 500;

const KIND_LABEL = {
  labour_cooperation: '劳务合作基地',
  directed_training: '产业工人定向培养基地',
  internship_practice: '实习实践基地',
} as const;

const HEADERS = [
  '基地名称',
  '类型',
  '所在地代码',
  '所在地',
  '合作单位',
  '建设单位',
  '协议编号',
  '协议签订日期',
  '协议有效期至',
  '年度输送目标',
  '本年已输送',
  '累计输送',
  '输送劳动者',
  '联系人',
  '联系电话（脱敏）',
  '状态',
];

export async function exportBases(deps: Deps, ctx: RequestContext, query: BaseListQuery): Promise<Readable> {
  const { actor } = ctx;
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  await recordAudit(deps.db, auditContextOf(ctx), {
    action: 'base.export',
    entityType: 'export',
    entityId: null,
    summary: '导出劳务基地名单',
    after: { filter },
  });
  const today = todayIn();
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('劳务基地');
  sheet.columns = HEADERS.map((header) => ({ header, width: Math.max(12, header.length * 2.4) }));
  sheet.getRow(1).font = { bold: true };
  const cityName = (code: string | null) =>
    code ? (deps.regions.get(code)?.name ?? code) : '市就业管理中心';

  void (async () => {
    try {
      for (let page = 1; (page - 1) * PAGE < LIMITS.exportMaxRows; page++) {
        const { rows } = await listBases(
          deps.db,
          baseScope(actor),
          { ...query, page, pageSize: PAGE },
          today,
        );
        const ids = rows.map((row) => row.id);
        const [stats, contacts] = await Promise.all([
          baseStats(deps.db, ids, today.slice(0, 4)),
          listBaseContacts(deps.db, ids),
        ]);
        for (const row of rows) {
          const contact = contacts.find((c) => c.base_id === row.id);
          const stat = stats.get(row.id);
          sheet
            .addRow([
              row.name,
              KIND_LABEL[row.kind],
              row.origin_region_code,
              originNameOf(deps.regions, row.origin_region_code, row.origin_township_name),
              row.partner_name,
              cityName(row.managing_district_code),
              row.agreement_number,
              row.agreement_signed_on ?? '',
              row.agreement_valid_until ?? '',
              row.annual_target,
              stat?.deliveredThisYear ?? 0,
              stat?.placements ?? 0,
              stat?.workersSupplied ?? 0,
              contact?.name ?? '',
              contact?.phone_masked ?? '',
              row.status === 'active' ? '合作中' : '已停止',
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
