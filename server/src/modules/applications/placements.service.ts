import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { applicationScope } from './applications.policy.ts';
import {
  confirmRetention,
  endPlacement,
  findApplication,
  findPlacementApplicationId,
  insertEvents,
  listPlacements,
  setWorkerStatus,
} from './applications.repository.ts';
import { moveApplication } from './applications.service.ts';

/**
 * Placements (到岗记录): one per hire, with the channel that brought the worker, and retention
 * confirmed by the enterprise or an officer at 30 and 90 days. Confirming "retained" moves the
 * application on; "left" closes the placement and frees the worker.
 */
export async function listPlacementPage(
  deps: Deps,
  actor: Actor,
  filter: Parameters<typeof listPlacements>[2],
  page: { page: number; pageSize: number },
) {
  const { rows, total } = await listPlacements(deps.db, applicationScope(actor), filter, page);
  return {
    items: rows.map((row) => ({
      id: row.id,
      applicationId: row.application_id,
      workerId: row.worker_id,
      workerName: row.worker_name,
      jobOrderId: row.job_order_id,
      jobOrderTitle: row.job_order_title,
      enterpriseId: row.enterprise_id,
      enterpriseName: row.enterprise_name,
      channel: row.channel,
      hiredOn: row.hired_on,
      retained30: asRetention(row.retained_30),
      retained90: asRetention(row.retained_90),
      createdAt: row.created_at.toISOString(),
    })),
    page: page.page,
    pageSize: page.pageSize,
    total,
  };
}

export async function recordRetention(
  deps: Deps,
  ctx: RequestContext,
  placementId: string,
  body: { checkpoint: 30 | 90; retained: boolean; version: number },
): Promise<{ ok: true }> {
  const placement = await findPlacementApplicationId(deps.db, placementId);
  if (!placement) throw new AppError('not_found');
  const { applicationId } = placement;
  const ended = (endedOn: string) =>
    new AppError('conflict', { messageKey: 'placement.ended', params: { date: endedOn } });
  if (placement.endedOn) throw ended(placement.endedOn);
  if (body.retained) {
    await moveApplication(deps, ctx, applicationId, {
      to: body.checkpoint === 30 ? 'retained_30' : 'retained_90',
      reason: '',
      version: body.version,
    });
    return { ok: true };
  }
  const current = await findApplication(deps.db, applicationScope(ctx.actor), applicationId);
  if (!current) throw new AppError('not_found');
  const expected = body.checkpoint === 30 ? 'hired' : 'retained_30';
  if (current.status !== expected)
    throw new AppError('conflict', {
      messageKey: 'application.illegal_transition',
      params: { from: current.status, to: `left@${body.checkpoint}` },
    });
  await deps.db.transaction().execute(async (trx) => {
    await confirmRetention(trx, applicationId, body.checkpoint, false, ctx.actor.id);
    // Only an open placement ends: of two clicks at once, the second is refused here.
    const today = todayIn();
    if (!(await endPlacement(trx, applicationId, today))) throw ended(today);
    await setWorkerStatus(trx, current.worker_id, 'available');
    // The application keeps its last state (the hire happened and counts); the departure goes on
    // its timeline, where the worker page and the order's pipeline read it.
    await insertEvents(trx, [
      {
        application_id: applicationId,
        from_status: current.status,
        to_status: current.status,
        actor_id: ctx.actor.id,
        reason: `未满 ${body.checkpoint} 天离职`,
      },
    ]);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'placement.left',
      entityType: 'application',
      entityId: applicationId,
      summary: `${current.worker_name} 未满 ${body.checkpoint} 天离职（${current.enterprise_name}）`,
      after: { checkpoint: body.checkpoint, retained: false },
    });
  });
  deps.matching.changed({ workerIds: [current.worker_id] });
  return { ok: true };
}

function asRetention(value: string): 'pending' | 'yes' | 'no' {
  return value === 'yes' || value === 'no' ? value : 'pending';
}
