import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser, buildWorker } from '../../../test/factories.ts';
import {
  buildOrderClass,
  buildSchool,
  buildSchoolUser,
  enrolWorkers,
} from '../../../test/factories-schools.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';

const WUJIANG = '320509';

describe('internships and apprenticeships', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let enterpriseId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).id,
    );
    enterpriseId = (await buildEnterprise(ctx.deps, { districtCode: WUJIANG })).id;
  });
  afterAll(() => ctx.close());

  const body = (workerId: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'traineeship',
    workerId,
    enterpriseId,
    position: '质检见习生',
    startDate: '2026-07-01',
    endDate: '2027-01-01',
    monthlyStipend: 250_000,
    supervisorName: '周师傅',
    supervisorPhone: '13800001111',
    ...overrides,
  });

  it('flags a traineeship of a young jobseeker as subsidy-eligible, and recomputes on edit', async () => {
    const young = await buildWorker(ctx.deps, { districtCode: WUJIANG, birthDate: '2004-02-02' });
    const created = await officer.post('/api/internships', body(young.id));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      subsidyEligible: true,
      subsidyReason: 'eligible_youth',
      supervisorPhoneMasked: '138****1111',
      monthlyStipend: 250_000,
    });
    expect(created.body).not.toContain('13800001111');
    const shortened = await officer.patch(`/api/internships/${created.json().id}`, {
      endDate: '2026-08-01',
      version: created.json().version,
    });
    expect(shortened.json()).toMatchObject({ subsidyEligible: false, subsidyReason: 'too_short' });
  });

  it('flags a recent graduate of 26, not an older jobseeker, and never a placement internship', async () => {
    const graduate = await buildWorker(ctx.deps, { districtCode: WUJIANG, birthDate: '2000-01-01' });
    const withDegree = await officer.post(
      '/api/internships',
      body(graduate.id, { graduationDate: '2025-06-30' }),
    );
    expect(withDegree.json()).toMatchObject({ subsidyEligible: true, subsidyReason: 'eligible_graduate' });
    const without = await officer.post('/api/internships', body(graduate.id));
    expect(without.json()).toMatchObject({
      subsidyEligible: false,
      subsidyReason: 'not_youth_or_recent_graduate',
    });
    const young = await buildWorker(ctx.deps, { districtCode: WUJIANG, birthDate: '2006-02-02' });
    const placement = await officer.post('/api/internships', body(young.id, { kind: 'placement' }));
    expect(placement.json()).toMatchObject({ subsidyEligible: false, subsidyReason: 'not_traineeship' });
    const filtered = await officer.get('/api/internships?subsidyEligible=true&pageSize=100');
    expect(filtered.json().items.every((item: { subsidyEligible: boolean }) => item.subsidyEligible)).toBe(
      true,
    );
    const exported = await officer.get('/api/internships/export');
    expect(exported.statusCode).toBe(200);
  });

  it('refuses a period ending before it starts, in both languages', async () => {
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const zh = await officer.post('/api/internships', body(worker.id, { endDate: '2026-01-01' }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors[0]).toMatchObject({ path: 'endDate', message: '结束日期不能早于开始日期' });
    const en = await officer.request('POST', '/api/internships', {
      body: body(worker.id, { endDate: '2026-01-01' }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().errors[0].message).toBe('The end cannot be before the start');
  });

  it('shows school staff the internships of their own students only', async () => {
    const school = await buildSchool(ctx.deps);
    const cls = await buildOrderClass(ctx.deps, school.id, enterpriseId);
    const student = await buildWorker(ctx.deps, { channel: 'school' });
    await enrolWorkers(ctx.deps, cls, [student.id]);
    const staff = await sessionFor(ctx, (await buildSchoolUser(ctx.deps, school.id)).id);
    const created = await staff.post('/api/internships', body(student.id, { kind: 'placement' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().schoolId).toBe(school.id);
    const outsider = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const refused = await staff.post('/api/internships', body(outsider.id));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('workerId');
    const list = await staff.get('/api/internships');
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([created.json().id]);
    const otherStaff = await sessionFor(
      ctx,
      (await buildSchoolUser(ctx.deps, (await buildSchool(ctx.deps)).id)).id,
    );
    expect((await otherStaff.get(`/api/internships/${created.json().id}`)).statusCode).toBe(404);
  });

  it('records an apprenticeship with a training provider and adds apprentices', async () => {
    const apprentice = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const none = await officer.post('/api/apprenticeships', {
      enterpriseId,
      occupationCode: '6-31-01',
      title: '机修钳工新型学徒制',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('providerName');
    const created = await officer.post('/api/apprenticeships', {
      enterpriseId,
      providerName: '苏州市测试职业培训学校',
      occupationCode: '6-31-01',
      title: '机修钳工新型学徒制',
      startDate: '2026-03-01',
      endDate: '2027-02-28',
      workerIds: [apprentice.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().apprentices).toHaveLength(1);
    const second = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const updated = await officer.patch(`/api/apprenticeships/${created.json().id}`, {
      addWorkerIds: [second.id, apprentice.id],
      status: 'ongoing',
      version: created.json().version,
    });
    expect(updated.json()).toMatchObject({ status: 'ongoing' });
    expect(updated.json().apprentices).toHaveLength(2);
  });
});
