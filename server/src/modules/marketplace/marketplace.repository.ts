import type { ClaimListQuery, HallQuery, ListingListQuery } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { countRows } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type { ClaimRow, ListingRow, MarketplaceSettingsRow } from '../../db/schema-marketplace.ts';
import { escapeLike } from '../../lib/pinyin.ts';
import { releasedToAgencySql } from './marketplace.policy.ts';

/**
 * The only SQL of the marketplace's listings, claims and submissions. Reads join the listing as
 * `l`, its job order as `jo` and its enterprise as `e` (claims: `c` and `e`) and take the scope of
 * marketplace.policy.ts. Time comes from the database (`now()`), so every instance and every test
 * agrees on it.
 */
type Db = Kysely<Database>;
export type ListingScope = (
  eb: ExpressionBuilder<
    Database & {
      l: Database['marketplace_listings'];
      jo: Database['job_orders'];
      e: Database['enterprises'];
    },
    'l' | 'jo' | 'e'
  >,
) => Expression<SqlBool>;
export type ClaimScope = (
  eb: ExpressionBuilder<
    Database & { c: Database['marketplace_claims']; e: Database['enterprises'] },
    'c' | 'e'
  >,
) => Expression<SqlBool>;

/** Application states in which a submitted candidate still holds one of the claim's places. */
export const HOLDING_STATUSES = [
  'recommended',
  'applied',
  'screening',
  'interview',
  'offered',
  'hired',
  'retained_30',
  'retained_90',
] as const;

// ————— settings —————

export async function getSettings(db: Db): Promise<MarketplaceSettingsRow> {
  return db.selectFrom('marketplace_settings').selectAll().executeTakeFirstOrThrow();
}

export async function updateSettings(
  db: Db,
  patch: Partial<Omit<MarketplaceSettingsRow, 'id' | 'updated_at'>>,
): Promise<MarketplaceSettingsRow> {
  return db
    .updateTable('marketplace_settings')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', true)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ————— listings —————

export interface ListingView extends ListingRow {
  readonly title: string;
  readonly occupation_code: string;
  readonly order_district_code: string;
  readonly urgency: 'normal' | 'urgent' | 'critical';
  readonly wage_min: number;
  readonly wage_max: number;
  readonly headcount: number;
  readonly filled: number;
  readonly order_status: string;
  readonly order_deadline: string;
  readonly enterprise_name: string;
  readonly enterprise_district_code: string;
  readonly enterprise_liaison_user_id: string | null;
}

function listingBase(db: Db) {
  return db
    .selectFrom('marketplace_listings as l')
    .innerJoin('job_orders as jo', 'jo.id', 'l.job_order_id')
    .innerJoin('enterprises as e', 'e.id', 'l.enterprise_id')
    .selectAll('l')
    .select([
      'jo.title',
      'jo.occupation_code',
      'jo.district_code as order_district_code',
      'jo.urgency',
      'jo.wage_min',
      'jo.wage_max',
      'jo.headcount',
      'jo.filled',
      'jo.status as order_status',
      'jo.deadline as order_deadline',
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
      'e.liaison_user_id as enterprise_liaison_user_id',
    ]);
}

const URGENCY_RANK = sql<number>`CASE jo.urgency WHEN 'critical' THEN 3 WHEN 'urgent' THEN 2 ELSE 1 END`;

export async function findListing(
  db: Db,
  scope: ListingScope,
  by: { id: string } | { jobOrderId: string },
  options: { forUpdate?: boolean } = {},
): Promise<ListingView | undefined> {
  let q = listingBase(db).where(scope);
  q = 'id' in by ? q.where('l.id', '=', by.id) : q.where('l.job_order_id', '=', by.jobOrderId);
  if (options.forUpdate) q = q.forUpdate('l');
  return q.executeTakeFirst();
}

export async function listListings(
  db: Db,
  scope: ListingScope,
  query: ListingListQuery,
): Promise<{ rows: ListingView[]; total: number }> {
  let q = listingBase(db).where(scope);
  if (query.status !== 'all') q = q.where('l.status', '=', query.status);
  if (query.enterpriseId) q = q.where('l.enterprise_id', '=', query.enterpriseId);
  const total = await countRows(q);
  const rows = await q
    .orderBy('l.published_at', 'desc')
    .orderBy('l.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total };
}

/**
 * The agency's order hall: open listings of open orders, before their claim deadline, with
 * places left, released to the agency by the tier rule, and not already claimed by it. Most
 * urgent first, then the newest (by when the agency could first see it).
 */
export async function listHall(
  db: Db,
  agencyId: string,
  query: HallQuery,
  today: string,
): Promise<{ rows: ListingView[]; total: number }> {
  let q = listingBase(db)
    .where('l.status', '=', 'open')
    .where('jo.status', '=', 'open')
    .where('l.deadline', '>=', today)
    .where(sql<boolean>`l.claimed_places < l.offered_places`)
    .where(releasedToAgencySql(agencyId))
    .where(({ not, exists, selectFrom, lit }) =>
      not(
        exists(
          selectFrom('marketplace_claims as mc')
            .select(lit(1).as('one'))
            .whereRef('mc.listing_id', '=', 'l.id')
            .where('mc.agency_id', '=', agencyId)
            .where('mc.status', '=', 'active'),
        ),
      ),
    );
  if (query.districtCode) q = q.where('jo.district_code', '=', query.districtCode);
  if (query.occupationCode) {
    const code = query.occupationCode;
    q = q.where((eb) =>
      eb.or([eb('jo.occupation_code', '=', code), eb('jo.occupation_code', 'like', `${escapeLike(code)}-%`)]),
    );
  }
  if (query.q) {
    const text = `%${escapeLike(query.q)}%`;
    q = q.where((eb) => eb.or([eb('jo.title', 'ilike', text), eb('e.name', 'ilike', text)]));
  }
  const total = await countRows(q);
  const visibleSince = sql`CASE WHEN now() >= l.open_to_all_at THEN l.open_to_all_at ELSE l.published_at END`;
  let ordered = q;
  switch (query.sort) {
    case '-urgency':
      ordered = ordered.orderBy(URGENCY_RANK, 'desc').orderBy(visibleSince, 'desc');
      break;
    case '-publishedAt':
      ordered = ordered.orderBy(visibleSince, 'desc');
      break;
    case 'deadline':
      ordered = ordered.orderBy('l.deadline', 'asc');
      break;
    default: {
      const exhaustive: never = query.sort;
      return exhaustive;
    }
  }
  const rows = await ordered
    .orderBy('l.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total };
}

/** A new listing; tier 2 opens after the tier delay in force now. */
export async function insertListing(
  db: Db,
  row: {
    job_order_id: string;
    enterprise_id: string;
    offered_places: number;
    fee_per_hire_fen: number | null;
    subsidy_applies: boolean;
    deadline: string;
    published_by: string;
  },
): Promise<ListingRow> {
  return db
    .insertInto('marketplace_listings')
    .values({
      ...row,
      open_to_all_at: sql<Date>`now() + (SELECT tier_delay_minutes FROM marketplace_settings) * interval '1 minute'`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A withdrawn or closed listing published again (its claims all ended, so nothing is claimed). */
export async function republishListing(
  db: Db,
  id: string,
  terms: {
    offered_places: number;
    fee_per_hire_fen: number | null;
    subsidy_applies: boolean;
    deadline: string;
    published_by: string;
  },
): Promise<ListingRow | undefined> {
  return db
    .updateTable('marketplace_listings')
    .set({
      ...terms,
      status: 'open',
      status_reason: null,
      claimed_places: 0,
      published_at: sql`now()`,
      open_to_all_at: sql`now() + (SELECT tier_delay_minutes FROM marketplace_settings) * interval '1 minute'`,
      first_claim_at: null,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '!=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export async function updateListingVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<
    Pick<
      ListingRow,
      'offered_places' | 'fee_per_hire_fen' | 'subsidy_applies' | 'deadline' | 'status' | 'status_reason'
    >
  >,
): Promise<ListingRow | undefined> {
  return db
    .updateTable('marketplace_listings')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ————— claims —————

/**
 * Takes `places` of a listing, atomically: the conditional UPDATE is the race guard. Fifty
 * agencies claiming the last places at the same instant all run this statement; PostgreSQL
 * serialises them on the listing's row and re-checks `claimed_places + n <= offered_places`
 * against the committed value, so the sum of active claims never exceeds the places offered.
 * No row back = not enough places (or the listing or order is no longer open).
 */
export async function takeListingPlaces(
  db: Db,
  listingId: string,
  places: number,
  today: string,
): Promise<ListingRow | undefined> {
  return db
    .updateTable('marketplace_listings as l')
    .set({
      claimed_places: sql`l.claimed_places + ${places}`,
      first_claim_at: sql`coalesce(l.first_claim_at, now())`,
      updated_at: sql`now()`,
    })
    .where('l.id', '=', listingId)
    .where('l.status', '=', 'open')
    .where('l.deadline', '>=', today)
    .where(sql<boolean>`l.claimed_places + ${places} <= l.offered_places`)
    .where(({ exists, selectFrom, lit }) =>
      exists(
        selectFrom('job_orders as jo')
          .select(lit(1).as('one'))
          .whereRef('jo.id', '=', 'l.job_order_id')
          .where('jo.status', '=', 'open'),
      ),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Gives `places` back to the listing's pool (release, lapse, close). */
export async function returnListingPlaces(db: Db, listingId: string, places: number): Promise<void> {
  if (places <= 0) return;
  await db
    .updateTable('marketplace_listings')
    .set({ claimed_places: sql`greatest(claimed_places - ${places}, 0)`, updated_at: sql`now()` })
    .where('id', '=', listingId)
    .execute();
}

export async function insertClaim(
  db: Db,
  row: {
    listing_id: string;
    job_order_id: string;
    enterprise_id: string;
    agency_id: string;
    places: number;
    claimed_by: string;
  },
): Promise<ClaimRow> {
  return db
    .insertInto('marketplace_claims')
    .values({
      ...row,
      places_claimed: row.places,
      lapses_at: sql<Date>`now() + (SELECT claim_lapse_hours FROM marketplace_settings) * interval '1 hour'`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findActiveClaimOf(
  db: Db,
  listingId: string,
  agencyId: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('marketplace_claims')
    .selectAll()
    .where('listing_id', '=', listingId)
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export interface ClaimView extends ClaimRow {
  readonly agency_name: string;
  readonly agency_status: string;
  readonly title: string;
  readonly order_district_code: string;
  readonly enterprise_name: string;
  readonly enterprise_district_code: string;
}

function claimBase(db: Db) {
  return db
    .selectFrom('marketplace_claims as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('job_orders as jo', 'jo.id', 'c.job_order_id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .selectAll('c')
    .select([
      'a.name as agency_name',
      'a.status as agency_status',
      'jo.title',
      'jo.district_code as order_district_code',
      'e.name as enterprise_name',
      'e.district_code as enterprise_district_code',
    ]);
}

export async function findClaim(
  db: Db,
  scope: ClaimScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ClaimView | undefined> {
  let q = claimBase(db).where('c.id', '=', id).where(scope);
  if (options.forUpdate) q = q.forUpdate('c');
  return q.executeTakeFirst();
}

export async function listClaims(
  db: Db,
  scope: ClaimScope,
  query: ClaimListQuery,
): Promise<{ rows: ClaimView[]; total: number }> {
  let q = claimBase(db).where(scope);
  if (query.status !== 'all') q = q.where('c.status', '=', query.status);
  if (query.jobOrderId) q = q.where('c.job_order_id', '=', query.jobOrderId);
  if (query.agencyId) q = q.where('c.agency_id', '=', query.agencyId);
  const total = await countRows(q);
  const rows = await q
    .orderBy(sql`CASE c.status WHEN 'active' THEN 0 ELSE 1 END`)
    .orderBy('c.claimed_at', 'desc')
    .orderBy('c.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total };
}

/** Lowers a claim's places; at zero it is released. Only an active claim changes. */
export async function reduceClaim(
  db: Db,
  id: string,
  places: number,
  reason: string,
): Promise<ClaimRow | undefined> {
  return db
    .updateTable('marketplace_claims')
    .set({
      places: sql`places - ${places}`,
      status: sql`CASE WHEN places - ${places} = 0 THEN 'released' ELSE status END`,
      status_reason: sql`CASE WHEN places - ${places} = 0 THEN ${reason} ELSE status_reason END`,
      ended_at: sql`CASE WHEN places - ${places} = 0 THEN now() ELSE ended_at END`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('places', '>=', places)
    .returningAll()
    .executeTakeFirst();
}

/** Per claim: submitted candidates still holding a place, and hires (placements). */
export async function claimCounts(
  db: Db,
  claimIds: readonly string[],
): Promise<Map<string, { holding: number; hires: number }>> {
  const result = new Map<string, { holding: number; hires: number }>();
  if (claimIds.length === 0) return result;
  const rows = await db
    .selectFrom('marketplace_submissions as ms')
    .innerJoin('applications as ap', 'ap.id', 'ms.application_id')
    .leftJoin('placements as p', 'p.application_id', 'ms.application_id')
    .select([
      'ms.claim_id',
      sql<number>`count(*) FILTER (WHERE ap.status IN (${sql.join(HOLDING_STATUSES)}) AND p.ended_on IS NULL)`.as(
        'holding',
      ),
      sql<number>`count(p.id)`.as('hires'),
    ])
    .where('ms.claim_id', 'in', [...claimIds])
    .groupBy('ms.claim_id')
    .execute();
  for (const row of rows) result.set(row.claim_id, { holding: row.holding, hires: row.hires });
  return result;
}

/**
 * Lapses active claims with no submission past `lapses_at` (database time) and returns their
 * places to the listings, in one statement. A submission racing the sweep bumps
 * `submitted_count` under the claim's row lock; the sweep's UPDATE re-checks its WHERE on the
 * committed row, so a claim with a submission never lapses.
 */
export async function lapseOverdueClaims(
  db: Db,
): Promise<{ id: string; listing_id: string; agency_id: string; places: number }[]> {
  const result = await sql<{ id: string; listing_id: string; agency_id: string; places: number }>`
    WITH lapsed AS (
      UPDATE marketplace_claims c
      SET status = 'lapsed', status_reason = '超时未推荐候选人，名额已退回', ended_at = now(),
          version = c.version + 1, updated_at = now()
      WHERE c.status = 'active' AND c.submitted_count = 0 AND c.lapses_at <= now()
      RETURNING c.id, c.listing_id, c.agency_id, c.places
    ), returned AS (
      UPDATE marketplace_listings l
      SET claimed_places = greatest(l.claimed_places - s.places, 0), updated_at = now()
      FROM (SELECT listing_id, sum(places)::int AS places FROM lapsed GROUP BY listing_id) s
      WHERE l.id = s.listing_id
      RETURNING l.id
    )
    SELECT id, listing_id, agency_id, places FROM lapsed`.execute(db);
  return result.rows;
}

/**
 * Listings whose order is no longer open (filled, closed, expired) close; then the active claims
 * of every listing that is not open close, their places returned. Returns the closed claims.
 */
export async function closeEndedListingsAndClaims(
  db: Db,
): Promise<{ listings: { id: string }[]; claims: { id: string; listing_id: string; places: number }[] }> {
  const listings = await sql<{ id: string }>`
    UPDATE marketplace_listings l
    SET status = 'closed', status_reason = '岗位已' || CASE jo.status WHEN 'filled' THEN '招满' WHEN 'expired' THEN '过期' ELSE '关闭' END,
        version = l.version + 1, updated_at = now()
    FROM job_orders jo
    WHERE jo.id = l.job_order_id AND l.status = 'open' AND jo.status <> 'open'
    RETURNING l.id`.execute(db);
  const claims = await closeClaimsOfClosedListings(db);
  return { listings: listings.rows, claims };
}

/** Active claims of listings that are not open end (`closed`); their places go back. */
export async function closeClaimsOfClosedListings(
  db: Db,
  listingId?: string,
): Promise<{ id: string; listing_id: string; places: number }[]> {
  const result = await sql<{ id: string; listing_id: string; places: number }>`
    WITH closed AS (
      UPDATE marketplace_claims c
      SET status = 'closed', status_reason = coalesce(l.status_reason, '挂单已结束'), ended_at = now(),
          version = c.version + 1, updated_at = now()
      FROM marketplace_listings l
      WHERE l.id = c.listing_id AND c.status = 'active' AND l.status <> 'open'
        ${listingId ? sql`AND l.id = ${listingId}` : sql``}
      RETURNING c.id, c.listing_id, c.places
    ), returned AS (
      UPDATE marketplace_listings l
      SET claimed_places = greatest(l.claimed_places - s.places, 0), updated_at = now()
      FROM (SELECT listing_id, sum(places)::int AS places FROM closed GROUP BY listing_id) s
      WHERE l.id = s.listing_id
      RETURNING l.id
    )
    SELECT id, listing_id, places FROM closed`.execute(db);
  return result.rows;
}

// ————— submissions —————

export async function countHoldingSubmissions(db: Db, claimId: string): Promise<number> {
  const counts = await claimCounts(db, [claimId]);
  return counts.get(claimId)?.holding ?? 0;
}

/**
 * Takes (or renews) ownership of `workerId` for `enterpriseId` for `agencyId`, for `windowDays`
 * from now. Refused (false) while another agency owns the pair. The primary key and the
 * conditional DO UPDATE decide races: of two agencies submitting the same person at once, one owns.
 */
export async function takeCandidateOwnership(
  db: Db,
  pair: { enterpriseId: string; workerId: string; agencyId: string; windowDays: number },
): Promise<boolean> {
  const row = await db
    .insertInto('candidate_ownerships')
    .values({
      enterprise_id: pair.enterpriseId,
      worker_id: pair.workerId,
      agency_id: pair.agencyId,
      owned_until: sql<Date>`now() + ${pair.windowDays} * interval '1 day'`,
    })
    .onConflict((oc) =>
      oc
        .columns(['enterprise_id', 'worker_id'])
        .doUpdateSet({
          agency_id: sql`excluded.agency_id`,
          owned_since: sql`CASE WHEN candidate_ownerships.agency_id = excluded.agency_id THEN candidate_ownerships.owned_since ELSE now() END`,
          owned_until: sql`excluded.owned_until`,
        })
        .where(({ or, eb }) =>
          or([
            eb('candidate_ownerships.agency_id', '=', pair.agencyId),
            eb('candidate_ownerships.owned_until', '<=', sql<Date>`now()`),
          ]),
        ),
    )
    .returning('agency_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Is the pair owned by another agency now (a check before registering; the insert decides)? */
export async function isOwnedByOtherAgency(
  db: Db,
  pair: { enterpriseId: string; workerId: string; agencyId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('candidate_ownerships')
    .select('agency_id')
    .where('enterprise_id', '=', pair.enterpriseId)
    .where('worker_id', '=', pair.workerId)
    .where('agency_id', '!=', pair.agencyId)
    .where('owned_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSubmission(
  db: Db,
  row: {
    claim_id: string;
    application_id: string;
    agency_id: string;
    enterprise_id: string;
    job_order_id: string;
    worker_id: string;
    submitted_by: string;
  },
): Promise<{ id: string }> {
  return db.insertInto('marketplace_submissions').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function countSubmission(db: Db, claimId: string): Promise<void> {
  await db
    .updateTable('marketplace_claims')
    .set({ submitted_count: sql`submitted_count + 1`, updated_at: sql`now()` })
    .where('id', '=', claimId)
    .execute();
}

export interface SubmissionView {
  readonly id: string;
  readonly claim_id: string;
  readonly application_id: string;
  readonly worker_id: string;
  readonly worker_name: string;
  readonly worker_sex: string;
  readonly worker_birth_date: string;
  readonly worker_phone_masked: string;
  readonly status: string;
  readonly hired_on: string | null;
  readonly submitted_at: Date;
  readonly updated_at: Date;
}

/** The submissions of a claim (the caller has read the claim through its scope). */
export async function listSubmissions(db: Db, claimId: string): Promise<SubmissionView[]> {
  return db
    .selectFrom('marketplace_submissions as ms')
    .innerJoin('applications as ap', 'ap.id', 'ms.application_id')
    .innerJoin('workers as w', 'w.id', 'ms.worker_id')
    .select([
      'ms.id',
      'ms.claim_id',
      'ms.application_id',
      'ms.worker_id',
      'w.name as worker_name',
      'w.sex as worker_sex',
      'w.birth_date as worker_birth_date',
      'w.phone_masked as worker_phone_masked',
      'ap.status',
      'ap.hired_on',
      'ms.submitted_at',
      'ap.updated_at',
    ])
    .where('ms.claim_id', '=', claimId)
    .orderBy('ms.submitted_at', 'desc')
    .execute();
}

/** The marketplace submission behind an application, with its listing's terms (retention hook). */
export async function findSubmissionOfApplication(
  db: Db,
  applicationId: string,
): Promise<
  | {
      id: string;
      agency_id: string;
      enterprise_id: string;
      worker_id: string;
      fee_per_hire_fen: number | null;
      subsidy_applies: boolean;
      placement_id: string | null;
    }
  | undefined
> {
  return db
    .selectFrom('marketplace_submissions as ms')
    .innerJoin('marketplace_claims as c', 'c.id', 'ms.claim_id')
    .innerJoin('marketplace_listings as l', 'l.id', 'c.listing_id')
    .leftJoin('placements as p', 'p.application_id', 'ms.application_id')
    .select([
      'ms.id',
      'ms.agency_id',
      'ms.enterprise_id',
      'ms.worker_id',
      'l.fee_per_hire_fen',
      'l.subsidy_applies',
      'p.id as placement_id',
    ])
    .where('ms.application_id', '=', applicationId)
    .executeTakeFirst();
}

export async function insertSubsidyEligibility(
  db: Db,
  row: {
    submission_id: string;
    placement_id: string;
    agency_id: string;
    enterprise_id: string;
    worker_id: string;
    retention_days: number;
    eligible_on: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('agency_subsidy_eligibilities')
    .values(row)
    .onConflict((oc) => oc.column('submission_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertFeeOwed(
  db: Db,
  row: {
    submission_id: string;
    placement_id: string;
    agency_id: string;
    enterprise_id: string;
    amount_fen: number;
    owed_since: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('agency_fees')
    .values(row)
    .onConflict((oc) => oc.column('submission_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Eligibilities and fees of the claims the caller may see. */
export async function listSettlements(db: Db, scope: ClaimScope, limit = 200) {
  const claimIds = db
    .selectFrom('marketplace_claims as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select('c.id')
    .where(scope);
  const eligibilities = await db
    .selectFrom('agency_subsidy_eligibilities as s')
    .innerJoin('marketplace_submissions as ms', 'ms.id', 's.submission_id')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .innerJoin('enterprises as en', 'en.id', 's.enterprise_id')
    .innerJoin('workers as w', 'w.id', 's.worker_id')
    .select([
      's.id',
      'a.name as agency_name',
      'en.name as enterprise_name',
      'w.name as worker_name',
      's.retention_days',
      's.eligible_on',
      's.status',
    ])
    .where('ms.claim_id', 'in', claimIds)
    .orderBy('s.eligible_on', 'desc')
    .limit(limit)
    .execute();
  const fees = await db
    .selectFrom('agency_fees as f')
    .innerJoin('marketplace_submissions as ms', 'ms.id', 'f.submission_id')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .innerJoin('enterprises as en', 'en.id', 'f.enterprise_id')
    .innerJoin('workers as w', 'w.id', 'ms.worker_id')
    .select([
      'f.id',
      'a.name as agency_name',
      'en.name as enterprise_name',
      'w.name as worker_name',
      'f.amount_fen',
      'f.owed_since',
      'f.status',
    ])
    .where('ms.claim_id', 'in', claimIds)
    .orderBy('f.owed_since', 'desc')
    .limit(limit)
    .execute();
  return { eligibilities, fees };
}

/** Today in China (UTC+8) by the database's clock. */
export async function databaseToday(db: Db): Promise<string> {
  const row = await sql<{
    today: string;
  }>`SELECT to_char((now() AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') AS today`.execute(db);
  const today = row.rows[0]?.today;
  if (!today) throw new Error('no database time');
  return today;
}
