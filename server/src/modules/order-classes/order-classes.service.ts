import type {
  ClassStudentAddReply,
  ClassStudentCreateBody,
  ClassStudentPage,
  OrderClass,
  OrderClassCreateBody,
  OrderClassListQuery,
  OrderClassUpdateBody,
} from '@yonggong/shared';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { schoolScope } from '../schools/schools.policy.ts';
import { findEnterpriseBrief, findSchool } from '../schools/schools.repository.ts';
import { insertChannels } from '../workers/workers.repository.ts';
import { registerWorker } from '../workers/workers.service.ts';
import {
  canManageClass,
  needsAgreementToCreate,
  orderClassScope,
  studentDistrictOf,
} from './order-classes.policy.ts';
import { presentOrderClass, presentStudent, snapshotOrderClass } from './order-classes.presenter.ts';
import {
  countEnrolled,
  creditNewWorkerToSchool,
  enrolStudent,
  findAgreementBetween,
  findOrderClass,
  insertOrderClass,
  listOrderClasses,
  listRoster,
  type OrderClassPatch,
  type OrderClassView,
  setStudentStatus,
  updateOrderClassVersioned,
} from './order-classes.repository.ts';

/**
 * Order and named classes (订单班/冠名班, 产业学院 cohorts) and their students. A student is a
 * worker with an arrival through the school (worker_channels: channel 'school', source_ref = the
 * school, channel_ref = the class). The planned class size is a plan, not a cap: enrolment beyond
 * it is accepted and reported (`overSize`), as real classes take late joiners.
 */
export async function listOrderClassPage(deps: Deps, actor: Actor, query: OrderClassListQuery) {
  const today = todayIn();
  const { rows, total } = await listOrderClasses(deps.db, orderClassScope(actor), query, today);
  return {
    items: rows.map((row) => presentOrderClass(row, actor, today)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getOrderClass(deps: Deps, actor: Actor, id: string): Promise<OrderClass> {
  return presentOrderClass(await requireClass(deps, actor, id), actor, todayIn());
}

/** The class as the actor sees it, or 404 (another school's class does not exist for them). */
export async function requireClass(deps: Deps, actor: Actor, id: string): Promise<OrderClassView> {
  const row = await findOrderClass(deps.db, orderClassScope(actor), id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** The class, for a change: 404 when unseen, 403 when seen but not the actor's to manage. */
export async function requireManagedClass(deps: Deps, actor: Actor, id: string): Promise<OrderClassView> {
  const row = await requireClass(deps, actor, id);
  if (
    !canManageClass(actor, { schoolId: row.school_id, enterpriseDistrictCode: row.enterprise_district_code })
  )
    throw new AppError('forbidden');
  return row;
}

export async function createOrderClass(
  deps: Deps,
  ctx: RequestContext,
  body: OrderClassCreateBody,
): Promise<OrderClass> {
  const { actor } = ctx;
  const school = await findSchool(deps.db, schoolScope(actor), body.schoolId);
  if (!school) throw fieldErrors([{ path: 'schoolId', key: 'school.unavailable' }]);
  const enterprise = await findEnterpriseBrief(deps.db, body.enterpriseId);
  const owner = { schoolId: school.id, enterpriseDistrictCode: enterprise?.district_code ?? '' };
  if (enterprise?.status !== 'active' || !canManageClass(actor, owner))
    throw fieldErrors([{ path: 'enterpriseId', key: 'school.enterprise_unavailable' }]);
  if (body.agreementId && !(await findAgreementBetween(deps.db, school.id, enterprise.id, body.agreementId)))
    throw fieldErrors([{ path: 'agreementId', key: 'order_class.agreement_mismatch' }]);
  if (
    needsAgreementToCreate(actor, owner) &&
    !(await findAgreementBetween(deps.db, school.id, enterprise.id))
  )
    throw fieldErrors([{ path: 'enterpriseId', key: 'school.enterprise_unavailable' }]);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const row = await insertOrderClass(trx, {
        school_id: school.id,
        enterprise_id: enterprise.id,
        agreement_id: body.agreementId,
        kind: body.kind,
        name: body.name,
        major_name: body.majorName,
        class_size: body.classSize,
        start_date: body.startDate,
        graduation_date: body.graduationDate,
        created_by: actor.id,
        updated_by: actor.id,
      });
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'order_class.create',
        entityType: 'order_class',
        entityId: row.id,
        summary: `开设${row.name}：${school.name} — ${enterprise.name}，计划 ${row.class_size} 人，${row.graduation_date} 毕业`,
        after: { schoolId: school.id, enterpriseId: enterprise.id, ...snapshotOrderClass(row) },
      });
      return row.id;
    });
    return getOrderClass(deps, actor, id);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('duplicate', {
        fields: [{ path: 'name', key: 'order_class.duplicate_name', params: { name: body.name } }],
      });
    throw error;
  }
}

export async function updateOrderClass(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: OrderClassUpdateBody,
): Promise<OrderClass> {
  const { actor } = ctx;
  const current = await requireManagedClass(deps, actor, id);
  const startDate = body.startDate ?? current.start_date;
  const graduationDate = body.graduationDate ?? current.graduation_date;
  if (startDate > graduationDate) throw fieldErrors([{ path: 'graduationDate', key: 'order_class.period' }]);
  if (
    body.agreementId &&
    !(await findAgreementBetween(deps.db, current.school_id, current.enterprise_id, body.agreementId))
  )
    throw fieldErrors([{ path: 'agreementId', key: 'order_class.agreement_mismatch' }]);
  const patch: OrderClassPatch = { updated_by: actor.id };
  if (body.agreementId !== undefined) patch.agreement_id = body.agreementId;
  if (body.kind !== undefined) patch.kind = body.kind;
  if (body.name !== undefined) patch.name = body.name;
  if (body.majorName !== undefined) patch.major_name = body.majorName;
  if (body.classSize !== undefined) patch.class_size = body.classSize;
  if (body.startDate !== undefined) patch.start_date = body.startDate;
  if (body.graduationDate !== undefined) patch.graduation_date = body.graduationDate;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const updated = await updateOrderClassVersioned(trx, id, body.version, patch);
      if (!updated) throw new AppError('version_conflict');
      const diff = diffSnapshots(snapshotOrderClass(current), snapshotOrderClass(updated));
      if (diff)
        await recordAudit(trx, auditContextOf(ctx), {
          action: 'order_class.update',
          entityType: 'order_class',
          entityId: id,
          summary: `修改班级 ${updated.name}：${Object.keys(diff.after).join('、')}`,
          ...diff,
        });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('duplicate', {
        fields: [
          { path: 'name', key: 'order_class.duplicate_name', params: { name: body.name ?? current.name } },
        ],
      });
    throw error;
  }
  return getOrderClass(deps, actor, id);
}

export async function listClassStudents(
  deps: Deps,
  actor: Actor,
  id: string,
  query: { q?: string | undefined; status: 'enrolled' | 'withdrawn' | 'all'; page: number; pageSize: number },
): Promise<ClassStudentPage> {
  const cls = await requireClass(deps, actor, id);
  const { rows, total } = await listRoster(deps.db, cls, query);
  return { items: rows.map(presentStudent), page: query.page, pageSize: query.pageSize, total };
}

/**
 * Adds one student: registered exactly as `POST /api/workers` does (validation, encryption, dedup
 * by ID number — an already registered person is linked, never duplicated), credited to the
 * school, then enrolled in the class. School staff register into the city-wide pool; officers into
 * the enterprise's district (theirs).
 */
export async function addClassStudent(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: ClassStudentCreateBody,
): Promise<ClassStudentAddReply> {
  const { actor } = ctx;
  const cls = await requireManagedClass(deps, actor, id);
  const districtCode = studentDistrictOf(actor, cls);
  const outcome = await registerWorker(deps, ctx, { ...body, channel: 'school', districtCode });
  const workerId = outcome.reply.worker.id;
  const added = await deps.db.transaction().execute(async (trx) => {
    await insertChannels(trx, [
      {
        worker_id: workerId,
        channel: 'school',
        channel_ref: cls.id,
        source_ref: cls.school_id,
        registered_by: actor.id,
      },
    ]);
    if (outcome.status === 201) await creditNewWorkerToSchool(trx, workerId, cls.school_id);
    const changed = await enrolStudent(trx, {
      class_id: cls.id,
      worker_id: workerId,
      added_by: actor.id,
      import_id: null,
    });
    if (changed)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'order_class.add_student',
        entityType: 'order_class',
        entityId: cls.id,
        summary: `${cls.name} 加入学生 ${outcome.reply.worker.name}（${outcome.reply.worker.idNumberMasked}）`,
        after: { workerId, outcome: outcome.reply.outcome },
      });
    return changed;
  });
  deps.matching.changed({ workerIds: [workerId] });
  const enrolled = await countEnrolled(deps.db, cls.id);
  return {
    outcome: added ? outcome.reply.outcome : 'already_in_class',
    workerId,
    enrolled,
    classSize: cls.class_size,
    overSize: enrolled > cls.class_size,
  };
}

/** Withdraws a student from the class (kept on the roster as withdrawn; never delivered) or reinstates them. */
export async function setClassStudentStatus(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  workerId: string,
  status: 'enrolled' | 'withdrawn',
): Promise<OrderClass> {
  const { actor } = ctx;
  const cls = await requireManagedClass(deps, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    const changed = await setStudentStatus(trx, cls.id, workerId, status);
    if (!changed) throw new AppError('not_found');
    await recordAudit(trx, auditContextOf(ctx), {
      action: status === 'withdrawn' ? 'order_class.withdraw_student' : 'order_class.reinstate_student',
      entityType: 'order_class',
      entityId: cls.id,
      summary: `${cls.name}：学生${status === 'withdrawn' ? '退班' : '恢复在读'}`,
      after: { workerId, status },
    });
  });
  return getOrderClass(deps, actor, id);
}
