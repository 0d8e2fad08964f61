import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser } from '../../../test/factories.ts';
import { buildCase, buildCaseAction, dayFromToday } from '../../../test/factories-cases.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { readXlsxRows } from '../../../test/xlsx.ts';
import { sessionFor } from '../marketplace/marketplace.test-support.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';

describe('case and visit exports', () => {
  let ctx: TestContext;
  let liaisonId: string;
  let liaison: TestClient;
  let officer: TestClient;
  let mine: { id: string; name: string };
  let foreign: { id: string; name: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    liaisonId = (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).id;
    liaison = await sessionFor(ctx, liaisonId);
    officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [XIANGCHENG] })).id,
    );
    mine = await buildEnterprise(ctx.deps, { districtCode: WUJIANG, liaisonUserId: liaisonId });
    foreign = await buildEnterprise(ctx.deps, { districtCode: XIANGCHENG });
    const open = await buildCase(ctx.deps, mine.id, {
      title: '焊工缺口帮扶',
      ownerUserId: liaisonId,
      openedOn: dayFromToday(-10),
    });
    await buildCaseAction(ctx.deps, open.id, { dueOn: dayFromToday(-1) });
    await buildCaseAction(ctx.deps, open.id, { dueOn: dayFromToday(5), status: 'done' });
    await buildCase(ctx.deps, mine.id, {
      title: '已办结的培训个案',
      category: 'training',
      status: 'resolved',
    });
    await buildCase(ctx.deps, foreign.id, { title: '相城个案' });
    for (const [enterpriseIds, kind] of [
      [[mine.id], 'visit'],
      [[mine.id], 'phone'],
    ] as const) {
      const logged = await liaison.post('/api/visits', {
        kind,
        visitedOn: dayFromToday(kind === 'visit' ? -3 : 0),
        enterpriseIds,
        notes: kind === 'visit' ? '上门走访：核实焊工缺口 40 人' : '电话回访：返岗进度',
      });
      expect(logged.statusCode).toBe(201);
    }
    const theirs = await officer.post('/api/visits', {
      kind: 'meeting',
      visitedOn: dayFromToday(0),
      enterpriseIds: [foreign.id],
      notes: '相城座谈',
    });
    expect(theirs.statusCode).toBe(201);
  });
  afterAll(() => ctx.close());

  it('exports the filtered cases in scope, with the figures of the list, audited', async () => {
    const response = await liaison.get('/api/cases/export?status=all&sort=openedAt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="cases-/);
    const rows = await readXlsxRows(response.rawPayload);
    expect(rows[0]?.slice(0, 5)).toEqual(['个案标题', '企业名称', '所属区县', '类别', '状态']);
    const body = rows.slice(1);
    expect(body.map((row) => row[0])).toEqual(['焊工缺口帮扶', '已办结的培训个案']);
    const [open] = body;
    expect(open?.slice(0, 6)).toEqual([
      '焊工缺口帮扶',
      mine.name,
      '吴江区',
      '缺工',
      '待办理',
      expect.any(String),
    ]);
    // 措施（完成/总数）, 逾期措施数
    expect([open?.[11], open?.[12]]).toEqual(['1/2', '1']);
    const active = await readXlsxRows((await liaison.get('/api/cases/export?status=active')).rawPayload);
    expect(active.slice(1).map((row) => row[0])).toEqual(['焊工缺口帮扶']);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', '=', 'case.export')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.after).toMatchObject({ filter: { status: 'all' } });
  });

  it('exports the filtered visit log in scope, audited, and hides it from enterprise HR', async () => {
    const response = await liaison.get(`/api/visits/export?kind=visit&from=${dayFromToday(-7)}`);
    expect(response.statusCode).toBe(200);
    const rows = await readXlsxRows(response.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['日期', '方式', '企业名称']);
    expect(rows).toHaveLength(2);
    const [visit] = rows.slice(1);
    expect(visit?.slice(0, 4)).toEqual([dayFromToday(-3), '走访', mine.name, '吴江区']);
    // 情况记录 and 同次记录企业数 (empty cells come back as holes).
    expect([visit?.[6], visit?.[9]]).toEqual(['上门走访：核实焊工缺口 40 人', '1']);
    const all = await readXlsxRows((await liaison.get('/api/visits/export')).rawPayload);
    expect(all.slice(1).map((row) => row[2])).toEqual([mine.name, mine.name]);
    const audited = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'visit.export')
      .execute();
    expect(audited).toHaveLength(2);
    const hr = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: mine.id })).id,
    );
    const hidden = await readXlsxRows((await hr.get('/api/visits/export')).rawPayload);
    expect(hidden).toHaveLength(1);
  });

  it('refuses accounts without case access and bad filters', async () => {
    const agency = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['agency'] })).id);
    expect((await agency.get('/api/cases/export')).statusCode).toBe(403);
    expect((await agency.get('/api/visits/export')).statusCode).toBe(403);
    expect((await liaison.get('/api/visits/export?from=2026-13-01')).statusCode).toBe(400);
  });
});
