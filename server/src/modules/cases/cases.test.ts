import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildJobOrder, buildUser } from '../../../test/factories.ts';
import { buildCase, buildCaseAction, buildPlacement, dayFromToday } from '../../../test/factories-cases.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';
const KUNSHAN = '320583';

describe('service cases', () => {
  let ctx: TestContext;
  let liaisonId: string;
  let liaison: TestClient;
  let officer: TestClient;
  let wujiangA: { id: string; name: string };
  let wujiangB: { id: string; name: string };
  let kunshanLiaised: { id: string; name: string };
  let xiangcheng: { id: string; name: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    const liaisonUser = await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] });
    liaisonId = liaisonUser.id;
    liaison = await sessionFor(ctx, liaisonUser.id);
    officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).id,
    );
    wujiangA = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, liaisonUserId: liaisonId });
    wujiangB = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    // A Kunshan enterprise whose liaison is the Wujiang liaison: the liaison sees its cases too.
    kunshanLiaised = await buildEnterprise(ctx.deps, { districtCode: KUNSHAN, liaisonUserId: liaisonId });
    xiangcheng = await buildEnterprise(ctx.deps, { districtCode: XIANGCHENG });
  });
  afterAll(() => ctx.close());

  describe('scoping', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      ids = {
        wujiangA: (await buildCase(ctx.deps, wujiangA.id, { title: '吴江甲缺工' })).id,
        wujiangB: (await buildCase(ctx.deps, wujiangB.id, { title: '吴江乙留工' })).id,
        kunshan: (await buildCase(ctx.deps, kunshanLiaised.id, { title: '昆山挂钩企业' })).id,
        xiangcheng: (await buildCase(ctx.deps, xiangcheng.id, { title: '相城企业' })).id,
      };
    });

    async function visibleIds(client: TestClient): Promise<Set<string>> {
      const response = await client.get('/api/cases?status=all&pageSize=200');
      expect(response.statusCode).toBe(200);
      return new Set(response.json().items.map((item: { id: string }) => item.id));
    }

    it('shows a district officer the cases of their district only', async () => {
      const seen = await visibleIds(officer);
      expect(seen.has(ids.wujiangA ?? '')).toBe(true);
      expect(seen.has(ids.wujiangB ?? '')).toBe(true);
      expect(seen.has(ids.kunshan ?? '')).toBe(false);
      expect(seen.has(ids.xiangcheng ?? '')).toBe(false);
      expect((await officer.get(`/api/cases/${ids.xiangcheng}`)).statusCode).toBe(404);
    });

    it('shows a liaison their district and the enterprises they are liaison of elsewhere', async () => {
      const seen = await visibleIds(liaison);
      expect(seen.has(ids.wujiangB ?? '')).toBe(true);
      expect(seen.has(ids.kunshan ?? '')).toBe(true);
      expect(seen.has(ids.xiangcheng ?? '')).toBe(false);
    });

    it('shows enterprise HR its own cases, read-only', async () => {
      const hr = await sessionFor(
        ctx,
        (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: wujiangA.id })).id,
      );
      const seen = await visibleIds(hr);
      expect([...seen]).toEqual(expect.arrayContaining([ids.wujiangA]));
      expect(seen.has(ids.wujiangB ?? '')).toBe(false);
      const detail = await hr.get(`/api/cases/${ids.wujiangA}`);
      expect(detail.json().can).toEqual({ update: false, logVisit: false });
      const write = await hr.post(`/api/cases/${ids.wujiangA}/actions`, {
        title: '企业自拟措施',
        dueOn: dayFromToday(3),
      });
      expect(write.statusCode).toBe(403);
    });

    it('lets the analyst read the whole city but change nothing, and refuses agencies outright', async () => {
      const analyst = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['analyst'] })).id);
      const seen = await visibleIds(analyst);
      for (const id of Object.values(ids)) expect(seen.has(id)).toBe(true);
      const write = await analyst.post(`/api/cases/${ids.wujiangA}/actions`, {
        title: '分析员',
        dueOn: dayFromToday(3),
      });
      expect(write.statusCode).toBe(403);
      const agency = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['agency'] })).id);
      expect((await agency.get('/api/cases')).statusCode).toBe(403);
    });
  });

  describe('headcount resolved', () => {
    it('counts placements hired from the opening day on, on linked orders, still employed', async () => {
      const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
      const linked = await buildJobOrder(ctx.deps, enterprise.id);
      const other = await buildJobOrder(ctx.deps, enterprise.id);
      const opened = dayFromToday(-20);
      const serviceCase = await buildCase(ctx.deps, enterprise.id, {
        openedOn: opened,
        jobOrderIds: [linked.id],
      });
      await buildPlacement(ctx.deps, linked, { hiredOn: dayFromToday(-25) }); // before the case: no
      await buildPlacement(ctx.deps, linked, { hiredOn: opened }); // the opening day: yes
      await buildPlacement(ctx.deps, linked, { hiredOn: dayFromToday(-5) }); // yes
      await buildPlacement(ctx.deps, linked, { hiredOn: dayFromToday(-10), endedOn: dayFromToday(-2) }); // left: no
      await buildPlacement(ctx.deps, other, { hiredOn: dayFromToday(-3) }); // unlinked order: no
      const detail = (await officer.get(`/api/cases/${serviceCase.id}`)).json();
      expect(detail.headcountResolved).toBe(2);
      expect(detail.jobOrders).toEqual([expect.objectContaining({ id: linked.id, resolved: 2 })]);
    });

    it('counts every order of the enterprise when none is linked, and stops at the closing day', async () => {
      const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
      const order = await buildJobOrder(ctx.deps, enterprise.id);
      const serviceCase = await buildCase(ctx.deps, enterprise.id, {
        status: 'resolved',
        openedOn: dayFromToday(-30),
        closedOn: dayFromToday(-10),
      });
      await buildPlacement(ctx.deps, order, { hiredOn: dayFromToday(-20) }); // yes
      await buildPlacement(ctx.deps, order, { hiredOn: dayFromToday(-10) }); // closing day: yes
      await buildPlacement(ctx.deps, order, { hiredOn: dayFromToday(-5) }); // after closing: no
      await buildPlacement(ctx.deps, order, { hiredOn: dayFromToday(-15), endedOn: dayFromToday(-3) }); // left after closing: yes
      const list = (await officer.get(`/api/cases?status=closed&enterpriseId=${enterprise.id}`)).json();
      expect(list.items).toEqual([expect.objectContaining({ id: serviceCase.id, headcountResolved: 3 })]);
    });
  });

  describe('plan and lifecycle', () => {
    it('opens a case with a plan, owned by the enterprise’s liaison, audited', async () => {
      const order = await buildJobOrder(ctx.deps, wujiangA.id);
      const response = await officer.post('/api/cases', {
        enterpriseId: wujiangA.id,
        title: '一企一策：普工缺口',
        category: 'shortage',
        problem: '订单增长，普工缺 40 人',
        jobOrderIds: [order.id],
        actions: [
          { title: '对接劳务基地专场招聘', dueOn: dayFromToday(10), ownerUserId: liaisonId },
          { title: '调整薪资结构', dueOn: dayFromToday(20), ownerText: '企业人事部' },
        ],
      });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        ownerUserId: liaisonId,
        status: 'open',
        linkedOrders: 1,
        actionsTotal: 2,
        actionsOverdue: 0,
      });
      expect(body.actions.map((a: { ownerName: string }) => a.ownerName)).toContain('企业人事部');
      const audit = await ctx.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', body.id)
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['case.create']);
    });

    it('refuses an order of another enterprise and an owner who is not staff, changing nothing', async () => {
      const foreign = await buildJobOrder(ctx.deps, wujiangB.id);
      const hr = await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: wujiangA.id });
      const before = await countCases(wujiangA.id);
      const response = await officer.request('POST', '/api/cases', {
        body: {
          enterpriseId: wujiangA.id,
          title: '无效个案',
          category: 'other',
          ownerUserId: hr.id,
          jobOrderIds: [foreign.id],
        },
        headers: { 'accept-language': 'en' },
      });
      expect(response.statusCode).toBe(400);
      const paths = response.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['ownerUserId', 'jobOrderIds']));
      expect(response.json().errors.find((e: { path: string }) => e.path === 'jobOrderIds').message).toBe(
        'Only orders of the case’s enterprise can be linked',
      );
      expect(await countCases(wujiangA.id)).toBe(before);
    });

    it('highlights overdue actions and filters by them, and lists my overdue actions', async () => {
      const serviceCase = await buildCase(ctx.deps, wujiangB.id, {
        title: '留工稳岗',
        ownerUserId: liaisonId,
        openedOn: dayFromToday(-40),
      });
      const late = await buildCaseAction(ctx.deps, serviceCase.id, {
        dueOn: dayFromToday(-3),
        title: '申请以工代训补贴',
      });
      await buildCaseAction(ctx.deps, serviceCase.id, { dueOn: dayFromToday(5) });
      await buildCaseAction(ctx.deps, serviceCase.id, { dueOn: dayFromToday(-9), status: 'done' });
      const detail = (await liaison.get(`/api/cases/${serviceCase.id}`)).json();
      expect(detail.actionsOverdue).toBe(1);
      expect(detail.actions.find((a: { id: string }) => a.id === late.id).isOverdue).toBe(true);
      const overdue = (await liaison.get('/api/cases?owner=me&overdue=true&sort=-overdue')).json();
      expect(overdue.items.map((item: { id: string }) => item.id)).toContain(serviceCase.id);
      expect(overdue.items.every((item: { actionsOverdue: number }) => item.actionsOverdue > 0)).toBe(true);
      const mine = (await liaison.get('/api/case-actions?owner=me&overdue=true')).json();
      expect(mine.items).toEqual([
        expect.objectContaining({ id: late.id, caseTitle: '留工稳岗', enterpriseName: wujiangB.name }),
      ]);
    });

    it('adds an action, marks it done, resolves the case, then refuses changes until reopened', async () => {
      const serviceCase = await buildCase(ctx.deps, wujiangA.id, {
        category: 'training',
        ownerUserId: liaisonId,
      });
      const added = await liaison.post(`/api/cases/${serviceCase.id}/actions`, {
        title: '组织直播带岗',
        dueOn: dayFromToday(7),
      });
      expect(added.statusCode).toBe(201);
      const action = added.json().actions[0];
      const done = await liaison.patch(`/api/cases/${serviceCase.id}/actions/${action.id}`, {
        status: 'done',
        version: action.version,
      });
      expect(done.statusCode).toBe(200);
      expect(done.json().actions[0]).toMatchObject({ status: 'done', doneOn: dayFromToday(0) });
      const stale = await liaison.patch(`/api/cases/${serviceCase.id}/actions/${action.id}`, {
        note: '旧版本',
        version: action.version,
      });
      expect(stale.statusCode).toBe(409);
      const cancelled = await liaison.post(`/api/cases/${serviceCase.id}/status`, {
        status: 'cancelled',
        version: 1,
      });
      expect(cancelled.statusCode).toBe(400);
      const resolved = await liaison.post(`/api/cases/${serviceCase.id}/status`, {
        status: 'resolved',
        version: 1,
      });
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json().closedAt).not.toBeNull();
      const refused = await liaison.post(`/api/cases/${serviceCase.id}/actions`, {
        title: '再加一条',
        dueOn: dayFromToday(3),
      });
      expect(refused.statusCode).toBe(409);
      const reopened = await liaison.post(`/api/cases/${serviceCase.id}/status`, {
        status: 'open',
        version: 2,
      });
      expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
      const illegal = await liaison.post(`/api/cases/${serviceCase.id}/status`, {
        status: 'open',
        version: 3,
      });
      expect(illegal.statusCode).toBe(409);
    });

    it('reassigns an action to a colleague and moves its due date, audited, versioned', async () => {
      const serviceCase = await buildCase(ctx.deps, wujiangA.id, {
        ownerUserId: liaisonId,
        openedOn: dayFromToday(-20),
      });
      const action = await buildCaseAction(ctx.deps, serviceCase.id, {
        title: '调整薪资结构',
        dueOn: dayFromToday(-2),
        ownerText: '企业人事部',
      });
      const colleague = await buildUser(ctx.deps, {
        roles: ['district_officer'],
        districtCodes: [WUJIANG],
        displayName: '吴江就业中心 陈科长',
      });
      const moved = await liaison.patch(`/api/cases/${serviceCase.id}/actions/${action.id}`, {
        ownerUserId: colleague.id,
        dueOn: dayFromToday(10),
        version: action.version,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().actions.find((a: { id: string }) => a.id === action.id)).toMatchObject({
        ownerUserId: colleague.id,
        ownerText: '',
        ownerName: '吴江就业中心 陈科长',
        dueOn: dayFromToday(10),
        isOverdue: false,
        version: action.version + 1,
      });
      expect(moved.json().actionsOverdue).toBe(0);
      const audit = await ctx.deps.db
        .selectFrom('audit_events')
        .select(['action', 'before', 'after'])
        .where('entity_id', '=', serviceCase.id)
        .execute();
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'case.action_update',
          before: expect.objectContaining({ ownerUserId: null, dueOn: dayFromToday(-2) }),
          after: expect.objectContaining({ ownerUserId: colleague.id, dueOn: dayFromToday(10) }),
        }),
      ]);
      // Handing it back to a named party clears the account.
      const back = await liaison.patch(`/api/cases/${serviceCase.id}/actions/${action.id}`, {
        ownerUserId: null,
        ownerText: '企业人事部',
        version: action.version + 1,
      });
      expect(back.json().actions[0]).toMatchObject({ ownerUserId: null, ownerName: '企业人事部' });
    });

    it('refuses an owner who does not serve the enterprise and a due date before opening, changing nothing', async () => {
      const serviceCase = await buildCase(ctx.deps, wujiangA.id, { openedOn: dayFromToday(-5) });
      const action = await buildCaseAction(ctx.deps, serviceCase.id, { dueOn: dayFromToday(3) });
      const elsewhere = await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [XIANGCHENG] });
      const refused = await liaison.request('PATCH', `/api/cases/${serviceCase.id}/actions/${action.id}`, {
        body: { ownerUserId: elsewhere.id, dueOn: dayFromToday(-6), version: action.version },
        headers: { 'accept-language': 'en' },
      });
      expect(refused.statusCode).toBe(400);
      const errors = refused.json().errors as { path: string; message: string }[];
      expect(errors.map((e) => e.path).sort()).toEqual(['dueOn', 'ownerUserId']);
      expect(errors.find((e) => e.path === 'ownerUserId')?.message).toMatch(/serving this enterprise/);
      const after = (await liaison.get(`/api/cases/${serviceCase.id}`)).json().actions[0];
      expect(after).toMatchObject({ ownerUserId: null, dueOn: dayFromToday(3), version: action.version });
      // The same rule holds when opening a case and when changing the case's owner.
      const opened = await officer.post('/api/cases', {
        enterpriseId: wujiangA.id,
        title: '交给外区联络员',
        category: 'other',
        ownerUserId: elsewhere.id,
      });
      expect(opened.statusCode).toBe(400);
      const reowned = await officer.patch(`/api/cases/${serviceCase.id}`, {
        ownerUserId: elsewhere.id,
        version: serviceCase.version,
      });
      expect(reowned.statusCode).toBe(400);
      // Another district's officer cannot touch the action at all.
      const stranger = await sessionFor(
        ctx,
        (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [XIANGCHENG] })).id,
      );
      const hidden = await stranger.patch(`/api/cases/${serviceCase.id}/actions/${action.id}`, {
        dueOn: dayFromToday(9),
        version: action.version,
      });
      expect(hidden.statusCode).toBe(404);
    });

    it('links and unlinks an order of the enterprise', async () => {
      const serviceCase = await buildCase(ctx.deps, wujiangA.id);
      const order = await buildJobOrder(ctx.deps, wujiangA.id);
      const linked = await officer.post(`/api/cases/${serviceCase.id}/job-orders`, { jobOrderId: order.id });
      expect(linked.json().jobOrders.map((o: { id: string }) => o.id)).toEqual([order.id]);
      const again = await officer.post(`/api/cases/${serviceCase.id}/job-orders`, { jobOrderId: order.id });
      expect(again.json().linkedOrders).toBe(1);
      const unlinked = await officer.request('DELETE', `/api/cases/${serviceCase.id}/job-orders/${order.id}`);
      expect(unlinked.json().linkedOrders).toBe(0);
    });
  });

  async function countCases(enterpriseId: string): Promise<number> {
    const rows = await ctx.deps.db
      .selectFrom('service_cases')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .execute();
    return rows.length;
  }
});
