import type { Actor } from '../../http/context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: when a recommendation list needs no visibility mask at all — the reader's
 * worker scope and job-order scope are both the whole city (`workerScope` and `jobOrderScope`
 * answer `true` for these roles). Every other reader's lists are masked by those same
 * where-clauses (recommendations.service.ts).
 */
export function seesWholeCity(actor: Actor): boolean {
  return actor.roles.some((role) => role === 'admin' || role === 'analyst');
}
