import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { topOrdersForWorker, topOrdersForWorkers, topWorkersForOrder } from '@yonggong/engine';
import type { MatchRun } from '@yonggong/shared';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/context.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { type Candidate, candidatesOf, placeByExposure } from './capacity.ts';
import { currentIndex, type LoadedIndex, loadIndex } from './match-index.ts';
import { rankByCapacity } from './rank-by-capacity.ts';
import {
  countExposures,
  deleteListsBefore,
  findLastFinishedAt,
  findLatestRun,
  findListsMentioning,
  findRunningRun,
  insertRun,
  replaceLists,
  type StoredRecommendation,
  sweepStaleRuns,
  updateRun,
} from './recommendations.repository.ts';
import { EXTRA_CANDIDATES, PER_PLACE } from './recommendations.service.ts';

/**
 * The batch (`POST /api/recommendations/runs`, `yonggong match run`, and the nightly tick) and the
 * incremental refresh behind the stored lists:
 *
 * - A run loads everything matchable, computes each available worker's exact top `K + EXTRA`
 *   orders (the engine's kernel, in chunks, yielding to the event loop and writing progress
 *   between them), re-ranks them by capacity over the whole city (`rankByCapacity`), computes each
 *   open order's top `K` workers, and replaces the stored lists in short transactions of a few
 *   hundred subjects each — so a reader sees any one list either old or new, and the embedded
 *   database is never blocked for long. Lists of workers and orders no longer matchable go.
 * - One run at a time: a partial unique index on `match_runs` refuses a second (409).
 * - A change to a worker or an order (`deps.matching.changed`) recomputes its own list and every
 *   list that mentions it (`refreshChangedLists`); lists that would newly include it wait for the
 *   next run (the live API is always current).
 */
export const K = 20;
const WORKER_CHUNK = 2000;
const WRITE_CHUNK = 500;
const STALE_RUN_SECONDS = 15 * 60;

export async function startMatchRun(deps: Deps, ctx: RequestContext | null): Promise<{ runId: string }> {
  await sweepStaleRuns(deps.db, STALE_RUN_SECONDS);
  let runId: string;
  try {
    runId = await insertRun(deps.db, ctx?.actor.id ?? null);
  } catch (error) {
    if (!isUniqueViolation(error, 'match_runs_one_running')) throw error;
    const running = await findRunningRun(deps.db);
    throw new AppError('conflict', {
      messageKey: 'match.run_running',
      params: { percent: Math.round((running?.progress ?? 0) * 100) },
    });
  }
  if (ctx)
    await recordAudit(deps.db, auditContextOf(ctx), {
      action: 'match.run',
      entityType: 'match_run',
      entityId: runId,
      summary: '启动全市推荐计算',
    });
  return { runId };
}

/**
 * Runs a started batch to its end; records failure in the run row (and rethrows). `signal`
 * (shutdown) stops it between chunks: the run ends failed ('interrupted'), lists already written
 * stay (each is whole), the next run redoes the rest.
 */
export async function runMatchBatch(
  deps: Deps,
  runId: string,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const checkpoint = () => {
    if (options.signal?.aborted) throw new Error('interrupted');
  };
  try {
    const loaded = await loadIndex(deps.db, deps.config.cityCode);
    const workerCount = loaded.workers.length;
    const orderCount = loaded.orders.length;
    await updateRun(deps.db, runId, { workers: workerCount, orders: orderCount, progress: 0.02 });

    // 1. Exact candidates for every worker (60 % of the progress bar).
    const width = K + EXTRA_CANDIDATES;
    const candidateOrders = new Int32Array(workerCount * width).fill(-1);
    const candidateScores = new Int32Array(workerCount * width);
    for (let from = 0; from < workerCount; from += WORKER_CHUNK) {
      const to = Math.min(workerCount, from + WORKER_CHUNK);
      const chunk = topOrdersForWorkers(loaded.index, from, to, width);
      candidateOrders.set(chunk.orders, from * width);
      candidateScores.set(chunk.scores, from * width);
      await updateRun(deps.db, runId, { progress: 0.02 + 0.58 * (to / Math.max(1, workerCount)) });
      await yieldToLoop();
      checkpoint();
    }

    // 2. Capacity: each order shown to at most remaining × PER_PLACE workers before others.
    const ranked = rankByCapacity(loaded, candidateOrders, candidateScores, width, K, PER_PLACE);

    // 3. Write the workers' lists, then the orders' lists (40 %).
    let stored = 0;
    for (let from = 0; from < workerCount; from += WRITE_CHUNK) {
      const to = Math.min(workerCount, from + WRITE_CHUNK);
      const rows: StoredRecommendation[] = [];
      const subjects: string[] = [];
      for (let w = from; w < to; w++) {
        const workerId = loaded.workers[w]?.id ?? '';
        subjects.push(workerId);
        for (const slot of ranked.slotsOf(w))
          rows.push({
            side: 'worker',
            worker_id: workerId,
            job_order_id: loaded.orders[slot.order]?.id ?? '',
            rank: slot.rank,
            score: slot.score,
            over_capacity: slot.overCapacity,
          });
      }
      await deps.db.transaction().execute((trx) => replaceLists(trx, 'worker', subjects, rows));
      stored += rows.length;
      await updateRun(deps.db, runId, { progress: 0.6 + 0.3 * (to / Math.max(1, workerCount)), stored });
      await yieldToLoop();
      checkpoint();
    }
    for (let from = 0; from < orderCount; from += WRITE_CHUNK) {
      const to = Math.min(orderCount, from + WRITE_CHUNK);
      const rows: StoredRecommendation[] = [];
      const subjects: string[] = [];
      for (let o = from; o < to; o++) {
        const orderId = loaded.orders[o]?.id ?? '';
        subjects.push(orderId);
        rows.push(...orderListRows(loaded, o));
      }
      await deps.db.transaction().execute((trx) => replaceLists(trx, 'order', subjects, rows));
      stored += rows.length;
      await updateRun(deps.db, runId, { progress: 0.9 + 0.1 * (to / Math.max(1, orderCount)), stored });
      await yieldToLoop();
      checkpoint();
    }
    // Lists of workers and orders that are no longer matchable: everything this run did not write.
    await deleteListsBefore(deps.db, runId);
    await updateRun(deps.db, runId, {
      status: 'done',
      progress: 1,
      stored,
      metrics: { ...ranked.metrics, perPlace: PER_PLACE, k: K },
    });
  } catch (error) {
    await updateRun(deps.db, runId, {
      status: 'failed',
      failure: error instanceof Error ? error.message.slice(0, 200) : 'failed',
    });
    throw error;
  }
}

/** The top-K workers of one order as stored rows. */
function orderListRows(loaded: LoadedIndex, order: number): StoredRecommendation[] {
  const top = topWorkersForOrder(loaded.index, order, K);
  const orderId = loaded.orders[order]?.id ?? '';
  const rows: StoredRecommendation[] = [];
  for (let i = 0; i < top.workers.length; i++) {
    const worker = top.workers[i] ?? -1;
    if (worker < 0) break;
    rows.push({
      side: 'order',
      worker_id: loaded.workers[worker]?.id ?? '',
      job_order_id: orderId,
      rank: i + 1,
      score: top.scores[i] ?? 0,
      over_capacity: false,
    });
  }
  return rows;
}

/**
 * Recomputes the stored lists touched by changes since the last call: the changed workers' and
 * orders' own lists and every list that mentions them. Returns how many lists were rewritten.
 */
export async function refreshChangedLists(deps: Deps): Promise<number> {
  const pending = deps.matching.takePending();
  if (pending.workerIds.length === 0 && pending.orderIds.length === 0) return 0;
  try {
    const [ordersMentioningWorkers, workersMentioningOrders] = await Promise.all([
      findListsMentioning(deps.db, { workerIds: pending.workerIds }),
      findListsMentioning(deps.db, { orderIds: pending.orderIds }),
    ]);
    const workerIds = [...new Set([...pending.workerIds, ...workersMentioningOrders])];
    const orderIds = [...new Set([...pending.orderIds, ...ordersMentioningWorkers])];
    const loaded = await currentIndex(deps.db, deps.matching, deps.config.cityCode);

    const lists: { workerId: string; candidates: Candidate[] }[] = [];
    for (const workerId of workerIds) {
      const position = loaded.workerPosition.get(workerId);
      if (position === undefined) continue; // no longer available: its list is deleted below
      lists.push({
        workerId,
        candidates: candidatesOf(topOrdersForWorker(loaded.index, position, K + EXTRA_CANDIDATES)),
      });
    }
    const exposures = await countExposures(deps.db, [
      ...new Set(lists.flatMap((list) => list.candidates.map((c) => loaded.orders[c.order]?.id ?? ''))),
    ]);
    const workerRows: StoredRecommendation[] = lists.flatMap((list) =>
      placeByExposure(loaded, list.candidates, exposures, PER_PLACE, K).map((candidate, i) => ({
        side: 'worker' as const,
        worker_id: list.workerId,
        job_order_id: candidate.orderId,
        rank: i + 1,
        score: candidate.score,
        over_capacity: candidate.overCapacity,
      })),
    );
    const orderRows: StoredRecommendation[] = [];
    for (const orderId of orderIds) {
      const position = loaded.orderPosition.get(orderId);
      if (position !== undefined) orderRows.push(...orderListRows(loaded, position));
    }
    await deps.db.transaction().execute(async (trx) => {
      await replaceLists(trx, 'worker', workerIds, workerRows);
      await replaceLists(trx, 'order', orderIds, orderRows);
    });
    return workerIds.length + orderIds.length;
  } catch (error) {
    deps.matching.restorePending(pending);
    throw error;
  }
}

export async function latestRun(deps: Deps): Promise<MatchRun | null> {
  const row = await findLatestRun(deps.db);
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    progress: Math.min(1, Math.max(0, row.progress)),
    workers: row.workers,
    orders: row.orders,
    stored: row.stored,
    metrics: row.metrics,
    failure: row.failure,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** Hours since the last finished run; null when none has finished. */
export async function storedListsAgeHours(deps: Deps): Promise<number | null> {
  const finishedAt = await findLastFinishedAt(deps.db);
  return finishedAt ? (Date.now() - finishedAt.getTime()) / 3_600_000 : null;
}
