import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ListingScope } from './marketplace.repository.ts';

/**
 * The officer's marketplace figures (reporting SQL, one function per figure group), over the
 * listings the officer's scope reaches, optionally one district, for listings published since
 * `days` days ago (lapses: lapsed in that period). Database time throughout.
 */
type Db = Kysely<Database>;

function scopedListingIds(db: Db, scope: ListingScope, districtCode: string | undefined) {
  let q = db
    .selectFrom('marketplace_listings as l')
    .innerJoin('job_orders as jo', 'jo.id', 'l.job_order_id')
    .innerJoin('enterprises as e', 'e.id', 'l.enterprise_id')
    .select('l.id')
    .where(scope);
  if (districtCode) q = q.where('e.district_code', '=', districtCode);
  return q;
}

export async function dashboardFigures(db: Db, scope: ListingScope, days: number, districtCode?: string) {
  const ids = scopedListingIds(db, scope, districtCode);
  const since = sql<Date>`now() - ${days} * interval '1 day'`;
  const totals = await db
    .selectFrom('marketplace_listings as l')
    .select([
      sql<Date>`${since}`.as('since'),
      sql<number>`count(*) FILTER (WHERE l.status = 'open')`.as('open_listings'),
      sql<number>`coalesce(sum(l.offered_places) FILTER (WHERE l.published_at >= ${since}), 0)::int`.as(
        'offered',
      ),
      sql<
        number | null
      >`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.first_claim_at - l.published_at) / 3600.0)
        FILTER (WHERE l.published_at >= ${since} AND l.first_claim_at IS NOT NULL)`.as('median_hours'),
    ])
    .where('l.id', 'in', ids)
    .executeTakeFirstOrThrow();
  const claims = await db
    .selectFrom('marketplace_claims as c')
    .innerJoin('marketplace_listings as l', 'l.id', 'c.listing_id')
    .select([
      sql<number>`coalesce(sum(c.places_claimed) FILTER (WHERE l.published_at >= ${since}), 0)::int`.as(
        'claimed',
      ),
      sql<number>`count(*) FILTER (WHERE c.status = 'lapsed' AND c.ended_at >= ${since})`.as('lapsed'),
    ])
    .where('c.listing_id', 'in', ids)
    .executeTakeFirstOrThrow();
  const hires = await db
    .selectFrom('marketplace_submissions as ms')
    .innerJoin('marketplace_claims as c', 'c.id', 'ms.claim_id')
    .innerJoin('marketplace_listings as l', 'l.id', 'c.listing_id')
    .innerJoin('placements as p', 'p.application_id', 'ms.application_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('c.listing_id', 'in', ids)
    .where('l.published_at', '>=', since)
    .executeTakeFirstOrThrow();
  const recentLapses = await db
    .selectFrom('marketplace_claims as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .innerJoin('job_orders as jo', 'jo.id', 'c.job_order_id')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select([
      'c.id',
      'a.name as agency_name',
      'jo.title',
      'e.name as enterprise_name',
      'c.places_claimed',
      'c.ended_at',
    ])
    .where('c.listing_id', 'in', ids)
    .where('c.status', '=', 'lapsed')
    .where('c.ended_at', '>=', since)
    .orderBy('c.ended_at', 'desc')
    .limit(10)
    .execute();
  return { totals, claimed: claims.claimed, lapsed: claims.lapsed, hires: hires.n, recentLapses };
}

/**
 * Per agency, on the scoped listings: claims and submissions in the period, placements, those
 * retained 90 days and those old enough to have been checked, and the visible rating.
 */
export async function leaderboard(db: Db, scope: ListingScope, days: number, districtCode?: string) {
  const ids = scopedListingIds(db, scope, districtCode);
  const since = sql<Date>`now() - ${days} * interval '1 day'`;
  return db
    .selectFrom('agencies as a')
    .select([
      'a.id',
      'a.name',
      'a.alliance',
      sql<number>`(SELECT count(*) FROM marketplace_claims c WHERE c.agency_id = a.id AND c.claimed_at >= ${since} AND c.listing_id IN (${ids}))`.as(
        'claims',
      ),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms JOIN marketplace_claims c ON c.id = ms.claim_id
        WHERE ms.agency_id = a.id AND ms.submitted_at >= ${since} AND c.listing_id IN (${ids}))`.as(
        'submissions',
      ),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms JOIN marketplace_claims c ON c.id = ms.claim_id
        JOIN placements p ON p.application_id = ms.application_id
        WHERE ms.agency_id = a.id AND c.listing_id IN (${ids}))`.as('placements'),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms JOIN marketplace_claims c ON c.id = ms.claim_id
        JOIN placements p ON p.application_id = ms.application_id
        WHERE ms.agency_id = a.id AND c.listing_id IN (${ids}) AND p.retained_90 = 'yes')`.as('retained_90'),
      sql<number>`(SELECT count(*) FROM marketplace_submissions ms JOIN marketplace_claims c ON c.id = ms.claim_id
        JOIN placements p ON p.application_id = ms.application_id
        WHERE ms.agency_id = a.id AND c.listing_id IN (${ids}) AND (p.retained_90 <> 'pending' OR p.ended_on IS NOT NULL))`.as(
        'checked_90',
      ),
      sql<
        number | null
      >`(SELECT round(avg((r.score_1 + r.score_2 + r.score_3) / 3.0), 2)::float8 FROM marketplace_reviews r
        WHERE r.agency_id = a.id AND r.direction = 'enterprise_to_agency' AND NOT r.is_hidden)`.as('rating'),
      sql<number>`(SELECT count(*) FROM marketplace_reviews r
        WHERE r.agency_id = a.id AND r.direction = 'enterprise_to_agency' AND NOT r.is_hidden)`.as(
        'review_count',
      ),
    ])
    .where('a.status', 'in', ['approved', 'suspended'])
    .orderBy(sql`6 DESC`)
    .orderBy(sql`9 DESC NULLS LAST`)
    .orderBy('a.name')
    .limit(50)
    .execute();
}
