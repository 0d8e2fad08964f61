import { isCityWideRole, Permission } from '@yonggong/shared';
import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: whose figures an account may read. City-wide roles (administrator,
 * analyst, leader) the whole city or any one district; district officers and liaisons their own
 * districts only (a district outside them is refused, not silently emptied); anyone else nothing.
 *
 * Returns the districts to count (null: every district), or 'out_of_scope'.
 */
export function kpiDistricts(
  actor: Actor,
  requested: string | undefined,
): readonly string[] | null | 'out_of_scope' {
  if (actor.roles.some(isCityWideRole)) return requested ? [requested] : null;
  const own = actor.roles.some((role) => role === 'district_officer' || role === 'liaison')
    ? actor.scope.districtCodes
    : [];
  if (requested === undefined) return own;
  return own.includes(requested) ? [requested] : 'out_of_scope';
}

/**
 * The records behind a figure name workers (masked): opening them needs `worker.read` besides
 * `kpi.read` — a leader reads the figures, not the people.
 */
export function canOpenKpiRecords(actor: Actor): boolean {
  return actor.permissions.has(Permission.WorkerRead);
}
