import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { expireInactiveApplications } from '../modules/applications/applications.service.ts';
import { expireOverdueJobOrders } from '../modules/job-orders/job-orders.service.ts';

/**
 * In-process scheduled jobs of the running server: every `intervalMs`, expire job orders past
 * their deadline and applications idle for `applicationExpiryDays`. Each run is one short
 * transaction per job (safe on PGlite), idempotent, and logged; a failure is logged and retried
 * at the next tick. With several server instances on PostgreSQL the jobs are idempotent set-based
 * updates, so running them twice is harmless.
 */
export interface SchedulerOptions {
  readonly intervalMs: number;
  readonly applicationExpiryDays: number;
  readonly log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

export function startScheduler(db: Kysely<Database>, options: SchedulerOptions): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const orders = await expireOverdueJobOrders(db);
      const applications = await expireInactiveApplications(db, options.applicationExpiryDays);
      if (orders + applications > 0) options.log.info({ orders, applications }, 'scheduled expiry');
    } catch (error) {
      options.log.error({ err: error }, 'scheduled job failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
