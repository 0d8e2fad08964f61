import type { MarketplaceDashboard, MarketplaceSettings, Settlements } from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { auditContextOf, diffSnapshots, recordAudit } from '../audit/audit.service.ts';
import { dashboardFigures, leaderboard } from './dashboard.repository.ts';
import { claimScope, listingScope } from './marketplace.policy.ts';
import { getSettings, listSettlements, updateSettings } from './marketplace.repository.ts';

/**
 * The officer's marketplace dashboard: open listings, time to first claim, claim and fill rates,
 * lapsed claims, and the per-agency leaderboard (placements, 90-day retention, rating) — over the
 * listings the officer's scope reaches.
 */
export async function getDashboard(
  deps: Deps,
  actor: Actor,
  query: { days: number; districtCode?: string },
): Promise<MarketplaceDashboard> {
  const scope = listingScope(actor);
  const [figures, board] = await Promise.all([
    dashboardFigures(deps.db, scope, query.days, query.districtCode),
    leaderboard(deps.db, scope, query.days, query.districtCode),
  ]);
  const offered = figures.totals.offered;
  const ratio = (n: number) => (offered > 0 ? Math.round((n / offered) * 1000) / 1000 : null);
  return {
    since: new Date(figures.totals.since).toISOString(),
    openListings: figures.totals.open_listings,
    offeredPlaces: offered,
    claimedPlaces: figures.claimed,
    hires: figures.hires,
    medianHoursToFirstClaim:
      figures.totals.median_hours === null ? null : Math.round(Number(figures.totals.median_hours) * 10) / 10,
    claimRate: ratio(Math.min(figures.claimed, offered)),
    fillRate: ratio(figures.hires),
    lapsedClaims: figures.lapsed,
    recentLapses: figures.recentLapses.map((row) => ({
      claimId: row.id,
      agencyName: row.agency_name,
      jobOrderTitle: row.title,
      enterpriseName: row.enterprise_name,
      places: row.places_claimed,
      lapsedAt: (row.ended_at ?? new Date()).toISOString(),
    })),
    leaderboard: board.map((row) => ({
      agencyId: row.id,
      agencyName: row.name,
      alliance: row.alliance,
      claims: row.claims,
      submissions: row.submissions,
      placements: row.placements,
      retained90: row.retained_90,
      retention90Rate:
        row.checked_90 > 0 ? Math.round((row.retained_90 / row.checked_90) * 1000) / 1000 : null,
      rating: row.rating,
      reviewCount: row.review_count,
    })),
  };
}

export async function readSettings(deps: Deps): Promise<MarketplaceSettings> {
  return presentSettings(await getSettings(deps.db));
}

/** Changes the marketplace's rules (administrators); audited with before and after. */
export async function changeSettings(
  deps: Deps,
  ctx: RequestContext,
  body: Partial<MarketplaceSettings>,
): Promise<MarketplaceSettings> {
  if (Object.keys(body).length === 0) throw new AppError('bad_request');
  return deps.db.transaction().execute(async (trx) => {
    const before = presentSettings(await getSettings(trx));
    const after = presentSettings(
      await updateSettings(trx, {
        ...(body.tierDelayMinutes !== undefined ? { tier_delay_minutes: body.tierDelayMinutes } : {}),
        ...(body.tier1MinRating !== undefined ? { tier1_min_rating: String(body.tier1MinRating) } : {}),
        ...(body.tier1MinReviews !== undefined ? { tier1_min_reviews: body.tier1MinReviews } : {}),
        ...(body.claimLapseHours !== undefined ? { claim_lapse_hours: body.claimLapseHours } : {}),
        ...(body.ownershipWindowDays !== undefined
          ? { ownership_window_days: body.ownershipWindowDays }
          : {}),
        ...(body.settlementRetentionDays !== undefined
          ? { settlement_retention_days: body.settlementRetentionDays }
          : {}),
        updated_by: ctx.actor.id,
      }),
    );
    const diff = diffSnapshots(before, after);
    if (diff)
      await recordAudit(trx, auditContextOf(ctx), {
        action: 'marketplace.settings',
        entityType: 'marketplace_settings',
        entityId: null,
        summary: `修改机构抢单规则：${Object.keys(diff.after).join('、')}`,
        ...diff,
      });
    return after;
  });
}

function presentSettings(row: Awaited<ReturnType<typeof getSettings>>): MarketplaceSettings {
  return {
    tierDelayMinutes: row.tier_delay_minutes,
    tier1MinRating: Number(row.tier1_min_rating),
    tier1MinReviews: row.tier1_min_reviews,
    claimLapseHours: row.claim_lapse_hours,
    ownershipWindowDays: row.ownership_window_days,
    settlementRetentionDays: row.settlement_retention_days === 30 ? 30 : 90,
  };
}

/** Placement-subsidy eligibilities and fees owed on the claims the caller may see. */
export async function listSettlementsFor(deps: Deps, actor: Actor): Promise<Settlements> {
  const { eligibilities, fees } = await listSettlements(deps.db, claimScope(actor));
  return {
    subsidyEligibilities: eligibilities.map((row) => ({
      id: row.id,
      agencyName: row.agency_name,
      enterpriseName: row.enterprise_name,
      workerName: row.worker_name,
      retentionDays: row.retention_days,
      eligibleOn: row.eligible_on,
      status: row.status,
    })),
    fees: fees.map((row) => ({
      id: row.id,
      agencyName: row.agency_name,
      enterpriseName: row.enterprise_name,
      workerName: row.worker_name,
      amountFen: row.amount_fen,
      owedSince: row.owed_since,
      status: row.status,
    })),
  };
}
