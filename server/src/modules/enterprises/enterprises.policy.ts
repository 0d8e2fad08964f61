import { Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, EnterpriseRow } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: who may see and do what to which enterprise.
 *
 * `enterpriseScope` is THE where-clause for every enterprise query: city-wide roles see all;
 * district officers and liaisons see their districts; enterprise HR sees its own enterprise;
 * agency, school, base and worker accounts see none through this module. Roles combine with OR.
 * Never fetch enterprises without it and filter in JavaScript.
 */
export function enterpriseScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'enterprises'>): Expression<SqlBool> => {
    const alternatives: Expression<SqlBool>[] = [];
    for (const role of actor.roles) {
      const clause = scopeOfRole(eb, role, actor);
      if (clause === 'all') return eb.lit(true);
      if (clause) alternatives.push(clause);
    }
    return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
  };
}

function scopeOfRole(
  eb: ExpressionBuilder<Database, 'enterprises'>,
  role: Role,
  actor: Actor,
): Expression<SqlBool> | 'all' | null {
  switch (role) {
    case 'admin':
    case 'analyst':
    case 'leader':
      return 'all';
    case 'district_officer':
    case 'liaison':
      return actor.scope.districtCodes.length > 0
        ? eb('enterprises.district_code', 'in', [...actor.scope.districtCodes])
        : null;
    case 'enterprise':
      return actor.scope.enterpriseId ? eb('enterprises.id', '=', actor.scope.enterpriseId) : null;
    case 'agency':
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

type ScopedRow = Pick<EnterpriseRow, 'id' | 'district_code' | 'liaison_user_id'>;

/** Whether the actor manages enterprises of `districtCode` (admin, or its district officer). */
export function managesDistrict(actor: Actor, districtCode: string): boolean {
  return (
    actor.roles.includes('admin') ||
    (actor.roles.includes('district_officer') && actor.scope.districtCodes.includes(districtCode))
  );
}

/** May the actor register an enterprise in `districtCode`? */
export function canCreateIn(actor: Actor, districtCode: string): boolean {
  return actor.permissions.has(Permission.EnterpriseCreate) && managesDistrict(actor, districtCode);
}

/** May the actor edit this (visible) enterprise at all? */
export function canUpdate(actor: Actor, row: ScopedRow): boolean {
  if (!actor.permissions.has(Permission.EnterpriseUpdate)) return false;
  if (managesDistrict(actor, row.district_code)) return true;
  if (actor.roles.includes('liaison') && row.liaison_user_id === actor.id) return true;
  return actor.roles.includes('enterprise') && actor.scope.enterpriseId === row.id;
}

/**
 * Fields only a manager of the district may change: identity, place, and the key-enterprise
 * designation with its liaison are the bureau's decisions, not the enterprise's or the liaison's.
 */
export const MANAGER_ONLY_FIELDS = [
  'creditCode',
  'name',
  'districtCode',
  'keyLevel',
  'liaisonUserId',
] as const;

export function canChangeManagerFields(actor: Actor, row: ScopedRow): boolean {
  return managesDistrict(actor, row.district_code);
}

export function canDeactivate(actor: Actor, row: ScopedRow): boolean {
  return actor.permissions.has(Permission.EnterpriseDeactivate) && managesDistrict(actor, row.district_code);
}

/** Revealing a contact's phone: the permission plus visibility (the row came through the scope). */
export function canRevealContact(actor: Actor): boolean {
  return actor.permissions.has(Permission.PiiReveal);
}

/** A liaison sees the enterprises they are liaison of first in lists (null: no such ordering). */
export function mineFirstUserIdOf(actor: Actor): string | null {
  return actor.roles.includes('liaison') ? actor.id : null;
}
