import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildJobOrder, buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { todayIn } from './job-orders.service.ts';

const WUJIANG = '320509';
const OCCUPATION = '6-18-01-01';
const inDays = (days: number) => todayIn(new Date(Date.now() + days * 86_400_000));

describe('job orders', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let hr: TestClient;
  let enterpriseId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    enterpriseId = (
      await buildEnterprise(ctx.deps, {
        districtCode: WUJIANG,
        keyLevel: 'city',
        name: '苏州恒达精密机械有限公司',
      })
    ).id;
    hr = await ctx.signIn((await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId })).username);
  });
  afterAll(() => ctx.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    enterpriseId,
    title: '数控车工',
    occupationCode: OCCUPATION,
    headcount: 12,
    wageMin: 6000,
    wageMax: 8500,
    ageMin: 20,
    ageMax: 45,
    educationMin: 'junior',
    skills: ['数控车床'],
    certificates: ['车工证'],
    districtCode: WUJIANG,
    address: '吴江区长安路 88 号',
    shifts: 'two_shift',
    dormitory: true,
    meals: 'free',
    deadline: inDays(30),
    urgency: 'urgent',
    visibility: ['public', 'agencies'],
    contactName: '王敏',
    contactPhone: '13812345678',
    ...overrides,
  });

  it('is posted by enterprise HR, open at once, contact phone masked', async () => {
    const response = await hr.post('/api/job-orders', body());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'open',
      staffAssisted: false,
      headcount: 12,
      filled: 0,
      remaining: 12,
      occupationName: '车工',
      districtName: '吴江区',
      contactPhoneMasked: '138****5678',
      enterprise: { name: '苏州恒达精密机械有限公司', keyLevel: 'city' },
      can: { update: true, publish: false, close: true, reopen: false },
    });
    expect(response.body).not.toContain('13812345678');
  });

  it('records an officer’s posting as staff-assisted, and can start as a draft', async () => {
    const response = await officer.post('/api/job-orders', body({ publish: false, title: '装配工（代发）' }));
    expect(response.statusCode).toBe(201);
    const order = response.json();
    expect(order).toMatchObject({ status: 'draft', staffAssisted: true, can: { publish: true } });
    const published = await officer.post(`/api/job-orders/${order.id}/actions`, {
      action: 'publish',
      version: order.version,
    });
    expect(published.json().status).toBe('open');
  });

  it('validates ranges, the occupation code, the deadline and the district', async () => {
    const response = await hr.post(
      '/api/job-orders',
      body({
        wageMin: 9000,
        wageMax: 6000,
        occupationCode: '6-99-99-99',
        deadline: '2020-01-01',
        districtCode: '110101',
        headcount: 0,
      }),
    );
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['headcount', 'wageMax']);
    const second = await hr.post(
      '/api/job-orders',
      body({ occupationCode: '6-99-99-99', deadline: '2020-01-01', districtCode: '110101' }),
    );
    expect(second.statusCode).toBe(400);
    expect(
      second
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['job_order.deadline_past', 'occupation.unknown', 'region.not_in_city']);
  });

  it('closes with a reason, refuses to reopen past the deadline, and audits each step', async () => {
    const order = (await hr.post('/api/job-orders', body({ title: '焊工' }))).json();
    const noReason = await hr.post(`/api/job-orders/${order.id}/actions`, {
      action: 'close',
      version: order.version,
    });
    expect(noReason.statusCode).toBe(400);
    const closed = await hr.post(`/api/job-orders/${order.id}/actions`, {
      action: 'close',
      reason: '已通过其他渠道招满',
      version: order.version,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', statusReason: '已通过其他渠道招满' });
    const again = await hr.post(`/api/job-orders/${order.id}/actions`, {
      action: 'close',
      reason: 'x',
      version: closed.json().version,
    });
    expect(again.statusCode).toBe(409);
    const reopened = await hr.post(`/api/job-orders/${order.id}/actions`, {
      action: 'reopen',
      version: closed.json().version,
    });
    expect(reopened.json().status).toBe('open');
    const actions = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['job_order.create', 'job_order.close', 'job_order.reopen']);
  });

  it('changes only the fields a PATCH names', async () => {
    const order = (await hr.post('/api/job-orders', body({ title: '包装工' }))).json();
    const patched = await hr.patch(`/api/job-orders/${order.id}`, { version: order.version, headcount: 20 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      headcount: 20,
      ageMin: 20,
      ageMax: 45,
      skills: ['数控车床'],
      certificates: ['车工证'],
      dormitory: true,
      meals: 'free',
      urgency: 'urgent',
      visibility: ['public', 'agencies'],
      contactPhoneMasked: '138****5678',
    });
  });

  it('refuses a headcount below the places already filled', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId, { headcount: 5, filled: 3 });
    const response = await hr.patch(`/api/job-orders/${order.id}`, { version: 1, headcount: 2 });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      path: 'headcount',
      code: 'job_order.headcount_below_filled',
    });
  });

  it('lists with filters: key enterprises, dormitory, wage, urgency, occupation group', async () => {
    const plain = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, keyLevel: 'none' });
    await buildJobOrder(ctx.deps, plain.id, { title: '非重点企业普工' });
    const all = (await officer.get('/api/job-orders?pageSize=100')).json();
    expect(all.items.some((o: { title: string }) => o.title === '非重点企业普工')).toBe(true);
    const key = (await officer.get('/api/job-orders?keyOnly=true&pageSize=100')).json();
    expect(
      key.items.every((o: { enterprise: { keyLevel: string } }) => o.enterprise.keyLevel !== 'none'),
    ).toBe(true);
    const group = (await officer.get('/api/job-orders?occupationCode=6-18&pageSize=100')).json();
    expect(group.items.length).toBeGreaterThan(0);
    expect(group.items.every((o: { occupationCode: string }) => o.occupationCode.startsWith('6-18-'))).toBe(
      true,
    );
    const rich = (await officer.get('/api/job-orders?wageAtLeast=8000&dormitory=true&urgency=urgent')).json();
    expect(
      rich.items.every((o: { wageMax: number; dormitory: boolean }) => o.wageMax >= 8000 && o.dormitory),
    ).toBe(true);
  });

  it('is invisible to other districts, and other enterprises cannot post for it', async () => {
    const order = (await hr.post('/api/job-orders', body({ title: '质检员' }))).json();
    const xiangcheng = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: ['320507'] })).username,
    );
    expect((await xiangcheng.get(`/api/job-orders/${order.id}`)).statusCode).toBe(404);
    const other = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const otherHr = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: other.id })).username,
    );
    expect((await otherHr.post('/api/job-orders', body())).statusCode).toBe(400);
    expect((await otherHr.get(`/api/job-orders/${order.id}`)).statusCode).toBe(404);
  });

  it('shows workers only open public orders', async () => {
    const worker = await ctx.signIn((await buildUser(ctx.deps, { roles: ['worker'] })).username);
    await buildJobOrder(ctx.deps, enterpriseId, { status: 'draft', title: '草稿岗位' });
    const seen = (await worker.get('/api/job-orders?status=all&pageSize=200')).json();
    expect(
      seen.items.every(
        (o: { status: string; visibility: string[] }) =>
          o.status === 'open' && o.visibility.includes('public'),
      ),
    ).toBe(true);
    expect(seen.items.some((o: { title: string }) => o.title === '草稿岗位')).toBe(false);
  });
});
