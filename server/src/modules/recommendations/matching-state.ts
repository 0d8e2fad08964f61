/**
 * The matching module's in-process state, one per running server (held in `Deps`):
 *
 * - which workers and orders changed since their stored recommendation lists were last refreshed
 *   (`changed`, called by the services that write them, after their transaction committed); the
 *   scheduler's tick and the API drain it with `refreshChangedLists`;
 * - a generation counter that tells the index cache (`match-index.ts`) to reload on next use.
 *
 * Changes made by another process (the CLI's import, a second server on the same PostgreSQL) are
 * not seen here; the cache also reloads after `maxAgeMs`, so they show within that time.
 */
export interface MatchingState {
  /** Bumped on every change: the index built at an older generation is stale. */
  readonly generation: number;
  readonly maxAgeMs: number;
  changed(change: { readonly workerIds?: readonly string[]; readonly orderIds?: readonly string[] }): void;
  /** Takes (and clears) the changed ids. */
  takePending(): { workerIds: string[]; orderIds: string[] };
  /** Puts ids back after a failed refresh, to retry at the next tick. */
  restorePending(pending: { workerIds: readonly string[]; orderIds: readonly string[] }): void;
}

export function createMatchingState(options: { maxAgeMs?: number } = {}): MatchingState {
  let generation = 0;
  let workerIds = new Set<string>();
  let orderIds = new Set<string>();
  return {
    get generation() {
      return generation;
    },
    maxAgeMs: options.maxAgeMs ?? 60_000,
    changed(change) {
      generation += 1;
      for (const id of change.workerIds ?? []) workerIds.add(id);
      for (const id of change.orderIds ?? []) orderIds.add(id);
    },
    takePending() {
      const taken = { workerIds: [...workerIds], orderIds: [...orderIds] };
      workerIds = new Set();
      orderIds = new Set();
      return taken;
    },
    restorePending(pending) {
      for (const id of pending.workerIds) workerIds.add(id);
      for (const id of pending.orderIds) orderIds.add(id);
    },
  };
}
