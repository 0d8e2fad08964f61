import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser } from '../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../test/test-app.ts';
import { registrationBody } from '../modules/workers/workers.test-support.ts';

const WUJIANG = '320509';

describe('Idempotency-Key', () => {
  let ctx: TestContext;
  let officer: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext();
    const user = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    officer = await ctx.signIn(user.username);
  });
  afterAll(() => ctx.close());

  const orderBody = (enterpriseId: string) => ({
    enterpriseId,
    title: '幂等测试普工',
    occupationCode: '6-25-04-01',
    headcount: 5,
    districtCode: WUJIANG,
    wageMin: 5000,
    wageMax: 7000,
    deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
  });

  it('answers a repeated request with the first reply and acts once', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const headers = { 'idempotency-key': `order-${enterprise.id}` };
    const first = await officer.request('POST', '/api/job-orders', {
      body: orderBody(enterprise.id),
      headers,
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await officer.request('POST', '/api/job-orders', {
      body: orderBody(enterprise.id),
      headers,
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const orders = await ctx.deps.db
      .selectFrom('job_orders')
      .select('id')
      .where('enterprise_id', '=', enterprise.id)
      .execute();
    expect(orders).toHaveLength(1);
  });

  it('acts once when the same request arrives twice at the same instant', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const headers = { 'idempotency-key': `twice-${enterprise.id}` };
    const replies = await Promise.all([
      officer.request('POST', '/api/job-orders', { body: orderBody(enterprise.id), headers }),
      officer.request('POST', '/api/job-orders', { body: orderBody(enterprise.id), headers }),
    ]);
    const statuses = replies.map((reply) => reply.statusCode).sort();
    // Either the second waited for nothing and was told to come back (409), or it was replayed.
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const orders = await ctx.deps.db
      .selectFrom('job_orders')
      .select('id')
      .where('enterprise_id', '=', enterprise.id)
      .execute();
    expect(orders).toHaveLength(1);
  });

  it('refuses the same key for a different request, in the reader’s language', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const headers = { 'idempotency-key': `reuse-${enterprise.id}` };
    expect(
      (await officer.request('POST', '/api/job-orders', { body: orderBody(enterprise.id), headers }))
        .statusCode,
    ).toBe(201);
    const other = await officer.request('POST', '/api/job-orders', {
      body: { ...orderBody(enterprise.id), headcount: 6 },
      headers,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      code: 'idempotency_key_reused',
      detail: '该请求编号（Idempotency-Key）已用于另一项操作',
    });
  });

  it('lets a refused request be corrected and sent again with the same key', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const headers = { 'idempotency-key': `fix-${enterprise.id}` };
    // Refused by the service (another district's enterprise), so the key had been claimed.
    const elsewhere = await buildEnterprise(ctx.deps, { districtCode: '320507' });
    const refused = await officer.request('POST', '/api/job-orders', {
      body: { ...orderBody(elsewhere.id), districtCode: '320507' },
      headers,
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    const fixed = await officer.request('POST', '/api/job-orders', {
      body: orderBody(enterprise.id),
      headers,
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps keys per account: another account’s key of the same name is its own', async () => {
    const other = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    const headers = { 'idempotency-key': 'shared-name' };
    const mine = await officer.request('POST', '/api/workers', { body: registrationBody(), headers });
    const theirs = await other.request('POST', '/api/workers', { body: registrationBody(), headers });
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().worker.id).not.toBe(mine.json().worker.id);
  });

  it('rejects a malformed key and changes nothing', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const reply = await officer.request('POST', '/api/job-orders', {
      body: orderBody(enterprise.id),
      headers: { 'idempotency-key': 'has space' },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors).toMatchObject([{ path: 'Idempotency-Key' }]);
    const orders = await ctx.deps.db
      .selectFrom('job_orders')
      .select('id')
      .where('enterprise_id', '=', enterprise.id)
      .execute();
    expect(orders).toHaveLength(0);
  });
});
