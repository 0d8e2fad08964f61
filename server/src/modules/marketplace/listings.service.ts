import type {
  HallQuery,
  Listing,
  ListingListQuery,
  ListingPublishBody,
  ListingUpdateBody,
  orderClaimsReply,
} from '@yonggong/shared';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { ListingRow } from '../../db/schema-marketplace.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { ratingSummaries } from '../agencies/agencies.repository.ts';
import { findOwnAgency } from '../agencies/agencies.service.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { jobOrderScope } from '../job-orders/job-orders.policy.ts';
import { findJobOrder, type JobOrderWithEnterprise } from '../job-orders/job-orders.repository.ts';
import { listClaimPage } from './claims.service.ts';
import { agencyOf, canPublishFor, listingScope } from './marketplace.policy.ts';
import { presentListing } from './marketplace.presenter.ts';
import {
  closeClaimsOfClosedListings,
  databaseToday,
  findActiveClaimOf,
  findListing,
  insertListing,
  type ListingView,
  listHall,
  listListings,
  republishListing,
  updateListingVersioned,
} from './marketplace.repository.ts';

/**
 * Publishing an order to agencies (挂单): terms (places offered, fee per hire, whether the
 * placement subsidy applies, claim deadline), released in tiers — tier 1 at once, every approved
 * agency serving the order's district and occupation after the configured delay. Edits keep the
 * places at or above what is claimed; withdrawing ends every active claim.
 */
export async function presentListings(
  deps: Deps,
  actor: Actor,
  rows: readonly ListingView[],
): Promise<Listing[]> {
  const ratings = await ratingSummaries(
    deps.db,
    'enterprise',
    rows.map((row) => row.enterprise_id),
  );
  const agencyId = agencyOf(actor);
  const agency = agencyId ? await findOwnAgency(deps.db, actor) : undefined;
  const myClaims = new Map<string, Awaited<ReturnType<typeof findActiveClaimOf>>>();
  if (agencyId)
    for (const row of rows) myClaims.set(row.id, await findActiveClaimOf(deps.db, row.id, agencyId));
  return rows.map((row) =>
    presentListing(
      row,
      {
        rating: ratings.get(row.enterprise_id) ?? { count: 0, average: null, criteria: {} },
        myClaim: myClaims.get(row.id) ?? null,
        isAgencyActive: agency?.status === 'approved',
      },
      actor,
      deps.regions,
    ),
  );
}

/** The agency's order hall: what its agency may claim now (tier rule, places left, not yet claimed). */
export async function listHallPage(deps: Deps, actor: Actor, query: HallQuery) {
  const agencyId = agencyOf(actor);
  if (!agencyId) throw new AppError('forbidden');
  const { rows, total } = await listHall(deps.db, agencyId, query, await databaseToday(deps.db));
  return {
    items: await presentListings(deps, actor, rows),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function listListingPage(deps: Deps, actor: Actor, query: ListingListQuery) {
  const { rows, total } = await listListings(deps.db, listingScope(actor), query);
  return {
    items: await presentListings(deps, actor, rows),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function getListing(deps: Deps, actor: Actor, id: string): Promise<Listing> {
  const row = await findListing(deps.db, listingScope(actor), { id });
  if (!row) throw new AppError('not_found');
  const [listing] = await presentListings(deps, actor, [row]);
  if (!listing) throw new AppError('not_found');
  return listing;
}

/**
 * An order's listing with the claims the caller may see (`GET /api/job-orders/:id/claims`):
 * the enterprise and officers see every agency's claim, an agency only its own. An order that is
 * visible but not published answers `listing: null`.
 */
export async function getOrderClaims(
  deps: Deps,
  actor: Actor,
  jobOrderId: string,
): Promise<z.infer<typeof orderClaimsReply>> {
  const row = await findListing(deps.db, listingScope(actor), { jobOrderId });
  if (!row) {
    const order = await findJobOrder(deps.db, jobOrderScope(actor), jobOrderId);
    if (!order) throw new AppError('not_found');
    return { listing: null, claims: [] };
  }
  const [listing] = await presentListings(deps, actor, [row]);
  const claims = await listClaimPage(deps, actor, {
    page: 1,
    pageSize: 200,
    status: 'all',
    jobOrderId,
  });
  return { listing: listing ?? null, claims: claims.items };
}

async function findPublishableOrder(
  deps: Deps,
  actor: Actor,
  jobOrderId: string,
): Promise<JobOrderWithEnterprise> {
  const order = await findJobOrder(deps.db, jobOrderScope(actor), jobOrderId);
  if (!order) throw new AppError('not_found');
  const owner = {
    enterpriseId: order.enterprise_id,
    districtCode: order.enterprise_district_code,
    liaisonUserId: order.enterprise_liaison_user_id,
  };
  if (!canPublishFor(actor, owner)) throw new AppError('forbidden');
  return order;
}

/** 挂单: publish an open order to agencies (or publish again after a withdrawal). */
export async function publishListing(
  deps: Deps,
  ctx: RequestContext,
  jobOrderId: string,
  body: ListingPublishBody,
): Promise<Listing> {
  const { actor } = ctx;
  const order = await findPublishableOrder(deps, actor, jobOrderId);
  if (order.status !== 'open')
    throw new AppError('conflict', {
      messageKey: 'listing.order_not_open',
      params: { status: order.status },
    });
  const today = await databaseToday(deps.db);
  assertTerms(order, body, today, { claimed: 0 });
  const existing = await findListing(deps.db, listingScope(actor), { jobOrderId });
  if (existing?.status === 'open')
    throw new AppError('conflict', { messageKey: 'listing.already_published' });
  const terms = {
    offered_places: body.offeredPlaces,
    fee_per_hire_fen: body.feePerHireFen,
    subsidy_applies: body.subsidyApplies,
    deadline: body.deadline,
    published_by: actor.id,
  };
  const id = await deps.db.transaction().execute(async (trx) => {
    let row: ListingRow | undefined;
    if (existing) {
      row = await republishListing(trx, existing.id, terms);
      if (!row) throw new AppError('conflict', { messageKey: 'listing.already_published' });
    } else {
      try {
        row = await insertListing(trx, {
          job_order_id: order.id,
          enterprise_id: order.enterprise_id,
          ...terms,
        });
      } catch (error) {
        // Two publications of one order at once: the unique key keeps the first.
        if (isUniqueViolation(error))
          throw new AppError('conflict', { messageKey: 'listing.already_published' });
        throw error;
      }
    }
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.publish',
      entityType: 'marketplace_listing',
      entityId: row.id,
      summary: `挂单 ${order.enterprise_name}「${order.title}」：开放 ${row.offered_places} 个名额给机构，截止 ${row.deadline}${row.fee_per_hire_fen !== null ? `，每人服务费 ${(row.fee_per_hire_fen / 100).toFixed(2)} 元` : ''}${row.subsidy_applies ? '，适用职业介绍补贴' : ''}`,
      after: snapshotListing(row),
    });
    return row.id;
  });
  return getListing(deps, actor, id);
}

/** Edits a listing's terms; the places never go below what agencies hold. */
export async function updateListing(
  deps: Deps,
  ctx: RequestContext,
  jobOrderId: string,
  body: ListingUpdateBody,
): Promise<Listing> {
  const { actor } = ctx;
  const order = await findPublishableOrder(deps, actor, jobOrderId);
  const today = await databaseToday(deps.db);
  const id = await deps.db.transaction().execute(async (trx) => {
    // The listing's row lock keeps claims out while the new number of places is checked.
    const current = await findListing(trx, listingScope(actor), { jobOrderId }, { forUpdate: true });
    if (!current) throw new AppError('not_found');
    if (current.status !== 'open')
      throw new AppError('conflict', { messageKey: 'listing.not_open', params: { status: current.status } });
    if (current.version !== body.version) throw new AppError('version_conflict');
    assertTerms(
      order,
      {
        offeredPlaces: body.offeredPlaces ?? current.offered_places,
        deadline: body.deadline ?? current.deadline,
      },
      today,
      { claimed: current.claimed_places, deadlineChanged: body.deadline !== undefined },
    );
    const updated = await updateListingVersioned(trx, current.id, body.version, {
      ...(body.offeredPlaces !== undefined ? { offered_places: body.offeredPlaces } : {}),
      ...(body.feePerHireFen !== undefined ? { fee_per_hire_fen: body.feePerHireFen } : {}),
      ...(body.subsidyApplies !== undefined ? { subsidy_applies: body.subsidyApplies } : {}),
      ...(body.deadline !== undefined ? { deadline: body.deadline } : {}),
    });
    if (!updated) throw new AppError('version_conflict');
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.update',
      entityType: 'marketplace_listing',
      entityId: current.id,
      summary: `修改挂单「${order.title}」的条件`,
      before: snapshotListing(current),
      after: snapshotListing(updated),
    });
    return current.id;
  });
  return getListing(deps, actor, id);
}

/** Withdraws a listing: no more claims; active claims end (their candidates stay in the pipeline). */
export async function withdrawListing(
  deps: Deps,
  ctx: RequestContext,
  jobOrderId: string,
  body: { reason: string; version: number },
): Promise<Listing> {
  const { actor } = ctx;
  const order = await findPublishableOrder(deps, actor, jobOrderId);
  const id = await deps.db.transaction().execute(async (trx) => {
    const current = await findListing(trx, listingScope(actor), { jobOrderId }, { forUpdate: true });
    if (!current) throw new AppError('not_found');
    if (current.status !== 'open')
      throw new AppError('conflict', { messageKey: 'listing.not_open', params: { status: current.status } });
    const updated = await updateListingVersioned(trx, current.id, body.version, {
      status: 'withdrawn',
      status_reason: body.reason,
    });
    if (!updated) throw new AppError('version_conflict');
    const closed = await closeClaimsOfClosedListings(trx, current.id);
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.withdraw',
      entityType: 'marketplace_listing',
      entityId: current.id,
      summary: `撤回挂单「${order.title}」：${body.reason}${closed.length > 0 ? `；${closed.length} 个抢单随之结束` : ''}`,
      before: { status: current.status },
      after: { status: 'withdrawn', reason: body.reason, closedClaims: closed.map((claim) => claim.id) },
    });
    return current.id;
  });
  return getListing(deps, actor, id);
}

function assertTerms(
  order: JobOrderWithEnterprise,
  terms: { offeredPlaces: number; deadline: string },
  today: string,
  context: { claimed: number; deadlineChanged?: boolean },
): void {
  const issues: FieldError[] = [];
  const open = Math.max(0, order.headcount - order.filled);
  if (terms.offeredPlaces > open)
    issues.push({ path: 'offeredPlaces', key: 'listing.places_above_open', params: { open } });
  else if (terms.offeredPlaces < context.claimed)
    issues.push({
      path: 'offeredPlaces',
      key: 'listing.places_below_claimed',
      params: { claimed: context.claimed },
    });
  if ((context.deadlineChanged ?? true) && terms.deadline < today)
    issues.push({ path: 'deadline', key: 'job_order.deadline_past' });
  else if (terms.deadline > order.deadline)
    issues.push({
      path: 'deadline',
      key: 'listing.deadline_after_order',
      params: { deadline: order.deadline },
    });
  if (issues.length > 0) throw fieldErrors(issues);
}

function snapshotListing(row: ListingRow): Record<string, unknown> {
  return {
    offeredPlaces: row.offered_places,
    feePerHireFen: row.fee_per_hire_fen,
    subsidyApplies: row.subsidy_applies,
    deadline: row.deadline,
    status: row.status,
  };
}
