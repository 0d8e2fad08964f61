import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { type CooperationOwner, canManageCooperation, cooperationScope } from '../schools/schools.policy.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which order classes an account sees — THE where-clause of every class
 * query, the cooperation scope of schools.policy.ts over the class's school and enterprise:
 * city-wide roles all; district officers and liaisons the classes of enterprises (or schools) in
 * their districts; enterprise HR its own classes; school staff their school's classes.
 */
export function orderClassScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'order_classes'>) =>
    cooperationScope(actor, {
      schoolId: eb.ref('order_classes.school_id'),
      enterpriseId: eb.ref('order_classes.enterprise_id'),
    });
}

/**
 * Edit the class, add, import and withdraw students, and deliver the class: the enterprise's
 * district officer (or an administrator) and the school's own staff. Enterprise HR watches.
 */
export function canManageClass(actor: Actor, owner: CooperationOwner): boolean {
  return canManageCooperation(actor, owner);
}

/**
 * Creating a class: as `canManageClass`; school staff additionally only with an enterprise their
 * school has a cooperation agreement with (the bureau records agreements, the school runs classes).
 */
export function needsAgreementToCreate(actor: Actor, owner: CooperationOwner): boolean {
  return !canManageCooperation(actor, {
    schoolId: null,
    enterpriseDistrictCode: owner.enterpriseDistrictCode,
  });
}

/** Where new students are served: the city-wide pool for school staff, the enterprise's district for officers. */
export function studentDistrictOf(
  actor: Actor,
  cls: { readonly school_id: string; readonly enterprise_district_code: string },
): string | null {
  return actor.roles.includes('school') && actor.scope.schoolId === cls.school_id
    ? null
    : cls.enterprise_district_code;
}
