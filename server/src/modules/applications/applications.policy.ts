import {
  APPLICATION_TRANSITIONS,
  type ApplicationStatus,
  OPEN_APPLICATION_STATUSES,
  Permission,
  type Role,
} from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';
import { canRunPipelineOf, type OrderOwner } from '../job-orders/job-orders.policy.ts';

/**
 * ⚠️ SECURITY-CRITICAL: which applications an account sees (the query joins the enterprise as `e`)
 * and which moves it may make. City-wide roles see all; district officers and liaisons those of
 * their districts' enterprises; enterprise HR its own; a worker their own; base and school staff the
 * applications credited to their base or school. Agencies see theirs through the marketplace.
 */
type Builder = ExpressionBuilder<Database & { e: Database['enterprises'] }, 'applications' | 'e'>;

export function applicationScope(actor: Actor) {
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
      return actor.scope.enterpriseId
        ? eb('applications.enterprise_id', '=', actor.scope.enterpriseId)
        : null;
    case 'worker':
      return actor.scope.workerId ? eb('applications.worker_id', '=', actor.scope.workerId) : null;
    // Base and school staff: the applications credited to their base or school (their people's).
    case 'base':
      return actor.scope.baseId
        ? eb.and([
            eb('applications.channel', '=', 'base'),
            eb('applications.channel_ref', '=', actor.scope.baseId),
          ])
        : null;
    case 'school':
      return actor.scope.schoolId
        ? eb.and([
            eb('applications.channel', '=', 'school'),
            eb('applications.channel_ref', '=', actor.scope.schoolId),
          ])
        : null;
    case 'agency':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** States only the system sets (another hire made it obsolete; inactivity expired it). */
const SYSTEM_STATES: readonly ApplicationStatus[] = ['obsolete', 'expired'];
const RETENTION_STATES: readonly ApplicationStatus[] = ['retained_30', 'retained_90'];

/** The moves the actor may make from `status` on an application of `owner`'s order. */
export function allowedMoves(
  actor: Actor,
  application: { status: ApplicationStatus; workerId: string },
  owner: OrderOwner,
): ApplicationStatus[] {
  const legal = APPLICATION_TRANSITIONS[application.status].filter((to) => !SYSTEM_STATES.includes(to));
  if (canRunPipelineOf(actor, owner)) {
    const confirms = actor.permissions.has(Permission.PlacementConfirm);
    return legal.filter((to) => confirms || !RETENTION_STATES.includes(to));
  }
  const isOwnWorker = actor.roles.includes('worker') && actor.scope.workerId === application.workerId;
  if (isOwnWorker && OPEN_APPLICATION_STATUSES.includes(application.status))
    return legal.filter((to) => to === 'withdrawn');
  return [];
}

/** A worker account acting for itself (报名 rather than 推介). */
export function isWorkerThemself(actor: Actor, workerId: string): boolean {
  return actor.roles.includes('worker') && actor.scope.workerId === workerId;
}
