import type {
  CaseActionCreateBody,
  CaseActionListQuery,
  CaseActionUpdateBody,
  CaseCategory,
  CaseCreateBody,
  CaseDetail,
  CaseListQuery,
  CaseStatus,
  CaseStatusBody,
  CaseUpdateBody,
} from '@yonggong/shared';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CaseActionsTable, ServiceCaseRow, ServiceCasesTable } from '../../db/schema-cases.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { type AuditContext, auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { enterpriseScope } from '../enterprises/enterprises.policy.ts';
import { findEnterprise } from '../enterprises/enterprises.repository.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import {
  CASE_OWNER_ROLES,
  canLogVisitOf,
  canOwnCaseOf,
  canWriteCaseOf,
  caseScope,
  type ServedEnterprise,
  visitScope,
} from './cases.policy.ts';
import {
  presentActionAcross,
  presentCaseDetail,
  presentCaseListItem,
  snapshotCase,
} from './cases.presenter.ts';
import {
  type CaseWithFigures,
  findAction,
  findCase,
  findEligibleOwner,
  findOrdersOfEnterprise,
  insertActions,
  insertCase,
  linkOrders,
  listActionsAcross,
  listActionsOfCase,
  listCases,
  listLinkedOrders,
  listRecentVisitsOf,
  lockCase,
  unlinkOrder,
  updateActionVersioned,
  updateCaseVersioned,
} from './cases.repository.ts';

/**
 * 一企一策 service cases: one per enterprise problem, with a plan of actions (owner, due date),
 * linked job orders and the headcount resolved (computed in SQL, see cases.repository.ts).
 * Lifecycle open → in_progress → resolved | cancelled (with a reason); a closed case may be reopened.
 * Every change is audited; edits are versioned.
 */
const CLOSED: readonly CaseStatus[] = ['resolved', 'cancelled'];

const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'resolved', 'cancelled'],
  in_progress: ['open', 'resolved', 'cancelled'],
  resolved: ['open'],
  cancelled: ['open'],
};

const VISITS_ON_CASE_PAGE = 20;

export async function listCasePage(deps: Deps, actor: Actor, query: CaseListQuery) {
  const { rows, total } = await listCases(deps.db, caseScope(actor), query, {
    actorId: actor.id,
    today: todayIn(),
  });
  return {
    items: rows.map((row) => presentCaseListItem(row, deps.regions)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getCase(deps: Deps, actor: Actor, id: string): Promise<CaseDetail> {
  const today = todayIn();
  const row = await findCase(deps.db, caseScope(actor), id, today);
  if (!row) throw new AppError('not_found');
  const served = servedOf(row);
  const [actions, orders, visits] = await Promise.all([
    listActionsOfCase(deps.db, id, today),
    listLinkedOrders(deps.db, id, today),
    listRecentVisitsOf(deps.db, visitScope(actor), row.enterprise_id, VISITS_ON_CASE_PAGE),
  ]);
  return presentCaseDetail(
    row,
    {
      actions,
      orders,
      visits,
      can: { update: canWriteCaseOf(actor, served), logVisit: canLogVisitOf(actor, served) },
    },
    deps.regions,
    actor.locale,
  );
}

/** What opening a case writes, for the API and for workflows (an urgent shortage report). */
export interface CaseOpening {
  readonly enterprise: { readonly id: string; readonly name: string };
  readonly title: string;
  readonly category: CaseCategory;
  readonly problem: string;
  readonly ownerUserId: string | null;
  readonly jobOrderIds: readonly string[];
  readonly actions: readonly CaseActionCreateBody[];
  readonly isAutoOpened: boolean;
  readonly shortageReportId: string | null;
  readonly actorId: string | null;
  readonly today: string;
}

/**
 * Inserts a case with its plan and linked orders and audits it, inside the caller's transaction.
 * The caller has checked who may do this and that the orders belong to the enterprise.
 */
export async function openCaseInTransaction(
  trx: Kysely<Database>,
  audit: AuditContext,
  opening: CaseOpening,
): Promise<ServiceCaseRow> {
  const row = await insertCase(trx, {
    enterprise_id: opening.enterprise.id,
    title: opening.title,
    category: opening.category,
    problem: opening.problem,
    owner_user_id: opening.ownerUserId,
    is_auto_opened: opening.isAutoOpened,
    shortage_report_id: opening.shortageReportId,
    opened_on: opening.today,
    created_by: opening.actorId,
    updated_by: opening.actorId,
  });
  await linkOrders(trx, row.id, opening.jobOrderIds, opening.actorId);
  await insertActions(
    trx,
    opening.actions.map((action) => ({
      case_id: row.id,
      title: action.title,
      owner_user_id: action.ownerUserId,
      owner_text: action.ownerText,
      due_on: action.dueOn,
      note: action.note,
      created_by: opening.actorId,
    })),
  );
  await recordAudit(trx, audit, {
    action: opening.isAutoOpened ? 'case.auto_open' : 'case.create',
    entityType: 'service_case',
    entityId: row.id,
    summary: `${opening.isAutoOpened ? '缺工报告自动' : ''}建立一企一策个案 ${opening.enterprise.name}「${row.title}」`,
    after: {
      ...snapshotCase(row),
      jobOrderIds: opening.jobOrderIds,
      actions: opening.actions.map((action) => `${action.title}（${action.dueOn}）`),
    },
  });
  return row;
}

export async function createCase(deps: Deps, ctx: RequestContext, body: CaseCreateBody): Promise<CaseDetail> {
  const { actor } = ctx;
  const enterprise = await findEnterprise(deps.db, enterpriseScope(actor), body.enterpriseId);
  if (!enterprise) throw fieldErrors([{ path: 'enterpriseId', key: 'field.invalid' }]);
  if (!canWriteCaseOf(actor, enterprise)) throw new AppError('forbidden');
  const today = todayIn();
  const issues: FieldError[] = [];
  const ownerUserId = body.ownerUserId ?? enterprise.liaison_user_id;
  if (body.ownerUserId !== null)
    await checkOwner(deps.db, enterprise, body.ownerUserId, 'ownerUserId', issues);
  for (const [index, action] of body.actions.entries()) {
    if (action.ownerUserId !== null)
      await checkOwner(deps.db, enterprise, action.ownerUserId, `actions.${index}.ownerUserId`, issues);
    if (action.dueOn < today)
      issues.push({ path: `actions.${index}.dueOn`, key: 'case_action.due_before_opened' });
  }
  const orders = await findOrdersOfEnterprise(deps.db, enterprise.id, body.jobOrderIds);
  if (orders.length !== new Set(body.jobOrderIds).size)
    issues.push({ path: 'jobOrderIds', key: 'case.order_not_of_enterprise' });
  if (issues.length > 0) throw fieldErrors(issues);
  const row = await deps.db.transaction().execute((trx) =>
    openCaseInTransaction(trx, auditContextOf(ctx), {
      enterprise,
      title: body.title,
      category: body.category,
      problem: body.problem,
      ownerUserId,
      jobOrderIds: [...new Set(body.jobOrderIds)],
      actions: body.actions,
      isAutoOpened: false,
      shortageReportId: null,
      actorId: actor.id,
      today,
    }),
  );
  return getCase(deps, actor, row.id);
}

export async function updateCase(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: CaseUpdateBody,
): Promise<CaseDetail> {
  const current = await findWritable(deps, ctx.actor, id);
  if (CLOSED.includes(current.status)) throw closedCase();
  const issues: FieldError[] = [];
  if (body.ownerUserId) await checkOwner(deps.db, servedOf(current), body.ownerUserId, 'ownerUserId', issues);
  if (issues.length > 0) throw fieldErrors(issues);
  const patch: Updateable<ServiceCasesTable> = { updated_by: ctx.actor.id };
  if (body.title !== undefined) patch.title = body.title;
  if (body.category !== undefined) patch.category = body.category;
  if (body.problem !== undefined) patch.problem = body.problem;
  if (body.ownerUserId !== undefined) patch.owner_user_id = body.ownerUserId;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateCaseVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const diff = diffSnapshots(snapshotCase(current), snapshotCase(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'case.update',
        entityType: 'service_case',
        entityId: id,
        summary: `修改一企一策个案「${updated.title}」：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getCase(deps, ctx.actor, id);
}

/** Moves a case along its lifecycle; cancelling needs a reason; resolving or cancelling fixes the window. */
export async function changeCaseStatus(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: CaseStatusBody,
): Promise<CaseDetail> {
  const current = await findWritable(deps, ctx.actor, id);
  if (!TRANSITIONS[current.status].includes(body.status))
    throw new AppError('conflict', {
      messageKey: 'case.illegal_status',
      params: { from: current.status, to: body.status },
    });
  if (body.status === 'cancelled' && body.reason === '')
    throw fieldErrors([{ path: 'reason', key: 'case.reason_required' }]);
  const isClosing = CLOSED.includes(body.status);
  const today = todayIn();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateCaseVersioned(trx, id, body.version, {
      status: body.status,
      status_reason: body.reason === '' ? null : body.reason,
      closed_at: isClosing ? new Date() : null,
      closed_on: isClosing ? today : null,
      updated_by: ctx.actor.id,
    });
    if (!updated) throw new AppError('version_conflict');
    await recordAudit(trx, auditContextOf(ctx), {
      action: `case.${body.status}`,
      entityType: 'service_case',
      entityId: id,
      summary: `一企一策个案「${current.title}」${current.status} → ${body.status}${body.reason ? `：${body.reason}` : ''}`,
      before: { status: current.status },
      after: { status: body.status, reason: body.reason || null },
    });
  });
  return getCase(deps, ctx.actor, id);
}

export async function addCaseAction(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: CaseActionCreateBody,
): Promise<CaseDetail> {
  const current = await findWritable(deps, ctx.actor, caseId);
  if (CLOSED.includes(current.status)) throw closedCase();
  const issues: FieldError[] = [];
  if (body.ownerUserId) await checkOwner(deps.db, servedOf(current), body.ownerUserId, 'ownerUserId', issues);
  if (body.dueOn < current.opened_on) issues.push({ path: 'dueOn', key: 'case_action.due_before_opened' });
  if (issues.length > 0) throw fieldErrors(issues);
  await deps.db.transaction().execute(async (trx) => {
    await lockOpenCase(trx, caseId);
    const [action] = await insertActions(trx, [
      {
        case_id: caseId,
        title: body.title,
        owner_user_id: body.ownerUserId,
        owner_text: body.ownerText,
        due_on: body.dueOn,
        note: body.note,
        created_by: ctx.actor.id,
      },
    ]);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'case.action_add',
      entityType: 'service_case',
      entityId: caseId,
      summary: `个案「${current.title}」新增措施「${body.title}」，${body.dueOn} 前完成`,
      after: {
        actionId: action?.id ?? null,
        title: body.title,
        dueOn: body.dueOn,
        ownerUserId: body.ownerUserId,
      },
    });
  });
  return getCase(deps, ctx.actor, caseId);
}

export async function updateCaseAction(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  actionId: string,
  body: CaseActionUpdateBody,
): Promise<CaseDetail> {
  const current = await findWritable(deps, ctx.actor, caseId);
  if (CLOSED.includes(current.status)) throw closedCase();
  const action = await findAction(deps.db, caseId, actionId);
  if (!action) throw new AppError('not_found');
  const today = todayIn();
  const issues: FieldError[] = [];
  if (body.ownerUserId) await checkOwner(deps.db, servedOf(current), body.ownerUserId, 'ownerUserId', issues);
  if (body.dueOn !== undefined && body.dueOn < current.opened_on)
    issues.push({ path: 'dueOn', key: 'case_action.due_before_opened' });
  const status = body.status ?? action.status;
  const doneOn = status === 'done' ? (body.doneOn ?? action.done_on ?? today) : null;
  if (doneOn !== null && (doneOn > today || doneOn < current.opened_on))
    issues.push({ path: 'doneOn', key: 'case_action.done_on_required' });
  if (issues.length > 0) throw fieldErrors(issues);
  const patch: Updateable<CaseActionsTable> = { status, done_on: doneOn };
  if (body.title !== undefined) patch.title = body.title;
  if (body.ownerUserId !== undefined) patch.owner_user_id = body.ownerUserId;
  // Handing the action to an account replaces a named party (企业人事部) unless one is given too.
  if (body.ownerText !== undefined) patch.owner_text = body.ownerText;
  else if (body.ownerUserId) patch.owner_text = '';
  if (body.dueOn !== undefined) patch.due_on = body.dueOn;
  if (body.note !== undefined) patch.note = body.note;
  await deps.db.transaction().execute(async (trx) => {
    await lockOpenCase(trx, caseId);
    const updated = await updateActionVersioned(trx, actionId, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const before = snapshotAction(action);
    const diff = diffSnapshots(before, snapshotAction(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'case.action_update',
        entityType: 'service_case',
        entityId: caseId,
        summary: `个案「${current.title}」措施「${updated.title}」：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getCase(deps, ctx.actor, caseId);
}

export async function linkCaseOrder(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  jobOrderId: string,
): Promise<CaseDetail> {
  const current = await findWritable(deps, ctx.actor, caseId);
  if (CLOSED.includes(current.status)) throw closedCase();
  const [order] = await findOrdersOfEnterprise(deps.db, current.enterprise_id, [jobOrderId]);
  if (!order) throw fieldErrors([{ path: 'jobOrderId', key: 'case.order_not_of_enterprise' }]);
  await deps.db.transaction().execute(async (trx) => {
    await lockOpenCase(trx, caseId);
    const linked = await linkOrders(trx, caseId, [jobOrderId], ctx.actor.id);
    if (linked.length > 0)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'case.link_order',
        entityType: 'service_case',
        entityId: caseId,
        summary: `个案「${current.title}」关联岗位「${order.title}」`,
        after: { jobOrderId },
      });
  });
  return getCase(deps, ctx.actor, caseId);
}

export async function unlinkCaseOrder(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  jobOrderId: string,
): Promise<CaseDetail> {
  const current = await findWritable(deps, ctx.actor, caseId);
  if (CLOSED.includes(current.status)) throw closedCase();
  await deps.db.transaction().execute(async (trx) => {
    await lockOpenCase(trx, caseId);
    if (!(await unlinkOrder(trx, caseId, jobOrderId))) throw new AppError('not_found');
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'case.unlink_order',
      entityType: 'service_case',
      entityId: caseId,
      summary: `个案「${current.title}」取消关联岗位`,
      before: { jobOrderId },
    });
  });
  return getCase(deps, ctx.actor, caseId);
}

/** `GET /api/case-actions`: actions of open cases in scope (the liaison's overdue list). */
export async function listCaseActionPage(deps: Deps, actor: Actor, query: CaseActionListQuery) {
  const { rows, total } = await listActionsAcross(deps.db, caseScope(actor), query, {
    actorId: actor.id,
    today: todayIn(),
  });
  return { items: rows.map(presentActionAcross), page: query.page, pageSize: query.pageSize, total };
}

async function findWritable(deps: Deps, actor: Actor, id: string): Promise<CaseWithFigures> {
  const row = await findCase(deps.db, caseScope(actor), id, todayIn());
  if (!row) throw new AppError('not_found');
  if (!canWriteCaseOf(actor, servedOf(row))) throw new AppError('forbidden');
  return row;
}

/** Serialises changes to one case and re-checks, under the lock, that it is still open. */
async function lockOpenCase(trx: Kysely<Database>, id: string): Promise<void> {
  const locked = await lockCase(trx, id);
  if (!locked) throw new AppError('not_found');
  if (CLOSED.includes(locked.status)) throw closedCase();
}

function servedOf(row: CaseWithFigures) {
  return {
    id: row.enterprise_id,
    district_code: row.enterprise_district_code,
    liaison_user_id: row.enterprise_liaison_user_id,
  };
}

/** The owner must be active staff who serve the case's enterprise (cases.policy.ts `canOwnCaseOf`). */
async function checkOwner(
  db: Kysely<Database>,
  enterprise: ServedEnterprise,
  userId: string,
  path: string,
  issues: FieldError[],
) {
  const owner = await findEligibleOwner(db, userId, CASE_OWNER_ROLES);
  if (!owner) issues.push({ path, key: 'case.owner_unknown' });
  else if (
    !canOwnCaseOf({ id: owner.id, roles: owner.roles, districtCodes: owner.district_codes }, enterprise)
  )
    issues.push({ path, key: 'case.owner_not_serving' });
}

function closedCase(): AppError {
  return new AppError('conflict', { messageKey: 'case.closed' });
}

function snapshotAction(row: {
  title: string;
  owner_user_id: string | null;
  owner_text: string;
  due_on: string;
  status: string;
  done_on: string | null;
  note: string;
}): Record<string, unknown> {
  return {
    title: row.title,
    ownerUserId: row.owner_user_id,
    ownerText: row.owner_text,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    note: row.note,
  };
}
