import { Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AgencyStatus } from '../../db/schema-marketplace.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which agencies an account sees and what it may do to them.
 *
 * `agencyScope` is THE where-clause of every agency query: the bureau's staff (administrators,
 * district officers, liaisons, analysts, leaders) see the whole register, pending and suspended
 * included; enterprise HR sees approved agencies (the profiles it meets in the marketplace);
 * agency staff see their own agency only. Other roles see none. Roles combine with OR.
 */
type Builder = ExpressionBuilder<Database, 'agencies'>;

export function agencyScope(actor: Actor) {
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
    case 'district_officer':
    case 'liaison':
      return 'all';
    case 'enterprise':
      return eb('agencies.status', '=', 'approved');
    case 'agency':
      return actor.scope.agencyId ? eb('agencies.id', '=', actor.scope.agencyId) : null;
    case 'school':
    case 'base':
    case 'worker':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** Whether the actor is staff of this agency. */
export function isStaffOf(actor: Actor, agencyId: string): boolean {
  return actor.roles.includes('agency') && actor.scope.agencyId === agencyId;
}

/** Officers who approve, suspend and set alliance membership. */
export function canApproveAgencies(actor: Actor): boolean {
  return actor.permissions.has(Permission.AgencyApprove);
}

/** Edit the profile: its own staff, or an approving officer. */
export function canUpdateAgency(actor: Actor, agencyId: string): boolean {
  return (
    actor.permissions.has(Permission.AgencyUpdate) &&
    (canApproveAgencies(actor) || isStaffOf(actor, agencyId))
  );
}

/** The status actions the actor may take on an agency in `status`. */
export function agencyActions(actor: Actor, status: AgencyStatus) {
  const approver = canApproveAgencies(actor);
  return {
    approve: approver && (status === 'pending' || status === 'rejected'),
    reject: approver && status === 'pending',
    suspend: approver && status === 'approved',
    reinstate: approver && status === 'suspended',
  };
}

/** The agency an agency staff account is bound to (null for every other account). */
export function ownAgencyIdOf(actor: Actor): string | null {
  return actor.roles.includes('agency') ? actor.scope.agencyId : null;
}
