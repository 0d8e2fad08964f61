import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser } from '../../../test/factories.ts';
import { buildAgreement, buildSchool, buildSchoolUser } from '../../../test/factories-schools.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';
import { listSchoolTiesOfEnterprises } from './schools.repository.ts';

const WUJIANG = '320509';
const WUZHONG = '320506';

function schoolBody(overrides: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  return {
    name: `徐州机电测试${suffix}技师学院`,
    type: 'technician',
    regionCode: '320303',
    majors: [
      {
        name: '机电一体化',
        occupationCode: '6-31',
        graduates: [
          { year: 2025, graduates: 320 },
          { year: 2026, graduates: 350 },
        ],
      },
      { name: '数控加工', graduates: [{ year: 2026, graduates: 120 }] },
    ],
    contacts: [{ name: '王老师', title: '招就处处长', phone: '13912345678' }],
    ...overrides,
  };
}

describe('schools', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let wuzhongOfficer: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).id,
    );
    wuzhongOfficer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUZHONG] })).id,
    );
  });
  afterAll(() => ctx.close());

  it('registers a school with majors, graduates per year and a masked, encrypted contact phone', async () => {
    const response = await officer.post('/api/schools', schoolBody());
    expect(response.statusCode).toBe(201);
    const school = response.json();
    expect(school).toMatchObject({
      type: 'technician',
      regionName: expect.stringContaining('徐州市'),
      contacts: [{ name: '王老师', phoneMasked: '139****5678' }],
      stats: { latestGraduateYear: 2026, latestGraduates: 470, activeAgreements: 0 },
      can: { update: true, addAgreement: true },
    });
    expect(school.majors).toHaveLength(2);
    expect(response.body).not.toContain('13912345678');
    const stored = await ctx.deps.db
      .selectFrom('school_contacts')
      .select('phone_enc')
      .where('school_id', '=', school.id)
      .executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain('13912345678');
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', school.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['school.create']);
  });

  it('refuses a second school of the same name (full-width and blanks ignored), in Chinese and English', async () => {
    const body = schoolBody({ name: '苏州测试工业职业技术学院' });
    expect((await officer.post('/api/schools', body)).statusCode).toBe(201);
    const twice = await officer.post('/api/schools', { ...body, name: '苏州测试工业职业技术学院 ' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0]).toMatchObject({
      path: 'name',
      message: '院校“苏州测试工业职业技术学院”已登记',
    });
    const english = await officer.request('POST', '/api/schools', {
      body: body,
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().errors[0].message).toBe(
      'The school "苏州测试工业职业技术学院" is already registered',
    );
  });

  it('reports an unknown region, a bad type and a major listed twice, changing nothing', async () => {
    const before = await ctx.deps.db
      .selectFrom('schools')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await officer.post(
      '/api/schools',
      schoolBody({ type: 'kindergarten', majors: [{ name: '焊接' }, { name: '焊接' }] }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['type', 'majors.1.name']));
    const region = await officer.post('/api/schools', schoolBody({ regionCode: '999999' }));
    expect(region.statusCode).toBe(400);
    expect(region.json().errors[0]).toMatchObject({
      path: 'regionCode',
      message: '“999999”不是已知的区县代码',
    });
    const after = await ctx.deps.db
      .selectFrom('schools')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('lets school staff edit only their own school’s majors and contacts', async () => {
    const school = await buildSchool(ctx.deps);
    const other = await buildSchool(ctx.deps);
    const staff = await sessionFor(ctx, (await buildSchoolUser(ctx.deps, school.id)).id);
    const own = await staff.get(`/api/schools/${school.id}`);
    expect(own.json().can).toEqual({ update: false, updateProfile: true, addAgreement: false });
    const edit = await staff.patch(`/api/schools/${school.id}`, {
      majors: [{ name: '工业机器人', graduates: [{ year: 2026, graduates: 80 }] }],
      version: own.json().version,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().majors[0].name).toBe('工业机器人');
    const rename = await staff.patch(`/api/schools/${school.id}`, {
      name: '改名技师学院',
      version: edit.json().version,
    });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().errors[0].path).toBe('name');
    expect((await staff.get(`/api/schools/${other.id}`)).statusCode).toBe(404);
    const list = await staff.get('/api/schools');
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([school.id]);
    expect((await staff.post('/api/schools', schoolBody())).statusCode).toBe(403);
  });

  it('records agreements by the enterprise’s district officer, derives status, and counts new ones in a period', async () => {
    const school = await buildSchool(ctx.deps);
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const refused = await wuzhongOfficer.post(`/api/schools/${school.id}/agreements`, {
      enterpriseId: enterprise.id,
      signedOn: '2025-05-01',
      validFrom: '2025-05-01',
      validUntil: '2028-04-30',
      scopes: ['order_class'],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('enterpriseId');
    const created = await officer.post(`/api/schools/${school.id}/agreements`, {
      enterpriseId: enterprise.id,
      title: '校企合作协议',
      signedOn: '2025-05-01',
      validFrom: '2025-05-01',
      validUntil: '2099-04-30',
      scopes: ['order_class', 'industry_college'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'active',
      enterpriseDistrictName: '吴江区',
      can: { update: true },
    });
    const expired = await officer.post(`/api/schools/${school.id}/agreements`, {
      enterpriseId: enterprise.id,
      signedOn: '2020-01-01',
      validFrom: '2020-01-01',
      validUntil: '2021-12-31',
      scopes: ['internship_base'],
    });
    expect(expired.json().status).toBe('expired');
    const twice = await officer.post(`/api/schools/${school.id}/agreements`, {
      enterpriseId: enterprise.id,
      signedOn: '2020-01-01',
      validFrom: '2020-01-01',
      validUntil: '2021-12-31',
      scopes: ['internship_base'],
    });
    expect(twice.statusCode).toBe(409);
    const period = await officer.post(`/api/schools/${school.id}/agreements`, {
      enterpriseId: enterprise.id,
      signedOn: '2025-06-01',
      validFrom: '2025-06-01',
      validUntil: '2025-01-01',
      scopes: ['training'],
    });
    expect(period.statusCode).toBe(400);
    expect(period.json().errors[0]).toMatchObject({
      path: 'validUntil',
      message: '有效期截止日期不能早于起始日期',
    });

    const active = await officer.get(`/api/school-agreements?schoolId=${school.id}&status=active`);
    expect(active.json().total).toBe(1);
    const summary = await officer.get(
      `/api/school-agreements/summary?signedFrom=2025-01-01&signedTo=2025-12-31`,
    );
    // The pair first signed in 2020: a 2025 agreement is new, but neither the school nor the pair is.
    expect(summary.json()).toMatchObject({ agreements: 1, newSchools: 0, newPairs: 0 });
    const older = await officer.get(
      `/api/school-agreements/summary?signedFrom=2020-01-01&signedTo=2020-12-31`,
    );
    expect(older.json()).toMatchObject({ agreements: 1, newSchools: 1, newPairs: 1 });
    // Another district’s officer sees none of it.
    expect((await wuzhongOfficer.get(`/api/school-agreements?schoolId=${school.id}`)).json().total).toBe(0);
    // The enterprise sees its own agreements.
    const hr = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: enterprise.id })).id,
    );
    expect((await hr.get('/api/school-agreements')).json().total).toBe(2);
  });

  it('lists the schools tied to enterprises by an agreement active today (for the match index)', async () => {
    const school = await buildSchool(ctx.deps);
    const lapsed = await buildSchool(ctx.deps);
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    await buildAgreement(ctx.deps, school.id, enterprise.id);
    await buildAgreement(ctx.deps, school.id, enterprise.id, { signedOn: '2024-01-01' });
    await buildAgreement(ctx.deps, lapsed.id, enterprise.id, {
      signedOn: '2019-01-01',
      validUntil: '2020-01-01',
    });
    expect(await listSchoolTiesOfEnterprises(ctx.deps.db, [enterprise.id])).toEqual([
      { enterpriseId: enterprise.id, schoolId: school.id },
    ]);
    expect(await listSchoolTiesOfEnterprises(ctx.deps.db, [])).toEqual([]);
  });

  it('filters by type and active agreement and exports the list to Excel', async () => {
    const school = await buildSchool(ctx.deps, {
      type: 'secondary_vocational',
      name: '测试筛选中等专业学校',
    });
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    await buildAgreement(ctx.deps, school.id, enterprise.id);
    const list = await officer.get('/api/schools?type=secondary_vocational&hasActiveAgreement=true');
    expect(list.json().items.map((item: { name: string }) => item.name)).toContain('测试筛选中等专业学校');
    expect(list.json().items.every((item: { type: string }) => item.type === 'secondary_vocational')).toBe(
      true,
    );
    const exported = await officer.get('/api/schools/export?type=secondary_vocational');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
