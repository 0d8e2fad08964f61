import { type Channel, Permission, type Role } from '@yonggong/shared';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, WorkerRow } from '../../db/schema.ts';
import type { Actor } from '../../http/context.ts';

/** The where-clause every worker query takes (see `workerScope`). */
export type WorkerScopeClause = (eb: ExpressionBuilder<Database, 'workers'>) => Expression<SqlBool>;

/**
 * ⚠️ SECURITY-CRITICAL: which workers an account may see. THE where-clause of every worker query
 * (this module's and the pipeline's); never fetch workers without it and filter in JavaScript.
 *
 * - admin, analyst: every worker (the leader holds no `worker.read`);
 * - district officer, liaison: workers their districts serve (`district_code`), workers with an
 *   application to an enterprise of their districts, and workers this account registered or linked
 *   itself (a `worker_channels` row it is `registered_by` — so an officer who registers a person
 *   already on file can go on serving them; see `registerWorker`);
 * - enterprise HR: workers with an application to its own enterprise;
 * - worker: itself;
 * - agency staff: the workers their agency's accounts registered or linked (its candidates);
 * - base staff: the workers who arrived through their base (`worker_channels` channel 'base' with
 *   `source_ref` = the base: registered, imported or converted there);
 * - school staff: their school's students (channel 'school', `source_ref` = the school: registered,
 *   imported, or put in one of its order classes).
 * Roles combine with OR. An account bound to nothing (no districts, no enterprise) sees nothing.
 */
export function workerScope(actor: Actor): WorkerScopeClause {
  return (eb) => {
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
  eb: ExpressionBuilder<Database, 'workers'>,
  role: Role,
  actor: Actor,
): Expression<SqlBool> | 'all' | null {
  switch (role) {
    case 'admin':
    case 'analyst':
      return 'all';
    case 'district_officer':
    case 'liaison': {
      const registeredByMe = eb.exists(
        eb
          .selectFrom('worker_channels')
          .select(eb.lit(1).as('one'))
          .whereRef('worker_channels.worker_id', '=', 'workers.id')
          .where('worker_channels.registered_by', '=', actor.id),
      );
      const districts = [...actor.scope.districtCodes];
      if (districts.length === 0) return registeredByMe;
      return eb.or([
        eb('workers.district_code', 'in', districts),
        eb.exists(
          eb
            .selectFrom('applications')
            .innerJoin('enterprises', 'enterprises.id', 'applications.enterprise_id')
            .select(eb.lit(1).as('one'))
            .whereRef('applications.worker_id', '=', 'workers.id')
            .where('enterprises.district_code', 'in', districts),
        ),
        registeredByMe,
      ]);
    }
    case 'enterprise': {
      const enterpriseId = actor.scope.enterpriseId;
      if (!enterpriseId) return null;
      return eb.exists(
        eb
          .selectFrom('applications')
          .select(eb.lit(1).as('one'))
          .whereRef('applications.worker_id', '=', 'workers.id')
          .where('applications.enterprise_id', '=', enterpriseId),
      );
    }
    case 'worker':
      return actor.scope.workerId ? eb('workers.id', '=', actor.scope.workerId) : null;
    case 'agency': {
      const agencyId = actor.scope.agencyId;
      if (!agencyId) return null;
      return eb.exists(
        eb
          .selectFrom('worker_channels')
          .innerJoin('users', 'users.id', 'worker_channels.registered_by')
          .select(eb.lit(1).as('one'))
          .whereRef('worker_channels.worker_id', '=', 'workers.id')
          .where('users.agency_id', '=', agencyId),
      );
    }
    case 'base':
      return arrivedThrough(eb, 'base', actor.scope.baseId);
    case 'school':
      return arrivedThrough(eb, 'school', actor.scope.schoolId);
    case 'leader':
      return null;
    default: {
      const exhaustive: never = role;
      return exhaustive;
    }
  }
}

/** Workers with an arrival through this base or school (null record: none). */
function arrivedThrough(
  eb: ExpressionBuilder<Database, 'workers'>,
  channel: 'base' | 'school',
  sourceRef: string | null,
): Expression<SqlBool> | null {
  if (!sourceRef) return null;
  return eb.exists(
    eb
      .selectFrom('worker_channels')
      .select(eb.lit(1).as('one'))
      .whereRef('worker_channels.worker_id', '=', 'workers.id')
      .where('worker_channels.source_ref', '=', sourceRef)
      .where('worker_channels.channel', '=', channel),
  );
}

/** The channel an account's own registrations, imports and 推介 arrive through, with its record. */
export interface ActorChannel {
  readonly channel: Channel;
  readonly sourceRef: string;
}

/**
 * Base, school and agency staff bring workers through their own channel: whatever they register,
 * import or put forward is credited to their base, school or agency (channel effectiveness).
 * Officers and everyone else: null (the channel comes from the request or the worker).
 */
export function channelOfActor(actor: Actor): ActorChannel | null {
  if (actor.roles.includes('base') && actor.scope.baseId)
    return { channel: 'base', sourceRef: actor.scope.baseId };
  if (actor.roles.includes('school') && actor.scope.schoolId)
    return { channel: 'school', sourceRef: actor.scope.schoolId };
  if (actor.roles.includes('agency') && actor.scope.agencyId)
    return { channel: 'agency', sourceRef: actor.scope.agencyId };
  return null;
}

type ManagedRow = Pick<WorkerRow, 'district_code'>;

/** Whether the actor manages workers served by `districtCode` (admin: all, officers/liaisons: theirs). */
export function managesWorkerDistrict(actor: Actor, districtCode: string | null): boolean {
  if (actor.roles.includes('admin')) return true;
  if (districtCode === null) return false;
  return (
    (actor.roles.includes('district_officer') || actor.roles.includes('liaison')) &&
    actor.scope.districtCodes.includes(districtCode)
  );
}

/**
 * May the actor register workers served by `districtCode` (null: the city-wide pool, admins only
 * — and agency staff, whose candidates no district serves until an enterprise takes them on)?
 */
export function canRegisterIn(actor: Actor, districtCode: string | null): boolean {
  if (!actor.permissions.has(Permission.WorkerWrite)) return false;
  // Agencies, bases and schools register into the city-wide pool: no district serves their people
  // until an enterprise takes them on.
  if (districtCode === null && channelOfActor(actor) !== null) return true;
  return managesWorkerDistrict(actor, districtCode);
}

/**
 * May the actor edit this (visible) worker? The district that serves a worker keeps its record;
 * accounts that see a worker only through an application or a linked registration read it.
 */
export function canUpdateWorker(actor: Actor, row: ManagedRow): boolean {
  return actor.permissions.has(Permission.WorkerWrite) && managesWorkerDistrict(actor, row.district_code);
}

/**
 * ⚠️ SECURITY-CRITICAL: revealing a worker's full ID number or phone needs `pii.reveal` AND the
 * worker in the actor's scope (callers pass only rows read through `workerScope`). Every reveal
 * is audited by the caller (`revealWorkerField`).
 */
export function canRevealWorker(actor: Actor): boolean {
  return actor.permissions.has(Permission.PiiReveal);
}

/** May the actor put this worker forward for a job order (推介)? */
export function canRecommendWorker(actor: Actor, row: Pick<WorkerRow, 'status'>): boolean {
  return (
    actor.permissions.has(Permission.ApplicationCreate) &&
    !actor.roles.every((role) => role === 'worker') &&
    row.status === 'available'
  );
}

/** Resolving a possible-duplicate flag: the actor may edit at least one of the two workers. */
export function canResolveDuplicate(actor: Actor, rows: readonly ManagedRow[]): boolean {
  return rows.some((row) => canUpdateWorker(actor, row));
}

/** The district a registration without one is served by: the officer's or liaison's own (first). */
export function defaultDistrictOf(actor: Actor): string | null {
  if (actor.roles.includes('admin')) return null;
  return actor.scope.districtCodes[0] ?? null;
}

/** An import job's progress and report: its own importer's, or any for administrators. */
export function canReadImportJob(actor: Actor, job: { readonly created_by: string | null }): boolean {
  return job.created_by === actor.id || actor.roles.includes('admin');
}
