import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildEnterprise,
  buildJobOrder,
  buildUser,
  buildWorker,
} from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';

const WUJIANG = '320509';

describe('placement pipeline', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let enterpriseId: string;
  let hr: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    enterpriseId = (await buildEnterprise(ctx.deps, { districtCode: WUJIANG })).id;
    hr = await ctx.signIn((await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId })).username);
  });
  afterAll(() => ctx.close());

  const move = (
    client: TestClient,
    id: string,
    to: string,
    version: number,
    extra: Record<string, unknown> = {},
  ) => client.post(`/api/applications/${id}/move`, { to, version, ...extra });

  it('recommends a worker once, records who and through which channel', async () => {
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG, channel: 'school' });
    const order = await buildJobOrder(ctx.deps, enterpriseId);
    const created = await officer.post('/api/applications', { workerId: worker.id, jobOrderId: order.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'recommended',
      channel: 'school',
      events: [expect.objectContaining({ from: null, to: 'recommended' })],
    });
    const again = await officer.post('/api/applications', { workerId: worker.id, jobOrderId: order.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('该劳动者已在此岗位的招聘流程中');
  });

  it('walks an application to hired, filling the order and obsoleting the worker’s other applications', async () => {
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const order = await buildJobOrder(ctx.deps, enterpriseId, { headcount: 2 });
    const other = await buildJobOrder(ctx.deps, enterpriseId, { headcount: 5 });
    const first = (
      await officer.post('/api/applications', { workerId: worker.id, jobOrderId: order.id })
    ).json();
    const second = (
      await officer.post('/api/applications', { workerId: worker.id, jobOrderId: other.id })
    ).json();
    let version = first.version;
    for (const to of ['applied', 'screening', 'interview', 'offered']) {
      const moved = await move(hr, first.id, to, version, { reason: `进入${to}` });
      expect(moved.statusCode, to).toBe(200);
      version = moved.json().version;
    }
    const hired = await move(hr, first.id, 'hired', version, { date: '2026-11-20' });
    expect(hired.statusCode).toBe(200);
    expect(hired.json()).toMatchObject({ status: 'hired', hiredOn: '2026-11-20' });
    expect(hired.json().events.map((e: { to: string }) => e.to)).toEqual([
      'recommended',
      'applied',
      'screening',
      'interview',
      'offered',
      'hired',
    ]);

    const orderAfter = (await officer.get(`/api/job-orders/${order.id}`)).json();
    expect(orderAfter).toMatchObject({ filled: 1, remaining: 1, status: 'open' });
    const secondAfter = (await officer.get(`/api/applications/${second.id}`)).json();
    expect(secondAfter.status).toBe('obsolete');
    expect(secondAfter.events.at(-1).reason).toContain('到岗');
    const workerRow = await ctx.deps.db
      .selectFrom('workers')
      .select('status')
      .where('id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(workerRow.status).toBe('employed');
    const placements = (await officer.get(`/api/placements?jobOrderId=${order.id}`)).json();
    expect(placements.items).toEqual([
      expect.objectContaining({
        workerId: worker.id,
        channel: 'base',
        hiredOn: '2026-11-20',
        retained30: 'pending',
      }),
    ]);
  });

  it('refuses an illegal transition with a message naming both states, and changes nothing', async () => {
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const order = await buildJobOrder(ctx.deps, enterpriseId);
    const application = await buildApplication(ctx.deps, worker, order, 'recommended');
    const response = await move(hr, application.id, 'hired', 1);
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('不能从“已推介”直接变为“已到岗”');
    const row = await ctx.deps.db
      .selectFrom('applications')
      .select(['status', 'version'])
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'recommended', version: 1 });
    expect((await move(hr, application.id, 'obsolete', 1)).statusCode).toBe(409);
  });

  it('lets twenty simultaneous hires take exactly the three places left', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId, { headcount: 5, filled: 2 });
    const applications = [];
    for (let i = 0; i < 20; i++) {
      const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
      applications.push(await buildApplication(ctx.deps, worker, order, 'offered'));
    }
    const responses = await Promise.all(
      applications.map((application) => move(hr, application.id, 'hired', 1)),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(17);
    const refused = responses.find((response) => response.statusCode === 409);
    expect(refused?.json().detail).toBe('该岗位已招满（招聘 5 人，已到岗 5 人），不能再录用');
    const row = await ctx.deps.db
      .selectFrom('job_orders')
      .select(['filled', 'status'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ filled: 5, status: 'filled' });
    const placements = await ctx.deps.db
      .selectFrom('placements')
      .select('id')
      .where('job_order_id', '=', order.id)
      .execute();
    expect(placements).toHaveLength(3);
  });

  it('gives the place back when a hire does not show up', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId, { headcount: 1 });
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const application = await buildApplication(ctx.deps, worker, order, 'offered');
    const hired = (await move(hr, application.id, 'hired', 1)).json();
    expect((await officer.get(`/api/job-orders/${order.id}`)).json()).toMatchObject({
      status: 'filled',
      filled: 1,
    });
    const noShow = await move(hr, application.id, 'no_show', hired.version, { reason: '未报到' });
    expect(noShow.statusCode).toBe(200);
    expect((await officer.get(`/api/job-orders/${order.id}`)).json()).toMatchObject({
      status: 'open',
      filled: 0,
    });
    expect(
      await ctx.deps.db
        .selectFrom('placements')
        .select('id')
        .where('application_id', '=', application.id)
        .execute(),
    ).toHaveLength(0);
  });

  it('confirms retention only after 30 days', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId);
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const application = await buildApplication(ctx.deps, worker, order, 'offered');
    const recent = (await move(hr, application.id, 'hired', 1)).json();
    const early = await move(hr, application.id, 'retained_30', recent.version);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('conflict');
    const old = await buildApplication(
      ctx.deps,
      await buildWorker(ctx.deps, { districtCode: WUJIANG }),
      order,
      'offered',
    );
    const hiredLongAgo = (await move(hr, old.id, 'hired', 1, { date: '2026-09-01' })).json();
    const placement = (await hr.get(`/api/placements?jobOrderId=${order.id}`))
      .json()
      .items.find((p: { applicationId: string }) => p.applicationId === old.id);
    const confirmed = await hr.post(`/api/placements/${placement.id}/retention`, {
      checkpoint: 30,
      retained: true,
      version: hiredLongAgo.version,
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await hr.get(`/api/applications/${old.id}`)).json().status).toBe('retained_30');
    expect(
      (await hr.get(`/api/placements?jobOrderId=${order.id}`))
        .json()
        .items.find((p: { applicationId: string }) => p.applicationId === old.id).retained30,
    ).toBe('yes');
  });

  it('records a worker who left before 30 days: the placement says no, the worker is free, the timeline says why', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId);
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const application = await buildApplication(ctx.deps, worker, order, 'offered');
    const hired = (await move(hr, application.id, 'hired', 1, { date: '2026-10-01' })).json();
    const placement = (await hr.get(`/api/placements?jobOrderId=${order.id}`))
      .json()
      .items.find((p: { applicationId: string }) => p.applicationId === application.id);
    const left = await hr.post(`/api/placements/${placement.id}/retention`, {
      checkpoint: 30,
      retained: false,
      version: hired.version,
    });
    expect(left.statusCode).toBe(200);
    const after = (await hr.get(`/api/applications/${application.id}`)).json();
    expect(after.status).toBe('hired');
    expect(after.events.at(-1)).toMatchObject({ from: 'hired', to: 'hired', reason: '未满 30 天离职' });
    expect(
      (await hr.get(`/api/placements?jobOrderId=${order.id}`))
        .json()
        .items.find((p: { applicationId: string }) => p.applicationId === application.id).retained30,
    ).toBe('no');
    const stored = await ctx.deps.db
      .selectFrom('workers')
      .select('status')
      .where('id', '=', worker.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('available');
    const again = await hr.post(`/api/placements/${placement.id}/retention`, {
      checkpoint: 30,
      retained: false,
      version: hired.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/^该劳动者已于 \d{4}-\d{2}-\d{2} 离职/);
    const retainedAfterAll = await hr.post(`/api/placements/${placement.id}/retention`, {
      checkpoint: 30,
      retained: true,
      version: hired.version,
    });
    expect(retainedAfterAll.statusCode).toBe(409);
    expect((await hr.get(`/api/applications/${application.id}`)).json().status).toBe('hired');
  });

  it('moves in bulk with a result per application', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId);
    const a = await buildApplication(
      ctx.deps,
      await buildWorker(ctx.deps, { districtCode: WUJIANG }),
      order,
      'applied',
    );
    const b = await buildApplication(
      ctx.deps,
      await buildWorker(ctx.deps, { districtCode: WUJIANG }),
      order,
      'rejected',
    );
    const response = await hr.post('/api/applications/bulk-move', {
      ids: [a.id, b.id],
      to: 'rejected',
      reason: '技能不符',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toEqual([
      { id: a.id, ok: true, status: 'rejected', message: null },
      { id: b.id, ok: false, status: null, message: '不能从“未通过”直接变为“未通过”' },
    ]);
  });

  it('keeps other districts and other enterprises out', async () => {
    const order = await buildJobOrder(ctx.deps, enterpriseId);
    const application = await buildApplication(
      ctx.deps,
      await buildWorker(ctx.deps, { districtCode: WUJIANG }),
      order,
      'applied',
    );
    const xiangcheng = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: ['320507'] })).username,
    );
    expect((await xiangcheng.get(`/api/applications/${application.id}`)).statusCode).toBe(404);
    expect((await move(xiangcheng, application.id, 'screening', 1)).statusCode).toBe(404);
    const otherEnterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const otherHr = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: otherEnterprise.id })).username,
    );
    expect((await otherHr.get(`/api/applications?jobOrderId=${order.id}`)).json().total).toBe(0);
    const offered = await buildApplication(
      ctx.deps,
      await buildWorker(ctx.deps, { districtCode: WUJIANG }),
      order,
      'offered',
    );
    expect((await move(hr, offered.id, 'hired', 1)).statusCode).toBe(200);
    expect((await hr.get(`/api/placements?jobOrderId=${order.id}`)).json().total).toBe(1);
    expect((await otherHr.get(`/api/placements?jobOrderId=${order.id}`)).json().total).toBe(0);
  });
});
