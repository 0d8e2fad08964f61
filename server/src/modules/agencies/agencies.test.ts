import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildEnterprise, buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';

const WUJIANG = '320509';

function registration(overrides: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  return {
    licenceNumber: `（苏）人服证字〔2023〕第${suffix}号`,
    name: `吴江测试${suffix}人力资源有限公司`,
    regionCode: WUJIANG,
    serviceRegionCodes: [WUJIANG],
    serviceOccupationCodes: ['6-25'],
    contactName: '李经理',
    contactPhone: '13912345678',
    account: { username: `agency.t${suffix}`, displayName: '机构专员', password: 'agency-pass-123' },
    ...overrides,
  };
}

describe('agencies', () => {
  let ctx: TestContext;
  let officer: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext();
    const user = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    officer = await sessionFor(ctx, user.id);
  });
  afterAll(() => ctx.close());

  it('registers itself as pending with a first staff account that can sign in but not claim', async () => {
    const body = registration();
    const response = await ctx.anonymous().post('/api/agencies/register', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'pending', username: body.account.username });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: body.account.username, password: body.account.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.roles).toEqual(['agency']);
    const user = await ctx.deps.db
      .selectFrom('users')
      .select(['id', 'agency_id'])
      .where('username', '=', body.account.username)
      .executeTakeFirstOrThrow();
    expect(user.agency_id).toBe(response.json().id);
    const staff = await sessionFor(ctx, user.id);
    const own = await staff.get(`/api/agencies/${response.json().id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      status: 'pending',
      contactPhoneMasked: '139****5678',
      serviceRegionNames: ['吴江区'],
      can: { update: true, approve: false, setAlliance: false },
    });
    expect(own.body).not.toContain('13912345678');
    const hall = await staff.get('/api/marketplace/hall');
    expect(hall.statusCode).toBe(200);
    expect(hall.json().items).toEqual([]);
    const claim = await staff.post(`/api/job-orders/${crypto.randomUUID()}/claims`, { places: 1 });
    expect(claim.statusCode).toBe(409);
    expect(claim.json().detail).toContain('pending');
  });

  it('refuses a licence number registered before, however it is written, and changes nothing', async () => {
    const first = registration({ licenceNumber: '（苏）人服证字〔2022〕第0509001号' });
    expect((await ctx.anonymous().post('/api/agencies/register', first)).statusCode).toBe(201);
    const again = registration({ licenceNumber: '(苏)人服证字〔2022〕第 0509001 号' });
    const response = await ctx.anonymous().post('/api/agencies/register', again);
    expect(response.statusCode).toBe(409);
    expect(response.json().errors[0]).toMatchObject({
      path: 'licenceNumber',
      code: 'agency.duplicate_licence',
    });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: again.account.username, password: again.account.password },
    });
    expect(login.statusCode).toBe(401);
  });

  it('reports unknown regions and bad fields in the caller’s language', async () => {
    const response = await ctx.anonymous().request('POST', '/api/agencies/register', {
      body: registration({ regionCode: '999999', name: 'x' }),
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toContain('name');
  });

  it('is approved, suspended with a reason and reinstated by an officer, each step audited', async () => {
    const created = await officer.post('/api/agencies', { ...registration(), account: null });
    expect(created.statusCode).toBe(201);
    let agency = created.json();
    expect(agency.can).toMatchObject({ approve: true, reject: true, suspend: false });
    const approve = await officer.post(`/api/agencies/${agency.id}/actions`, {
      action: 'approve',
      version: agency.version,
    });
    expect(approve.statusCode).toBe(200);
    agency = approve.json();
    expect(agency.status).toBe('approved');
    const noReason = await officer.post(`/api/agencies/${agency.id}/actions`, {
      action: 'suspend',
      version: agency.version,
    });
    expect(noReason.statusCode).toBe(400);
    const suspend = await officer.post(`/api/agencies/${agency.id}/actions`, {
      action: 'suspend',
      reason: '投诉核实：虚假招聘信息',
      version: agency.version,
    });
    expect(suspend.json()).toMatchObject({ status: 'suspended', statusReason: '投诉核实：虚假招聘信息' });
    const twice = await officer.post(`/api/agencies/${agency.id}/actions`, {
      action: 'suspend',
      reason: 'again',
      version: suspend.json().version,
    });
    expect(twice.statusCode).toBe(409);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', agency.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['agency.register', 'agency.approve', 'agency.suspend']);
  });

  it('lets only officers set alliance membership, and staff edit their own profile only', async () => {
    const mine = await buildAgency(ctx.deps);
    const other = await buildAgency(ctx.deps);
    const staff = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['agency'], agencyId: mine.id })).id,
    );
    const alliance = await staff.patch(`/api/agencies/${mine.id}`, {
      alliance: '吴江区劳务服务联盟',
      version: 1,
    });
    expect(alliance.statusCode).toBe(400);
    expect(alliance.json().errors[0].code).toBe('agency.alliance_officers_only');
    const edit = await staff.patch(`/api/agencies/${mine.id}`, { contactName: '王主管', version: 1 });
    expect(edit.statusCode).toBe(200);
    expect((await staff.get(`/api/agencies/${other.id}`)).statusCode).toBe(404);
    expect(
      (await staff.patch(`/api/agencies/${other.id}`, { contactName: 'x', version: 1 })).statusCode,
    ).toBe(404);
    const byOfficer = await officer.patch(`/api/agencies/${mine.id}`, {
      alliance: '吴江区劳务服务联盟',
      version: edit.json().version,
    });
    expect(byOfficer.json()).toMatchObject({ alliance: '吴江区劳务服务联盟', isTier1: true });
  });

  it('shows enterprises approved agencies only, and agencies only themselves', async () => {
    const approved = await buildAgency(ctx.deps);
    const pending = await buildAgency(ctx.deps, { status: 'pending' });
    const enterprise = await buildEnterprise(ctx.deps);
    const hr = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: enterprise.id })).id,
    );
    const ids = (await hr.get('/api/agencies?pageSize=200'))
      .json()
      .items.map((item: { id: string }) => item.id);
    expect(ids).toContain(approved.id);
    expect(ids).not.toContain(pending.id);
    expect((await hr.get(`/api/agencies/${pending.id}`)).statusCode).toBe(404);
    const staff = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['agency'], agencyId: approved.id })).id,
    );
    const seen = (await staff.get('/api/agencies?pageSize=200'))
      .json()
      .items.map((item: { id: string }) => item.id);
    expect(seen).toEqual([approved.id]);
    const worker = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['worker'] })).id);
    expect((await worker.get('/api/agencies')).statusCode).toBe(403);
  });
});
