import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildEnterprise, buildJobOrder, buildWorker } from '../../test/factories.ts';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { expireInactiveApplications } from '../modules/applications/applications.service.ts';
import { expireOverdueJobOrders } from '../modules/job-orders/job-orders.service.ts';

describe('scheduled expiry', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('expires orders past their deadline, with an audit entry, and nothing twice', async () => {
    const enterprise = await buildEnterprise(ctx.deps);
    const overdue = await buildJobOrder(ctx.deps, enterprise.id, { deadline: '2026-01-31' });
    const current = await buildJobOrder(ctx.deps, enterprise.id);
    expect(await expireOverdueJobOrders(ctx.deps.db)).toBeGreaterThanOrEqual(1);
    const rows = await ctx.deps.db
      .selectFrom('job_orders')
      .select(['id', 'status', 'status_reason'])
      .where('id', 'in', [overdue.id, current.id])
      .execute();
    expect(rows.find((row) => row.id === overdue.id)).toMatchObject({
      status: 'expired',
      status_reason: '已过截止日期',
    });
    expect(rows.find((row) => row.id === current.id)?.status).toBe('open');
    expect(await expireOverdueJobOrders(ctx.deps.db)).toBe(0);
  });

  it('expires applications idle for the configured days, with a reason in their history', async () => {
    const enterprise = await buildEnterprise(ctx.deps);
    const order = await buildJobOrder(ctx.deps, enterprise.id);
    const idle = await buildApplication(ctx.deps, await buildWorker(ctx.deps), order, 'screening');
    const busy = await buildApplication(ctx.deps, await buildWorker(ctx.deps), order, 'screening');
    await sql`UPDATE applications SET last_action_at = now() - interval '31 days' WHERE id = ${idle.id}`.execute(
      ctx.deps.db,
    );
    expect(await expireInactiveApplications(ctx.deps.db, 30)).toBe(1);
    const statuses = await ctx.deps.db
      .selectFrom('applications')
      .select(['id', 'status'])
      .where('id', 'in', [idle.id, busy.id])
      .execute();
    expect(statuses.find((row) => row.id === idle.id)?.status).toBe('expired');
    expect(statuses.find((row) => row.id === busy.id)?.status).toBe('screening');
    const events = await ctx.deps.db
      .selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', idle.id)
      .execute();
    expect(events[0]).toMatchObject({ to_status: 'expired', actor_id: null });
    expect(events[0]?.reason).toContain('30 天无进展');
  });
});
