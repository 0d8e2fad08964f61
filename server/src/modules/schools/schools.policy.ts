import { Permission, type Role } from '@yonggong/shared';
import { type Expression, type ExpressionBuilder, expressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: who sees and changes schools and the school–enterprise cooperation records
 * (agreements, order classes, internships, apprenticeships).
 *
 * Schools are a register shared by the whole bureau: most partner schools are outside the city
 * (徐州, 云南, 包头 …), so no district "owns" one. `schoolScope` — the bureau's staff (admin, district
 * officers, liaisons, analysts, leaders) and enterprise HR (looking for partner schools) see every
 * school; school staff see their own school only; everyone else none.
 *
 * `cooperationScope` — THE where-clause of agreements, classes, internships and apprenticeships:
 * city-wide roles see all; district officers and liaisons those whose enterprise is in their
 * districts or whose school is registered in their districts; enterprise HR those of its own
 * enterprise; school staff those of their own school (internships: of their school's students).
 * Roles combine with OR. Never fetch and then filter in JavaScript.
 */
export function schoolScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'schools'>): Expression<SqlBool> => {
    const alternatives: Expression<SqlBool>[] = [];
    for (const role of actor.roles) {
      const clause = schoolClauseOf(eb, role, actor);
      if (clause === 'all') return eb.lit(true);
      if (clause) alternatives.push(clause);
    }
    return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
  };
}

function schoolClauseOf(
  eb: ExpressionBuilder<Database, 'schools'>,
  role: Role,
  actor: Actor,
): Expression<SqlBool> | 'all' | null {
  switch (role) {
    case 'admin':
    case 'analyst':
    case 'leader':
    case 'district_officer':
    case 'liaison':
    case 'enterprise':
      return 'all';
    case 'school':
      return actor.scope.schoolId ? eb('schools.id', '=', actor.scope.schoolId) : null;
    case 'agency':
    case 'base':
    case 'worker':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** The columns of a cooperation record the scope reads. */
export interface CooperationRefs {
  readonly schoolId: Expression<string | null>;
  readonly enterpriseId: Expression<string>;
}

/** ⚠️ The where-clause of every cooperation-record query (see the header). */
export function cooperationScope(actor: Actor, refs: CooperationRefs): Expression<SqlBool> {
  const eb = expressionBuilder<Database, never>();
  const alternatives: Expression<SqlBool>[] = [];
  for (const role of actor.roles) {
    const clause = cooperationClauseOf(eb, role, actor, refs);
    if (clause === 'all') return eb.lit(true);
    if (clause) alternatives.push(clause);
  }
  return alternatives.length > 0 ? eb.or(alternatives) : eb.lit(false);
}

function cooperationClauseOf(
  eb: ExpressionBuilder<Database, never>,
  role: Role,
  actor: Actor,
  refs: CooperationRefs,
): Expression<SqlBool> | 'all' | null {
  switch (role) {
    case 'admin':
    case 'analyst':
    case 'leader':
      return 'all';
    case 'district_officer':
    case 'liaison': {
      const districts = [...actor.scope.districtCodes];
      if (districts.length === 0) return null;
      return eb.or([
        eb(
          refs.enterpriseId,
          'in',
          eb
            .selectFrom('enterprises')
            .select('enterprises.id')
            .where('enterprises.district_code', 'in', districts),
        ),
        eb(
          refs.schoolId,
          'in',
          eb.selectFrom('schools').select('schools.id').where('schools.region_code', 'in', districts),
        ),
      ]);
    }
    case 'enterprise':
      return actor.scope.enterpriseId ? eb(refs.enterpriseId, '=', actor.scope.enterpriseId) : null;
    case 'school':
      return actor.scope.schoolId ? eb(refs.schoolId, '=', actor.scope.schoolId) : null;
    case 'agency':
    case 'base':
    case 'worker':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** Whether the actor is staff of this school. */
export function isStaffOfSchool(actor: Actor, schoolId: string | null): boolean {
  return schoolId !== null && actor.roles.includes('school') && actor.scope.schoolId === schoolId;
}

/** Officers who keep the school register (create schools, change name, type and region). */
export function canKeepSchoolRegister(actor: Actor): boolean {
  return (
    actor.permissions.has(Permission.SchoolWrite) &&
    (actor.roles.includes('admin') || actor.roles.includes('district_officer'))
  );
}

/** Edit the school's profile (majors, contacts, address, notes): the register's keepers or its staff. */
export function canUpdateSchoolProfile(actor: Actor, schoolId: string): boolean {
  return (
    canKeepSchoolRegister(actor) ||
    (actor.permissions.has(Permission.SchoolWrite) && isStaffOfSchool(actor, schoolId))
  );
}

/** The side of a cooperation record the write rules look at. */
export interface CooperationOwner {
  readonly schoolId: string | null;
  /** The enterprise's district. */
  readonly enterpriseDistrictCode: string;
}

/** Whether the actor is the bureau's officer for this enterprise's district (or an administrator). */
function isOfficerFor(actor: Actor, districtCode: string): boolean {
  if (!actor.permissions.has(Permission.SchoolWrite)) return false;
  return (
    actor.roles.includes('admin') ||
    (actor.roles.includes('district_officer') && actor.scope.districtCodes.includes(districtCode))
  );
}

/**
 * Cooperation agreements are recorded by the bureau (they count towards its targets): an
 * administrator, or a district officer of the enterprise's district.
 */
export function canManageAgreement(actor: Actor, owner: CooperationOwner): boolean {
  return isOfficerFor(actor, owner.enterpriseDistrictCode);
}

/**
 * Order classes, their students, internships and apprenticeships: the enterprise's district officer
 * (or an administrator), and the school's own staff for their school's records.
 */
export function canManageCooperation(actor: Actor, owner: CooperationOwner): boolean {
  return (
    isOfficerFor(actor, owner.enterpriseDistrictCode) ||
    (actor.permissions.has(Permission.SchoolWrite) && isStaffOfSchool(actor, owner.schoolId))
  );
}

/** The school a school staff account is bound to (null for every other account). */
export function ownSchoolIdOf(actor: Actor): string | null {
  return actor.roles.includes('school') ? actor.scope.schoolId : null;
}
