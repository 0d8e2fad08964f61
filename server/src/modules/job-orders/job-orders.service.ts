import { maskPhone } from '@yonggong/engine';
import type { jobOrderActionBody } from '@yonggong/shared';
import {
  findOccupation,
  type JobOrder,
  type JobOrderCreateBody,
  type JobOrderListQuery,
  type JobOrderUpdateBody,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, EnterpriseRow, JobOrderRow } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, diffSnapshots, recordAudit, SYSTEM_AUDIT } from '../audit/audit.service.ts';
import { enterpriseScope } from '../enterprises/enterprises.policy.ts';
import { findEnterprise } from '../enterprises/enterprises.repository.ts';
import { canManageOrdersOf, isStaffAssisted, jobOrderScope } from './job-orders.policy.ts';
import { presentJobOrder } from './job-orders.presenter.ts';
import {
  countPipeline,
  expireOverdueOrders,
  findJobOrder,
  insertJobOrder,
  type JobOrderWithEnterprise,
  listJobOrders,
  updateJobOrderVersioned,
} from './job-orders.repository.ts';

/**
 * Job orders (用工需求): posted by enterprise HR or by staff on its behalf; lifecycle
 * draft → open → filled | closed | expired. `filled` only changes through hires (pipeline).
 */
export async function listJobOrderPage(deps: Deps, actor: Actor, query: JobOrderListQuery) {
  const { rows, total } = await listJobOrders(deps.db, jobOrderScope(actor), query);
  const pipelines = await countPipeline(
    deps.db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => presentJobOrder(row, pipelines.get(row.id) ?? {}, actor, deps.regions)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getJobOrder(deps: Deps, actor: Actor, id: string): Promise<JobOrder> {
  const row = await findJobOrder(deps.db, jobOrderScope(actor), id);
  if (!row) throw new AppError('not_found');
  const pipelines = await countPipeline(deps.db, [id]);
  return presentJobOrder(row, pipelines.get(id) ?? {}, actor, deps.regions);
}

export async function createJobOrder(
  deps: Deps,
  ctx: RequestContext,
  body: JobOrderCreateBody,
): Promise<JobOrder> {
  const enterprise = await findEnterprise(deps.db, enterpriseScope(ctx.actor), body.enterpriseId);
  if (!enterprise) throw fieldErrors([{ path: 'enterpriseId', key: 'field.invalid' }]);
  const id = await deps.db
    .transaction()
    .execute((trx) => createJobOrderInTransaction(trx, deps, ctx, enterprise, body));
  deps.matching.changed({ orderIds: [id] });
  return getJobOrder(deps, ctx.actor, id);
}

/**
 * The rules and writes of posting an order, inside the caller's transaction, for workflows that
 * post orders as part of a larger change (an urgent shortage report). Checks who may post for
 * `enterprise` (which the caller read through `enterpriseScope`) and the fields, inserts and
 * audits; returns the new id. The caller must call `deps.matching.changed` after committing.
 */
export async function createJobOrderInTransaction(
  trx: Kysely<Database>,
  deps: Deps,
  ctx: RequestContext,
  enterprise: Pick<EnterpriseRow, 'id' | 'name' | 'district_code' | 'liaison_user_id' | 'status'>,
  body: JobOrderCreateBody,
): Promise<string> {
  const { actor } = ctx;
  const owner = {
    enterpriseId: enterprise.id,
    districtCode: enterprise.district_code,
    liaisonUserId: enterprise.liaison_user_id,
  };
  if (!canManageOrdersOf(actor, owner) || enterprise.status !== 'active') throw new AppError('forbidden');
  assertOrderFields(deps, body, { isCreate: true });
  const row = await insertJobOrder(trx, {
    enterprise_id: enterprise.id,
    title: body.title,
    occupation_code: body.occupationCode,
    headcount: body.headcount,
    wage_min: body.wageMin,
    wage_max: body.wageMax,
    age_min: body.ageMin,
    age_max: body.ageMax,
    education_min: body.educationMin,
    skills: body.skills,
    certificates: body.certificates,
    district_code: body.districtCode,
    address: body.address,
    shifts: body.shifts,
    dormitory: body.dormitory,
    meals: body.meals,
    start_date: body.startDate,
    deadline: body.deadline,
    urgency: body.urgency,
    visibility: body.visibility,
    contact_name: body.contactName,
    ...contactPhoneColumns(deps, body.contactPhone),
    description: body.description,
    status: body.publish ? 'open' : 'draft',
    staff_assisted: isStaffAssisted(actor, enterprise.id),
    created_by: actor.id,
    updated_by: actor.id,
  });
  await recordAudit(trx, auditContextOf(ctx), {
    action: 'job_order.create',
    entityType: 'job_order',
    entityId: row.id,
    summary: `${row.staff_assisted ? '代' : ''}发布岗位 ${enterprise.name}「${row.title}」${row.headcount} 人`,
    after: snapshotJobOrder(row),
  });
  return row.id;
}

export async function updateJobOrder(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: JobOrderUpdateBody,
): Promise<JobOrder> {
  const { actor } = ctx;
  const current = await findManageable(deps, actor, id);
  if (current.status !== 'draft' && current.status !== 'open') throw illegalAction(current, 'update');
  const merged = {
    ...body,
    wageMin: body.wageMin ?? current.wage_min,
    wageMax: body.wageMax ?? current.wage_max,
  };
  assertOrderFields(deps, merged, { isCreate: false });
  if (body.headcount !== undefined && body.headcount < current.filled)
    throw fieldErrors([
      { path: 'headcount', key: 'job_order.headcount_below_filled', params: { filled: current.filled } },
    ]);
  const patch: Partial<JobOrderRow> = { updated_by: actor.id };
  if (body.title !== undefined) patch.title = body.title;
  if (body.occupationCode !== undefined) patch.occupation_code = body.occupationCode;
  if (body.headcount !== undefined) patch.headcount = body.headcount;
  if (body.wageMin !== undefined) patch.wage_min = body.wageMin;
  if (body.wageMax !== undefined) patch.wage_max = body.wageMax;
  if (body.ageMin !== undefined) patch.age_min = body.ageMin;
  if (body.ageMax !== undefined) patch.age_max = body.ageMax;
  if (body.educationMin !== undefined) patch.education_min = body.educationMin;
  if (body.skills !== undefined) patch.skills = body.skills;
  if (body.certificates !== undefined) patch.certificates = body.certificates;
  if (body.districtCode !== undefined) patch.district_code = body.districtCode;
  if (body.address !== undefined) patch.address = body.address;
  if (body.shifts !== undefined) patch.shifts = body.shifts;
  if (body.dormitory !== undefined) patch.dormitory = body.dormitory;
  if (body.meals !== undefined) patch.meals = body.meals;
  if (body.startDate !== undefined) patch.start_date = body.startDate;
  if (body.deadline !== undefined) patch.deadline = body.deadline;
  if (body.urgency !== undefined) patch.urgency = body.urgency;
  if (body.visibility !== undefined) patch.visibility = body.visibility;
  if (body.contactName !== undefined) patch.contact_name = body.contactName;
  if (body.contactPhone !== undefined) Object.assign(patch, contactPhoneColumns(deps, body.contactPhone));
  if (body.description !== undefined) patch.description = body.description;
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateJobOrderVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const diff = diffSnapshots(snapshotJobOrder(current), snapshotJobOrder(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'job_order.update',
        entityType: 'job_order',
        entityId: id,
        summary: `修改岗位「${updated.title}」：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  deps.matching.changed({ orderIds: [id] });
  return getJobOrder(deps, actor, id);
}

type ActionBody = z.infer<typeof jobOrderActionBody>;

/** publish (draft → open), close (any but closed → closed, with a reason), reopen (closed/expired → open). */
export async function actOnJobOrder(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: ActionBody,
): Promise<JobOrder> {
  const { actor } = ctx;
  const current = await findManageable(deps, actor, id);
  const today = todayIn();
  let next: { status: JobOrderRow['status']; reason: string | null };
  switch (body.action) {
    case 'publish':
      if (current.status !== 'draft') throw illegalAction(current, body.action);
      if (current.deadline < today) throw fieldErrors([{ path: 'deadline', key: 'job_order.deadline_past' }]);
      next = { status: 'open', reason: null };
      break;
    case 'close':
      if (current.status === 'closed') throw illegalAction(current, body.action);
      if (body.reason === '') throw fieldErrors([{ path: 'reason', key: 'field.required' }]);
      next = { status: 'closed', reason: body.reason };
      break;
    case 'reopen':
      if (current.status !== 'closed' && current.status !== 'expired')
        throw illegalAction(current, body.action);
      if (current.deadline < today) throw fieldErrors([{ path: 'deadline', key: 'job_order.deadline_past' }]);
      next = { status: current.filled >= current.headcount ? 'filled' : 'open', reason: null };
      break;
    default: {
      const exhaustive: never = body.action;
      return exhaustive;
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    const updated = await updateJobOrderVersioned(trx, id, body.version, {
      status: next.status,
      status_reason: next.reason,
      updated_by: actor.id,
    });
    if (!updated) throw new AppError('version_conflict');
    await recordAudit(trx, auditContextOf(ctx), {
      action: `job_order.${body.action}`,
      entityType: 'job_order',
      entityId: id,
      summary: `岗位「${current.title}」${current.status} → ${next.status}${next.reason ? `：${next.reason}` : ''}`,
      before: { status: current.status },
      after: { status: next.status, reason: next.reason },
    });
  });
  deps.matching.changed({ orderIds: [id] });
  return getJobOrder(deps, actor, id);
}

async function findManageable(deps: Deps, actor: Actor, id: string): Promise<JobOrderWithEnterprise> {
  const current = await findJobOrder(deps.db, jobOrderScope(actor), id);
  if (!current) throw new AppError('not_found');
  const owner = {
    enterpriseId: current.enterprise_id,
    districtCode: current.enterprise_district_code,
    liaisonUserId: current.enterprise_liaison_user_id,
  };
  if (!canManageOrdersOf(actor, owner)) throw new AppError('forbidden');
  return current;
}

function assertOrderFields(
  deps: Deps,
  body: { occupationCode?: string; districtCode?: string; deadline?: string },
  options: { isCreate: boolean },
): void {
  const issues: FieldError[] = [];
  if (body.occupationCode !== undefined && !findOccupation(body.occupationCode))
    issues.push({
      path: 'occupationCode',
      key: 'occupation.unknown',
      params: { value: body.occupationCode },
    });
  if (
    body.districtCode !== undefined &&
    !deps.regions.districtsOf(deps.config.cityCode).some((d) => d.code === body.districtCode)
  )
    issues.push({ path: 'districtCode', key: 'region.not_in_city' });
  if (
    body.deadline !== undefined &&
    (options.isCreate || body.deadline !== undefined) &&
    body.deadline < todayIn()
  )
    issues.push({ path: 'deadline', key: 'job_order.deadline_past' });
  if (issues.length > 0) throw fieldErrors(issues);
}

function illegalAction(row: JobOrderRow, action: string): AppError {
  return new AppError('conflict', {
    messageKey: 'job_order.illegal_action',
    params: { status: row.status, action },
  });
}

function contactPhoneColumns(deps: Deps, phone: string | null) {
  if (phone === null)
    return { contact_phone_enc: null, contact_phone_hash: null, contact_phone_masked: null };
  return {
    contact_phone_enc: deps.pii.encrypt(phone),
    contact_phone_hash: deps.pii.hash(phone),
    contact_phone_masked: maskPhone(phone),
  };
}

/** Today's date in China (UTC+8), as deadlines are written. */
export function todayIn(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function snapshotJobOrder(row: JobOrderRow): Record<string, unknown> {
  return {
    title: row.title,
    occupationCode: row.occupation_code,
    headcount: row.headcount,
    wage: `${row.wage_min}–${row.wage_max}`,
    age: row.age_min === null && row.age_max === null ? null : `${row.age_min ?? ''}–${row.age_max ?? ''}`,
    educationMin: row.education_min,
    skills: row.skills,
    certificates: row.certificates,
    districtCode: row.district_code,
    address: row.address,
    shifts: row.shifts,
    dormitory: row.dormitory,
    meals: row.meals,
    startDate: row.start_date,
    deadline: row.deadline,
    urgency: row.urgency,
    visibility: row.visibility,
    contact: `${row.contact_name} ${row.contact_phone_masked ?? ''}`.trim(),
    status: row.status,
  };
}

/** Open and draft orders past their deadline become expired (scheduled job); returns how many. */
export async function expireOverdueJobOrders(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await expireOverdueOrders(trx, todayIn(now));
    if (expired.length > 0)
      await recordAudit(trx, SYSTEM_AUDIT, {
        action: 'job_order.expire',
        entityType: 'job_order',
        entityId: null,
        summary: `${expired.length} 个岗位已过截止日期，自动失效：${expired
          .slice(0, 10)
          .map((row) => row.title)
          .join('、')}`,
        after: { ids: expired.map((row) => row.id) },
      });
    return expired.length;
  });
}
