import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser } from '../../../test/factories.ts';
import { buildCase, dayFromToday } from '../../../test/factories-cases.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';

describe('visits and consultations', () => {
  let ctx: TestContext;
  let liaisonId: string;
  let liaison: TestClient;
  let first: { id: string; name: string };
  let second: { id: string; name: string };
  let foreign: { id: string; name: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    const user = await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] });
    liaisonId = user.id;
    liaison = await sessionFor(ctx, user.id);
    first = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, liaisonUserId: liaisonId });
    second = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    foreign = await buildEnterprise(ctx.deps, { districtCode: XIANGCHENG });
  });
  afterAll(() => ctx.close());

  const note = (enterpriseIds: string[], overrides: Record<string, unknown> = {}) => ({
    kind: 'meeting',
    visitedOn: dayFromToday(0),
    enterpriseIds,
    participants: '区就业中心、企业人事经理',
    notes: '宣讲稳岗返还与以工代训政策，了解春节后返岗缺口',
    issues: '普工缺口较大，希望对接劳务基地',
    ...overrides,
  });

  it('writes one note to two enterprises as two rows sharing a group, in one go', async () => {
    const response = await liaison.post('/api/visits', note([first.id, second.id]));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.items).toHaveLength(2);
    expect(new Set(body.items.map((v: { groupId: string }) => v.groupId))).toEqual(new Set([body.groupId]));
    expect(body.items.every((v: { groupSize: number }) => v.groupSize === 2)).toBe(true);
    expect(body.items.map((v: { enterpriseId: string }) => v.enterpriseId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
  });

  it('answers a retry with the same Idempotency-Key with the first group, writing nothing more', async () => {
    const key = crypto.randomUUID();
    const body = note([first.id], { kind: 'phone', notes: '电话回访：确认返岗人数' });
    const send = () => liaison.request('POST', '/api/visits', { body, headers: { 'idempotency-key': key } });
    const before = await countVisits();
    const original = await send();
    const retry = await send();
    expect(original.statusCode).toBe(201);
    // The app-wide layer (http/idempotency.ts) replays the stored reply: same status, same group.
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().groupId).toBe(original.json().groupId);
    expect(await countVisits()).toBe(before + 1);
    const audits = await ctx.deps.db
      .selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', original.json().groupId)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('refuses an enterprise outside the liaison’s reach and a future date, writing nothing', async () => {
    const before = await countVisits();
    const response = await liaison.post(
      '/api/visits',
      note([first.id, foreign.id], { visitedOn: dayFromToday(2) }),
    );
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['enterpriseIds.1', 'visitedOn'].sort());
    expect(await countVisits()).toBe(before);
    const duplicate = await liaison.post('/api/visits', note([first.id, first.id]));
    expect(duplicate.statusCode).toBe(400);
  });

  it('links a visit to a case of the one enterprise visited, and shows it on the case page', async () => {
    const serviceCase = await buildCase(ctx.deps, first.id, { ownerUserId: liaisonId });
    const wrong = await liaison.post('/api/visits', note([first.id, second.id], { caseId: serviceCase.id }));
    expect(wrong.statusCode).toBe(400);
    const right = await liaison.post(
      '/api/visits',
      note([first.id], { kind: 'visit', caseId: serviceCase.id }),
    );
    expect(right.statusCode).toBe(201);
    const detail = (await liaison.get(`/api/cases/${serviceCase.id}`)).json();
    expect(detail.visits[0]).toMatchObject({
      kind: 'visit',
      caseId: serviceCase.id,
      liaisonUserId: liaisonId,
    });
  });

  it('lists with filters and counts visits and distinct enterprises served per liaison', async () => {
    const mine = (await liaison.get(`/api/visits?liaison=me&enterpriseId=${second.id}`)).json();
    expect(mine.total).toBe(1);
    const meetings = (await liaison.get('/api/visits?kind=meeting&pageSize=100')).json();
    expect(meetings.items.every((v: { kind: string }) => v.kind === 'meeting')).toBe(true);
    const stats = (await liaison.get('/api/visits/stats?by=liaison')).json();
    const row = stats.items.find((item: { key: string }) => item.key === liaisonId);
    // meeting ×2 enterprises, phone ×1, visit ×1 → 4 rows at 2 enterprises.
    expect(row).toMatchObject({ visits: 4, meeting: 2, phone: 1, onSite: 1, enterprisesServed: 2 });
    const byDistrict = (await liaison.get(`/api/visits/stats?by=district&from=${dayFromToday(-1)}`)).json();
    expect(byDistrict.items).toEqual([expect.objectContaining({ key: WUJIANG, name: '吴江区', visits: 4 })]);
  });

  it('hides the visits from enterprise HR and from another district’s officer', async () => {
    const hr = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: first.id })).id,
    );
    expect((await hr.get('/api/visits')).json().total).toBe(0);
    const other = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [XIANGCHENG] })).id,
    );
    expect((await other.get('/api/visits')).json().total).toBe(0);
    expect((await other.post('/api/visits', note([first.id]))).statusCode).toBe(400);
  });

  async function countVisits(): Promise<number> {
    return (await ctx.deps.db.selectFrom('service_visits').select('id').execute()).length;
  }
});
