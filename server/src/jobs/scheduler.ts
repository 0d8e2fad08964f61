import type { Deps } from '../deps.ts';
import { AppError } from '../http/app-error.ts';
import { sweepKeys } from '../http/idempotency.repository.ts';
import { expireInactiveApplications } from '../modules/applications/applications.service.ts';
import { expireOverdueJobOrders } from '../modules/job-orders/job-orders.service.ts';
import { sweepMarketplace } from '../modules/marketplace/claims.service.ts';
import { recordClosedMonthSnapshot } from '../modules/monitoring/monitoring.service.ts';
import {
  refreshChangedLists,
  runMatchBatch,
  startMatchRun,
  storedListsAgeHours,
} from '../modules/recommendations/match-runs.service.ts';

/**
 * In-process scheduled jobs of the running server:
 * - every `intervalMs`: expire job orders past their deadline and applications idle for
 *   `applicationExpiryDays`; drop Idempotency-Key replies older than a day; record the market
 *   snapshot (open places, job seekers) of the month just ended if it has none; and, when the
 *   stored recommendation lists are older than `matchRunEveryHours` (or there are none), start the batch that recomputes them;
 * - every `matchRefreshMs`: refresh the stored lists touched by changes since the last tick.
 * Each job is short transactions (safe on PGlite), idempotent, and logged; a failure is logged
 * and retried at the next tick. With several server instances on PostgreSQL the expiries are
 * idempotent set-based updates and the batch is one-at-a-time by a unique index.
 */
export interface SchedulerOptions {
  readonly intervalMs: number;
  readonly applicationExpiryDays: number;
  readonly matchRefreshMs?: number;
  readonly matchRunEveryHours?: number;
  readonly log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export function startScheduler(deps: Deps, options: SchedulerOptions): { stop(): Promise<void> } {
  const { db } = deps;
  let running = false;
  let batch: Promise<void> | null = null;
  const stopping = new AbortController();
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const orders = await expireOverdueJobOrders(db);
      const applications = await expireInactiveApplications(db, options.applicationExpiryDays);
      // Agency claims without a submission lapse; listings of orders no longer open close.
      const marketplace = await sweepMarketplace(db);
      if (marketplace.lapsed + marketplace.closed > 0) options.log.info(marketplace, 'marketplace sweep');
      // Idempotency-Key replies are kept for 24 hours.
      await sweepKeys(db, new Date(Date.now() - 24 * 3_600_000));
      // Monitoring's 求人倍率: the month just ended gets its market snapshot once.
      const snapshotMonth = await recordClosedMonthSnapshot(deps);
      if (snapshotMonth) options.log.info({ month: snapshotMonth }, 'monthly market snapshot');
      if (orders + applications > 0) {
        options.log.info({ orders, applications }, 'scheduled expiry');
        deps.matching.changed({});
      }
      const age = await storedListsAgeHours(deps);
      if (!batch && (age === null || age >= (options.matchRunEveryHours ?? 24))) {
        const { runId } = await startMatchRun(deps, null);
        options.log.info({ runId }, 'scheduled recommendation run');
        batch = runMatchBatch(deps, runId, { signal: stopping.signal })
          .catch((error: unknown) => options.log.error({ err: error }, 'scheduled recommendation run failed'))
          .finally(() => {
            batch = null;
          });
      }
    } catch (error) {
      // A run started elsewhere (a click, another instance) is not a failure.
      if (!(error instanceof AppError && error.code === 'conflict'))
        options.log.error({ err: error }, 'scheduled job failed');
    } finally {
      running = false;
    }
  };
  let refreshing = false;
  const refresh = async () => {
    if (refreshing || batch) return;
    refreshing = true;
    try {
      const lists = await refreshChangedLists(deps);
      if (lists > 0) options.log.info({ lists }, 'recommendation lists refreshed');
    } catch (error) {
      options.log.error({ err: error }, 'recommendation refresh failed');
    } finally {
      refreshing = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  const refreshTimer = setInterval(() => void refresh(), options.matchRefreshMs ?? 30_000);
  timer.unref();
  refreshTimer.unref();
  void tick();
  return {
    stop: async () => {
      clearInterval(timer);
      clearInterval(refreshTimer);
      stopping.abort();
      await batch;
    },
  };
}
