import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts';
import { loadDemo } from './load-demo.ts';

/** The demo's monitoring must look like the seeds' world and be readable by the demo accounts. */
describe('demo monitoring', () => {
  let ctx: TestContext;
  let analyst: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext();
    await loadDemo(ctx.deps, { password: 'demo-password-1', today: new Date('2026-11-22T08:00:00+08:00') });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'analyst', password: 'demo-password-1' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    analyst = {
      get: (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } }),
    } as unknown as TestClient;
  }, 240_000);
  afterAll(() => ctx.close());

  it('has three years of reports with the post-Spring-Festival peak', async () => {
    const months = await sql<{ month: string; rate: number }>`
      SELECT to_char(month, 'YYYY-MM') AS month, sum(shortage)::float8 / sum(planned_headcount) AS rate
      FROM monitoring_reports GROUP BY month ORDER BY month`.execute(ctx.deps.db);
    expect(months.rows.length).toBe(36);
    expect(months.rows.at(-1)?.month).toBe('2026-11');
    const rate = (m: string) => months.rows.find((row) => row.month === m)?.rate ?? 0;
    expect(rate('2026-02')).toBeGreaterThan(rate('2025-12') * 1.5);
    expect(rate('2025-02')).toBeGreaterThan(rate('2025-06') * 1.5);
  });

  it('shows red enterprises on the analyst’s city-wide map, with alerts and a late list', async () => {
    const map = await analyst.get('/api/monitoring/map?level=district&month=2026-11');
    expect(map.statusCode).toBe(200);
    const body = map.json();
    expect(body.items).toHaveLength(10);
    const red = body.items.reduce((sum: number, d: { counts: { red: number } }) => sum + d.counts.red, 0);
    expect(red).toBeGreaterThanOrEqual(5);
    expect(body.items.every((d: { seekerRatio: number | null }) => d.seekerRatio !== null)).toBe(true);
    const alerts = await analyst.get('/api/monitoring/alerts?month=2026-11');
    expect(alerts.json().items.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(['turned_red', 'worsening']),
    );
    const late = await analyst.get('/api/monitoring/late?month=2026-10');
    expect(late.json().items.length).toBeGreaterThan(0);
  });

  it('opens 一企一策 cases for the red enterprises', async () => {
    const red = await ctx.deps.db.selectFrom('service_cases').select('enterprise_id').execute();
    expect(red.length).toBeGreaterThan(0);
  });

  it('leaves this month’s report of the demo HR account’s enterprise for it to file', async () => {
    const hr = await ctx.deps.db
      .selectFrom('users')
      .select('enterprise_id')
      .where('username', '=', 'enterprise.1')
      .executeTakeFirstOrThrow();
    const reports = await ctx.deps.db
      .selectFrom('monitoring_reports')
      .select(sql<string>`to_char(month, 'YYYY-MM')`.as('month'))
      .where('enterprise_id', '=', hr.enterprise_id ?? '')
      .orderBy('month', 'desc')
      .execute();
    expect(reports[0]?.month).toBe('2026-10');
  });
});
