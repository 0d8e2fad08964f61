import { Permission } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { enterpriseScope, managesDistrict } from '../enterprises/enterprises.policy.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which enterprises' monitoring an actor sees, and who may report.
 *
 * Monitoring is read through the enterprise's scope (`enterpriseScope`): analysts, leaders and
 * admins city-wide; district officers and liaisons their districts; enterprise HR itself. With
 * `liaison=me` a liaison (or anyone) narrows to the enterprises whose liaison they are. Every
 * monitoring query joins `enterprises` and applies this clause in SQL — never filter in JavaScript.
 */
export function monitoringScope(actor: Actor, options: { readonly liaisonMe?: boolean } = {}) {
  const base = enterpriseScope(actor);
  return (eb: ExpressionBuilder<Database, 'enterprises'>): Expression<SqlBool> =>
    options.liaisonMe ? eb.and([base(eb), eb('enterprises.liaison_user_id', '=', actor.id)]) : base(eb);
}

/**
 * The districts whose rows the district map lists even when nothing is reported in them:
 * city-wide roles every district of the city, district officers and liaisons theirs.
 */
export function listedDistrictCodes(actor: Actor, cityDistrictCodes: readonly string[]): string[] {
  if (actor.roles.some((role) => role === 'admin' || role === 'analyst' || role === 'leader'))
    return [...cityDistrictCodes];
  if (actor.roles.some((role) => role === 'district_officer' || role === 'liaison'))
    return cityDistrictCodes.filter((code) => actor.scope.districtCodes.includes(code));
  return [];
}

interface ReportableEnterprise {
  readonly id: string;
  readonly district_code: string;
  readonly liaison_user_id: string | null;
}

/**
 * May the actor enter or correct this (visible) enterprise's reports? Its HR, its liaison, or an
 * officer managing its district (admins everywhere).
 */
export function canReportFor(actor: Actor, enterprise: ReportableEnterprise): boolean {
  if (!actor.permissions.has(Permission.MonitoringReport)) return false;
  if (managesDistrict(actor, enterprise.district_code)) return true;
  if (actor.roles.includes('liaison') && enterprise.liaison_user_id === actor.id) return true;
  return actor.roles.includes('enterprise') && actor.scope.enterpriseId === enterprise.id;
}

/** The report's `source`: the enterprise itself or an officer on its behalf. */
export function reportSourceOf(actor: Actor, enterpriseId: string): 'enterprise' | 'officer' {
  return actor.roles.includes('enterprise') && actor.scope.enterpriseId === enterpriseId
    ? 'enterprise'
    : 'officer';
}

/** Adding or removing a sample enterprise: settings permission and management of its district. */
export function canManageSample(actor: Actor, districtCode: string): boolean {
  return (
    actor.permissions.has(Permission.MonitoringSettings) ||
    (actor.permissions.has(Permission.MonitoringReport) && managesDistrict(actor, districtCode))
  );
}
