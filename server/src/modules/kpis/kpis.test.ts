import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgency,
  buildAgencyUser,
  buildEnterprise,
  buildJobOrder,
  buildUser,
} from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { readXlsxRows } from '../../../test/xlsx.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { registrationBody } from '../workers/workers.test-support.ts';

const WUJIANG = '320509';
const XIANGCHENG = '320507';

function daysAgo(days: number): string {
  return new Date(Date.parse(todayIn()) - days * 86_400_000).toISOString().slice(0, 10);
}

describe('channel effectiveness', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext();
    const user = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    officer = await ctx.signIn(user.username);
    admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
  });
  afterAll(() => ctx.close());

  /**
   * An agency whose staff registered a worker (in the city-wide pool), whom an administrator put
   * forward to a 吴江 order and the district hired 40 days ago.
   */
  async function agencyWithHire() {
    const agency = await buildAgency(ctx.deps);
    const staff = await ctx.signIn((await buildAgencyUser(ctx.deps, agency.id)).username);
    const registered = await staff.post('/api/workers', registrationBody({ name: '渠道测试工' }));
    expect(registered.statusCode, registered.body).toBe(201);
    const workerId: string = registered.json().worker.id;
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const order = await buildJobOrder(ctx.deps, enterprise.id);
    const created = await admin.post('/api/applications', { workerId, jobOrderId: order.id });
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json();
    expect(application.channel).toBe('agency');
    await ctx.deps.db
      .updateTable('applications')
      .set({ status: 'offered' })
      .where('id', '=', application.id)
      .execute();
    const hired = await officer.post(`/api/applications/${application.id}/move`, {
      to: 'hired',
      date: daysAgo(40),
      version: application.version,
    });
    expect(hired.statusCode, hired.body).toBe(200);
    const placement = await ctx.deps.db
      .selectFrom('placements')
      .selectAll()
      .where('application_id', '=', application.id)
      .executeTakeFirstOrThrow();
    return { agency, workerId, enterprise, placement, applicationId: application.id as string };
  }

  it('credits an agency with the worker it supplied, the application, the hire and the 30-day retention', async () => {
    const { agency, placement, applicationId } = await agencyWithHire();
    expect(placement).toMatchObject({ channel: 'agency', channel_ref: agency.id });
    const current = (await officer.get(`/api/applications/${applicationId}`)).json();
    const retained = await officer.post(`/api/placements/${placement.id}/retention`, {
      checkpoint: 30,
      retained: true,
      version: current.version,
    });
    expect(retained.statusCode, retained.body).toBe(200);

    const response = await officer.get(`/api/kpis/channels?channel=agency&from=${daysAgo(60)}`);
    expect(response.statusCode, response.body).toBe(200);
    const row = response.json().items.find((item: { ref: string }) => item.ref === agency.id);
    expect(row).toMatchObject({
      channel: 'agency',
      name: agency.name,
      supplied: 1,
      applications: 1,
      hires: 1,
      hireRate: 1,
      retention30: { retained: 1, lost: 0, pending: 0, rate: 1 },
      retention90: { retained: 0, lost: 0, pending: 0, rate: null },
    });
  });

  it('opens every figure as the records it counts, with ID numbers masked', async () => {
    const { agency, workerId, enterprise } = await agencyWithHire();
    const base = `/api/kpis/channels/records?channel=agency&ref=${agency.id}&from=${daysAgo(60)}`;
    const hires = await officer.get(`${base}&metric=hires`);
    expect(hires.statusCode, hires.body).toBe(200);
    expect(hires.json()).toMatchObject({
      total: 1,
      items: [{ workerId, enterpriseName: enterprise.name, date: daysAgo(40) }],
    });
    expect(hires.json().items[0].idNumberMasked).toMatch(/\*{4}/);
    const supplied = (await officer.get(`${base}&metric=supplied`)).json();
    expect(supplied.items.map((item: { workerId: string }) => item.workerId)).toEqual([workerId]);
    // The 30-day checkpoint is due (hired 40 days ago) and unchecked: listed, pending.
    const due = (await officer.get(`${base}&metric=retained30`)).json();
    expect(due.items).toMatchObject([{ workerId, status: 'pending' }]);
    const notDue = (await officer.get(`${base}&metric=retained90`)).json();
    expect(notDue.total).toBe(0);
    const figures = (await officer.get(`/api/kpis/channels?channel=agency&from=${daysAgo(60)}`)).json();
    const row = figures.items.find((item: { ref: string }) => item.ref === agency.id);
    expect(row.retention30).toEqual({ retained: 0, lost: 0, pending: 1, rate: null });
  });

  it('exports the report to Excel with the same figures, and audits the export', async () => {
    const { agency } = await agencyWithHire();
    const exported = await officer.get(`/api/kpis/channels/export?channel=agency&from=${daysAgo(60)}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsxRows(exported.rawPayload);
    expect(rows[1]?.slice(0, 5)).toEqual(['渠道类型', '渠道', '供给人数', '推介/报名', '到岗']);
    expect(rows.find((row) => row[1] === agency.name)?.slice(0, 5)).toEqual([
      '人力资源服务机构',
      agency.name,
      '1',
      '1',
      '1',
    ]);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'kpi.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('lists an approved agency that supplied nobody, with zeros and no rates', async () => {
    const agency = await buildAgency(ctx.deps);
    const body = (await officer.get('/api/kpis/channels?channel=agency')).json();
    expect(body.items.find((item: { ref: string }) => item.ref === agency.id)).toMatchObject({
      supplied: 0,
      hires: 0,
      hireRate: null,
      retention30: { rate: null },
    });
  });

  it('keeps officers to their own districts and leaders to the figures', async () => {
    const { agency } = await agencyWithHire();
    const other = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [XIANGCHENG] })).username,
    );
    expect((await other.get(`/api/kpis/channels?districtCode=${WUJIANG}`)).statusCode).toBe(403);
    const own = (await other.get(`/api/kpis/channels?channel=agency&from=${daysAgo(60)}`)).json();
    const row = own.items.find((item: { ref: string }) => item.ref === agency.id);
    // The hire was in 吴江: nothing of it counts for 相城 (the approved agency is still listed).
    expect(row).toMatchObject({ applications: 0, hires: 0 });

    const leader = await ctx.signIn((await buildUser(ctx.deps, { roles: ['leader'] })).username);
    const figures = (await leader.get(`/api/kpis/channels?channel=agency&from=${daysAgo(60)}`)).json();
    expect(figures.items.find((item: { ref: string }) => item.ref === agency.id)).toMatchObject({ hires: 1 });
    const records = await leader.get(
      `/api/kpis/channels/records?channel=agency&ref=${agency.id}&metric=hires&from=${daysAgo(60)}`,
    );
    expect(records.statusCode).toBe(403);
    const enterpriseHr = await ctx.signIn(
      (
        await buildUser(ctx.deps, {
          roles: ['enterprise'],
          enterpriseId: (await buildEnterprise(ctx.deps)).id,
        })
      ).username,
    );
    expect((await enterpriseHr.get('/api/kpis/channels')).statusCode).toBe(403);
  });

  it('refuses a reversed period in the reader’s language', async () => {
    const zh = await officer.get(`/api/kpis/channels?from=${daysAgo(1)}&to=${daysAgo(5)}`);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toMatchObject([{ path: 'from', message: '开始日期不能晚于结束日期' }]);
    const user = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    const en = await ctx.signIn(user.username, { locale: 'en' });
    const reply = await en.get(`/api/kpis/channels?from=${daysAgo(1)}&to=${daysAgo(5)}`);
    expect(reply.json().errors).toMatchObject([
      { path: 'from', message: 'The start date is after the end date' },
    ]);
  });
});
