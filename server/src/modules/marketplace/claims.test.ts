import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildAgency, buildAgencyUser } from '../../../test/factories.ts';
import { withDatabase } from '../../../test/global-setup.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { openPostgres } from '../../db/client.ts';
import { sweepMarketplace } from './claims.service.ts';
import { takeListingPlaces } from './marketplace.repository.ts';
import {
  agencyWithClient,
  enterpriseWithOrder,
  giveReviews,
  openToAll,
  publish,
  sessionFor,
} from './marketplace.test-support.ts';

const XIANGCHENG = '320507';

describe('claims', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await sql`UPDATE marketplace_settings SET tier_delay_minutes = 60, claim_lapse_hours = 24`.execute(
      ctx.deps.db,
    );
  });
  afterAll(() => ctx.close());

  async function activeSum(listingId: string) {
    const row = await ctx.deps.db
      .selectFrom('marketplace_claims')
      .select(sql<number>`coalesce(sum(places), 0)::int`.as('sum'))
      .where('listing_id', '=', listingId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    const listing = await ctx.deps.db
      .selectFrom('marketplace_listings')
      .select(['claimed_places', 'offered_places'])
      .where('id', '=', listingId)
      .executeTakeFirstOrThrow();
    return { sum: row.sum, ...listing };
  }

  describe('tier release', () => {
    it('shows a new listing at once to alliance members and well-rated agencies, to the rest after the delay', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx);
      const alliance = await agencyWithClient(ctx, { alliance: '吴江区劳务服务联盟' });
      const rated = await agencyWithClient(ctx, {});
      await giveReviews(ctx, rated.agency.id, [5, 5, 4]);
      const plain = await agencyWithClient(ctx, {});
      const elsewhere = await agencyWithClient(ctx, {
        alliance: '相城区劳务联盟',
        serviceRegionCodes: [XIANGCHENG],
      });
      const otherTrade = await agencyWithClient(ctx, { serviceOccupationCodes: ['4-02'] });
      const suspended = await agencyWithClient(ctx, { status: 'suspended', alliance: '吴江区劳务服务联盟' });

      const listing = await publish(hr, order.id, { offeredPlaces: 5 });
      const delay = Date.parse(listing.openToAllAt) - Date.parse(listing.publishedAt);
      expect(delay).toBe(60 * 60_000);

      const hallIds = async (client: TestClient) =>
        (await client.get('/api/marketplace/hall?pageSize=200'))
          .json()
          .items.map((item: { id: string }) => item.id);
      expect(await hallIds(alliance.client)).toContain(listing.id);
      expect(await hallIds(rated.client)).toContain(listing.id);
      expect(await hallIds(plain.client)).not.toContain(listing.id);
      // Before the delay the listing does not exist for a tier-2 agency: its claim is a 404.
      expect((await plain.client.post(`/api/job-orders/${order.id}/claims`, { places: 1 })).statusCode).toBe(
        404,
      );

      await openToAll(ctx, listing.id);
      expect(await hallIds(plain.client)).toContain(listing.id);
      // Never to agencies that do not serve the district or the occupation, nor to suspended ones.
      expect(await hallIds(elsewhere.client)).not.toContain(listing.id);
      expect(await hallIds(otherTrade.client)).not.toContain(listing.id);
      expect(await hallIds(suspended.client)).not.toContain(listing.id);
      const refused = await suspended.client.post(`/api/job-orders/${order.id}/claims`, { places: 1 });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('suspended');
      expect((await plain.client.post(`/api/job-orders/${order.id}/claims`, { places: 1 })).statusCode).toBe(
        201,
      );
    });

    it('lists the most urgent first, then the newest', async () => {
      const agency = await agencyWithClient(ctx, { alliance: '吴江区劳务服务联盟' });
      const first = await enterpriseWithOrder(ctx);
      const second = await enterpriseWithOrder(ctx);
      await ctx.deps.db
        .updateTable('job_orders')
        .set({ urgency: 'critical' })
        .where('id', '=', first.order.id)
        .execute();
      await ctx.deps.db
        .updateTable('job_orders')
        .set({ urgency: 'critical' })
        .where('id', '=', second.order.id)
        .execute();
      const older = await publish(first.client, first.order.id, { offeredPlaces: 2 });
      const newer = await publish(second.client, second.order.id, { offeredPlaces: 2 });
      const items = (await agency.client.get('/api/marketplace/hall?pageSize=200')).json().items as {
        id: string;
        urgency: string;
      }[];
      const ids = items.map((item) => item.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      const urgencies = items.map((item) => item.urgency);
      const rank = { critical: 3, urgent: 2, normal: 1 } as Record<string, number>;
      expect(urgencies.map((u) => rank[u])).toEqual(
        [...urgencies.map((u) => rank[u])].sort((a, b) => (b ?? 0) - (a ?? 0)),
      );
    });
  });

  describe('claiming', () => {
    it('claims at most the places still unclaimed; the loser learns how many remain', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx);
      const listing = await publish(hr, order.id, { offeredPlaces: 3 });
      await openToAll(ctx, listing.id);
      const a = await agencyWithClient(ctx);
      const b = await agencyWithClient(ctx);
      expect((await a.client.post(`/api/job-orders/${order.id}/claims`, { places: 2 })).statusCode).toBe(201);
      const tooMany = await b.client.request('POST', `/api/job-orders/${order.id}/claims`, {
        body: { places: 2 },
        headers: { 'accept-language': 'en' },
      });
      expect(tooMany.statusCode).toBe(409);
      expect(tooMany.json()).toMatchObject({ code: 'conflict', remaining: 1, offered: 3 });
      expect(tooMany.json().detail).toBe('Not enough places: 1 of 3 places remain unclaimed');
      const again = await a.client.post(`/api/job-orders/${order.id}/claims`, { places: 1 });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain('已持有');
      expect(await activeSum(listing.id)).toMatchObject({ sum: 2, claimed_places: 2 });
    });

    it('keeps the sum of active claims within the places when fifty agencies claim the last two at once', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx, 20);
      const listing = await publish(hr, order.id, { offeredPlaces: 10 });
      await openToAll(ctx, listing.id);
      const early = await agencyWithClient(ctx);
      expect((await early.client.post(`/api/job-orders/${order.id}/claims`, { places: 8 })).statusCode).toBe(
        201,
      );
      const racers: TestClient[] = [];
      for (let i = 0; i < 50; i++) racers.push((await agencyWithClient(ctx)).client);
      const replies = await Promise.all(
        racers.map((client, i) => client.post(`/api/job-orders/${order.id}/claims`, { places: 1 + (i % 2) })),
      );
      const won = replies.filter((reply) => reply.statusCode === 201);
      const lost = replies.filter((reply) => reply.statusCode === 409);
      expect(won.length + lost.length).toBe(50);
      expect(won.reduce((sum, reply) => sum + reply.json().places, 0)).toBeLessThanOrEqual(2);
      for (const reply of lost) expect(reply.json().remaining).toBeGreaterThanOrEqual(0);
      const totals = await activeSum(listing.id);
      expect(totals.sum).toBe(totals.claimed_places);
      expect(totals.sum).toBeLessThanOrEqual(10);
      expect(totals.sum).toBe(10);
    });

    it.runIf(process.env.YONGGONG_TEST_DB === 'postgres')(
      'on PostgreSQL, fifty sessions running the claim statement at the same instant never over-claim',
      async () => {
        const testDb = inject('testDb');
        if (testDb.kind !== 'postgres') throw new Error('expected the PostgreSQL project');
        const { order, client: hr } = await enterpriseWithOrder(ctx, 10);
        const listing = await publish(hr, order.id, { offeredPlaces: 2 });
        const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(ctx.deps.db);
        const url = withDatabase(testDb.adminUrl, rows[0]?.db ?? '');
        const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
        // Fifty connections of their own, each in its own open transaction, released together into
        // the repository's claim statement.
        const handles = Array.from({ length: 50 }, () => openPostgres(url, { max: 1 }));
        let open = 0;
        let release: () => void = () => {};
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        try {
          const runs = handles.map((handle) =>
            handle.db.transaction().execute(async (trx) => {
              await sql`SELECT 1`.execute(trx);
              open += 1;
              await gate;
              return takeListingPlaces(trx, listing.id, 1, today);
            }),
          );
          while (open < 50) await new Promise((resolve) => setTimeout(resolve, 10));
          release();
          const results = await Promise.all(runs);
          expect(results.filter((row) => row !== undefined)).toHaveLength(2);
        } finally {
          await Promise.all(handles.map((handle) => handle.close()));
        }
        expect((await activeSum(listing.id)).claimed_places).toBe(2);
      },
    );
  });

  describe('lapse and release', () => {
    it('lapses a claim without a submission after the configured time and returns its places', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx);
      const listing = await publish(hr, order.id, { offeredPlaces: 4 });
      await openToAll(ctx, listing.id);
      const idle = await agencyWithClient(ctx);
      const fresh = await agencyWithClient(ctx);
      const idleClaim = (await idle.client.post(`/api/job-orders/${order.id}/claims`, { places: 3 })).json();
      const freshClaim = (
        await fresh.client.post(`/api/job-orders/${order.id}/claims`, { places: 1 })
      ).json();
      const lapsesIn = Date.parse(idleClaim.lapsesAt) - Date.parse(idleClaim.claimedAt);
      expect(lapsesIn).toBe(24 * 3_600_000);
      expect((await sweepMarketplace(ctx.deps.db)).lapsed).toBe(0);
      await sql`UPDATE marketplace_claims SET lapses_at = now() - interval '1 second' WHERE id = ${idleClaim.id}`.execute(
        ctx.deps.db,
      );
      expect((await sweepMarketplace(ctx.deps.db)).lapsed).toBe(1);
      expect((await sweepMarketplace(ctx.deps.db)).lapsed).toBe(0);
      const lapsed = (await idle.client.get(`/api/claims/${idleClaim.id}`)).json();
      expect(lapsed).toMatchObject({ status: 'lapsed', can: { submit: false, release: false } });
      expect((await fresh.client.get(`/api/claims/${freshClaim.id}`)).json().status).toBe('active');
      expect(await activeSum(listing.id)).toMatchObject({ sum: 1, claimed_places: 1 });
      const audit = await ctx.deps.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'marketplace.lapse')
        .execute();
      expect(audit.at(-1)?.summary).toContain('退回 3 个名额');
    });

    it('releases places the agency cannot fill, never more than it holds free', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx);
      const listing = await publish(hr, order.id, { offeredPlaces: 5 });
      await openToAll(ctx, listing.id);
      const agency = await agencyWithClient(ctx);
      const other = await agencyWithClient(ctx);
      const claim = (await agency.client.post(`/api/job-orders/${order.id}/claims`, { places: 4 })).json();
      const tooMany = await agency.client.post(`/api/claims/${claim.id}/release`, { places: 5 });
      expect(tooMany.statusCode).toBe(409);
      const notMine = await other.client.post(`/api/claims/${claim.id}/release`, { places: 1 });
      expect(notMine.statusCode).toBe(404);
      const partly = await agency.client.post(`/api/claims/${claim.id}/release`, {
        places: 3,
        reason: '人手不足',
      });
      expect(partly.json()).toMatchObject({ places: 1, status: 'active' });
      expect(await activeSum(listing.id)).toMatchObject({ sum: 1, claimed_places: 1 });
      const all = await agency.client.post(`/api/claims/${claim.id}/release`, { places: 1 });
      expect(all.json()).toMatchObject({ places: 0, status: 'released' });
      expect(await activeSum(listing.id)).toMatchObject({ sum: 0, claimed_places: 0 });
    });

    it('closes the claims of a withdrawn listing and of an order that is no longer open', async () => {
      const first = await enterpriseWithOrder(ctx);
      const second = await enterpriseWithOrder(ctx);
      const agency = await agencyWithClient(ctx, { alliance: '吴江区劳务服务联盟' });
      const l1 = await publish(first.client, first.order.id, { offeredPlaces: 2 });
      await publish(second.client, second.order.id, { offeredPlaces: 2 });
      const c1 = (await agency.client.post(`/api/job-orders/${first.order.id}/claims`, { places: 1 })).json();
      const c2 = (
        await agency.client.post(`/api/job-orders/${second.order.id}/claims`, { places: 1 })
      ).json();
      const withdrawn = await first.client.post(`/api/job-orders/${first.order.id}/marketplace/withdraw`, {
        reason: '已招满',
        version: l1.version,
      });
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', claimedPlaces: 0 });
      expect((await agency.client.get(`/api/claims/${c1.id}`)).json()).toMatchObject({ status: 'closed' });
      await ctx.deps.db
        .updateTable('job_orders')
        .set({ status: 'closed' })
        .where('id', '=', second.order.id)
        .execute();
      await sweepMarketplace(ctx.deps.db);
      expect((await agency.client.get(`/api/claims/${c2.id}`)).json()).toMatchObject({ status: 'closed' });
    });
  });

  describe('publishing', () => {
    it('refuses more places than the order has open, and a listing of someone else’s order', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx, 3);
      const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      const tooMany = await hr.post(`/api/job-orders/${order.id}/marketplace`, {
        offeredPlaces: 4,
        deadline,
      });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().errors[0]).toMatchObject({
        path: 'offeredPlaces',
        code: 'listing.places_above_open',
      });
      expect(
        await ctx.deps.db
          .selectFrom('marketplace_listings')
          .select('id')
          .where('job_order_id', '=', order.id)
          .execute(),
      ).toEqual([]);
      const stranger = await enterpriseWithOrder(ctx);
      expect(
        (
          await stranger.client.post(`/api/job-orders/${order.id}/marketplace`, {
            offeredPlaces: 1,
            deadline,
          })
        ).statusCode,
      ).toBe(404);
      const agencyUser = await buildAgencyUser(ctx.deps, (await buildAgency(ctx.deps)).id);
      const agency = await sessionFor(ctx, agencyUser.id);
      expect(
        (await agency.post(`/api/job-orders/${order.id}/marketplace`, { offeredPlaces: 1, deadline }))
          .statusCode,
      ).toBe(403);
    });

    it('keeps offered places at or above what is claimed when the terms change', async () => {
      const { order, client: hr } = await enterpriseWithOrder(ctx);
      const listing = await publish(hr, order.id, { offeredPlaces: 5, feePerHireFen: 50_000 });
      await openToAll(ctx, listing.id);
      const agency = await agencyWithClient(ctx);
      await agency.client.post(`/api/job-orders/${order.id}/claims`, { places: 3 });
      const below = await hr.patch(`/api/job-orders/${order.id}/marketplace`, {
        offeredPlaces: 2,
        version: listing.version,
      });
      expect(below.statusCode).toBe(400);
      expect(below.json().errors[0].code).toBe('listing.places_below_claimed');
      const ok = await hr.patch(`/api/job-orders/${order.id}/marketplace`, {
        offeredPlaces: 3,
        version: listing.version,
      });
      expect(ok.json()).toMatchObject({ offeredPlaces: 3, remainingPlaces: 0, feePerHireFen: 50_000 });
      const view = await hr.get(`/api/job-orders/${order.id}/claims`);
      expect(view.json().claims).toHaveLength(1);
      expect(view.json().claims[0].agency.id).toBe(agency.agency.id);
    });
  });
});
