import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { sweepMarketplace } from '../modules/marketplace/claims.service.ts';
import { loadDemo } from './load-demo.ts';

/** The demo marketplace must look lived-in AND obey every rule the marketplace enforces. */
describe('demo marketplace', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await loadDemo(ctx.deps, { password: 'demo-password-1', today: new Date('2026-11-22T08:00:00+08:00') });
  }, 180_000);
  afterAll(() => ctx.close());

  it('has about fifteen agencies, some in an alliance, with claims, submissions, placements and reviews', async () => {
    const count = async (
      table: 'agencies' | 'marketplace_claims' | 'marketplace_submissions' | 'marketplace_reviews',
    ) =>
      (
        await ctx.deps.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count('agencies')).toBe(15);
    expect(await count('marketplace_claims')).toBeGreaterThan(20);
    expect(await count('marketplace_submissions')).toBeGreaterThan(20);
    expect(await count('marketplace_reviews')).toBeGreaterThan(10);
    const alliance = await ctx.deps.db
      .selectFrom('agencies')
      .select('id')
      .where('alliance', 'is not', null)
      .execute();
    expect(alliance.length).toBeGreaterThanOrEqual(3);
    const statuses = await ctx.deps.db.selectFrom('marketplace_claims').select('status').distinct().execute();
    expect(statuses.map((row) => row.status).sort()).toEqual(['active', 'closed', 'lapsed']);
    const retained = await sql<{ n: number }>`SELECT count(*)::int AS n FROM marketplace_submissions ms
      JOIN placements p ON p.application_id = ms.application_id WHERE p.retained_90 = 'yes'`.execute(
      ctx.deps.db,
    );
    expect(retained.rows[0]?.n).toBeGreaterThan(0);
  });

  it('keeps claimed places equal to the active claims, within the places offered', async () => {
    const wrong = await sql<{ id: string }>`SELECT l.id FROM marketplace_listings l
      LEFT JOIN (SELECT listing_id, sum(places) AS n FROM marketplace_claims WHERE status = 'active' GROUP BY listing_id) c
        ON c.listing_id = l.id
      WHERE l.claimed_places <> coalesce(c.n, 0) OR l.claimed_places > l.offered_places`.execute(ctx.deps.db);
    expect(wrong.rows).toEqual([]);
  });

  it('signs in agency.1 and agency.2, both seeing Wujiang listings at once (tier 1)', async () => {
    for (const username of ['agency.1', 'agency.2']) {
      const login = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'demo-password-1' },
      });
      expect(login.statusCode, username).toBe(200);
      const cookie = `yg_session=${login.cookies.find((c) => c.name === 'yg_session')?.value}`;
      const me = await ctx.app.inject({ method: 'GET', url: '/api/agencies', headers: { cookie } });
      expect(me.json().items[0]).toMatchObject({ status: 'approved', isTier1: true });
      const claims = await ctx.app.inject({ method: 'GET', url: '/api/claims', headers: { cookie } });
      expect(claims.json().total, username).toBeGreaterThan(0);
    }
  });

  it('is stable under the first sweep of the scheduler (nothing closes that should not)', async () => {
    const before = await ctx.deps.db
      .selectFrom('marketplace_listings')
      .select('id')
      .where('status', '=', 'open')
      .execute();
    const swept = await sweepMarketplace(ctx.deps.db);
    expect(swept.closed).toBe(0);
    const after = await ctx.deps.db
      .selectFrom('marketplace_listings')
      .select('id')
      .where('status', '=', 'open')
      .execute();
    expect(after.length).toBe(before.length);
  });
});
