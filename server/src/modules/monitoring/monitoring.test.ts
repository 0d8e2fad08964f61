import { addMonths, classifyShortage, DEFAULT_COLOUR_THRESHOLDS } from '@yonggong/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildUser } from '../../../test/factories.ts';
import { buildMonitoringReport } from '../../../test/factories-monitoring.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { readXlsxRows } from '../../../test/xlsx.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { recordClosedMonthSnapshot } from './monitoring.service.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';
const THIS_MONTH = todayIn().slice(0, 7);
const LAST = addMonths(THIS_MONTH, -1);
const BEFORE = addMonths(THIS_MONTH, -2);
const OLD = addMonths(THIS_MONTH, -6);

describe('monitoring', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let analyst: TestClient;
  let officerXc: TestClient;
  let liaisonId: string;
  let liaison: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    const o = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    const a = await buildUser(ctx.deps, { roles: ['analyst'] });
    const x = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [XIANGCHENG] });
    const l = await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] });
    liaisonId = l.id;
    officer = await ctx.signIn(o.username);
    analyst = await ctx.signIn(a.username);
    officerXc = await ctx.signIn(x.username);
    liaison = await ctx.signIn(l.username);
  });
  afterAll(() => ctx.close());

  const reportBody = (enterpriseId: string, month: string, overrides: Record<string, unknown> = {}) => ({
    enterpriseId,
    month,
    plannedHeadcount: 1000,
    actualHeadcount: 950,
    hires: 30,
    separations: 10,
    shortage: 50,
    ...overrides,
  });

  it('warns on a reconciliation mismatch and saves once the reporter confirms', async () => {
    const e = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: LAST, planned: 1000, actual: 900 });
    const mismatch = await officer.post('/api/monitoring/reports', reportBody(e.id, THIS_MONTH));
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json()).toMatchObject({
      code: 'conflict',
      reconciliation: { expected: 920, actual: 950, difference: 30 },
    });
    expect(mismatch.json().detail).toContain('900');
    const count = await ctx.deps.db
      .selectFrom('monitoring_reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('enterprise_id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const confirmed = await officer.post(
      '/api/monitoring/reports',
      reportBody(e.id, THIS_MONTH, { confirmReconciliation: true }),
    );
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({
      reconciliation: { previousActual: 900, difference: 30, confirmed: true },
      colour: 'yellow',
      shortageRate: 0.05,
    });

    const balanced = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    await buildMonitoringReport(ctx.deps, {
      enterpriseId: balanced.id,
      month: LAST,
      planned: 1000,
      actual: 930,
    });
    const ok = await officer.post('/api/monitoring/reports', reportBody(balanced.id, THIS_MONTH));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().reconciliation).toEqual({ previousActual: 930, difference: null, confirmed: false });
    const again = await officer.post('/api/monitoring/reports', reportBody(balanced.id, THIS_MONTH));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate');
  });

  it('offers an import template whose example row is explained on a 填写说明 sheet', async () => {
    const template = await officer.get('/api/monitoring/reports/import/template');
    expect(template.statusCode).toBe(200);
    const rows = await readXlsxRows(template.rawPayload);
    expect(rows[0]?.[0]).toContain('统一社会信用代码');
    expect(rows[1]?.[0]).toBe('91320509MA1XXXXXXX');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['用工监测月报', '填写说明']);
  });

  it('rejects bad figures with field messages in both languages and changes nothing', async () => {
    const e = await buildEnterprise(ctx.deps, { keyLevel: 'district', districtCode: WUJIANG });
    const bad = await officer.post(
      '/api/monitoring/reports',
      reportBody(e.id, THIS_MONTH, {
        shortage: 1200,
        shortageByOccupation: [{ occupationCode: '6-25', shortage: 3 }],
      }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['shortage', 'shortageByOccupation']));
    expect(bad.json().errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    const en = await (
      await ctx.signIn(
        (
          await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })
        ).username,
        { locale: 'en' },
      )
    ).post('/api/monitoring/reports', reportBody(e.id, '2026-13'));
    expect(en.statusCode).toBe(400);
    expect(en.json().errors[0].message).toContain('YYYY-MM');
    const notMonitored = await buildEnterprise(ctx.deps, { keyLevel: 'none', districtCode: WUJIANG });
    const refused = await officer.post('/api/monitoring/reports', reportBody(notMonitored.id, THIS_MONTH));
    expect(refused.statusCode).toBe(400);
  });

  it('colours exactly 5 % and exactly 15 % yellow, and SQL agrees with the engine', async () => {
    const cases = [
      { shortage: 49, expected: 'green' },
      { shortage: 50, expected: 'yellow' },
      { shortage: 150, expected: 'yellow' },
      { shortage: 151, expected: 'red' },
      { shortage: 0, expected: 'green' },
    ] as const;
    const ids: string[] = [];
    for (const c of cases) {
      const e = await buildEnterprise(ctx.deps, {
        keyLevel: 'city',
        districtCode: XIANGCHENG,
        industryCode: '38',
      });
      ids.push(e.id);
      await buildMonitoringReport(ctx.deps, {
        enterpriseId: e.id,
        month: OLD,
        planned: 1000,
        shortage: c.shortage,
      });
    }
    const zero = await buildEnterprise(ctx.deps, {
      keyLevel: 'city',
      districtCode: XIANGCHENG,
      industryCode: '38',
    });
    await buildMonitoringReport(ctx.deps, { enterpriseId: zero.id, month: OLD, planned: 0, shortage: 0 });
    const response = await officerXc.get(
      `/api/monitoring/map?level=enterprise&month=${OLD}&districtCode=${XIANGCHENG}`,
    );
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      enterpriseId: string;
      colour: string;
      shortageRate: number | null;
    }[];
    cases.forEach((c, i) => {
      const item = items.find((it) => it.enterpriseId === ids[i]);
      expect(item?.colour).toBe(c.expected);
      expect(
        classifyShortage(
          { shortage: c.shortage, planned: 1000, previousRate: null, previous2Rate: null },
          DEFAULT_COLOUR_THRESHOLDS,
        ),
      ).toBe(c.expected);
    });
    expect(items.find((it) => it.enterpriseId === zero.id)).toMatchObject({
      colour: 'none',
      shortageRate: null,
    });

    const district = await officerXc.get(`/api/monitoring/map?level=district&month=${OLD}`);
    const xc = district.json().items.find((d: { districtCode: string }) => d.districtCode === XIANGCHENG);
    expect(xc.counts).toMatchObject({ green: 2, yellow: 2, red: 1, none: 1 });
    expect(district.json().items.map((d: { districtCode: string }) => d.districtCode)).toEqual([XIANGCHENG]);
    expect(district.json().thresholds).toMatchObject({ yellowFrom: 0.05, redAbove: 0.15 });

    const industry = await analyst.get(
      `/api/monitoring/map?level=industry&month=${OLD}&districtCode=${XIANGCHENG}`,
    );
    expect(industry.json().items).toEqual([
      expect.objectContaining({ industryCode: '38', reported: 6, enterprises: 6 }),
    ]);
  });

  it('follows changed thresholds and the rising rule', async () => {
    const e = await buildEnterprise(ctx.deps, {
      keyLevel: 'city',
      districtCode: XIANGCHENG,
      liaisonUserId: liaisonId,
    });
    const m = addMonths(OLD, -6);
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: addMonths(m, -2), shortage: 60 });
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: addMonths(m, -1), shortage: 80 });
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: m, shortage: 100 });
    const map = await analyst.get(
      `/api/monitoring/map?level=enterprise&month=${m}&districtCode=${XIANGCHENG}`,
    );
    expect(map.json().items.find((it: { enterpriseId: string }) => it.enterpriseId === e.id)).toMatchObject({
      colour: 'red',
      previousColour: 'yellow',
    });
    const forbidden = await officer.request('PUT', '/api/monitoring/settings', {
      body: {
        window: { fromDay: 20, toDay: 24, monthOffset: 0 },
        thresholds: { yellowFrom: 0.05, redAbove: 0.15, risingToRed: false },
      },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('lists late and missing reports once the window has closed', async () => {
    const liaisonEnterprise = await buildEnterprise(ctx.deps, {
      keyLevel: 'city',
      districtCode: WUJIANG,
      liaisonUserId: liaisonId,
    });
    const lateOne = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    const onTime = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    // Default window: the 20th–24th of the month itself (Beijing time).
    await buildMonitoringReport(ctx.deps, {
      enterpriseId: lateOne.id,
      month: BEFORE,
      submittedAt: new Date(`${BEFORE}-27T02:00:00Z`),
    });
    await buildMonitoringReport(ctx.deps, {
      enterpriseId: onTime.id,
      month: BEFORE,
      submittedAt: new Date(`${BEFORE}-24T15:00:00Z`),
    });
    const response = await officer.get(`/api/monitoring/late?month=${BEFORE}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.window).toEqual({ from: `${BEFORE}-20`, to: `${BEFORE}-24` });
    expect(body.isClosed).toBe(true);
    const status = new Map(
      body.items.map((i: { enterpriseId: string; status: string }) => [i.enterpriseId, i.status]),
    );
    expect(status.get(lateOne.id)).toBe('late');
    expect(status.get(liaisonEnterprise.id)).toBe('missing');
    // 15:00Z on the 24th is 23:00 in Beijing: on time.
    expect(status.has(onTime.id)).toBe(false);
    const mine = await liaison.get(`/api/monitoring/late?month=${BEFORE}&liaison=me`);
    expect(mine.json().items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([
      liaisonEnterprise.id,
    ]);
    expect(mine.json().items[0].liaisonName).toBeTruthy();
  });

  it('scopes the map, reports and alerts by district, liaison and enterprise', async () => {
    const month = addMonths(OLD, -12);
    const wj = await buildEnterprise(ctx.deps, {
      keyLevel: 'city',
      districtCode: WUJIANG,
      liaisonUserId: liaisonId,
    });
    const wjOther = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    const xc = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: XIANGCHENG });
    await buildMonitoringReport(ctx.deps, { enterpriseId: wj.id, month: addMonths(month, -1), shortage: 20 });
    for (const e of [wj, wjOther, xc])
      await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month, shortage: 200 });
    const ids = async (client: TestClient, url: string) =>
      ((await client.get(url)).json().items as { enterpriseId: string }[])
        .map((i) => i.enterpriseId)
        .filter((id) => [wj.id, wjOther.id, xc.id].includes(id))
        .sort();

    expect(await ids(analyst, `/api/monitoring/map?level=enterprise&month=${month}`)).toEqual(
      [wj.id, wjOther.id, xc.id].sort(),
    );
    expect(await ids(officer, `/api/monitoring/map?level=enterprise&month=${month}`)).toEqual(
      [wj.id, wjOther.id].sort(),
    );
    expect(await ids(liaison, `/api/monitoring/map?level=enterprise&month=${month}&liaison=me`)).toEqual([
      wj.id,
    ]);
    expect(await ids(officerXc, `/api/monitoring/reports?month=${month}`)).toEqual([xc.id]);
    const hr = await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: xc.id });
    const hrClient = await ctx.signIn(hr.username);
    expect(await ids(hrClient, `/api/monitoring/map?level=enterprise&month=${month}`)).toEqual([xc.id]);
    expect((await hrClient.get(`/api/monitoring/enterprises/${wj.id}/history`)).statusCode).toBe(404);

    const alerts = await liaison.get(`/api/monitoring/alerts?month=${month}&liaison=me`);
    expect(alerts.json().items).toEqual([
      expect.objectContaining({
        enterpriseId: wj.id,
        kind: 'turned_red',
        colour: 'red',
        previousColour: 'green',
        shortageRate: 0.2,
        previousShortageRate: 0.02,
      }),
    ]);
    // Another district's officer may not report for Wujiang.
    const refused = await officerXc.post('/api/monitoring/reports', reportBody(wj.id, addMonths(month, 1)));
    expect(refused.statusCode).toBe(404);
    const agency = await buildUser(ctx.deps, { roles: ['agency'] });
    expect(
      (await (await ctx.signIn(agency.username)).get(`/api/monitoring/map?level=district&month=${month}`))
        .statusCode,
    ).toBe(403);
  });

  it('serves trends, history and the schematic boundaries with their notice', async () => {
    const e = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    const from = addMonths(OLD, -30);
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: from, shortage: 100 });
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: addMonths(from, 1), shortage: 30 });
    const history = await officer.get(
      `/api/monitoring/enterprises/${e.id}/history?from=${from}&to=${addMonths(from, 2)}`,
    );
    expect(history.json().points.map((p: { colour: string }) => p.colour)).toEqual(['yellow', 'green']);
    const trends = await officer.get(
      `/api/monitoring/trends?from=${from}&to=${addMonths(from, 2)}&districtCode=${WUJIANG}`,
    );
    expect(trends.statusCode).toBe(200);
    expect(trends.json().series[0].points).toHaveLength(3);
    const reversed = await officer.get(`/api/monitoring/trends?from=${addMonths(from, 2)}&to=${from}`);
    expect(reversed.statusCode).toBe(400);
    const boundaries = await officer.get('/api/monitoring/boundaries');
    expect(boundaries.json()).toMatchObject({ type: 'FeatureCollection', isSchematic: true });
    expect(boundaries.json().notice).toContain('示意边界，非测绘成果');
    expect(boundaries.json().features).toHaveLength(10);
  });

  it('changes settings with an audit entry and rejects a reversed pair', async () => {
    const admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
    const bad = await admin.request('PUT', '/api/monitoring/settings', {
      body: {
        window: { fromDay: 20, toDay: 24, monthOffset: 0 },
        thresholds: { yellowFrom: 0.2, redAbove: 0.15, risingToRed: true },
      },
    });
    expect(bad.statusCode).toBe(400);
    const good = await admin.request('PUT', '/api/monitoring/settings', {
      body: {
        window: { fromDay: 18, toDay: 25, monthOffset: 0 },
        thresholds: { yellowFrom: 0.05, redAbove: 0.15, risingToRed: true },
      },
    });
    expect(good.statusCode).toBe(200);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'monitoring.settings')
      .execute();
    expect(audit).toHaveLength(1);
    await admin.request('PUT', '/api/monitoring/settings', {
      body: {
        window: { fromDay: 20, toDay: 24, monthOffset: 0 },
        thresholds: { yellowFrom: 0.05, redAbove: 0.15, risingToRed: true },
      },
    });
  });

  it('filters the report list by reconciliation status', async () => {
    const e = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    await buildMonitoringReport(ctx.deps, { enterpriseId: e.id, month: BEFORE, planned: 1000, actual: 900 });
    await officer.post(
      '/api/monitoring/reports',
      reportBody(e.id, LAST, { actualHeadcount: 920, hires: 30, separations: 10 }),
    );
    const mismatch = await officer.post(
      '/api/monitoring/reports',
      reportBody(e.id, THIS_MONTH, { actualHeadcount: 990, confirmReconciliation: true }),
    );
    expect(mismatch.statusCode).toBe(201);
    const monthsOf = async (status: string) =>
      (await officer.get(`/api/monitoring/reports?enterpriseId=${e.id}&reconciliation=${status}`))
        .json()
        .items.map((r: { month: string }) => r.month);
    expect(await monthsOf('mismatch')).toEqual([THIS_MONTH]);
    expect(await monthsOf('balanced')).toEqual([LAST]);
    expect(await monthsOf('no_previous')).toEqual([BEFORE]);
    expect((await officer.get('/api/monitoring/reports?reconciliation=odd')).statusCode).toBe(400);
  });

  it('lists the enterprises still to report as pending on request while the window is open', async () => {
    // A month far ahead: its window has not opened, so nothing is late or missing yet.
    const future = addMonths(THIS_MONTH, 2);
    const e = await buildEnterprise(ctx.deps, { keyLevel: 'city', districtCode: WUJIANG });
    const plain = (await officer.get(`/api/monitoring/late?month=${future}`)).json();
    expect(plain.isClosed).toBe(false);
    expect(plain.items).toEqual([]);
    expect(plain.pending).toBeGreaterThanOrEqual(1);
    const listed = (await officer.get(`/api/monitoring/late?month=${future}&includePending=true`)).json();
    expect(listed.pending).toBe(plain.pending);
    expect(listed.items).toHaveLength(plain.pending);
    expect(listed.items.find((i: { enterpriseId: string }) => i.enterpriseId === e.id)).toMatchObject({
      status: 'pending',
      submittedAt: null,
    });
  });

  it('records the market snapshot of the month just ended once, as the scheduler does', async () => {
    const today = '2031-04-02';
    expect(await recordClosedMonthSnapshot(ctx.deps, today)).toBe('2031-03');
    const rows = await ctx.deps.db
      .selectFrom('monitoring_market_snapshots')
      .select(['district_code', 'open_places', 'job_seekers'])
      .where('month', '=', '2031-03-01')
      .execute();
    expect(rows).toHaveLength(10);
    // A second tick, or a second instance, finds the month recorded and writes nothing.
    expect(await recordClosedMonthSnapshot(ctx.deps, today)).toBeNull();
    const audits = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['actor_id'])
      .where('action', '=', 'monitoring.market_snapshot')
      .where('entity_id', '=', '2031-03')
      .execute();
    expect(audits).toEqual([{ actor_id: null }]);
    // A month an officer already recorded is left as it is.
    const admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
    expect((await admin.post('/api/monitoring/market-snapshots', { month: '2031-05' })).statusCode).toBe(200);
    await ctx.deps.db
      .updateTable('monitoring_market_snapshots')
      .set({ open_places: 4242 })
      .where('month', '=', '2031-05-01')
      .execute();
    expect(await recordClosedMonthSnapshot(ctx.deps, '2031-06-01')).toBeNull();
    const kept = await ctx.deps.db
      .selectFrom('monitoring_market_snapshots')
      .select('open_places')
      .where('month', '=', '2031-05-01')
      .execute();
    expect(kept.every((row) => row.open_places === 4242)).toBe(true);
  });
});
