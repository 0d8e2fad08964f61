import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { cooperationScope } from '../schools/schools.policy.ts';

/**
 * ⚠️ SECURITY-CRITICAL: the where-clauses of internships and apprenticeships — the cooperation
 * scope of schools.policy.ts over the record's school and enterprise (school staff: internships of
 * their school's students and apprenticeships run with their school; enterprise HR: its own;
 * district officers: enterprises or schools of their districts; city-wide roles: all).
 * Who may write is `canManageCooperation` (schools.policy.ts).
 */
export function internshipScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'internships'>) =>
    cooperationScope(actor, {
      schoolId: eb.ref('internships.school_id'),
      enterpriseId: eb.ref('internships.enterprise_id'),
    });
}

export function apprenticeshipScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'apprenticeships'>) =>
    cooperationScope(actor, {
      schoolId: eb.ref('apprenticeships.school_id'),
      enterpriseId: eb.ref('apprenticeships.enterprise_id'),
    });
}
