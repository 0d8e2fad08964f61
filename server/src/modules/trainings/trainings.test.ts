import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildEnterprise,
  buildJobOrder,
  buildUser,
  buildWorker,
} from '../../../test/factories.ts';
import { buildTraining } from '../../../test/factories-channels.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';

const WUJIANG = '320509';

describe('training programmes', () => {
  let ctx: TestContext;
  let officer: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
  });
  afterAll(() => ctx.close());

  it('registers a programme for an enterprise’s order, with bad dates explained in both languages', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const order = await buildJobOrder(ctx.deps, enterprise.id);
    const body = {
      name: '电焊工订单式培训（第一期）',
      occupationCode: '6-18-02-04',
      skill: '电焊',
      provider: '吴江技工学校',
      seats: 40,
      startsOn: '2026-03-01',
      endsOn: '2026-04-15',
      costPerTraineeFen: 180_000,
      jobOrderId: order.id,
    };
    const created = await officer.post('/api/trainings', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      managingDistrictCode: WUJIANG,
      taken: 0,
      jobOrder: { id: order.id, enterpriseName: enterprise.name },
      can: { update: true, enrol: true },
    });
    const bad = await officer.post('/api/trainings', { ...body, endsOn: '2026-02-01' });
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: 'endsOn', message: '培训结束日期不能早于开始日期' }),
    ]);
    const en = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
      { locale: 'en' },
    );
    const english = await en.post('/api/trainings', { ...body, endsOn: '2026-02-01' });
    expect(english.json().errors[0].message).toBe('The programme cannot end before it starts');
  });

  it('gives the last seat to exactly one of two simultaneous enrolments', async () => {
    const programme = await buildTraining(ctx.deps, { seats: 2, managingDistrictCode: WUJIANG });
    const first = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const a = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const b = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    expect(
      (await officer.post(`/api/trainings/${programme.id}/enrolments`, { workerId: first.id })).statusCode,
    ).toBe(201);
    const racing = await Promise.all([
      officer.post(`/api/trainings/${programme.id}/enrolments`, { workerId: a.id }),
      officer.post(`/api/trainings/${programme.id}/enrolments`, { workerId: b.id }),
    ]);
    expect(racing.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const loser = racing.find((response) => response.statusCode === 409);
    expect(loser?.json().detail).toBe('培训名额已满（共 2 个）');
    const after = (await officer.get(`/api/trainings/${programme.id}`)).json();
    expect(after).toMatchObject({ taken: 2, counts: { enrolled: 2 } });
    const again = await officer.post(`/api/trainings/${programme.id}/enrolments`, { workerId: first.id });
    expect(again.statusCode).toBe(409);

    // A dropout frees the seat.
    const enrolments = (await officer.get(`/api/trainings/${programme.id}/enrolments`)).json().items;
    const dropped = await officer.post(`/api/trainings/${programme.id}/enrolments/${enrolments[0].id}/drop`);
    expect(dropped.json().status).toBe('dropped');
    const loserId = racing[0]?.statusCode === 409 ? a.id : b.id;
    expect(
      (await officer.post(`/api/trainings/${programme.id}/enrolments`, { workerId: loserId })).statusCode,
    ).toBe(201);
    const channel = await ctx.deps.db
      .selectFrom('worker_channels')
      .select(['channel', 'source_ref'])
      .where('worker_id', '=', loserId)
      .where('channel', '=', 'training')
      .executeTakeFirst();
    expect(channel).toEqual({ channel: 'training', source_ref: programme.id });
  });

  it('completes trainees: certificates and skill to their records, 推介 to the linked order, a result each', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const order = await buildJobOrder(ctx.deps, enterprise.id, { headcount: 5 });
    const programme = await buildTraining(ctx.deps, {
      jobOrderId: order.id,
      managingDistrictCode: WUJIANG,
      skill: '氩弧焊',
    });
    const fresh = await buildWorker(ctx.deps, { districtCode: WUJIANG, skills: ['叉车'], certificates: [] });
    const applied = await buildWorker(ctx.deps, {
      districtCode: WUJIANG,
      skills: [],
      certificates: ['焊工证（初级）'],
    });
    const existingApplication = await buildApplication(ctx.deps, applied, order, 'screening');
    const ids: Record<string, string> = {};
    for (const worker of [fresh, applied]) {
      const enrolled = await officer.post(`/api/trainings/${programme.id}/enrolments`, {
        workerId: worker.id,
      });
      ids[worker.id] = enrolled.json().id;
    }
    const response = await officer.post(`/api/trainings/${programme.id}/complete`, {
      items: [
        { enrolmentId: ids[fresh.id], certificate: '焊工（五级）' },
        { enrolmentId: ids[applied.id], certificate: '焊工证（初级）' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const [first, second] = response.json().items;
    expect(first).toMatchObject({
      workerId: fresh.id,
      outcome: 'completed',
      certificateAdded: true,
      recommendation: 'recommended',
    });
    expect(second).toMatchObject({
      workerId: applied.id,
      outcome: 'completed',
      certificateAdded: false,
      recommendation: 'already_open',
      applicationId: existingApplication.id,
    });
    const worker = await ctx.deps.db
      .selectFrom('workers')
      .select(['skills', 'certificates'])
      .where('id', '=', fresh.id)
      .executeTakeFirstOrThrow();
    expect(worker).toEqual({ skills: ['叉车', '氩弧焊'], certificates: ['焊工（五级）'] });
    const application = await ctx.deps.db
      .selectFrom('applications')
      .select(['status', 'channel', 'channel_ref'])
      .where('id', '=', first.applicationId)
      .executeTakeFirstOrThrow();
    expect(application).toEqual({ status: 'recommended', channel: 'training', channel_ref: programme.id });
    const audits = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', fresh.id)
      .execute();
    expect(audits.map((row) => row.action)).toContain('worker.update');

    const twice = await officer.post(`/api/trainings/${programme.id}/complete`, {
      items: [{ enrolmentId: ids[fresh.id] }],
    });
    expect(twice.json().items[0]).toMatchObject({ outcome: 'already_completed' });
    const summary = (await officer.get(`/api/trainings/${programme.id}`)).json();
    expect(summary).toMatchObject({ counts: { completed: 2 }, governmentCostFen: 360_000 });
  });

  it('reports a closed or full order instead of recommending', async () => {
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const closed = await buildJobOrder(ctx.deps, enterprise.id, { status: 'closed' });
    const full = await buildJobOrder(ctx.deps, enterprise.id, { headcount: 1, filled: 1, status: 'filled' });
    for (const [order, expected] of [
      [closed, 'order_closed'],
      [full, 'order_full'],
    ] as const) {
      const programme = await buildTraining(ctx.deps, {
        jobOrderId: order.id,
        managingDistrictCode: WUJIANG,
      });
      const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
      const enrolled = (
        await officer.post(`/api/trainings/${programme.id}/enrolments`, { workerId: worker.id })
      ).json();
      const done = await officer.post(`/api/trainings/${programme.id}/complete`, {
        items: [{ enrolmentId: enrolled.id, certificate: null }],
      });
      expect(done.json().items[0]).toMatchObject({
        outcome: 'completed',
        recommendation: expected,
        applicationId: null,
      });
    }
  });

  it('shows enterprise HR the programmes for its own orders only, and refuses their writes', async () => {
    const mine = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const other = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const own = await buildTraining(ctx.deps, { jobOrderId: (await buildJobOrder(ctx.deps, mine.id)).id });
    const foreign = await buildTraining(ctx.deps, {
      jobOrderId: (await buildJobOrder(ctx.deps, other.id)).id,
    });
    const hr = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: mine.id })).username,
    );
    const list = (await hr.get('/api/trainings?pageSize=200')).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([own.id]);
    expect((await hr.get(`/api/trainings/${foreign.id}`)).statusCode).toBe(404);
    expect((await hr.post(`/api/trainings/${own.id}/enrolments`, { workerId: own.id })).statusCode).toBe(403);
  });
});
