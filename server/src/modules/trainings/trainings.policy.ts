import { Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which training programmes an account sees and what it may change.
 *
 * `trainingScope` is THE where-clause of every programme query: the bureau's staff see every
 * programme; enterprise HR the programmes that train for one of its own job orders (企业订单);
 * other roles none. Roles combine with OR. Writes follow who runs the programme: a programme of the
 * city (`managing_district_code` null) by administrators, a district's by its officers.
 */
type Builder = ExpressionBuilder<Database, 'training_programmes'>;

export function trainingScope(actor: Actor) {
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
    case 'enterprise': {
      const enterpriseId = actor.scope.enterpriseId;
      if (!enterpriseId) return null;
      return eb.exists(
        eb
          .selectFrom('job_orders')
          .select(eb.lit(1).as('one'))
          .whereRef('job_orders.id', '=', 'training_programmes.job_order_id')
          .where('job_orders.enterprise_id', '=', enterpriseId),
      );
    }
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

/** Register or change a programme run by `managingDistrictCode` (null: the city's), enrol and complete. */
export function canWriteTraining(actor: Actor, managingDistrictCode: string | null): boolean {
  if (!actor.permissions.has(Permission.TrainingWrite)) return false;
  if (actor.roles.includes('admin')) return true;
  return managingDistrictCode !== null && actor.scope.districtCodes.includes(managingDistrictCode);
}

export function defaultTrainingDistrict(actor: Actor): string | null {
  if (actor.roles.includes('admin')) return null;
  return actor.scope.districtCodes[0] ?? null;
}
