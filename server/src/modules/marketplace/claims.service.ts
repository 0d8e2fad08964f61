import type { Claim, ClaimListQuery, ClaimReleaseBody } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { findOwnAgency } from '../agencies/agencies.service.ts';
import { auditContextOf, recordAudit, SYSTEM_AUDIT } from '../audit/audit.service.ts';
import { agencyOf, claimScope, listingScope } from './marketplace.policy.ts';
import { presentClaim } from './marketplace.presenter.ts';
import {
  type ClaimView,
  claimCounts,
  closeEndedListingsAndClaims,
  databaseToday,
  findActiveClaimOf,
  findClaim,
  findListing,
  insertClaim,
  lapseOverdueClaims,
  listClaims,
  reduceClaim,
  returnListingPlaces,
  takeListingPlaces,
} from './marketplace.repository.ts';
import { reviewedSides } from './reviews.repository.ts';

/**
 * Claims (抢单): an approved agency takes places of a listing released to it. The sum of active
 * claims never exceeds the places offered — the claim is one conditional UPDATE of the listing's
 * row (`takeListingPlaces`), safe with any number of agencies at the same instant on PostgreSQL
 * and on the single-session embedded database alike. A claim without a submission lapses after
 * the configured hours (scheduler); an agency may release places it cannot fill.
 */
export async function listClaimPage(deps: Deps, actor: Actor, query: ClaimListQuery) {
  const { rows, total } = await listClaims(deps.db, claimScope(actor), query);
  return { items: await presentClaims(deps, actor, rows), page: query.page, pageSize: query.pageSize, total };
}

export async function getClaim(deps: Deps, actor: Actor, id: string): Promise<Claim> {
  const row = await findClaim(deps.db, claimScope(actor), id);
  if (!row) throw new AppError('not_found');
  const [claim] = await presentClaims(deps, actor, [row]);
  if (!claim) throw new AppError('not_found');
  return claim;
}

async function presentClaims(deps: Deps, actor: Actor, rows: readonly ClaimView[]): Promise<Claim[]> {
  const ids = rows.map((row) => row.id);
  const [counts, sides] = await Promise.all([claimCounts(deps.db, ids), reviewedSides(deps.db, ids)]);
  return rows.map((row) =>
    presentClaim(
      row,
      {
        holding: counts.get(row.id)?.holding ?? 0,
        hires: counts.get(row.id)?.hires ?? 0,
        reviewedBy: sides.get(row.id) ?? { byEnterprise: false, byAgency: false },
      },
      actor,
      deps.regions,
    ),
  );
}

/** The calling agency, which must be approved (a pending or suspended agency cannot act). */
export async function requireActiveAgency(deps: Deps, actor: Actor): Promise<string> {
  const agencyId = agencyOf(actor);
  if (!agencyId) throw new AppError('forbidden');
  const agency = await findOwnAgency(deps.db, actor);
  if (!agency) throw new AppError('forbidden');
  if (agency.status !== 'approved')
    throw new AppError('conflict', { messageKey: 'agency.not_approved', params: { status: agency.status } });
  return agencyId;
}

/** 抢单: claim `places` of the order's listing. 409 with the places remaining when too few are left. */
export async function claimPlaces(
  deps: Deps,
  ctx: RequestContext,
  jobOrderId: string,
  places: number,
): Promise<Claim> {
  const { actor } = ctx;
  const agencyId = await requireActiveAgency(deps, actor);
  // Not released to this agency yet (tier rule) reads as not found, like any record out of scope.
  const listing = await findListing(deps.db, listingScope(actor), { jobOrderId });
  if (!listing) throw new AppError('not_found');
  if (listing.status !== 'open' || listing.order_status !== 'open')
    throw new AppError('conflict', {
      messageKey: 'listing.not_open',
      params: { status: listing.status !== 'open' ? listing.status : listing.order_status },
    });
  const today = await databaseToday(deps.db);
  if (listing.deadline < today)
    throw new AppError('conflict', {
      messageKey: 'listing.deadline_passed',
      params: { deadline: listing.deadline },
    });
  const held = await findActiveClaimOf(deps.db, listing.id, agencyId);
  if (held) throw alreadyClaimed(held.places);

  const id = await deps.db.transaction().execute(async (trx) => {
    const taken = await takeListingPlaces(trx, listing.id, places, today);
    if (!taken) {
      const now = await findListing(trx, listingScope(actor), { id: listing.id });
      const offered = now?.offered_places ?? listing.offered_places;
      const remaining = Math.max(0, offered - (now?.claimed_places ?? offered));
      throw new AppError('conflict', {
        messageKey: 'claim.places_exhausted',
        params: { remaining, offered },
        extra: { remaining, offered },
      });
    }
    let claim: Awaited<ReturnType<typeof insertClaim>>;
    try {
      claim = await insertClaim(trx, {
        listing_id: listing.id,
        job_order_id: listing.job_order_id,
        enterprise_id: listing.enterprise_id,
        agency_id: agencyId,
        places,
        claimed_by: actor.id,
      });
    } catch (error) {
      // A double click: the other request's claim won the unique index; this one takes nothing.
      if (isUniqueViolation(error)) throw alreadyClaimed(places);
      throw error;
    }
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.claim',
      entityType: 'marketplace_claim',
      entityId: claim.id,
      summary: `抢单 ${listing.enterprise_name}「${listing.title}」${places} 个名额（已抢 ${taken.claimed_places}/${taken.offered_places}）`,
      after: { listingId: listing.id, agencyId, places, claimedPlaces: taken.claimed_places },
    });
    return claim.id;
  });
  return getClaim(deps, actor, id);
}

/** Gives back places the agency cannot fill (not those its submitted candidates hold). */
export async function releaseClaimPlaces(
  deps: Deps,
  ctx: RequestContext,
  claimId: string,
  body: ClaimReleaseBody,
): Promise<Claim> {
  const { actor } = ctx;
  const agencyId = agencyOf(actor);
  if (!agencyId) throw new AppError('forbidden');
  await deps.db.transaction().execute(async (trx) => {
    const claim = await findClaim(trx, claimScope(actor), claimId, { forUpdate: true });
    if (!claim) throw new AppError('not_found');
    if (claim.agency_id !== agencyId) throw new AppError('forbidden');
    if (claim.status !== 'active')
      throw new AppError('conflict', { messageKey: 'claim.not_active', params: { status: claim.status } });
    const holding = (await claimCounts(trx, [claimId])).get(claimId)?.holding ?? 0;
    const max = claim.places - holding;
    if (body.places > max)
      throw new AppError('conflict', {
        messageKey: 'claim.release_too_many',
        params: { max, used: holding },
      });
    const reason = body.reason || '机构释放名额';
    const updated = await reduceClaim(trx, claimId, body.places, reason);
    if (!updated) throw new AppError('version_conflict');
    await returnListingPlaces(trx, claim.listing_id, body.places);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.release',
      entityType: 'marketplace_claim',
      entityId: claimId,
      summary: `释放「${claim.title}」${body.places} 个名额${body.reason ? `：${body.reason}` : ''}`,
      before: { places: claim.places, status: claim.status },
      after: { places: updated.places, status: updated.status },
    });
  });
  return getClaim(deps, actor, claimId);
}

/**
 * The marketplace's scheduled sweep: claims without a submission past their lapse time lapse,
 * and listings whose order filled, closed or expired close with their active claims; places go
 * back to the pools. Idempotent; each part one short transaction with its audit entry.
 */
export async function sweepMarketplace(db: Kysely<Database>): Promise<{ lapsed: number; closed: number }> {
  const lapsed = await db.transaction().execute(async (trx) => {
    const rows = await lapseOverdueClaims(trx);
    if (rows.length > 0)
      await recordAudit(trx, SYSTEM_AUDIT, {
        action: 'marketplace.lapse',
        entityType: 'marketplace_claim',
        entityId: null,
        summary: `${rows.length} 个抢单超时未推荐候选人，自动失效，共退回 ${rows.reduce((sum, row) => sum + row.places, 0)} 个名额`,
        after: { ids: rows.map((row) => row.id) },
      });
    return rows.length;
  });
  const closed = await db.transaction().execute(async (trx) => {
    const result = await closeEndedListingsAndClaims(trx);
    if (result.listings.length + result.claims.length > 0)
      await recordAudit(trx, SYSTEM_AUDIT, {
        action: 'marketplace.close',
        entityType: 'marketplace_listing',
        entityId: null,
        summary: `${result.listings.length} 个挂单因岗位招满、关闭或过期而结束，${result.claims.length} 个抢单随之结束`,
        after: { listings: result.listings.map((row) => row.id), claims: result.claims.map((row) => row.id) },
      });
    return result.claims.length;
  });
  return { lapsed, closed };
}

function alreadyClaimed(places: number): AppError {
  return new AppError('conflict', { messageKey: 'claim.already_active', params: { places } });
}
