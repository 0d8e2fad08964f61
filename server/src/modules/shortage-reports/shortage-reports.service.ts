import { maskPhone } from '@yonggong/engine';
import {
  type CaseSettings,
  findOccupation,
  jobOrderCreateBody,
  type ShortageReport,
  type ShortageReportCreateBody,
  type ShortageReportListQuery,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { canChangeCaseSettings, canReportShortageOf, shortageReportScope } from '../cases/cases.policy.ts';
import { occupationNameOf } from '../cases/cases.presenter.ts';
import { findActiveAutoCase, findOrdersOfEnterprise, linkOrders } from '../cases/cases.repository.ts';
import { openCaseInTransaction } from '../cases/cases.service.ts';
import { enterpriseScope } from '../enterprises/enterprises.policy.ts';
import { findEnterprise } from '../enterprises/enterprises.repository.ts';
import { createJobOrderInTransaction, todayIn } from '../job-orders/job-orders.service.ts';
import { presentShortageReport } from './shortage-reports.presenter.ts';
import {
  findPlannedHeadcount,
  findReport,
  insertLines,
  insertReport,
  insertReportOrders,
  listLines,
  listReportOrders,
  listReports,
  lockEnterprise,
  readCaseSettings,
  setLineOrder,
  setReportCase,
  updateCaseSettings,
} from './shortage-reports.repository.ts';

/**
 * Urgent shortage reports (缺工报告) between monthly reports. An enterprise's HR (or staff on its
 * behalf) reports occupation lines; the report links to the enterprise's existing open orders or
 * creates one order per line (through the job-orders service: same validation, audit and
 * matching refresh); at or above the threshold in `case_settings` it opens a 一企一策 shortage
 * case owned by the enterprise's liaison — or joins the enterprise's active automatic case — all
 * in one transaction. Retries with the same Idempotency-Key are answered by the app-wide layer
 * (server/src/http/idempotency.ts) with the first report.
 */

/**
 * The automatic-case rule: total shortage ≥ `minPeople`, or ≥ `minPercent` % of the planned
 * headcount (when one is known and positive).
 */
export function isShortageOverThreshold(
  total: number,
  plannedHeadcount: number | null,
  settings: { readonly minPeople: number; readonly minPercent: number },
): boolean {
  if (total >= settings.minPeople) return true;
  return (
    plannedHeadcount !== null && plannedHeadcount > 0 && total * 100 >= settings.minPercent * plannedHeadcount
  );
}

export async function listShortageReportPage(deps: Deps, actor: Actor, query: ShortageReportListQuery) {
  const { rows, total } = await listReports(deps.db, shortageReportScope(actor), query);
  const ids = rows.map((row) => row.id);
  const [lines, orders] = await Promise.all([listLines(deps.db, ids), listReportOrders(deps.db, ids)]);
  return {
    items: rows.map((row) =>
      presentShortageReport(
        row,
        lines.filter((line) => line.report_id === row.id),
        orders.filter((order) => order.report_id === row.id),
        actor.locale,
      ),
    ),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getShortageReport(deps: Deps, actor: Actor, id: string): Promise<ShortageReport> {
  const row = await findReport(deps.db, shortageReportScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [lines, orders] = await Promise.all([listLines(deps.db, [id]), listReportOrders(deps.db, [id])]);
  return presentShortageReport(row, lines, orders, actor.locale);
}

export async function reportShortage(
  deps: Deps,
  ctx: RequestContext,
  body: ShortageReportCreateBody,
): Promise<ShortageReport> {
  const { actor } = ctx;
  const enterprise = await findEnterprise(deps.db, enterpriseScope(actor), body.enterpriseId);
  if (!enterprise) throw fieldErrors([{ path: 'enterpriseId', key: 'field.invalid' }]);
  if (!canReportShortageOf(actor, enterprise) || enterprise.status !== 'active')
    throw new AppError('forbidden');
  const today = todayIn();
  const issues: FieldError[] = [];
  for (const [index, line] of body.lines.entries()) {
    if (!findOccupation(line.occupationCode))
      issues.push({
        path: `lines.${index}.occupationCode`,
        key: 'occupation.unknown',
        params: { value: line.occupationCode },
      });
    if (line.neededBy < today)
      issues.push({ path: `lines.${index}.neededBy`, key: 'shortage.needed_by_past' });
  }
  const linkIds = body.orderMode === 'link' ? [...new Set(body.jobOrderIds)] : [];
  const linkable = await findOrdersOfEnterprise(deps.db, enterprise.id, linkIds);
  if (
    linkable.length !== linkIds.length ||
    linkable.some((order) => !['draft', 'open'].includes(order.status))
  )
    issues.push({ path: 'jobOrderIds', key: 'shortage.order_not_open' });
  if (issues.length > 0) throw fieldErrors(issues);

  const total = body.lines.reduce((sum, line) => sum + line.headcount, 0);
  const audit = auditContextOf(ctx);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    await lockEnterprise(trx, enterprise.id);
    const settings = await readCaseSettings(trx);
    const planned = await findPlannedHeadcount(trx, enterprise.id);
    const isOver = isShortageOverThreshold(total, planned, {
      minPeople: settings.auto_case_min_people,
      minPercent: settings.auto_case_min_percent,
    });
    const report = await insertReport(trx, {
      enterprise_id: enterprise.id,
      reason: body.reason,
      contact_name: body.contactName,
      contact_phone_enc: body.contactPhone ? deps.pii.encrypt(body.contactPhone) : null,
      contact_phone_hash: body.contactPhone ? deps.pii.hash(body.contactPhone) : null,
      contact_phone_masked: body.contactPhone ? maskPhone(body.contactPhone) : null,
      order_mode: body.orderMode,
      total_shortage: total,
      planned_headcount: planned,
      is_over_threshold: isOver,
      reported_by: actor.id,
    });
    const lines = await insertLines(
      trx,
      body.lines.map((line, position) => ({
        report_id: report.id,
        position,
        occupation_code: line.occupationCode,
        headcount: line.headcount,
        wage_min: line.wageMin,
        wage_max: line.wageMax,
        needed_by: line.neededBy,
      })),
    );
    const createdOrderIds: string[] = [];
    if (body.orderMode === 'create') {
      for (const [index, line] of body.lines.entries()) {
        const orderId = await createJobOrderInTransaction(
          trx,
          deps,
          ctx,
          enterprise,
          jobOrderCreateBody.parse({
            enterpriseId: enterprise.id,
            title: occupationNameOf(line.occupationCode, 'zh-CN').slice(0, 60),
            occupationCode: line.occupationCode,
            headcount: line.headcount,
            wageMin: line.wageMin,
            wageMax: line.wageMax,
            districtCode: enterprise.district_code,
            address: enterprise.address,
            deadline: line.neededBy,
            urgency: 'urgent',
            contactName: body.contactName,
            contactPhone: body.contactPhone,
            description: `缺工报告：${body.reason}`.slice(0, 2000),
          }),
        );
        const lineRow = lines.find((row) => row.position === index);
        if (lineRow) await setLineOrder(trx, lineRow.id, orderId);
        createdOrderIds.push(orderId);
      }
    }
    const orderIds = body.orderMode === 'create' ? createdOrderIds : linkIds;
    await insertReportOrders(trx, report.id, orderIds);
    const occupations = body.lines.map((line) => occupationNameOf(line.occupationCode, 'zh-CN'));
    let caseNote = '';
    if (isOver) {
      const active = await findActiveAutoCase(trx, enterprise.id);
      if (active) {
        await linkOrders(trx, active.id, orderIds, actor.id);
        await setReportCase(trx, report.id, active.id);
        caseNote = `，并入个案「${active.title}」`;
      } else {
        const opened = await openCaseInTransaction(trx, audit, {
          enterprise,
          title: `紧急缺工 ${total} 人（${[...new Set(occupations)].slice(0, 3).join('、')}）`.slice(0, 120),
          category: 'shortage',
          problem: body.reason,
          ownerUserId: enterprise.liaison_user_id,
          jobOrderIds: orderIds,
          actions: [
            {
              title: '联系企业核实缺工情况，制定一企一策方案',
              ownerUserId: enterprise.liaison_user_id,
              ownerText: '',
              dueOn: addDays(today, 3),
              note: '',
            },
          ],
          isAutoOpened: true,
          shortageReportId: report.id,
          actorId: actor.id,
          today,
        });
        await setReportCase(trx, report.id, opened.id);
        caseNote = `，自动建立一企一策个案「${opened.title}」`;
      }
    }
    await recordAudit(trx, audit, {
      action: 'shortage_report.create',
      entityType: 'shortage_report',
      entityId: report.id,
      summary: `${enterprise.name} 报告紧急缺工 ${total} 人（${occupations.join('、')}）${caseNote}`,
      after: {
        totalShortage: total,
        plannedHeadcount: planned,
        isOverThreshold: isOver,
        orderMode: body.orderMode,
        jobOrderIds: orderIds,
        contact: `${body.contactName} ${body.contactPhone ? maskPhone(body.contactPhone) : ''}`.trim(),
      },
    });
    return { reportId: report.id, createdOrderIds };
  });
  if (outcome.createdOrderIds.length > 0) deps.matching.changed({ orderIds: outcome.createdOrderIds });
  return getShortageReport(deps, actor, outcome.reportId);
}

export async function getCaseSettings(deps: Deps): Promise<CaseSettings> {
  return presentSettings(await readCaseSettings(deps.db));
}

export async function changeCaseSettings(
  deps: Deps,
  ctx: RequestContext,
  body: { autoCaseMinPeople: number; autoCaseMinPercent: number },
): Promise<CaseSettings> {
  if (!canChangeCaseSettings(ctx.actor)) throw new AppError('forbidden');
  const row = await deps.db.transaction().execute(async (trx) => {
    const before = await readCaseSettings(trx);
    const after = await updateCaseSettings(trx, {
      auto_case_min_people: body.autoCaseMinPeople,
      auto_case_min_percent: body.autoCaseMinPercent,
      updated_by: ctx.actor.id,
    });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'case_settings.update',
      entityType: 'settings',
      entityId: null,
      summary: `缺工报告自动建个案阈值：${after.auto_case_min_people} 人或 ${after.auto_case_min_percent}%`,
      before: { minPeople: before.auto_case_min_people, minPercent: before.auto_case_min_percent },
      after: { minPeople: after.auto_case_min_people, minPercent: after.auto_case_min_percent },
    });
    return after;
  });
  return presentSettings(row);
}

function presentSettings(row: {
  auto_case_min_people: number;
  auto_case_min_percent: number;
  updated_at: Date;
}): CaseSettings {
  return {
    autoCaseMinPeople: row.auto_case_min_people,
    autoCaseMinPercent: row.auto_case_min_percent,
    updatedAt: row.updated_at.toISOString(),
  };
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
