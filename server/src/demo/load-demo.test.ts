import { APPLICATION_TRANSITIONS, type ApplicationStatus, OPEN_APPLICATION_STATUSES } from '@yonggong/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { loadDemo } from './load-demo.ts';

/** The demo city must look like the real world AND obey every rule the product enforces. */
describe('demo city', () => {
  let ctx: TestContext;
  let report: Awaited<ReturnType<typeof loadDemo>>;
  beforeAll(async () => {
    ctx = await createTestContext();
    report = await loadDemo(ctx.deps, {
      password: 'demo-password-1',
      today: new Date('2026-11-22T08:00:00+08:00'),
    });
  }, 180_000);
  afterAll(() => ctx.close());

  it('has the size the README promises', () => {
    expect(report).toMatchObject({ enterprises: 300, workers: 5000 });
    expect(report.jobOrders).toBeGreaterThan(100);
    expect(report.applications).toBeGreaterThan(1000);
    expect(report.placements).toBeGreaterThan(100);
  });

  it('signs in every demo account listed in the README', async () => {
    for (const username of [
      'admin',
      'officer.wujiang',
      'officer.xiangcheng',
      'liaison.wujiang',
      'leader',
      'analyst',
      'enterprise.1',
      'worker.1',
    ]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'demo-password-1' },
      });
      expect(response.statusCode, username).toBe(200);
    }
  });

  it('puts applications in every state, each reached by legal moves', async () => {
    const statuses = await ctx.deps.db.selectFrom('applications').select('status').distinct().execute();
    const expected: ApplicationStatus[] = [
      'recommended',
      'applied',
      'screening',
      'interview',
      'offered',
      'hired',
      'retained_30',
      'retained_90',
      'rejected',
      'withdrawn',
      'no_show',
      'expired',
    ];
    expect(statuses.map((row) => row.status)).toEqual(expect.arrayContaining(expected));
    const events = await ctx.deps.db
      .selectFrom('application_events')
      .select(['application_id', 'from_status', 'to_status'])
      .orderBy('application_id')
      .orderBy('id')
      .execute();
    const system = new Set<ApplicationStatus>(['obsolete', 'expired']);
    for (const event of events) {
      if (event.from_status === null) {
        expect(['recommended', 'applied']).toContain(event.to_status);
        continue;
      }
      if (system.has(event.to_status)) continue;
      // A departure before a retention check is a note on the timeline in the same state.
      if (event.from_status === event.to_status && event.to_status === 'hired') continue;
      expect(
        APPLICATION_TRANSITIONS[event.from_status],
        `${event.from_status} → ${event.to_status}`,
      ).toContain(event.to_status);
    }
  });

  it('keeps filled counts, placements and worker states consistent', async () => {
    const mismatched = await sql<{ id: string }>`
      SELECT o.id FROM job_orders o
      LEFT JOIN (SELECT job_order_id, count(*) AS n FROM placements GROUP BY job_order_id) p ON p.job_order_id = o.id
      WHERE o.filled <> coalesce(p.n, 0) OR o.filled > o.headcount
         OR (o.filled = o.headcount AND o.status <> 'filled')`.execute(ctx.deps.db);
    expect(mismatched.rows).toEqual([]);
    const hiredWithOpen = await sql<{ id: string }>`
      SELECT a.id FROM applications a JOIN placements p ON p.worker_id = a.worker_id AND p.ended_on IS NULL
      WHERE a.status IN (${sql.join([...OPEN_APPLICATION_STATUSES])})`.execute(ctx.deps.db);
    expect(hiredWithOpen.rows).toEqual([]);
    const placedNotEmployed = await sql<{ id: string }>`
      SELECT w.id FROM workers w JOIN placements p ON p.worker_id = w.id AND p.ended_on IS NULL WHERE w.status <> 'employed'`.execute(
      ctx.deps.db,
    );
    expect(placedNotEmployed.rows).toEqual([]);
  });

  it('stores no plain ID number or phone anywhere', async () => {
    const sample = await ctx.deps.db
      .selectFrom('workers')
      .select(['id_number_enc', 'phone_enc'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const plainId = ctx.deps.pii.decrypt(sample.id_number_enc);
    const plainPhone = ctx.deps.pii.decrypt(sample.phone_enc);
    const hits = await sql<{ n: number }>`
      SELECT count(*) AS n FROM workers w
      WHERE w::text LIKE ${`%${plainId}%`} OR w::text LIKE ${`%${plainPhone}%`}`.execute(ctx.deps.db);
    expect(hits.rows[0]?.n).toBe(0);
  });
});
