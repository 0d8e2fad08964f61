import type { DeliverClassBody, DeliverClassReply, DeliveryOutcome } from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { insertEvents } from '../applications/applications.repository.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import {
  insertDeliveredApplications,
  listDeliveryCandidates,
  lockJobOrder,
  lockOrderClass,
  markDelivered,
} from './order-classes.repository.ts';
import { requireManagedClass } from './order-classes.service.ts';

/**
 * 整班输送: delivers an order class into one open job order of its enterprise in one transaction —
 * a 'recommended' application (channel 'school', channel_ref = the school) for every enrolled
 * student who can take it, and a result for every student:
 * - created — the application was made;
 * - skipped_employed — the student already works (worker status employed);
 * - skipped_inactive — the student is no longer looking (worker status inactive);
 * - skipped_open_application — the student already has an application to this order that is still
 *   in play or hired (a second delivery — a double click — reports everyone this way: idempotent);
 * - skipped_withdrawn — the student left the class.
 *
 * Rules: the order must belong to the class's enterprise, be open and have a place left
 * (filled < headcount) — the same rule as a single 推介. Recommendations do not take places in this
 * system (a place is taken at hire, `takePlace`), so the whole class is recommended even when it
 * is larger than the remaining places: the enterprise interviews and hires up to its headcount.
 * The class row is locked for the duration, so two deliveries of one class run one after the other;
 * the order row is share-locked so it cannot close half-way. Audited as one event naming every
 * created application; the class records when and into which order it was (last) delivered.
 */
export async function deliverClass(
  deps: Deps,
  ctx: RequestContext,
  classId: string,
  body: DeliverClassBody,
): Promise<DeliverClassReply> {
  const { actor } = ctx;
  const cls = await requireManagedClass(deps, actor, classId);
  const reply = await deps.db.transaction().execute(async (trx) => {
    await lockOrderClass(trx, cls.id);
    const order = await lockJobOrder(trx, body.jobOrderId);
    if (!order) throw fieldErrors([{ path: 'jobOrderId', key: 'field.invalid' }]);
    if (order.enterprise_id !== cls.enterprise_id)
      throw new AppError('conflict', {
        messageKey: 'order_class.order_other_enterprise',
        params: { enterprise: cls.enterprise_name },
      });
    if (order.status !== 'open')
      throw new AppError('conflict', {
        messageKey: 'order_class.order_not_open',
        params: { status: order.status },
      });
    if (order.filled >= order.headcount)
      throw new AppError('conflict', {
        messageKey: 'order_class.order_full',
        params: { filled: order.filled, headcount: order.headcount },
      });
    const candidates = await listDeliveryCandidates(trx, cls.id, order.id);
    if (!candidates.some((candidate) => candidate.status === 'enrolled'))
      throw new AppError('conflict', { messageKey: 'order_class.no_students' });

    const outcomes = new Map<string, DeliveryOutcome>();
    for (const candidate of candidates) {
      if (candidate.status === 'withdrawn') outcomes.set(candidate.worker_id, 'skipped_withdrawn');
      else if (candidate.has_open_application) outcomes.set(candidate.worker_id, 'skipped_open_application');
      else if (candidate.worker_status === 'employed') outcomes.set(candidate.worker_id, 'skipped_employed');
      else if (candidate.worker_status === 'inactive') outcomes.set(candidate.worker_id, 'skipped_inactive');
    }
    const eligible = candidates.filter((candidate) => !outcomes.has(candidate.worker_id));
    const note = `${cls.name} 整班输送`;
    const created = await insertDeliveredApplications(trx, {
      workerIds: eligible.map((candidate) => candidate.worker_id),
      jobOrderId: order.id,
      enterpriseId: order.enterprise_id,
      schoolId: cls.school_id,
      note,
      actorId: actor.id,
    });
    const applicationOf = new Map(created.map((row) => [row.worker_id, row.id]));
    // Lost to a concurrent application of the same person (the unique index said no).
    for (const candidate of eligible)
      outcomes.set(
        candidate.worker_id,
        applicationOf.has(candidate.worker_id) ? 'created' : 'skipped_open_application',
      );
    await insertEvents(
      trx,
      created.map((row) => ({
        application_id: row.id,
        from_status: null,
        to_status: 'recommended' as const,
        actor_id: actor.id,
        reason: note,
      })),
    );
    await markDelivered(trx, cls.id, order.id, actor.id);
    const results = candidates.map((candidate) => ({
      workerId: candidate.worker_id,
      name: candidate.name,
      outcome: outcomes.get(candidate.worker_id) ?? 'skipped_open_application',
      applicationId: applicationOf.get(candidate.worker_id) ?? null,
    }));
    const skipped = results.length - created.length;
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'order_class.deliver',
      entityType: 'order_class',
      entityId: cls.id,
      summary: `${cls.name} 整班输送至 ${cls.enterprise_name}「${order.title}」：推介 ${created.length} 人，跳过 ${skipped} 人`,
      after: {
        jobOrderId: order.id,
        created: created.length,
        skipped,
        applicationIds: created.map((row) => row.id),
      },
    });
    return {
      classId: cls.id,
      jobOrderId: order.id,
      jobOrderTitle: order.title,
      created: created.length,
      skipped,
      results,
    };
  });
  deps.matching.changed({
    workerIds: reply.results
      .filter((result) => result.outcome === 'created')
      .map((result) => result.workerId),
    orderIds: [reply.jobOrderId],
  });
  return reply;
}
