import { measureExposure, rebalanceByCapacity } from '@yonggong/engine';
import type { LoadedIndex } from './match-index.ts';

/**
 * The batch's city-wide capacity re-ranking: the engine's `rebalanceByCapacity` over every
 * worker's exact candidates, with the spread of recommendations over orders measured before (plain
 * top-k) and after — the figures a run stores and the matching page shows.
 */
export function rankByCapacity(
  loaded: LoadedIndex,
  candidateOrders: Int32Array,
  candidateScores: Int32Array,
  width: number,
  k: number,
  perPlace: number,
) {
  const result = rebalanceByCapacity(
    loaded.index,
    { width, orders: candidateOrders, scores: candidateScores },
    { k, recommendationsPerPlace: perPlace },
  );
  const options = { k, recommendationsPerPlace: perPlace };
  const before = measureExposure(loaded.index, candidateOrders, width, options);
  const after = measureExposure(loaded.index, result.orders, k, options);
  return {
    /** The worker's slots, best first (empty slots skipped). */
    *slotsOf(
      worker: number,
    ): Generator<{ order: number; score: number; rank: number; overCapacity: boolean }> {
      let rank = 0;
      for (let slot = worker * k; slot < (worker + 1) * k; slot++) {
        const order = result.orders[slot] ?? -1;
        if (order < 0) continue;
        rank += 1;
        yield { order, score: result.scores[slot] ?? 0, rank, overCapacity: result.overCapacity[slot] === 1 };
      }
    },
    metrics: {
      before: roundMetrics(before),
      after: roundMetrics(after),
    },
  };
}

function roundMetrics(metrics: ReturnType<typeof measureExposure>) {
  return {
    exposures: metrics.exposures,
    ordersShown: metrics.ordersShown,
    maxExposuresPerPlace: Math.round(metrics.maxExposuresPerPlace * 10) / 10,
    shareBeyondCap: Math.round(metrics.shareBeyondCap * 1000) / 1000,
    ordersBeyondCap: metrics.ordersBeyondCap,
  };
}
