import { Permission, type Role } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ClaimStatus } from '../../db/schema-marketplace.ts';
import type { Actor } from '../../http/context.ts';
import { isTier1Sql, servesOrderSql } from '../agencies/agencies.repository.ts';
import { canManageOrdersOf, type OrderOwner } from '../job-orders/job-orders.policy.ts';

/**
 * ⚠️ SECURITY-CRITICAL: who sees which listings, claims (with their submissions) and reviews.
 *
 * Listings (queries alias the listing `l`, its order `jo`, its enterprise `e`):
 *  - administrators, analysts, leaders: all; district officers and liaisons: their districts'
 *    enterprises; enterprise HR: its own;
 *  - agency staff: what the tier rule releases to their agency — approved, serving the order's
 *    district and occupation, and either tier 1 (alliance member or rated above the threshold) or
 *    past the listing's `open_to_all_at` — plus any listing their agency has claimed.
 * Claims (alias `c`, enterprise `e`): the same bureau and enterprise rules; agency staff their own
 * agency's claims only (never another agency's).
 * Reviews (alias `r`): the bureau's staff see all (hidden ones too, for moderation); enterprise HR
 * and agency staff the visible ones.
 */
type ListingBuilder = ExpressionBuilder<
  Database & {
    l: Database['marketplace_listings'];
    jo: Database['job_orders'];
    e: Database['enterprises'];
  },
  'l' | 'jo' | 'e'
>;
type ClaimBuilder = ExpressionBuilder<
  Database & { c: Database['marketplace_claims']; e: Database['enterprises'] },
  'c' | 'e'
>;
type ReviewBuilder = ExpressionBuilder<Database & { r: Database['marketplace_reviews'] }, 'r'>;

function combine<B>(
  actor: Actor,
  eb: B & { lit(value: boolean): Expression<SqlBool>; or(list: Expression<SqlBool>[]): Expression<SqlBool> },
  clauseOf: (role: Role) => Expression<SqlBool> | 'all' | null,
): Expression<SqlBool> {
  const alternatives: Expression<SqlBool>[] = [];
  for (const role of actor.roles) {
    const clause = clauseOf(role);
    if (clause === 'all') return eb.lit(true);
    if (clause) alternatives.push(clause);
  }
  return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
}

/**
 * The tier rule for agency `agencyId` on the listing `l` of order `jo`: can the agency see (and
 * claim from) it now? "Now" is the database's clock.
 */
export function releasedToAgencySql(agencyId: string) {
  return sql<SqlBool>`EXISTS (
    SELECT 1 FROM agencies a
    WHERE a.id = ${agencyId} AND a.status = 'approved' AND ${servesOrderSql('a', 'jo')}
      AND (now() >= l.open_to_all_at OR ${isTier1Sql('a')})
  )`;
}

export function listingScope(actor: Actor) {
  return (eb: ListingBuilder): Expression<SqlBool> =>
    combine(actor, eb, (role) => {
      switch (role) {
        case 'admin':
        case 'analyst':
        case 'leader':
          return 'all';
        case 'district_officer':
        case 'liaison':
          return actor.scope.districtCodes.length > 0
            ? eb('e.district_code', 'in', [...actor.scope.districtCodes])
            : null;
        case 'enterprise':
          return actor.scope.enterpriseId ? eb('l.enterprise_id', '=', actor.scope.enterpriseId) : null;
        case 'agency': {
          const agencyId = actor.scope.agencyId;
          if (!agencyId) return null;
          return eb.or([
            releasedToAgencySql(agencyId),
            eb.exists(
              eb
                .selectFrom('marketplace_claims as mc')
                .select(eb.lit(1).as('one'))
                .whereRef('mc.listing_id', '=', 'l.id')
                .where('mc.agency_id', '=', agencyId),
            ),
          ]);
        }
        case 'school':
        case 'base':
        case 'worker':
          return null;
        default: {
          const exhaustive: never = role;
          return exhaustive;
        }
      }
    });
}

export function claimScope(actor: Actor) {
  return (eb: ClaimBuilder): Expression<SqlBool> =>
    combine(actor, eb, (role) => {
      switch (role) {
        case 'admin':
        case 'analyst':
        case 'leader':
          return 'all';
        case 'district_officer':
        case 'liaison':
          return actor.scope.districtCodes.length > 0
            ? eb('e.district_code', 'in', [...actor.scope.districtCodes])
            : null;
        case 'enterprise':
          return actor.scope.enterpriseId ? eb('c.enterprise_id', '=', actor.scope.enterpriseId) : null;
        case 'agency':
          return actor.scope.agencyId ? eb('c.agency_id', '=', actor.scope.agencyId) : null;
        case 'school':
        case 'base':
        case 'worker':
          return null;
        default: {
          const exhaustive: never = role;
          return exhaustive;
        }
      }
    });
}

export function reviewScope(actor: Actor) {
  return (eb: ReviewBuilder): Expression<SqlBool> =>
    combine(actor, eb, (role) => {
      switch (role) {
        case 'admin':
        case 'analyst':
        case 'leader':
        case 'district_officer':
        case 'liaison':
          return 'all';
        case 'enterprise':
        case 'agency':
          return eb('r.is_hidden', '=', false);
        case 'school':
        case 'base':
        case 'worker':
          return null;
        default: {
          const exhaustive: never = role;
          return exhaustive;
        }
      }
    });
}

/** Publish, edit or withdraw an order's listing: whoever manages the enterprise's orders. */
export function canPublishFor(actor: Actor, owner: OrderOwner): boolean {
  return actor.permissions.has(Permission.MarketplacePublish) && canManageOrdersOf(actor, owner);
}

/** Is the actor staff of an agency that may act in the marketplace (claim, submit)? */
export function agencyOf(actor: Actor): string | null {
  if (!actor.permissions.has(Permission.MarketplaceClaim) || !actor.roles.includes('agency')) return null;
  return actor.scope.agencyId;
}

/** The side the actor takes in a claim's review, if any. */
export function reviewSideOf(
  actor: Actor,
  claim: { agency_id: string; enterprise_id: string },
): 'enterprise_to_agency' | 'agency_to_enterprise' | null {
  if (!actor.permissions.has(Permission.ReviewWrite)) return null;
  if (actor.roles.includes('agency') && actor.scope.agencyId === claim.agency_id)
    return 'agency_to_enterprise';
  if (actor.roles.includes('enterprise') && actor.scope.enterpriseId === claim.enterprise_id)
    return 'enterprise_to_agency';
  return null;
}

/** Can the claim be reviewed (a real interaction): candidates were submitted, and a hire happened or the claim ended. */
export function isReviewable(
  claim: { status: ClaimStatus; submitted_count: number },
  hires: number,
): boolean {
  return claim.submitted_count > 0 && (hires > 0 || claim.status !== 'active');
}

export function canModerateReviews(actor: Actor): boolean {
  return actor.permissions.has(Permission.MarketplaceModerate);
}
