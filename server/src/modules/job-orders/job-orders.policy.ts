import { Permission, type Role, type Visibility } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which job orders an account sees, and what it may do to them.
 *
 * `jobOrderScope` is THE where-clause of every job-order query (the query joins enterprises as
 * `e`): city-wide roles see all; district officers and liaisons the orders of enterprises in their
 * districts; enterprise HR its own enterprise's orders; a worker the open public orders; base and
 * school staff (bound to their base or school) the open orders published to bases or schools, and
 * the public ones. Agencies get theirs through the marketplace's listings.
 */
type Builder = ExpressionBuilder<Database & { e: Database['enterprises'] }, 'job_orders' | 'e'>;

export function jobOrderScope(actor: Actor) {
  return (eb: Builder): Expression<SqlBool> => {
    const alternatives: Expression<SqlBool>[] = [];
    for (const role of actor.roles) {
      const clause = scopeOfRole(eb, role, actor);
      if (clause === 'all') return eb.lit(true);
      if (clause) alternatives.push(clause);
    }
    return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
  };
}

function scopeOfRole(eb: Builder, role: Role, actor: Actor): Expression<SqlBool> | 'all' | null {
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
      return actor.scope.enterpriseId ? eb('job_orders.enterprise_id', '=', actor.scope.enterpriseId) : null;
    case 'worker':
      return eb.and([
        eb('job_orders.status', '=', 'open'),
        eb(eb.val('public'), '=', eb.fn.any('job_orders.visibility')),
      ]);
    case 'base':
      return openOrderVisibleTo(eb, actor.scope.baseId ? 'bases' : null);
    case 'school':
      return openOrderVisibleTo(eb, actor.scope.schoolId ? 'schools' : null);
    case 'agency':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** Open orders published to this audience or to the public (null audience: none). */
function openOrderVisibleTo(eb: Builder, audience: Visibility | null): Expression<SqlBool> | null {
  if (!audience) return null;
  return eb.and([
    eb('job_orders.status', '=', 'open'),
    eb.or([
      eb(eb.val(audience), '=', eb.fn.any('job_orders.visibility')),
      eb(eb.val('public'), '=', eb.fn.any('job_orders.visibility')),
    ]),
  ]);
}

/** The enterprise side of a job order, as the policy needs it. */
export interface OrderOwner {
  readonly enterpriseId: string;
  readonly districtCode: string;
  readonly liaisonUserId: string | null;
}

/**
 * May the actor post and manage orders of this enterprise? Its HR; the district's officers and
 * administrators (staff-assisted); its liaison officer.
 */
export function canManageOrdersOf(actor: Actor, owner: OrderOwner): boolean {
  if (!actor.permissions.has(Permission.JobOrderWrite)) return false;
  if (actor.roles.includes('admin')) return true;
  if (actor.roles.includes('district_officer') && actor.scope.districtCodes.includes(owner.districtCode))
    return true;
  if (actor.roles.includes('liaison') && owner.liaisonUserId === actor.id) return true;
  return actor.roles.includes('enterprise') && actor.scope.enterpriseId === owner.enterpriseId;
}

/** Posted by someone other than the enterprise itself (DESIGN: staff-assisted, recorded as such). */
export function isStaffAssisted(actor: Actor, enterpriseId: string): boolean {
  return !(actor.roles.includes('enterprise') && actor.scope.enterpriseId === enterpriseId);
}

/** May the actor move applications of this enterprise's orders (screen, interview, hire …)? */
export function canRunPipelineOf(actor: Actor, owner: OrderOwner): boolean {
  if (!actor.permissions.has(Permission.ApplicationMove)) return false;
  if (actor.roles.includes('admin')) return true;
  if (actor.roles.includes('district_officer') && actor.scope.districtCodes.includes(owner.districtCode))
    return true;
  if (actor.roles.includes('liaison') && owner.liaisonUserId === actor.id) return true;
  return actor.roles.includes('enterprise') && actor.scope.enterpriseId === owner.enterpriseId;
}
