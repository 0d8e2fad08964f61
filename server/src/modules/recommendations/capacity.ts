import type { LoadedIndex } from './match-index.ts';

/**
 * Capacity awareness on the server side (the city-wide re-ranking is the engine's
 * `rebalanceByCapacity`; docs/matching.md). An order with `remaining` places may be shown to
 * `remaining × perPlace` workers; one that already is ("over capacity") goes after the worker's
 * other options, never away: when it is all a worker has, it is still shown, flagged.
 */
export interface Candidate {
  /** Position of the order in the loaded index. */
  readonly order: number;
  readonly score: number;
}

export interface PlacedCandidate extends Candidate {
  readonly orderId: string;
  readonly overCapacity: boolean;
}

/**
 * Flags a worker's candidates (best first) against the exposures stored so far and moves the
 * flagged ones after the rest, keeping each group's order; returns at most `k`.
 */
export function placeByExposure(
  loaded: LoadedIndex,
  candidates: readonly Candidate[],
  exposures: ReadonlyMap<string, number>,
  perPlace: number,
  k: number,
): PlacedCandidate[] {
  const flagged = candidates.map((candidate) => {
    const order = loaded.orders[candidate.order];
    const orderId = order?.id ?? '';
    const cap = Math.max(1, order?.remaining ?? 0) * perPlace;
    return { ...candidate, orderId, overCapacity: (exposures.get(orderId) ?? 0) >= cap };
  });
  return [
    ...flagged.filter((candidate) => !candidate.overCapacity),
    ...flagged.filter((candidate) => candidate.overCapacity),
  ].slice(0, k);
}

/** The non-negative entries of a top-k answer (the engine pads with −1), as candidates. */
export function candidatesOf(top: { readonly orders: Int32Array; readonly scores: Int32Array }): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < top.orders.length; i++) {
    const order = top.orders[i] ?? -1;
    if (order < 0) break;
    candidates.push({ order, score: top.scores[i] ?? 0 });
  }
  return candidates;
}
