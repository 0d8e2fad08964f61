import type {
  CompleteBody,
  CompleteResult,
  Enrolment,
  RecommendationOutcome,
  Training,
  TrainingCreateBody,
  TrainingListQuery,
  TrainingUpdateBody,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TrainingProgrammeRow } from '../../db/schema-channels.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { insertApplication, insertEvents } from '../applications/applications.repository.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { jobOrderScope } from '../job-orders/job-orders.policy.ts';
import { findJobOrder } from '../job-orders/job-orders.repository.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { workerScope } from '../workers/workers.policy.ts';
import { findVisibleWorkerIds, insertChannels } from '../workers/workers.repository.ts';
import { canWriteTraining, defaultTrainingDistrict, trainingScope } from './trainings.policy.ts';
import { presentEnrolment, presentProgramme, snapshotProgramme } from './trainings.presenter.ts';
import {
  enrolmentCounts,
  findEnrolment,
  findEnrolmentOf,
  findLinkedOrders,
  findOpenApplication,
  findProgramme,
  findWorkerForUpdate,
  insertEnrolment,
  insertProgramme,
  listEnrolments,
  listProgrammes,
  type ProgrammePatch,
  releaseSeat,
  setEnrolment,
  setWorkerQualifications,
  takeSeat,
  updateProgrammeVersioned,
} from './trainings.repository.ts';

/**
 * Training programmes (企业订单、劳动者选单、政府买单): officers register a programme for an
 * enterprise's order; workers enrol while seats last (a conditional update decides the last seat);
 * completing trainees gain their certificate and skill, and are recommended to the linked order
 * automatically (channel 'training', credited to the programme) unless that cannot be done — the
 * reason is reported per trainee.
 */
async function presentRows(
  deps: Deps,
  actor: Actor,
  rows: readonly TrainingProgrammeRow[],
): Promise<Training[]> {
  const today = todayIn();
  const [counts, orders] = await Promise.all([
    enrolmentCounts(
      deps.db,
      rows.map((row) => row.id),
    ),
    findLinkedOrders(
      deps.db,
      rows.flatMap((row) => (row.job_order_id ? [row.job_order_id] : [])),
    ),
  ]);
  const orderOf = new Map(orders.map((order) => [order.id, order]));
  return rows.map((row) =>
    presentProgramme(
      row,
      {
        counts: counts.get(row.id),
        order: row.job_order_id ? orderOf.get(row.job_order_id) : undefined,
        today,
      },
      actor,
    ),
  );
}

export async function listProgrammePage(deps: Deps, actor: Actor, query: TrainingListQuery) {
  const { rows, total } = await listProgrammes(deps.db, trainingScope(actor), query, todayIn());
  return { items: await presentRows(deps, actor, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getProgramme(deps: Deps, actor: Actor, id: string): Promise<Training> {
  const row = await findProgramme(deps.db, trainingScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [presented] = await presentRows(deps, actor, [row]);
  if (!presented) throw new AppError('not_found');
  return presented;
}

async function assertProgrammeFields(
  deps: Deps,
  actor: Actor,
  fields: { jobOrderId: string | null | undefined; managingDistrictCode: string | null | undefined },
): Promise<void> {
  const issues: FieldError[] = [];
  if (fields.jobOrderId && !(await findJobOrder(deps.db, jobOrderScope(actor), fields.jobOrderId)))
    issues.push({ path: 'jobOrderId', key: 'training.order_unknown' });
  if (fields.managingDistrictCode !== undefined) {
    const code = fields.managingDistrictCode;
    if (code !== null && !deps.regions.districtsOf(deps.config.cityCode).some((d) => d.code === code))
      issues.push({ path: 'managingDistrictCode', key: 'region.not_in_city' });
    else if (!canWriteTraining(actor, code))
      issues.push({ path: 'managingDistrictCode', key: 'training.district_out_of_scope' });
  }
  if (issues.length > 0) throw fieldErrors(issues);
}

export async function createProgramme(
  deps: Deps,
  ctx: RequestContext,
  body: TrainingCreateBody,
): Promise<Training> {
  const { actor } = ctx;
  const managing = body.managingDistrictCode ?? defaultTrainingDistrict(actor);
  await assertProgrammeFields(deps, actor, { jobOrderId: body.jobOrderId, managingDistrictCode: managing });
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertProgramme(trx, {
      name: body.name,
      occupation_code: body.occupationCode,
      skill: body.skill,
      provider: body.provider,
      seats: body.seats,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      cost_per_trainee_fen: body.costPerTraineeFen,
      job_order_id: body.jobOrderId,
      managing_district_code: managing,
      notes: body.notes,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'training.create',
      entityType: 'training_programme',
      entityId: row.id,
      summary: `登记培训项目 ${row.name}（${row.provider}，${row.seats} 个名额）`,
      after: snapshotProgramme(row),
    });
    return row.id;
  });
  return getProgramme(deps, actor, id);
}

export async function updateProgramme(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: TrainingUpdateBody,
): Promise<Training> {
  const { actor } = ctx;
  const current = await findProgramme(deps.db, trainingScope(actor), id);
  if (!current) throw new AppError('not_found');
  if (!canWriteTraining(actor, current.managing_district_code)) throw new AppError('forbidden');
  await assertProgrammeFields(deps, actor, {
    jobOrderId: body.jobOrderId,
    managingDistrictCode: body.managingDistrictCode,
  });
  const start = body.startsOn ?? current.starts_on;
  const end = body.endsOn ?? current.ends_on;
  if (end < start) throw fieldErrors([{ path: 'endsOn', key: 'training.dates_order' }]);
  if (body.seats !== undefined && body.seats < current.taken)
    throw fieldErrors([
      { path: 'seats', key: 'training.seats_below_taken', params: { taken: current.taken } },
    ]);
  const patch: ProgrammePatch = { updated_by: actor.id };
  if (body.name !== undefined) patch.name = body.name;
  if (body.occupationCode !== undefined) patch.occupation_code = body.occupationCode;
  if (body.skill !== undefined) patch.skill = body.skill;
  if (body.provider !== undefined) patch.provider = body.provider;
  if (body.seats !== undefined) patch.seats = body.seats;
  if (body.startsOn !== undefined) patch.starts_on = body.startsOn;
  if (body.endsOn !== undefined) patch.ends_on = body.endsOn;
  if (body.costPerTraineeFen !== undefined) patch.cost_per_trainee_fen = body.costPerTraineeFen;
  if (body.jobOrderId !== undefined) patch.job_order_id = body.jobOrderId;
  if (body.managingDistrictCode !== undefined) patch.managing_district_code = body.managingDistrictCode;
  if (body.notes !== undefined) patch.notes = body.notes;
  await deps.db.transaction().execute(async (trx) => {
    // The CHECK (taken <= seats) backs the check above against an enrolment meanwhile.
    const updated = await updateProgrammeVersioned(trx, id, body.version, patch);
    if (!updated) throw new AppError('version_conflict');
    const diff = diffSnapshots(snapshotProgramme(current), snapshotProgramme(updated));
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'training.update',
        entityType: 'training_programme',
        entityId: id,
        summary: `修改培训项目 ${updated.name}：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
  });
  return getProgramme(deps, actor, id);
}

async function writableProgramme(deps: Deps, actor: Actor, id: string): Promise<TrainingProgrammeRow> {
  const row = await findProgramme(deps.db, trainingScope(actor), id);
  if (!row) throw new AppError('not_found');
  if (!canWriteTraining(actor, row.managing_district_code)) throw new AppError('forbidden');
  return row;
}

export async function listProgrammeEnrolments(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ items: Enrolment[] }> {
  const row = await findProgramme(deps.db, trainingScope(actor), id);
  if (!row) throw new AppError('not_found');
  const now = new Date();
  return { items: (await listEnrolments(deps.db, id)).map((enrolment) => presentEnrolment(enrolment, now)) };
}

/**
 * Enrols a worker the actor may see. The seat is taken by a conditional update in the same
 * transaction as the enrolment, so the last seat goes to exactly one of two simultaneous requests.
 * The enrolment is the worker's arrival through the programme (a `training` channel row).
 */
export async function enrolWorker(
  deps: Deps,
  ctx: RequestContext,
  programmeId: string,
  workerId: string,
): Promise<Enrolment> {
  const { actor } = ctx;
  const programme = await writableProgramme(deps, actor, programmeId);
  const [worker] = await findVisibleWorkerIds(deps.db, workerScope(actor), [workerId]);
  if (!worker) throw fieldErrors([{ path: 'workerId', key: 'training.worker_unknown' }]);
  const enrolmentId = await deps.db.transaction().execute(async (trx) => {
    const existing = await findEnrolmentOf(trx, programmeId, workerId);
    if (existing && existing.status !== 'dropped')
      throw new AppError('duplicate', { messageKey: 'training.already_enrolled' });
    if (!(await takeSeat(trx, programmeId)))
      throw new AppError('conflict', { messageKey: 'training.full', params: { seats: programme.seats } });
    let id: string;
    if (existing) {
      await setEnrolment(trx, existing.id, { status: 'enrolled', certificate: null, completed_on: null });
      id = existing.id;
    } else {
      id = (
        await insertEnrolment(trx, { programme_id: programmeId, worker_id: workerId, enrolled_by: actor.id })
      ).id;
    }
    await insertChannels(trx, [
      {
        worker_id: workerId,
        channel: 'training',
        channel_ref: programmeId,
        source_ref: programmeId,
        registered_by: actor.id,
      },
    ]);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'training.enrol',
      entityType: 'training_programme',
      entityId: programmeId,
      summary: `${worker.name} 报名培训 ${programme.name}`,
      after: { workerId, enrolmentId: id },
    });
    return id;
  });
  const all = await listEnrolments(deps.db, programmeId);
  const row = all.find((enrolment) => enrolment.id === enrolmentId);
  if (!row) throw new AppError('not_found');
  return presentEnrolment(row, new Date());
}

/** An enrolled trainee leaves; the seat is freed. */
export async function dropEnrolment(
  deps: Deps,
  ctx: RequestContext,
  programmeId: string,
  enrolmentId: string,
): Promise<Enrolment> {
  const { actor } = ctx;
  const programme = await writableProgramme(deps, actor, programmeId);
  await deps.db.transaction().execute(async (trx) => {
    const enrolment = await findEnrolment(trx, programmeId, enrolmentId, { forUpdate: true });
    if (!enrolment) throw new AppError('not_found', { messageKey: 'training.enrolment_unknown' });
    if (enrolment.status !== 'enrolled')
      throw new AppError('conflict', {
        messageKey: 'training.not_enrolled',
        params: { status: enrolment.status },
      });
    await setEnrolment(trx, enrolmentId, { status: 'dropped' });
    await releaseSeat(trx, programmeId);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'training.drop',
      entityType: 'training_programme',
      entityId: programmeId,
      summary: `学员退出培训 ${programme.name}`,
      after: { enrolmentId, workerId: enrolment.worker_id },
    });
  });
  const row = (await listEnrolments(deps.db, programmeId)).find((enrolment) => enrolment.id === enrolmentId);
  if (!row) throw new AppError('not_found');
  return presentEnrolment(row, new Date());
}

/**
 * Completes trainees, each in its own transaction (one trainee's problem does not undo the others):
 * the enrolment becomes `completed`; the certificate (if earned) and the programme's skill join the
 * worker's; and the trainee is recommended to the linked order — unless there is none, the order is
 * closed or full, the worker is inactive, or an application of theirs to it is already open.
 */
export async function completeTrainees(
  deps: Deps,
  ctx: RequestContext,
  programmeId: string,
  body: CompleteBody,
): Promise<CompleteResult> {
  const programme = await writableProgramme(deps, ctx.actor, programmeId);
  const completedOn = body.completedOn ?? todayIn();
  const seen = new Set<string>();
  const items: CompleteResult['items'] = [];
  const changedWorkers: string[] = [];
  for (const item of body.items) {
    if (seen.has(item.enrolmentId)) continue;
    seen.add(item.enrolmentId);
    const enrolment = await findEnrolment(deps.db, programmeId, item.enrolmentId);
    if (!enrolment)
      throw fieldErrors([
        { path: `items.${body.items.indexOf(item)}.enrolmentId`, key: 'training.enrolment_unknown' },
      ]);
    const outcome = await deps.db
      .transaction()
      .execute((trx) => completeOne(trx, ctx, programme, item.enrolmentId, item.certificate, completedOn));
    items.push(outcome);
    if (outcome.outcome === 'completed') changedWorkers.push(outcome.workerId);
  }
  if (changedWorkers.length > 0)
    deps.matching.changed({
      workerIds: changedWorkers,
      ...(programme.job_order_id ? { orderIds: [programme.job_order_id] } : {}),
    });
  return { items };
}

async function completeOne(
  trx: Kysely<Database>,
  ctx: RequestContext,
  programme: TrainingProgrammeRow,
  enrolmentId: string,
  certificate: string | null,
  completedOn: string,
): Promise<CompleteResult['items'][number]> {
  const { actor } = ctx;
  const enrolment = await findEnrolment(trx, programme.id, enrolmentId, { forUpdate: true });
  if (!enrolment) throw new AppError('not_found', { messageKey: 'training.enrolment_unknown' });
  const worker = await findWorkerForUpdate(trx, enrolment.worker_id);
  if (!worker) throw new AppError('not_found');
  const base = { enrolmentId, workerId: worker.id, name: worker.name };
  if (enrolment.status !== 'enrolled')
    return {
      ...base,
      outcome: enrolment.status === 'completed' ? 'already_completed' : 'dropped',
      certificateAdded: false,
      recommendation: 'no_order',
      applicationId: enrolment.application_id,
    };

  const certificates =
    certificate && !worker.certificates.includes(certificate)
      ? [...worker.certificates, certificate]
      : worker.certificates;
  const skills =
    programme.skill && !worker.skills.includes(programme.skill)
      ? [...worker.skills, programme.skill]
      : worker.skills;
  const certificateAdded = certificates !== worker.certificates;
  if (certificateAdded || skills !== worker.skills) {
    await setWorkerQualifications(trx, worker.id, { skills, certificates, updated_by: actor.id });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'worker.update',
      entityType: 'worker',
      entityId: worker.id,
      summary: `培训结业（${programme.name}）：${[certificateAdded ? `取得证书「${certificate}」` : '', skills !== worker.skills ? `技能「${programme.skill}」` : ''].filter(Boolean).join('，')}`,
      before: { skills: worker.skills, certificates: worker.certificates },
      after: { skills, certificates },
    });
  }

  const recommendation = await recommendToOrder(trx, ctx, programme, worker);
  await setEnrolment(trx, enrolmentId, {
    status: 'completed',
    certificate,
    completed_on: completedOn,
    application_id: recommendation.applicationId,
  });
  await recordAudit(trx, auditContextOf(ctx), {
    action: 'training.complete',
    entityType: 'training_programme',
    entityId: programme.id,
    summary: `${worker.name} 结业于 ${programme.name}${certificate ? `，取得「${certificate}」` : ''}；推介：${recommendation.outcome}`,
    after: { enrolmentId, workerId: worker.id, certificate, recommendation: recommendation.outcome },
  });
  return {
    ...base,
    outcome: 'completed',
    certificateAdded,
    recommendation: recommendation.outcome,
    applicationId: recommendation.applicationId,
  };
}

/** The automatic 推介 of a completing trainee to the programme's order. */
async function recommendToOrder(
  trx: Kysely<Database>,
  ctx: RequestContext,
  programme: TrainingProgrammeRow,
  worker: { id: string; name: string; status: string },
): Promise<{ outcome: RecommendationOutcome; applicationId: string | null }> {
  if (!programme.job_order_id) return { outcome: 'no_order', applicationId: null };
  // The order the programme trains for, as linked by the officer who could see it then.
  const [linked] = await findLinkedOrders(trx, [programme.job_order_id]);
  if (!linked) return { outcome: 'no_order', applicationId: null };
  if (linked.filled >= linked.headcount || linked.status === 'filled')
    return { outcome: 'order_full', applicationId: null };
  if (linked.status !== 'open') return { outcome: 'order_closed', applicationId: null };
  if (worker.status === 'inactive') return { outcome: 'worker_unavailable', applicationId: null };
  const open = await findOpenApplication(trx, worker.id, linked.id);
  if (open) return { outcome: 'already_open', applicationId: open.id };
  const note = `培训结业推介：${programme.name}`;
  const application = await insertApplication(trx, {
    worker_id: worker.id,
    job_order_id: linked.id,
    enterprise_id: linked.enterprise_id,
    status: 'recommended',
    channel: 'training',
    channel_ref: programme.id,
    note,
    created_by: ctx.actor.id,
  });
  await insertEvents(trx, [
    {
      application_id: application.id,
      from_status: null,
      to_status: 'recommended',
      actor_id: ctx.actor.id,
      reason: note,
    },
  ]);
  await recordAudit(trx, auditContextOf(ctx), {
    action: 'application.recommend',
    entityType: 'application',
    entityId: application.id,
    summary: `推介 ${worker.name} → ${linked.enterprise_name}「${linked.title}」（培训结业）`,
    after: { workerId: worker.id, jobOrderId: linked.id, status: 'recommended', channel: 'training' },
  });
  return { outcome: 'recommended', applicationId: application.id };
}
