import { ageOn } from '@yonggong/engine';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_TRANSITIONS,
  type Application,
  type ApplicationCreateBody,
  type ApplicationMoveBody,
  type ApplicationStatus,
  type Channel,
  formatMessage,
  type Locale,
} from '@yonggong/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { jobOrderScope } from '../job-orders/job-orders.policy.ts';
import { findJobOrder, releasePlace, takePlace } from '../job-orders/job-orders.repository.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { recordRetainedAgencyPlacement } from '../marketplace/record-retained-placement.ts';
import { channelOfActor, workerScope } from '../workers/workers.policy.ts';
import { allowedMoves, applicationScope, isWorkerThemself } from './applications.policy.ts';
import {
  type ApplicationFilter,
  type ApplicationView,
  confirmRetention,
  deletePlacementOf,
  expireStaleApplications,
  findApplication,
  findVisibleWorker,
  insertApplication,
  insertEvents,
  insertPlacement,
  listApplications,
  listEvents,
  obsoleteOtherOpenApplications,
  setWorkerStatus,
  updateApplicationStatus,
} from './applications.repository.ts';

/**
 * The placement pipeline (DESIGN §2): recommended | applied → screening → interview → offered →
 * hired (到岗) → retained 30 → retained 90, plus rejected, withdrawn, no-show, obsolete, expired.
 * Every transition is stored with actor, time and reason, and audited.
 *
 * The hire is the race that matters: it takes a place with one conditional UPDATE of the order
 * (`filled < headcount`), so twenty simultaneous hires for three places make exactly three
 * placements; the others get 409 with the numbers. In the same transaction the worker becomes
 * employed and their other open applications obsolete.
 */
const RETENTION_DAYS: Readonly<Partial<Record<ApplicationStatus, number>>> = {
  retained_30: 30,
  retained_90: 90,
};

export async function listApplicationPage(
  deps: Deps,
  actor: Actor,
  filter: ApplicationFilter,
  page: { page: number; pageSize: number },
) {
  const { rows, total } = await listApplications(deps.db, applicationScope(actor), filter, page);
  return { items: await presentMany(deps.db, rows, actor), page: page.page, pageSize: page.pageSize, total };
}

export async function getApplication(deps: Deps, actor: Actor, id: string): Promise<Application> {
  const row = await findApplication(deps.db, applicationScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [presented] = await presentMany(deps.db, [row], actor);
  if (!presented) throw new AppError('not_found');
  return presented;
}

/** 推介 (officer) or 报名 (worker or on their behalf): one application per worker and order at a time. */
export async function createApplication(
  deps: Deps,
  ctx: RequestContext,
  body: ApplicationCreateBody,
): Promise<Application> {
  const { actor } = ctx;
  const isSelf = isWorkerThemself(actor, body.workerId);
  const worker = await findVisibleWorker(deps.db, workerScope(actor), body.workerId);
  if (!worker) throw fieldErrors([{ path: 'workerId', key: 'field.invalid' }]);
  if (worker.status === 'inactive')
    throw new AppError('conflict', {
      messageKey: 'application.worker_unavailable',
      params: { status: worker.status },
    });
  const order = await findJobOrder(deps.db, jobOrderScope(actor), body.jobOrderId);
  if (!order) throw fieldErrors([{ path: 'jobOrderId', key: 'field.invalid' }]);
  if (order.status !== 'open')
    throw new AppError('conflict', { messageKey: 'job_order.not_open', params: { status: order.status } });
  if (order.filled >= order.headcount)
    throw new AppError('conflict', {
      messageKey: 'job_order.no_places',
      params: { headcount: order.headcount, filled: order.filled },
    });
  const status: ApplicationStatus = isSelf ? 'applied' : body.kind;
  // The channel that brought the worker is what the bureau measures, not who clicked.
  const channel: Channel = body.channel ?? (isSelf ? 'self' : (worker.source_channel as Channel));
  // …and which base, school, programme or agency of that kind (the worker's own when the kind is
  // theirs; the acting account's when a base, school or agency puts the worker forward).
  const channelRef = channelRefOf(actor, channel, worker);
  const id = await deps.db.transaction().execute(async (trx) => {
    let row: Awaited<ReturnType<typeof insertApplication>>;
    try {
      row = await insertApplication(trx, {
        worker_id: worker.id,
        job_order_id: order.id,
        enterprise_id: order.enterprise_id,
        status,
        channel,
        channel_ref: channelRef,
        note: body.note,
        created_by: actor.id,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('duplicate', { messageKey: 'application.duplicate' });
      throw error;
    }
    await insertEvents(trx, [
      { application_id: row.id, from_status: null, to_status: status, actor_id: actor.id, reason: body.note },
    ]);
    await recordAudit(trx, auditContextOf(ctx), {
      action: status === 'recommended' ? 'application.recommend' : 'application.apply',
      entityType: 'application',
      entityId: row.id,
      summary: `${status === 'recommended' ? '推介' : '报名'} ${worker.name} → ${order.enterprise_name}「${order.title}」`,
      after: { workerId: worker.id, jobOrderId: order.id, status, channel },
    });
    return row.id;
  });
  return getApplication(deps, actor, id);
}

/**
 * The channel record credited with an application of this kind: the acting base's, school's or
 * agency's own when it puts the worker forward through its channel, else the worker's when the kind
 * is the one they arrived through, else none.
 */
function channelRefOf(
  actor: Actor,
  channel: Channel,
  worker: { readonly source_channel: string; readonly source_ref: string | null },
): string | null {
  const own = channelOfActor(actor);
  if (own && own.channel === channel) return own.sourceRef;
  return channel === worker.source_channel ? worker.source_ref : null;
}

/**
 * 推介 in bulk (from a recommendation list): each pair through `createApplication` with every
 * rule, in its own transaction, so one refusal (already in the pipeline, order full) does not
 * undo the others; a result per pair.
 */
export async function createApplications(
  deps: Deps,
  ctx: RequestContext,
  body: { items: readonly { workerId: string; jobOrderId: string }[]; note: string },
) {
  const results = [];
  let created = 0;
  for (const item of body.items) {
    try {
      const application = await createApplication(deps, ctx, {
        ...item,
        kind: 'recommended',
        note: body.note,
      });
      created += 1;
      results.push({ ...item, ok: true, applicationId: application.id, code: null, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message =
        error.code === 'validation_failed'
          ? formatMessage(ctx.locale, 'field.invalid')
          : describeError(error, ctx.locale);
      results.push({
        ...item,
        ok: false,
        applicationId: null,
        code: error.options.messageKey ?? error.code,
        message,
      });
    }
  }
  return { created, results };
}

/** Moves one application, with every rule of the pipeline. */
export async function moveApplication(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: ApplicationMoveBody,
): Promise<Application> {
  const moved = await deps.db.transaction().execute((trx) => moveInTransaction(trx, ctx, id, body));
  noteMatchingChange(deps, moved, body.to);
  return getApplication(deps, ctx.actor, id);
}

/** Moves many; each in its own transaction, so one refusal does not undo the others. */
export async function moveApplications(
  deps: Deps,
  ctx: RequestContext,
  body: { ids: readonly string[]; to: ApplicationStatus; reason: string },
): Promise<{
  results: { id: string; ok: boolean; status: ApplicationStatus | null; message: string | null }[];
}> {
  const results = [];
  for (const id of body.ids) {
    try {
      const current = await findApplication(deps.db, applicationScope(ctx.actor), id);
      if (!current) throw new AppError('not_found');
      const moved = await deps.db
        .transaction()
        .execute((trx) =>
          moveInTransaction(trx, ctx, id, { to: body.to, reason: body.reason, version: current.version }),
        );
      noteMatchingChange(deps, moved, body.to);
      results.push({ id, ok: true, status: body.to, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, status: null, message: describeError(error, ctx.locale) });
    }
  }
  return { results };
}

/**
 * A hire fills a place and employs the worker; a no-show after a hire undoes both: what the
 * recommendations score changed (other moves leave the worker and the order as they were).
 */
function noteMatchingChange(
  deps: Deps,
  moved: { workerId: string; orderId: string },
  to: ApplicationStatus,
): void {
  if (to === 'hired' || to === 'no_show')
    deps.matching.changed({ workerIds: [moved.workerId], orderIds: [moved.orderId] });
}

async function moveInTransaction(
  trx: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  body: ApplicationMoveBody,
): Promise<{ workerId: string; orderId: string }> {
  const { actor } = ctx;
  const current = await findApplication(trx, applicationScope(actor), id, { forUpdate: true });
  if (!current) throw new AppError('not_found');
  if (current.version !== body.version) throw new AppError('version_conflict');
  const owner = {
    enterpriseId: current.enterprise_id,
    districtCode: current.enterprise_district_code,
    liaisonUserId: current.enterprise_liaison_user_id,
  };
  // The state machine first (a move that is never legal says so), then this account's rights.
  if (!APPLICATION_TRANSITIONS[current.status].includes(body.to))
    throw new AppError('conflict', {
      messageKey: 'application.illegal_transition',
      params: {
        from: APPLICATION_STATUS_LABELS[current.status][ctx.locale],
        to: APPLICATION_STATUS_LABELS[body.to][ctx.locale],
      },
    });
  const allowed = allowedMoves(actor, { status: current.status, workerId: current.worker_id }, owner);
  if (!allowed.includes(body.to)) throw new AppError('forbidden');
  const today = todayIn();
  const retentionDays = RETENTION_DAYS[body.to];
  if (retentionDays !== undefined && current.hired_on) {
    const due = addDays(current.hired_on, retentionDays);
    if (today < due)
      throw new AppError('conflict', {
        messageKey: 'placement.retention_too_early',
        params: { days: retentionDays, hiredOn: current.hired_on },
      });
  }

  const audit = auditContextOf(ctx);
  const events: Parameters<typeof insertEvents>[1][number][] = [];
  let hiredOn: string | null | undefined;
  if (body.to === 'hired') {
    hiredOn = body.date ?? today;
    const taken = await takePlace(trx, current.job_order_id);
    if (!taken) {
      const order = await findJobOrder(trx, jobOrderScope(actor), current.job_order_id);
      if (order && order.status !== 'open' && order.status !== 'filled')
        throw new AppError('conflict', {
          messageKey: 'job_order.not_open',
          params: { status: order.status },
        });
      throw new AppError('conflict', {
        messageKey: 'job_order.no_places',
        params: { headcount: order?.headcount ?? 0, filled: order?.filled ?? 0 },
        extra: { remaining: 0 },
      });
    }
    await insertPlacement(trx, {
      application_id: current.id,
      worker_id: current.worker_id,
      job_order_id: current.job_order_id,
      enterprise_id: current.enterprise_id,
      channel: current.channel,
      channel_ref: current.channel_ref,
      hired_on: hiredOn,
    });
    await setWorkerStatus(trx, current.worker_id, 'employed');
    const obsolete = await obsoleteOtherOpenApplications(trx, current.worker_id, current.id);
    for (const other of obsolete)
      events.push({
        application_id: other.id,
        from_status: other.status,
        to_status: 'obsolete',
        actor_id: actor.id,
        reason: `已在 ${current.enterprise_name} 到岗`,
      });
  } else if (body.to === 'no_show' && current.status === 'hired') {
    await releasePlace(trx, current.job_order_id);
    await deletePlacementOf(trx, current.id);
    await setWorkerStatus(trx, current.worker_id, 'available');
    hiredOn = null;
  } else if (retentionDays !== undefined) {
    await confirmRetention(trx, current.id, retentionDays === 30 ? 30 : 90, true, actor.id);
    // An agency's hire retained as the policy requires earns its subsidy eligibility and fee.
    await recordRetainedAgencyPlacement(trx, audit, { applicationId: current.id, retentionDays, today });
  }

  const updated = await updateApplicationStatus(trx, id, body.version, {
    status: body.to,
    ...(hiredOn !== undefined ? { hired_on: hiredOn } : {}),
  });
  if (!updated) throw new AppError('version_conflict');
  events.unshift({
    application_id: id,
    from_status: current.status,
    to_status: body.to,
    actor_id: actor.id,
    reason: body.reason,
  });
  await insertEvents(trx, events);
  await recordAudit(
    trx,
    audit,
    ...events.map((event) => ({
      action: `application.${event.to_status}`,
      entityType: 'application',
      entityId: event.application_id,
      summary: `${current.worker_name}「${current.job_order_title}」${event.from_status ?? ''} → ${event.to_status}${event.reason ? `：${event.reason}` : ''}`,
      before: { status: event.from_status },
      after: { status: event.to_status, ...(event.application_id === id && hiredOn ? { hiredOn } : {}) },
    })),
  );
  return { workerId: current.worker_id, orderId: current.job_order_id };
}

/**
 * Open applications without action for `days` days expire (a scheduled job); returns how many.
 * Recorded as system events without an actor.
 */
export async function expireInactiveApplications(
  db: Kysely<Database>,
  days: number,
  now: Date = new Date(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expired = await expireStaleApplications(trx, new Date(now.getTime() - days * 86_400_000));
    await insertEvents(
      trx,
      expired.map((row) => ({
        application_id: row.id,
        from_status: null,
        to_status: 'expired',
        actor_id: null,
        reason: `${days} 天无进展，自动失效`,
      })),
    );
    if (expired.length > 0)
      await recordAudit(
        trx,
        { actorId: null, requestId: null, ip: null },
        {
          action: 'application.expire',
          entityType: 'application',
          entityId: null,
          summary: `${expired.length} 条招聘流程 ${days} 天无进展，自动失效`,
          after: { ids: expired.map((row) => row.id) },
        },
      );
    return expired.length;
  });
}

async function presentMany(
  db: Kysely<Database>,
  rows: readonly ApplicationView[],
  actor: Actor,
): Promise<Application[]> {
  const events = await listEvents(
    db,
    rows.map((row) => row.id),
  );
  const today = new Date();
  return rows.map((row) => ({
    id: row.id,
    worker: {
      id: row.worker_id,
      name: row.worker_name,
      age: ageOn(row.worker_birth_date, today),
      sex: row.worker_sex === 'female' ? 'female' : 'male',
      phoneMasked: row.worker_phone_masked,
    },
    jobOrder: {
      id: row.job_order_id,
      title: row.job_order_title,
      enterpriseId: row.enterprise_id,
      enterpriseName: row.enterprise_name,
    },
    status: row.status,
    channel: row.channel,
    createdBy: row.created_by_name,
    hiredOn: row.hired_on,
    note: row.note,
    events: events
      .filter((event) => event.application_id === row.id)
      .map((event) => ({
        from: event.from_status,
        to: event.to_status,
        at: event.at.toISOString(),
        actor: event.actor_name,
        reason: event.reason,
      })),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      moveTo: allowedMoves(
        actor,
        { status: row.status, workerId: row.worker_id },
        {
          enterpriseId: row.enterprise_id,
          districtCode: row.enterprise_district_code,
          liaisonUserId: row.enterprise_liaison_user_id,
        },
      ),
    },
  }));
}

/** The same text the single-move reply would carry in `detail`. */
function describeError(error: AppError, locale: Locale): string {
  return formatMessage(locale, error.options.messageKey ?? error.code, error.options.params);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
