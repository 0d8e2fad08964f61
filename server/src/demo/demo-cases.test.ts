import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { loadDemo } from './load-demo.ts';

/** The demo's 一企一策 data must give the liaison's home page something real to show. */
describe('demo cases and visits', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await loadDemo(ctx.deps, { password: 'demo-password-1', today: new Date() });
  }, 180_000);
  afterAll(() => ctx.close());

  async function signIn(username: string) {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'demo-password-1' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'yg_session');
    return (url: string) =>
      ctx.app.inject({ method: 'GET', url, headers: { cookie: `yg_session=${cookie?.value}` } });
  }

  it('gives liaison.wujiang open cases of their own with overdue actions and linked orders', async () => {
    const get = await signIn('liaison.wujiang');
    const cases = (await get('/api/cases?owner=me')).json();
    expect(cases.total).toBeGreaterThanOrEqual(2);
    expect(cases.items.some((item: { actionsOverdue: number }) => item.actionsOverdue > 0)).toBe(true);
    const overdue = (await get('/api/case-actions?owner=me&overdue=true')).json();
    expect(overdue.total).toBeGreaterThan(0);
    const detail = (await get(`/api/cases/${cases.items[0].id}`)).json();
    expect(detail.actions.length).toBeGreaterThanOrEqual(3);
    expect(detail.visits.length).toBeGreaterThan(0);
  });

  it('logs visits over months, with group meetings sharing a group id', async () => {
    const groups = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
      SELECT group_id FROM service_visits GROUP BY group_id HAVING count(*) > 1) g`.execute(ctx.deps.db);
    expect(groups.rows[0]?.n).toBeGreaterThan(5);
    const months = await sql<{ n: number }>`SELECT count(DISTINCT date_trunc('month', visited_on))::int AS n
      FROM service_visits`.execute(ctx.deps.db);
    expect(months.rows[0]?.n).toBeGreaterThanOrEqual(5);
  });

  it('has two urgent shortage reports, one of which opened its automatic case', async () => {
    const reports = await ctx.deps.db
      .selectFrom('shortage_reports')
      .select(['id', 'case_id', 'is_over_threshold'])
      .execute();
    expect(reports).toHaveLength(2);
    const opened = reports.find((report) => report.is_over_threshold);
    const owner = await ctx.deps.db
      .selectFrom('service_cases')
      .select(['shortage_report_id', 'is_auto_opened'])
      .where('id', '=', opened?.case_id ?? '')
      .executeTakeFirstOrThrow();
    expect(owner).toEqual({ shortage_report_id: opened?.id, is_auto_opened: true });
  });
});
