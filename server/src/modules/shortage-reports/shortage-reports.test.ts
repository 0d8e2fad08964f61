import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildJobOrder, buildUser } from '../../../test/factories.ts';
import { dayFromToday } from '../../../test/factories-cases.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';
import { isShortageOverThreshold } from './shortage-reports.service.ts';

const WUJIANG = '320509';
const WELDER = '6-18-02-04';
const ASSEMBLER = '6-25-04-01';

describe('the automatic-case threshold', () => {
  const settings = { minPeople: 30, minPercent: 10 };
  it('opens at 30 people, or at 10 % of the planned headcount, whichever comes first', () => {
    expect(isShortageOverThreshold(30, 5000, settings)).toBe(true);
    expect(isShortageOverThreshold(29, 5000, settings)).toBe(false);
    expect(isShortageOverThreshold(20, 200, settings)).toBe(true);
    expect(isShortageOverThreshold(19, 200, settings)).toBe(false);
    expect(isShortageOverThreshold(29, null, settings)).toBe(false);
    expect(isShortageOverThreshold(29, 0, settings)).toBe(false);
  });
});

describe('urgent shortage reports', () => {
  let ctx: TestContext;
  let liaisonId: string;
  let hrClient: TestClient;
  let enterprise: { id: string; name: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    liaisonId = (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).id;
    enterprise = await buildEnterprise(ctx.deps, {
      districtCode: WUJIANG,
      liaisonUserId: liaisonId,
      employeeCount: 1000,
    });
    hrClient = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: enterprise.id })).id,
    );
  });
  afterAll(() => ctx.close());

  const report = (overrides: Record<string, unknown> = {}) => ({
    enterpriseId: enterprise.id,
    lines: [
      { occupationCode: WELDER, headcount: 5, wageMin: 6500, wageMax: 8500, neededBy: dayFromToday(14) },
    ],
    reason: '新增汽车零部件订单，焊接车间扩产',
    contactName: '王经理',
    contactPhone: '13812345678',
    orderMode: 'create',
    ...overrides,
  });

  it('below the threshold creates the orders through the job-orders rules but opens no case', async () => {
    const response = await hrClient.post('/api/shortage-reports', report());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      totalShortage: 5,
      plannedHeadcount: 1000,
      isOverThreshold: false,
      caseId: null,
      contactPhoneMasked: '138****5678',
    });
    expect(body.jobOrders).toHaveLength(1);
    const order = await ctx.deps.db
      .selectFrom('job_orders')
      .selectAll()
      .where('id', '=', body.jobOrders[0].id)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({ headcount: 5, status: 'open', urgency: 'urgent', staff_assisted: false });
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', 'in', [body.id, order.id])
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['job_order.create', 'shortage_report.create']);
  });

  it('at the threshold opens a shortage case owned by the liaison with the orders linked', async () => {
    const response = await hrClient.post(
      '/api/shortage-reports',
      report({
        lines: [
          { occupationCode: WELDER, headcount: 20, wageMin: 6500, wageMax: 8500, neededBy: dayFromToday(10) },
          {
            occupationCode: ASSEMBLER,
            headcount: 15,
            wageMin: 5500,
            wageMax: 7000,
            neededBy: dayFromToday(20),
          },
        ],
      }),
    );
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ totalShortage: 35, isOverThreshold: true, hasOpenedCase: true });
    const detail = (await hrClient.get(`/api/cases/${body.caseId}`)).json();
    expect(detail).toMatchObject({
      category: 'shortage',
      isAutoOpened: true,
      ownerUserId: liaisonId,
      linkedOrders: 2,
      shortageReportId: body.id,
    });
    expect(detail.actions).toEqual([expect.objectContaining({ ownerUserId: liaisonId, status: 'todo' })]);
  });

  it('joins the active automatic case with a second report instead of opening another', async () => {
    const response = await hrClient.post(
      '/api/shortage-reports',
      report({
        lines: [
          {
            occupationCode: ASSEMBLER,
            headcount: 40,
            wageMin: 5500,
            wageMax: 7000,
            neededBy: dayFromToday(9),
          },
        ],
      }),
    );
    const body = response.json();
    expect(body).toMatchObject({ isOverThreshold: true, hasOpenedCase: false });
    const cases = await ctx.deps.db
      .selectFrom('service_cases')
      .select(['id'])
      .where('enterprise_id', '=', enterprise.id)
      .execute();
    expect(cases.map((row) => row.id)).toEqual([body.caseId]);
    expect((await hrClient.get(`/api/cases/${body.caseId}`)).json().linkedOrders).toBe(3);
  });

  it('answers a double click (same Idempotency-Key) with one report and one case', async () => {
    const other = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, liaisonUserId: liaisonId });
    const officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).id,
    );
    const key = crypto.randomUUID();
    const send = () =>
      officer.request('POST', '/api/shortage-reports', {
        body: report({
          enterpriseId: other.id,
          lines: [
            {
              occupationCode: WELDER,
              headcount: 60,
              wageMin: 6000,
              wageMax: 8000,
              neededBy: dayFromToday(7),
            },
          ],
        }),
        headers: { 'idempotency-key': key },
      });
    // The app-wide Idempotency-Key layer (http/idempotency.ts) replays the first reply.
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    const reports = await ctx.deps.db
      .selectFrom('shortage_reports')
      .select('id')
      .where('enterprise_id', '=', other.id)
      .execute();
    const cases = await ctx.deps.db
      .selectFrom('service_cases')
      .select('id')
      .where('enterprise_id', '=', other.id)
      .execute();
    const orders = await ctx.deps.db
      .selectFrom('job_orders')
      .select('id')
      .where('enterprise_id', '=', other.id)
      .execute();
    expect([reports.length, cases.length, orders.length]).toEqual([1, 1, 1]);
    // Staff-posted orders are recorded as staff-assisted.
    const order = await ctx.deps.db
      .selectFrom('job_orders')
      .select('staff_assisted')
      .where('enterprise_id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(order.staff_assisted).toBe(true);
  });

  it('opens one case when two reports over the threshold arrive at the same instant without a key', async () => {
    const other = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, liaisonUserId: liaisonId });
    const hr = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: other.id })).id,
    );
    const body = report({
      enterpriseId: other.id,
      lines: [
        { occupationCode: WELDER, headcount: 35, wageMin: 6000, wageMax: 8000, neededBy: dayFromToday(7) },
      ],
    });
    const replies = await Promise.all([
      hr.post('/api/shortage-reports', body),
      hr.post('/api/shortage-reports', body),
    ]);
    expect(replies.map((reply) => reply.statusCode)).toEqual([201, 201]);
    const cases = await ctx.deps.db
      .selectFrom('service_cases')
      .select('id')
      .where('enterprise_id', '=', other.id)
      .execute();
    expect(cases).toHaveLength(1);
    expect(replies.map((reply) => reply.json().caseId)).toEqual([cases[0]?.id, cases[0]?.id]);
    expect(replies.filter((reply) => reply.json().hasOpenedCase)).toHaveLength(1);
  });

  it('links to existing open orders, refusing another enterprise’s or a closed one, changing nothing', async () => {
    const open = await buildJobOrder(ctx.deps, enterprise.id);
    const closed = await buildJobOrder(ctx.deps, enterprise.id, { status: 'closed' });
    const foreignEnterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const foreign = await buildJobOrder(ctx.deps, foreignEnterprise.id);
    const before = await countReports();
    for (const ids of [[open.id, closed.id], [foreign.id], []]) {
      const refused = await hrClient.request('POST', '/api/shortage-reports', {
        body: report({ orderMode: 'link', jobOrderIds: ids }),
        headers: { 'accept-language': 'en' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].path).toBe('jobOrderIds');
    }
    expect(await countReports()).toBe(before);
    const linked = await hrClient.post(
      '/api/shortage-reports',
      report({ orderMode: 'link', jobOrderIds: [open.id] }),
    );
    expect(linked.statusCode).toBe(201);
    expect(linked.json().jobOrders).toEqual([expect.objectContaining({ id: open.id })]);
  });

  it('explains bad lines in the caller’s language', async () => {
    const response = await hrClient.request('POST', '/api/shortage-reports', {
      body: report({
        lines: [
          {
            occupationCode: '9-99-99-99',
            headcount: 5,
            wageMin: 7000,
            wageMax: 6000,
            neededBy: dayFromToday(-1),
          },
        ],
      }),
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(response.statusCode).toBe(400);
    const messages = Object.fromEntries(
      response.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(messages['lines.0.wageMax']).toBe('上限不能小于下限');
  });

  it('keeps enterprise HR to its own enterprise and its own reports', async () => {
    const other = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const refused = await hrClient.post('/api/shortage-reports', report({ enterpriseId: other.id }));
    expect(refused.statusCode).toBe(400);
    const list = (await hrClient.get('/api/shortage-reports?pageSize=100')).json();
    expect(list.items.every((item: { enterpriseId: string }) => item.enterpriseId === enterprise.id)).toBe(
      true,
    );
    const agency = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['agency'] })).id);
    expect((await agency.get('/api/shortage-reports')).statusCode).toBe(403);
  });

  it('reads the threshold and lets only an administrator change it, audited', async () => {
    expect((await hrClient.get('/api/shortage-reports/settings')).json()).toMatchObject({
      autoCaseMinPeople: 30,
      autoCaseMinPercent: 10,
    });
    expect(
      (
        await hrClient.request('PUT', '/api/shortage-reports/settings', {
          body: { autoCaseMinPeople: 5, autoCaseMinPercent: 5 },
        })
      ).statusCode,
    ).toBe(403);
    const admin = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['admin'] })).id);
    const changed = await admin.request('PUT', '/api/shortage-reports/settings', {
      body: { autoCaseMinPeople: 50, autoCaseMinPercent: 20 },
    });
    expect(changed.json()).toMatchObject({ autoCaseMinPeople: 50, autoCaseMinPercent: 20 });
  });

  async function countReports(): Promise<number> {
    return (await ctx.deps.db.selectFrom('shortage_reports').select('id').execute()).length;
  }
});
