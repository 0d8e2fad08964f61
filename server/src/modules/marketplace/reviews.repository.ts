import type { ReviewListQuery } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { countRows } from '../../db/paging.ts';
import type { Database } from '../../db/schema.ts';
import type { ReviewDirection, ReviewRow } from '../../db/schema-marketplace.ts';

/** The only SQL of reviews (互评). Reads alias the review `r` and take `reviewScope`. */
type Db = Kysely<Database>;
export type ReviewScope = (
  eb: ExpressionBuilder<Database & { r: Database['marketplace_reviews'] }, 'r'>,
) => Expression<SqlBool>;

export interface ReviewView extends ReviewRow {
  readonly agency_name: string;
  readonly enterprise_name: string;
  readonly job_order_title: string;
  readonly reviewer_name: string | null;
}

function base(db: Db) {
  return db
    .selectFrom('marketplace_reviews as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('marketplace_claims as c', 'c.id', 'r.claim_id')
    .innerJoin('job_orders as jo', 'jo.id', 'c.job_order_id')
    .leftJoin('users as u', 'u.id', 'r.reviewer_id')
    .selectAll('r')
    .select([
      'a.name as agency_name',
      'e.name as enterprise_name',
      'jo.title as job_order_title',
      'u.display_name as reviewer_name',
    ]);
}

export async function listReviews(
  db: Db,
  scope: ReviewScope,
  query: ReviewListQuery,
): Promise<{ rows: ReviewView[]; total: number }> {
  let q = base(db).where(scope);
  if (query.agencyId) q = q.where('r.agency_id', '=', query.agencyId);
  if (query.enterpriseId) q = q.where('r.enterprise_id', '=', query.enterpriseId);
  if (query.claimId) q = q.where('r.claim_id', '=', query.claimId);
  if (query.direction) q = q.where('r.direction', '=', query.direction);
  const total = await countRows(q);
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total };
}

export async function findReview(db: Db, scope: ReviewScope, id: string): Promise<ReviewView | undefined> {
  return base(db).where('r.id', '=', id).where(scope).executeTakeFirst();
}

export async function insertReview(
  db: Db,
  row: {
    claim_id: string;
    direction: ReviewDirection;
    agency_id: string;
    enterprise_id: string;
    score_1: number;
    score_2: number;
    score_3: number;
    comment: string;
    reviewer_id: string;
  },
): Promise<ReviewRow | undefined> {
  // One per side per claim: of two submissions at once, the unique constraint keeps the first.
  return db
    .insertInto('marketplace_reviews')
    .values(row)
    .onConflict((oc) => oc.constraint('marketplace_reviews_one_per_side').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function setReviewHidden(
  db: Db,
  id: string,
  hidden: boolean,
  reason: string,
  actorId: string,
): Promise<ReviewRow | undefined> {
  return db
    .updateTable('marketplace_reviews')
    .set({
      is_hidden: hidden,
      hidden_reason: hidden ? reason : null,
      hidden_by: hidden ? actorId : null,
      hidden_at: hidden ? sql<Date>`now()` : null,
    })
    .where('id', '=', id)
    .where('is_hidden', '=', !hidden)
    .returningAll()
    .executeTakeFirst();
}

/** Which sides have reviewed each claim. */
export async function reviewedSides(
  db: Db,
  claimIds: readonly string[],
): Promise<Map<string, { byEnterprise: boolean; byAgency: boolean }>> {
  const result = new Map<string, { byEnterprise: boolean; byAgency: boolean }>();
  if (claimIds.length === 0) return result;
  const rows = await db
    .selectFrom('marketplace_reviews')
    .select(['claim_id', 'direction'])
    .where('claim_id', 'in', [...claimIds])
    .execute();
  for (const row of rows) {
    const sides = result.get(row.claim_id) ?? { byEnterprise: false, byAgency: false };
    if (row.direction === 'enterprise_to_agency') sides.byEnterprise = true;
    else sides.byAgency = true;
    result.set(row.claim_id, sides);
  }
  return result;
}
