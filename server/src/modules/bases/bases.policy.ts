import { Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which labour bases an account sees and what it may change.
 *
 * `baseScope` is THE where-clause of every base query: the bureau's staff (administrators, district
 * officers, liaisons, analysts, leaders) see every base — a base in 昭通 serves the whole city;
 * base staff see their own base only (`users.base_id`). Other roles see none. Roles combine with OR.
 *
 * Writes follow who built the base: a base of the city (`managing_district_code` null) is edited
 * by administrators; a district's base by that district's officers (and administrators).
 */
type Builder = ExpressionBuilder<Database, 'labour_bases'>;

export function baseScope(actor: Actor) {
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
    case 'base':
      return actor.scope.baseId ? eb('labour_bases.id', '=', actor.scope.baseId) : null;
    case 'enterprise':
    case 'agency':
    case 'school':
    case 'worker':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/**
 * May the actor register or change a base managed by `managingDistrictCode` (null: the city's)?
 * Administrators: any; district officers: their districts' bases.
 */
export function canWriteBase(actor: Actor, managingDistrictCode: string | null): boolean {
  if (!actor.permissions.has(Permission.BaseWrite)) return false;
  if (actor.roles.includes('admin')) return true;
  return managingDistrictCode !== null && actor.scope.districtCodes.includes(managingDistrictCode);
}

/** The default managing district of a new base: an officer's own district, the city for admins. */
export function defaultManagingDistrict(actor: Actor): string | null {
  if (actor.roles.includes('admin')) return null;
  return actor.scope.districtCodes[0] ?? null;
}

/**
 * 劳务对接 with any base is recorded by any officer who may write bases: a district's officers take
 * their enterprises to the city's bases too.
 */
export function canRecordEvents(actor: Actor): boolean {
  return actor.permissions.has(Permission.BaseWrite);
}

/** The per-record abilities the web app's buttons follow. */
export function baseAbilities(actor: Actor, managingDistrictCode: string | null) {
  const canWrite = canWriteBase(actor, managingDistrictCode);
  return { update: canWrite, recordEvents: canRecordEvents(actor), uploadAgreement: canWrite };
}
