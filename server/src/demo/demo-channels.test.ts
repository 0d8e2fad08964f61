import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { loadDemo } from './load-demo.ts';

/** The demo's bases, training and survey look lived-in, and base.1 works as a base account. */
describe('demo supply channels', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await loadDemo(ctx.deps, { password: 'demo-password-1', today: new Date('2026-11-22T08:00:00+08:00') });
  }, 240_000);
  afterAll(() => ctx.close());

  it('signs base.1 in to its 昭通 base, with its workers, credited deliveries and 劳务对接 events', async () => {
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'base.1', password: 'demo-password-1' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `yg_session=${login.cookies.find((c) => c.name === 'yg_session')?.value}`;
    const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
    const bases = (await get('/api/bases')).json();
    expect(bases.items).toHaveLength(1);
    const base = bases.items[0];
    expect(base.originName).toContain('昭通市');
    expect(base.stats.workersSupplied).toBeGreaterThan(30);
    expect(base.stats.events).toBeGreaterThanOrEqual(2);
    const workers = (await get('/api/workers?pageSize=5')).json();
    expect(workers.total).toBe(base.stats.workersSupplied);
    const orders = (await get('/api/job-orders?pageSize=5')).json();
    expect(orders.total).toBeGreaterThan(0);
  });

  it('has bases across the seeds’ counties, non-zero deliveries, a training programme and a survey', async () => {
    const bases = await ctx.deps.db
      .selectFrom('labour_bases')
      .select(['id', 'origin_province_code'])
      .execute();
    expect(bases.length).toBeGreaterThanOrEqual(10);
    expect(new Set(bases.map((row) => row.origin_province_code))).toEqual(
      new Set(['530000', '520000', '410000', '610000', '510000', '360000', '430000']),
    );
    const delivered = await ctx.deps.db
      .selectFrom('placements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('channel', '=', 'base')
      .where('channel_ref', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(delivered.n)).toBeGreaterThan(0);
    const trainees = await ctx.deps.db.selectFrom('training_enrolments').select('status').execute();
    expect(trainees.length).toBeGreaterThan(10);
    expect(trainees.some((row) => row.status === 'completed')).toBe(true);
    const records = await ctx.deps.db.selectFrom('survey_records').select('id').execute();
    expect(records.length).toBe(200);
    const conversions = await ctx.deps.db.selectFrom('survey_conversions').select('record_id').execute();
    expect(conversions.length).toBeGreaterThan(10);
    const ties = await ctx.deps.db
      .selectFrom('labour_base_event_enterprises')
      .select('enterprise_id')
      .execute();
    expect(ties.length).toBeGreaterThan(20);
  });
});
