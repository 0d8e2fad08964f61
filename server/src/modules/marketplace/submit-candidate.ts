import type { Submission, SubmissionCreateBody } from '@yonggong/shared';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Deps } from '../../deps.ts';
import { AppError, fieldErrors } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { insertApplication, insertEvents } from '../applications/applications.repository.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { hashIdNumber } from '../workers/worker-identity.ts';
import { workerScope } from '../workers/workers.policy.ts';
import { findWorker, findWorkerIdByIdHash, lockWorkerForSubmission } from '../workers/workers.repository.ts';
import { registerWorker } from '../workers/workers.service.ts';
import { requireActiveAgency } from './claims.service.ts';
import { claimScope, listingScope } from './marketplace.policy.ts';
import { presentSubmission } from './marketplace.presenter.ts';
import {
  countHoldingSubmissions,
  countSubmission,
  findClaim,
  findListing,
  getSettings,
  insertSubmission,
  isOwnedByOtherAgency,
  listSubmissions,
  takeCandidateOwnership,
} from './marketplace.repository.ts';

/**
 * An agency submits a candidate on its claim: a worker its staff registered (`workerId`) or a new
 * registration (`worker`), which goes through the workers module's `registerWorker` — the same
 * validation, encryption and one-person-one-worker dedup as everywhere, channel 'agency'.
 *
 * Rules, in order: the agency is approved and the claim active and its own; the candidates still
 * holding places stay within the claim's places; the worker is available; and candidate
 * ownership — a worker another agency submitted to the same enterprise within the window is
 * refused with "已由其他机构推荐" and nothing else (not which agency, not the worker's record: the
 * check runs before a known ID number would link the worker to this agency). The submission is an
 * application (`recommended`, channel 'agency') in the enterprise's normal pipeline.
 *
 * Races: the claim's row lock serialises submissions on one claim (places), and the ownership
 * row's primary key decides between two agencies submitting the same person at once.
 */
export async function submitCandidate(
  deps: Deps,
  ctx: RequestContext,
  claimId: string,
  body: SubmissionCreateBody,
): Promise<Submission> {
  const { actor } = ctx;
  const agencyId = await requireActiveAgency(deps, actor);
  const claim = await findClaim(deps.db, claimScope(actor), claimId);
  if (!claim || claim.agency_id !== agencyId) throw new AppError('not_found');
  assertActive(claim);
  const listing = await findListing(deps.db, listingScope(actor), { id: claim.listing_id });
  if (listing?.order_status !== 'open')
    throw new AppError('conflict', {
      messageKey: 'job_order.not_open',
      params: { status: listing?.order_status ?? 'closed' },
    });
  await assertRoom(deps, claim.id, claim.places);
  const owner = { enterpriseId: claim.enterprise_id, agencyId };
  const refusedAsOwned = () => new AppError('conflict', { messageKey: 'submission.owned_by_other' });

  let workerId: string;
  if (body.workerId !== undefined) {
    const worker = await findWorker(deps.db, workerScope(actor), body.workerId);
    if (!worker) throw fieldErrors([{ path: 'workerId', key: 'field.invalid' }]);
    workerId = worker.id;
  } else if (body.worker !== undefined) {
    // A person already on file and owned by another agency for this enterprise is refused BEFORE
    // registering, so the refusal neither links nor reveals that worker's record.
    const known = await findWorkerIdByIdHash(deps.db, hashIdNumber(deps.pii, body.worker.idNumber.idNumber));
    if (known && (await isOwnedByOtherAgency(deps.db, { ...owner, workerId: known.id })))
      throw refusedAsOwned();
    const outcome = await registerWorker(deps, ctx, {
      ...body.worker,
      channel: 'agency',
      districtCode: null,
    });
    workerId = outcome.reply.worker.id;
  } else {
    throw fieldErrors([{ path: 'workerId', key: 'submission.worker_or_new' }]);
  }

  const settings = await getSettings(deps.db);
  const submissionId = await deps.db.transaction().execute(async (trx) => {
    const locked = await findClaim(trx, claimScope(actor), claimId, { forUpdate: true });
    if (!locked) throw new AppError('not_found');
    assertActive(locked);
    const holding = await countHoldingSubmissions(trx, claimId);
    if (holding >= locked.places)
      throw new AppError('conflict', {
        messageKey: 'submission.places_full',
        params: { used: holding, places: locked.places },
      });
    const worker = await lockWorkerForSubmission(trx, workerId);
    if (worker.status !== 'available')
      throw new AppError('conflict', { messageKey: 'submission.worker_unavailable' });
    const owned = await takeCandidateOwnership(trx, {
      ...owner,
      workerId,
      windowDays: settings.ownership_window_days,
    });
    if (!owned) throw refusedAsOwned();
    let application: Awaited<ReturnType<typeof insertApplication>>;
    try {
      application = await insertApplication(trx, {
        worker_id: workerId,
        job_order_id: claim.job_order_id,
        enterprise_id: claim.enterprise_id,
        status: 'recommended',
        channel: 'agency',
        channel_ref: locked.agency_id,
        note: body.note,
        created_by: actor.id,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('duplicate', { messageKey: 'application.duplicate' });
      throw error;
    }
    await insertEvents(trx, [
      {
        application_id: application.id,
        from_status: null,
        to_status: 'recommended',
        actor_id: actor.id,
        reason: `机构推荐（${claim.agency_name}）${body.note ? `：${body.note}` : ''}`,
      },
    ]);
    const submission = await insertSubmission(trx, {
      claim_id: claimId,
      application_id: application.id,
      agency_id: agencyId,
      enterprise_id: claim.enterprise_id,
      job_order_id: claim.job_order_id,
      worker_id: workerId,
      submitted_by: actor.id,
    });
    await countSubmission(trx, claimId);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.submit',
      entityType: 'marketplace_submission',
      entityId: submission.id,
      summary: `${claim.agency_name} 推荐 ${worker.name}（${worker.id_number_masked}）→ ${claim.enterprise_name}「${claim.title}」`,
      after: { claimId, applicationId: application.id, workerId },
    });
    return submission.id;
  });
  const rows = await listSubmissions(deps.db, claimId);
  const row = rows.find((candidate) => candidate.id === submissionId);
  if (!row) throw new AppError('not_found');
  return presentSubmission(row, new Date());
}

/** The candidates of a claim with their pipeline status (its agency, the enterprise, officers). */
export async function listClaimSubmissions(
  deps: Deps,
  ctx: RequestContext,
  claimId: string,
): Promise<{ items: Submission[] }> {
  const claim = await findClaim(deps.db, claimScope(ctx.actor), claimId);
  if (!claim) throw new AppError('not_found');
  const today = new Date();
  return { items: (await listSubmissions(deps.db, claimId)).map((row) => presentSubmission(row, today)) };
}

function assertActive(claim: { status: string }): void {
  if (claim.status !== 'active')
    throw new AppError('conflict', { messageKey: 'claim.not_active', params: { status: claim.status } });
}

async function assertRoom(deps: Deps, claimId: string, places: number): Promise<void> {
  const holding = await countHoldingSubmissions(deps.db, claimId);
  if (holding >= places)
    throw new AppError('conflict', {
      messageKey: 'submission.places_full',
      params: { used: holding, places },
    });
}
