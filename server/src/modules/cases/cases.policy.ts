import { Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which service cases, visits and urgent shortage reports an account sees,
 * and which enterprises it may serve (open cases, log visits, report shortages for).
 *
 * Every query of the cases and shortage-reports modules joins the enterprise as `e` and takes one
 * of the where-clauses below; roles combine with OR:
 * - admin, analyst, leader: the whole city (read; writing needs the permission, which only admin has);
 * - district officer: enterprises of their districts;
 * - liaison: enterprises of their districts AND every enterprise they are the liaison of
 *   (`enterprises.liaison_user_id`), wherever it is;
 * - enterprise HR: its own enterprise's cases and shortage reports — not the visits, which are the
 *   bureau's working notes;
 * - agency, school, base, worker: none.
 * Never fetch and then filter in JavaScript.
 */
type EnterpriseAlias = { e: Database['enterprises'] };
type CaseBuilder = ExpressionBuilder<
  Database & EnterpriseAlias & { c: Database['service_cases'] },
  'c' | 'e'
>;
type VisitBuilder = ExpressionBuilder<
  Database & EnterpriseAlias & { v: Database['service_visits'] },
  'v' | 'e'
>;
type ReportBuilder = ExpressionBuilder<
  Database & EnterpriseAlias & { r: Database['shortage_reports'] },
  'r' | 'e'
>;

/** The where-clause of every service-case query (`service_cases as c` joined to `enterprises as e`). */
export function caseScope(actor: Actor) {
  return (eb: CaseBuilder): Expression<SqlBool> =>
    combine(eb, actor, (role) =>
      role === 'enterprise' && actor.scope.enterpriseId
        ? eb('c.enterprise_id', '=', actor.scope.enterpriseId)
        : null,
    );
}

/** The where-clause of every visit query (`service_visits as v` joined to `enterprises as e`). */
export function visitScope(actor: Actor) {
  return (eb: VisitBuilder): Expression<SqlBool> => combine(eb, actor, () => null);
}

/** The where-clause of every shortage-report query (`shortage_reports as r` joined to `enterprises as e`). */
export function shortageReportScope(actor: Actor) {
  return (eb: ReportBuilder): Expression<SqlBool> =>
    combine(eb, actor, (role) =>
      role === 'enterprise' && actor.scope.enterpriseId
        ? eb('r.enterprise_id', '=', actor.scope.enterpriseId)
        : null,
    );
}

/** The staff part shared by the three scopes; `ownEnterprise` adds what enterprise HR may see. */
function combine<B extends ExpressionBuilder<Database & EnterpriseAlias, 'e'>>(
  eb: B,
  actor: Actor,
  ownEnterprise: (role: Role) => Expression<SqlBool> | null,
): Expression<SqlBool> {
  const alternatives: Expression<SqlBool>[] = [];
  for (const role of actor.roles) {
    const clause = staffScopeOf(eb, role, actor) ?? ownEnterprise(role);
    if (clause === 'all') return eb.lit(true);
    if (clause) alternatives.push(clause);
  }
  return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
}

function staffScopeOf(
  eb: ExpressionBuilder<Database & EnterpriseAlias, 'e'>,
  role: Role,
  actor: Actor,
): Expression<SqlBool> | 'all' | null {
  const districts = [...actor.scope.districtCodes];
  switch (role) {
    case 'admin':
    case 'analyst':
    case 'leader':
      return 'all';
    case 'district_officer':
      return districts.length > 0 ? eb('e.district_code', 'in', districts) : null;
    case 'liaison':
      return districts.length > 0
        ? eb.or([eb('e.district_code', 'in', districts), eb('e.liaison_user_id', '=', actor.id)])
        : eb('e.liaison_user_id', '=', actor.id);
    case 'enterprise':
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

/** The enterprise side of a case, visit or report, as the write rules need it. */
export interface ServedEnterprise {
  readonly id: string;
  readonly district_code: string;
  readonly liaison_user_id: string | null;
}

/** Does the actor serve this enterprise as staff: admin, its district's officer, its district's or its own liaison? */
export function servesEnterprise(actor: Actor, enterprise: ServedEnterprise): boolean {
  return isServingStaff(
    { id: actor.id, roles: actor.roles, districtCodes: actor.scope.districtCodes },
    enterprise,
  );
}

/** An account as the owner rules read it (a user row, not necessarily the caller). */
export interface StaffAccount {
  readonly id: string;
  readonly roles: readonly string[];
  readonly districtCodes: readonly string[];
}

function isServingStaff(account: StaffAccount, enterprise: ServedEnterprise): boolean {
  if (account.roles.includes('admin')) return true;
  const inDistrict = account.districtCodes.includes(enterprise.district_code);
  if (account.roles.includes('district_officer') && inDistrict) return true;
  return account.roles.includes('liaison') && (inDistrict || enterprise.liaison_user_id === account.id);
}

/**
 * May this account own a case or one of its actions: staff who serve the enterprise (an
 * administrator, an officer or liaison of its district, or its own liaison). A case cannot be
 * handed to someone who could not even open it.
 */
export function canOwnCaseOf(account: StaffAccount, enterprise: ServedEnterprise): boolean {
  return isServingStaff(account, enterprise);
}

/** May the actor open and work cases (plan, actions, linked orders, status) of this enterprise? */
export function canWriteCaseOf(actor: Actor, enterprise: ServedEnterprise): boolean {
  return actor.permissions.has(Permission.CaseWrite) && servesEnterprise(actor, enterprise);
}

/** May the actor log visits and consultations with this enterprise? */
export function canLogVisitOf(actor: Actor, enterprise: ServedEnterprise): boolean {
  return actor.permissions.has(Permission.VisitWrite) && servesEnterprise(actor, enterprise);
}

/** May the actor file an urgent shortage report for this enterprise: its own HR, or staff serving it? */
export function canReportShortageOf(actor: Actor, enterprise: ServedEnterprise): boolean {
  if (!actor.permissions.has(Permission.MonitoringReport)) return false;
  if (actor.roles.includes('enterprise') && actor.scope.enterpriseId === enterprise.id) return true;
  return servesEnterprise(actor, enterprise);
}

/** May the actor change the automatic-case threshold? */
export function canChangeCaseSettings(actor: Actor): boolean {
  return actor.permissions.has(Permission.MonitoringSettings);
}

/** Roles an account must hold to own a case or an action. */
export const CASE_OWNER_ROLES: readonly Role[] = ['admin', 'district_officer', 'liaison'];
