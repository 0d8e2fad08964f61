import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildEnterprise,
  buildJobOrder,
  buildUser,
  buildWorker,
} from '../../../test/factories.ts';
import {
  buildAgreement,
  buildOrderClass,
  buildSchool,
  buildSchoolUser,
  enrolWorkers,
} from '../../../test/factories-schools.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';
import { uniqueIdNumber, uniquePhone } from '../workers/workers.test-support.ts';

const WUJIANG = '320509';

describe('order classes', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let schoolId: string;
  let staff: TestClient;
  let enterpriseId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).id,
    );
    const school = await buildSchool(ctx.deps);
    schoolId = school.id;
    // Signed in through the login route: the multipart upload needs the full client.
    staff = await ctx.signIn((await buildSchoolUser(ctx.deps, school.id)).username);
    enterpriseId = (await buildEnterprise(ctx.deps, { districtCode: WUJIANG })).id;
    await buildAgreement(ctx.deps, schoolId, enterpriseId);
  });
  afterAll(() => ctx.close());

  const studentList = (count: number, bad: { row: number; id: string }[] = []) => {
    const lines = ['身份证号码,姓名,手机号码,学历'];
    for (let i = 0; i < count; i++) {
      const override = bad.find((entry) => entry.row === i);
      lines.push(`${override?.id ?? uniqueIdNumber()},学生${i},${uniquePhone()},中专`);
    }
    return `${lines.join('\n')}\n`;
  };

  const upload = (client: TestClient, classId: string, csv: string, mode = 'all') => {
    const { payload, headers } = multipartFile('students.csv', csv);
    return client.request('POST', `/api/order-classes/${classId}/students/import?mode=${mode}`, {
      payload,
      headers,
    });
  };

  it('lets the school open a class with a partner enterprise, and not with a stranger', async () => {
    const created = await staff.post('/api/order-classes', {
      schoolId,
      enterpriseId,
      kind: 'named',
      name: '2026届测试冠名班',
      majorName: '电气自动化',
      classSize: 30,
      startDate: '2024-09-01',
      graduationDate: '2026-06-30',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ enrolled: 0, can: { manageStudents: true, deliver: true } });
    const stranger = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const refused = await staff.post('/api/order-classes', {
      schoolId,
      enterpriseId: stranger.id,
      kind: 'order',
      name: '无协议班',
      majorName: '电气自动化',
      classSize: 30,
      startDate: '2024-09-01',
      graduationDate: '2026-06-30',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('enterpriseId');
  });

  it('imports a student list into the class, reporting every bad row and attaching nothing in mode all', async () => {
    const cls = await buildOrderClass(ctx.deps, schoolId, enterpriseId, { classSize: 30 });
    const bad = await upload(
      staff,
      cls.id,
      studentList(5, [
        { row: 1, id: '110101199003077777' },
        { row: 3, id: '12345' },
      ]),
    );
    expect(bad.statusCode).toBe(202);
    expect(bad.json()).toMatchObject({
      status: 'done',
      committed: false,
      failed: 2,
      attached: 0,
      enrolled: 0,
    });
    expect(bad.json().errors.map((error: { row: number }) => error.row)).toEqual([3, 5]);
    const good = await upload(staff, cls.id, studentList(30));
    expect(good.json()).toMatchObject({
      status: 'done',
      committed: true,
      created: 30,
      attached: 30,
      enrolled: 30,
      overSize: false,
    });
    const roster = await staff.get(`/api/order-classes/${cls.id}/students?pageSize=50`);
    expect(roster.json().total).toBe(30);
    expect(roster.json().items[0].idNumberMasked).toMatch(/\*/);
    // Students are the school's workers, credited to it.
    const workers = await ctx.deps.db
      .selectFrom('workers')
      .innerJoin('order_class_students as st', 'st.worker_id', 'workers.id')
      .select(['workers.source_channel', 'workers.source_ref', 'workers.district_code'])
      .where('st.class_id', '=', cls.id)
      .execute();
    expect(new Set(workers.map((w) => `${w.source_channel}:${w.source_ref}:${w.district_code}`))).toEqual(
      new Set([`school:${schoolId}:null`]),
    );
    expect((await staff.get('/api/workers?pageSize=100')).json().total).toBeGreaterThanOrEqual(30);
    // The same list again: nobody duplicated, nobody new; a bigger one goes over the planned size (a warning).
    const overflow = await upload(staff, cls.id, studentList(2), 'valid');
    expect(overflow.json()).toMatchObject({ attached: 2, enrolled: 32, overSize: true });
  });

  it('adds one student through the registration rules, linking a person already registered', async () => {
    const cls = await buildOrderClass(ctx.deps, schoolId, enterpriseId);
    const idNumber = uniqueIdNumber({ birthDate: '2004-07-07' });
    const body = { name: '单独加', idNumber, phone: uniquePhone(), education: 'vocational' };
    const first = await officer.post(`/api/order-classes/${cls.id}/students`, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'created', enrolled: 1 });
    const again = await staff.post(`/api/order-classes/${cls.id}/students`, body);
    expect(again.json()).toMatchObject({
      outcome: 'already_in_class',
      workerId: first.json().workerId,
      enrolled: 1,
    });
    const invalid = await staff.request('POST', `/api/order-classes/${cls.id}/students`, {
      body: { ...body, idNumber: '110101199003077777' },
      headers: { 'accept-language': 'en' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0]).toMatchObject({
      path: 'idNumber',
      message: expect.stringContaining('Check digit'),
    });
  });

  it('delivers the class into the enterprise’s order with a result per student, idempotently', async () => {
    const cls = await buildOrderClass(ctx.deps, schoolId, enterpriseId);
    const order = await buildJobOrder(ctx.deps, enterpriseId, { headcount: 3 });
    const ready = [
      await buildWorker(ctx.deps, { channel: 'school' }),
      await buildWorker(ctx.deps, { channel: 'school' }),
    ];
    const employed = await buildWorker(ctx.deps, { channel: 'school', status: 'employed' });
    const applied = await buildWorker(ctx.deps, { channel: 'school' });
    const withdrawn = await buildWorker(ctx.deps, { channel: 'school' });
    await enrolWorkers(ctx.deps, cls, [...ready.map((w) => w.id), employed.id, applied.id, withdrawn.id]);
    await buildApplication(ctx.deps, applied, order, 'applied');
    expect(
      (await staff.post(`/api/order-classes/${cls.id}/students/${withdrawn.id}/withdraw`)).statusCode,
    ).toBe(200);

    const choices = await staff.get(`/api/order-classes/${cls.id}/deliverable-orders`);
    expect(choices.json().items.map((item: { id: string }) => item.id)).toContain(order.id);

    const delivered = await staff.post(`/api/order-classes/${cls.id}/deliver`, { jobOrderId: order.id });
    expect(delivered.statusCode).toBe(200);
    const outcomes = Object.fromEntries(
      delivered
        .json()
        .results.map((result: { workerId: string; outcome: string }) => [result.workerId, result.outcome]),
    );
    expect(outcomes).toEqual({
      [ready[0]?.id ?? '']: 'created',
      [ready[1]?.id ?? '']: 'created',
      [employed.id]: 'skipped_employed',
      [applied.id]: 'skipped_open_application',
      [withdrawn.id]: 'skipped_withdrawn',
    });
    expect(delivered.json()).toMatchObject({ created: 2, skipped: 3 });
    const rows = await ctx.deps.db
      .selectFrom('applications')
      .select(['status', 'channel', 'channel_ref'])
      .where('job_order_id', '=', order.id)
      .where('channel', '=', 'school')
      .execute();
    expect(rows).toEqual([
      { status: 'recommended', channel: 'school', channel_ref: schoolId },
      { status: 'recommended', channel: 'school', channel_ref: schoolId },
    ]);
    // The school sees the applications credited to it.
    expect((await staff.get(`/api/applications?jobOrderId=${order.id}`)).json().total).toBe(2);

    const twice = await staff.post(`/api/order-classes/${cls.id}/deliver`, { jobOrderId: order.id });
    expect(twice.json()).toMatchObject({ created: 0, skipped: 5 });
    const after = await ctx.deps.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('job_order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(3);
    const detail = await staff.get(`/api/order-classes/${cls.id}`);
    expect(detail.json()).toMatchObject({ stage: 'delivered', deliveredJobOrderId: order.id });
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', cls.id)
      .where('action', '=', 'order_class.deliver')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses another enterprise’s order and a closed one, changing nothing', async () => {
    const cls = await buildOrderClass(ctx.deps, schoolId, enterpriseId);
    await enrolWorkers(ctx.deps, cls, [(await buildWorker(ctx.deps, { channel: 'school' })).id]);
    const otherEnterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const foreign = await buildJobOrder(ctx.deps, otherEnterprise.id);
    const refused = await staff.post(`/api/order-classes/${cls.id}/deliver`, { jobOrderId: foreign.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('只能输送到本班合作企业');
    const closed = await buildJobOrder(ctx.deps, enterpriseId, { status: 'closed' });
    const english = await staff.request('POST', `/api/order-classes/${cls.id}/deliver`, {
      body: { jobOrderId: closed.id },
      headers: { 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(409);
    expect(english.json().detail).toContain('only into an open order');
    const count = await ctx.deps.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('job_order_id', 'in', [foreign.id, closed.id])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('scopes classes: another school sees none of them, the enterprise sees its own', async () => {
    const cls = await buildOrderClass(ctx.deps, schoolId, enterpriseId);
    const otherSchool = await buildSchool(ctx.deps);
    const otherStaff = await sessionFor(ctx, (await buildSchoolUser(ctx.deps, otherSchool.id)).id);
    expect((await otherStaff.get(`/api/order-classes/${cls.id}`)).statusCode).toBe(404);
    expect((await otherStaff.get(`/api/order-classes/${cls.id}/students`)).statusCode).toBe(404);
    expect(
      (await otherStaff.post(`/api/order-classes/${cls.id}/deliver`, { jobOrderId: cls.id })).statusCode,
    ).toBe(404);
    expect((await otherStaff.get('/api/order-classes')).json().total).toBe(0);
    const own = (await staff.get('/api/order-classes?pageSize=100')).json();
    expect(own.items.every((item: { schoolId: string }) => item.schoolId === schoolId)).toBe(true);
    const hr = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId })).id);
    const seen = await hr.get(`/api/order-classes/${cls.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().can).toEqual({ update: false, manageStudents: false, deliver: false });
    expect((await hr.post(`/api/order-classes/${cls.id}/deliver`, { jobOrderId: cls.id })).statusCode).toBe(
      403,
    );
  });
});
