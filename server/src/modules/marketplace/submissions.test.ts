import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobOrder } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { uniqueIdNumber, uniquePhone } from '../workers/workers.test-support.ts';
import { agencyWithClient, enterpriseWithOrder, openToAll, publish } from './marketplace.test-support.ts';

function newWorker(name = '张小兵') {
  return { name, idNumber: uniqueIdNumber(), phone: uniquePhone(), originRegionCode: '530602' };
}

describe('submissions', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  /** An order published and open to all, and an agency holding a claim of `places` on it. */
  async function claimed(places: number, agency?: Awaited<ReturnType<typeof agencyWithClient>>) {
    const enterprise = await enterpriseWithOrder(ctx);
    const listing = await publish(enterprise.client, enterprise.order.id, {
      offeredPlaces: 5,
      feePerHireFen: 80_000,
    });
    await openToAll(ctx, listing.id);
    const holder = agency ?? (await agencyWithClient(ctx));
    const claim = (
      await holder.client.post(`/api/job-orders/${enterprise.order.id}/claims`, { places })
    ).json();
    return { ...enterprise, listing, agency: holder, claim };
  }

  async function move(client: TestClient, applicationId: string, to: string, date?: string) {
    const current = (await client.get(`/api/applications/${applicationId}`)).json();
    const response = await client.post(`/api/applications/${applicationId}/move`, {
      to,
      reason: '',
      version: current.version,
      ...(date ? { date } : {}),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  it('registers a new candidate through the workers path and puts them in the enterprise’s pipeline', async () => {
    const { claim, agency, client: hr, order } = await claimed(2);
    const body = newWorker();
    const response = await agency.client.post(`/api/claims/${claim.id}/submissions`, {
      worker: body,
      note: '有焊工证',
    });
    expect(response.statusCode, response.body).toBe(201);
    const submission = response.json();
    expect(submission).toMatchObject({ status: 'recommended', worker: { name: '张小兵' } });
    expect(submission.worker.phoneMasked).toMatch(/^137\*{4}\d{4}$/);
    expect(response.body).not.toContain(body.idNumber);
    expect(response.body).not.toContain(body.phone);
    const stored = await ctx.deps.db
      .selectFrom('workers')
      .select(['id_number_enc', 'source_channel', 'district_code'])
      .where('id', '=', submission.worker.id)
      .executeTakeFirstOrThrow();
    expect(stored.id_number_enc).not.toContain(body.idNumber);
    expect(stored).toMatchObject({ source_channel: 'agency', district_code: null });
    // The enterprise screens the candidate in its normal pipeline.
    const pipeline = (await hr.get(`/api/applications?jobOrderId=${order.id}`)).json();
    expect(pipeline.items).toHaveLength(1);
    expect(pipeline.items[0]).toMatchObject({ channel: 'agency', status: 'recommended' });
    // The agency follows its candidates' status through the claim, not the pipeline itself.
    expect((await agency.client.get('/api/applications')).statusCode).toBe(403);
    const mine = (await agency.client.get(`/api/claims/${claim.id}/submissions`)).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([submission.id]);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'after'])
      .where('action', 'in', ['worker.create', 'marketplace.submit'])
      .where('actor_id', '=', agency.userId)
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['marketplace.submit', 'worker.create']);
    expect(JSON.stringify(audit)).not.toContain(body.idNumber);
    expect(JSON.stringify(audit)).not.toContain(body.phone);
  });

  it('refuses submissions beyond the claimed places, and invalid identities with the workers’ messages', async () => {
    const { claim, agency } = await claimed(1);
    expect(
      (await agency.client.post(`/api/claims/${claim.id}/submissions`, { worker: newWorker() })).statusCode,
    ).toBe(201);
    const beyond = await agency.client.post(`/api/claims/${claim.id}/submissions`, {
      worker: newWorker('李四'),
    });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().detail).toContain('达到抢单名额');
    const bad = await agency.client.post(`/api/claims/${claim.id}/submissions`, {
      worker: { ...newWorker(), idNumber: '110101199003071234' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'worker.idNumber', code: 'id_number.check_digit' });
    const neither = await agency.client.post(`/api/claims/${claim.id}/submissions`, {});
    expect(neither.statusCode).toBe(400);
  });

  it('refuses a worker another agency submitted to the same enterprise in the window, leaking nothing', async () => {
    const first = await claimed(2);
    const person = newWorker('王唯一');
    const owner = await first.agency.client.post(`/api/claims/${first.claim.id}/submissions`, {
      worker: person,
    });
    expect(owner.statusCode).toBe(201);
    const workerId = owner.json().worker.id;
    // Another order of the same enterprise, claimed by another agency.
    const secondOrder = await buildJobOrder(ctx.deps, first.enterprise.id, { headcount: 5 });
    const listing = await publish(first.client, secondOrder.id, { offeredPlaces: 3 });
    await openToAll(ctx, listing.id);
    const rival = await agencyWithClient(ctx);
    const rivalClaim = (
      await rival.client.post(`/api/job-orders/${secondOrder.id}/claims`, { places: 2 })
    ).json();
    const channelsBefore = await ctx.deps.db
      .selectFrom('worker_channels')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('worker_id', '=', workerId)
      .executeTakeFirstOrThrow();

    const refused = await rival.client.post(`/api/claims/${rivalClaim.id}/submissions`, {
      worker: { ...person, name: '王唯一' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('已由其他机构推荐');
    const text = refused.body;
    expect(text).not.toContain(first.agency.agency.name);
    expect(text).not.toContain(first.agency.agency.id);
    expect(text).not.toContain(workerId);
    expect(text).not.toContain('王唯一');
    expect(Object.keys(refused.json()).sort()).toEqual([
      'code',
      'detail',
      'requestId',
      'status',
      'title',
      'type',
    ]);
    // Nothing changed: no link to the rival, no application, and the worker stays out of its sight.
    const channelsAfter = await ctx.deps.db
      .selectFrom('worker_channels')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('worker_id', '=', workerId)
      .executeTakeFirstOrThrow();
    expect(channelsAfter.n).toBe(channelsBefore.n);
    expect((await rival.client.get(`/api/workers/${workerId}`)).statusCode).toBe(404);
    expect((await rival.client.get(`/api/claims/${rivalClaim.id}/submissions`)).json().items).toEqual([]);
    // Nor can the rival read the owner's claim or its candidates.
    expect((await rival.client.get(`/api/claims/${first.claim.id}`)).statusCode).toBe(404);
    expect((await rival.client.get(`/api/claims/${first.claim.id}/submissions`)).statusCode).toBe(404);

    // Once the window has passed, the rival may submit the person.
    await sql`UPDATE candidate_ownerships SET owned_until = now() - interval '1 second' WHERE worker_id = ${workerId}`.execute(
      ctx.deps.db,
    );
    await sql`UPDATE applications SET status = 'rejected' WHERE worker_id = ${workerId}`.execute(ctx.deps.db);
    const later = await rival.client.post(`/api/claims/${rivalClaim.id}/submissions`, { worker: person });
    expect(later.statusCode, later.body).toBe(201);
  });

  it('lets the owning agency submit its worker again and other enterprises take them from anyone', async () => {
    const first = await claimed(2);
    const person = newWorker('赵自由');
    const owned = await first.agency.client.post(`/api/claims/${first.claim.id}/submissions`, {
      worker: person,
    });
    const workerId = owned.json().worker.id;
    await sql`UPDATE applications SET status = 'rejected' WHERE worker_id = ${workerId}`.execute(ctx.deps.db);
    const elsewhere = await claimed(1);
    const response = await elsewhere.agency.client.post(`/api/claims/${elsewhere.claim.id}/submissions`, {
      worker: person,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().worker.id).toBe(workerId);
  });

  it('records the subsidy eligibility and the fee owed when the required retention is confirmed', async () => {
    await sql`UPDATE marketplace_settings SET settlement_retention_days = 30`.execute(ctx.deps.db);
    try {
      const { claim, agency, client: hr } = await claimed(1);
      const submission = (
        await agency.client.post(`/api/claims/${claim.id}/submissions`, { worker: newWorker('钱留存') })
      ).json();
      const hiredOn = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
      await move(hr, submission.applicationId, 'interview');
      await move(hr, submission.applicationId, 'offered');
      await move(hr, submission.applicationId, 'hired', hiredOn);
      expect(await ctx.deps.db.selectFrom('agency_subsidy_eligibilities').selectAll().execute()).toEqual([]);
      await move(hr, submission.applicationId, 'retained_30');
      const eligibility = await ctx.deps.db
        .selectFrom('agency_subsidy_eligibilities')
        .selectAll()
        .where('agency_id', '=', agency.agency.id)
        .executeTakeFirstOrThrow();
      expect(eligibility).toMatchObject({ retention_days: 30, status: 'eligible' });
      const fee = await ctx.deps.db
        .selectFrom('agency_fees')
        .selectAll()
        .where('agency_id', '=', agency.agency.id)
        .executeTakeFirstOrThrow();
      expect(fee).toMatchObject({ amount_fen: 80_000, status: 'owed' });
      const settlements = (await agency.client.get('/api/marketplace/settlements')).json();
      expect(settlements.subsidyEligibilities).toHaveLength(1);
      expect(settlements.fees[0]).toMatchObject({ amountFen: 80_000, workerName: '钱留存' });
      const status = (await agency.client.get(`/api/claims/${claim.id}/submissions`)).json().items[0];
      expect(status).toMatchObject({ status: 'retained_30', hiredOn });
    } finally {
      await sql`UPDATE marketplace_settings SET settlement_retention_days = 90`.execute(ctx.deps.db);
    }
  });
});
