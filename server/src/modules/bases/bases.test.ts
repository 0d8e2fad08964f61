import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildJobOrder, buildUser, buildWorker } from '../../../test/factories.ts';
import { buildBase, buildBaseUser, creditWorkerToBase } from '../../../test/factories-channels.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { readXlsxRows } from '../../../test/xlsx.ts';
import { SYSTEM_AUDIT } from '../audit/audit.service.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { createAccount } from '../users/users.service.ts';
import { uniqueIdNumber, uniquePhone } from '../workers/workers.test-support.ts';
import { listBaseTiesOfEnterprises } from './bases.repository.ts';

const WUJIANG = '320509';
const KUNSHAN = '320583';

function baseBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `镇雄县劳务合作基地${Math.random().toString(36).slice(2, 6)}`,
    kind: 'labour_cooperation',
    originRegionCode: '530627',
    partnerName: '镇雄县人力资源和社会保障局',
    agreementNumber: 'WJ-2025-07',
    agreementSignedOn: '2025-03-01',
    agreementValidUntil: '2028-02-28',
    annualTarget: 120,
    contacts: [{ name: '杨主任', title: '就业局副局长', phone: '13987001234' }],
    ...overrides,
  };
}

describe('labour bases', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let kunshanOfficer: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    kunshanOfficer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [KUNSHAN] })).username,
    );
    admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
  });
  afterAll(() => ctx.close());

  it('registers a base of the officer’s district with its contact phone masked, and audits it', async () => {
    const response = await officer.post('/api/bases', baseBody());
    expect(response.statusCode).toBe(201);
    const base = response.json();
    expect(base).toMatchObject({
      kind: 'labour_cooperation',
      originName: '云南省 昭通市 镇雄县',
      originProvinceCode: '530000',
      managingDistrictCode: WUJIANG,
      managingDistrictName: '吴江区',
      annualTarget: 120,
      stats: { deliveredThisYear: 0, workersSupplied: 0 },
      contacts: [{ name: '杨主任', phoneMasked: '139****1234' }],
      can: { update: true, recordEvents: true, uploadAgreement: true },
    });
    expect(response.body).not.toContain('13987001234');
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select(['summary', 'after'])
      .where('entity_id', '=', base.id)
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('劳务合作基地');
    expect(JSON.stringify(audit.after)).not.toContain('13987001234');

    // Another district's officer reads it but may not change it.
    const seen = await kunshanOfficer.get(`/api/bases/${base.id}`);
    expect(seen.json().can.update).toBe(false);
    const refused = await kunshanOfficer.patch(`/api/bases/${base.id}`, {
      annualTarget: 1,
      version: base.version,
    });
    expect(refused.statusCode).toBe(403);

    const edited = await officer.patch(`/api/bases/${base.id}`, {
      annualTarget: 150,
      contacts: [{ id: base.contacts[0].id, name: '杨主任', title: '局长' }],
      version: base.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      annualTarget: 150,
      contacts: [{ title: '局长', phoneMasked: '139****1234' }],
    });
    const stale = await officer.patch(`/api/bases/${base.id}`, { annualTarget: 1, version: base.version });
    expect(stale.statusCode).toBe(409);
  });

  it('explains bad input in Chinese and English and changes nothing', async () => {
    const en = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
      { locale: 'en' },
    );
    const before = await ctx.deps.db
      .selectFrom('labour_bases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const body = baseBody({ originRegionCode: '539999', agreementValidUntil: '2024-01-01' });
    const zh = await officer.post('/api/bases', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'agreementValidUntil', message: '协议有效期截止日不能早于签订日期' }),
      ]),
    );
    const english = await en.post('/api/bases', body);
    expect(english.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'agreementValidUntil',
          message: 'The agreement cannot end before it was signed',
        }),
      ]),
    );
    const unknown = await en.post('/api/bases', baseBody({ originRegionCode: '539999' }));
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ path: 'originRegionCode', message: '"539999" is not a known county code' }),
    ]);
    const township = await officer.post('/api/bases', baseBody({ originRegionCode: '530627105' }));
    expect(township.json().errors).toEqual([
      expect.objectContaining({
        path: 'originTownshipName',
        message: expect.stringContaining('请填写乡镇名称'),
      }),
    ]);
    const outside = await officer.post('/api/bases', baseBody({ managingDistrictCode: KUNSHAN }));
    expect(outside.json().errors).toEqual([
      expect.objectContaining({ path: 'managingDistrictCode', message: '只能登记或修改本区县建设的基地' }),
    ]);
    const after = await ctx.deps.db
      .selectFrom('labour_bases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const named = await officer.post(
      '/api/bases',
      baseBody({ originRegionCode: '530627105', originTownshipName: '以勒镇', kind: 'directed_training' }),
    );
    expect(named.statusCode).toBe(201);
    expect(named.json().originName).toBe('云南省 昭通市 镇雄县 以勒镇');
  });

  it('counts delivered workers from placements credited to the base, this year only', async () => {
    const base = await buildBase(ctx.deps, { annualTarget: 50 });
    const other = await buildBase(ctx.deps);
    const enterprise = await buildEnterprise(ctx.deps);
    const order = await buildJobOrder(ctx.deps, enterprise.id, { headcount: 20 });
    const year = todayIn().slice(0, 4);
    const place = async (baseId: string, hiredOn: string, channel: 'base' | 'agency' = 'base') => {
      const worker = await buildWorker(ctx.deps);
      const application = await ctx.deps.db
        .insertInto('applications')
        .values({
          worker_id: worker.id,
          job_order_id: order.id,
          enterprise_id: enterprise.id,
          status: 'hired',
          channel,
          channel_ref: baseId,
          note: '',
          created_by: null,
          hired_on: hiredOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.deps.db
        .insertInto('placements')
        .values({
          application_id: application.id,
          worker_id: worker.id,
          job_order_id: order.id,
          enterprise_id: enterprise.id,
          channel,
          channel_ref: baseId,
          hired_on: hiredOn,
        })
        .execute();
    };
    await place(base.id, `${year}-01-15`);
    await place(base.id, `${year}-01-20`);
    await place(base.id, `${Number(year) - 1}-12-30`);
    await place(other.id, `${year}-01-16`);
    await place(base.id, `${year}-01-17`, 'agency');
    const detail = (await officer.get(`/api/bases/${base.id}`)).json();
    expect(detail.stats).toMatchObject({ deliveredThisYear: 2, placements: 3, applications: 3 });
    const sorted = (await officer.get('/api/bases?sort=-deliveredThisYear&pageSize=200')).json();
    expect(sorted.items[0].id).toBe(base.id);
  });

  it('filters by kind, origin and expiring agreements, and exports the list to Excel', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const expiring = await buildBase(ctx.deps, { originRegionCode: '522701', agreementValidUntil: soon });
    const list = (await officer.get('/api/bases?expiringSoon=true&pageSize=200')).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(expiring.id);
    expect(list.items.every((item: { agreementDaysLeft: number }) => item.agreementDaysLeft <= 90)).toBe(
      true,
    );
    const guizhou = (await officer.get('/api/bases?originProvinceCode=52&pageSize=200')).json();
    expect(guizhou.items.map((item: { id: string }) => item.id)).toEqual([expiring.id]);
    const county = (await officer.get('/api/bases?originCountyCode=5227')).json();
    expect(county.total).toBe(1);
    const exported = await officer.get('/api/bases/export?originProvinceCode=52');
    expect(exported.statusCode).toBe(200);
    const rows = await readXlsxRows(exported.rawPayload);
    expect(rows[0]).toContain('年度输送目标');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[3]).toBe('贵州省 黔南布依族苗族自治州 都匀市');
  });

  it('stores a PDF/JPG/PNG agreement scan, refuses other files, and audits each download', async () => {
    const base = await buildBase(ctx.deps, { managingDistrictCode: WUJIANG });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const bad = multipartFile('协议.pdf', 'not really a pdf');
    const refused = await officer.request('POST', `/api/bases/${base.id}/agreement`, bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe('协议扫描件须为 PDF、JPG 或 PNG 文件');
    const good = multipartFile('协议扫描.png', png);
    const stored = await officer.request('POST', `/api/bases/${base.id}/agreement`, good);
    expect(stored.statusCode).toBe(200);
    expect(stored.json().agreementFile).toMatchObject({
      filename: '协议扫描.png',
      contentType: 'image/png',
      sizeBytes: png.length,
    });
    const other = await kunshanOfficer.request(
      'POST',
      `/api/bases/${base.id}/agreement`,
      multipartFile('x.png', png),
    );
    expect(other.statusCode).toBe(403);
    const tooBig = multipartFile(
      'big.pdf',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]),
    );
    const large = await officer.request('POST', `/api/bases/${base.id}/agreement`, tooBig);
    expect(large.statusCode).toBe(413);

    const download = await kunshanOfficer.get(`/api/bases/${base.id}/agreement`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.rawPayload, png)).toBe(0);
    const audits = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', base.id)
      .orderBy('id')
      .execute();
    expect(audits.map((row) => row.action)).toEqual(['base.agreement_upload', 'base.agreement_download']);
  });

  it('records 劳务对接 with attending enterprises and sign-ups, and ties the enterprises to the base', async () => {
    const base = await buildBase(ctx.deps);
    const enterprise = await buildEnterprise(ctx.deps, { districtCode: WUJIANG });
    const worker = await buildWorker(ctx.deps, { districtCode: WUJIANG });
    const created = await officer.post(`/api/bases/${base.id}/events`, {
      heldOn: todayIn(),
      place: '镇雄县人力资源市场',
      kind: 'meeting',
      enterpriseIds: [enterprise.id],
      workerIds: [worker.id],
      notes: '吴江区重点企业专场招聘',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      enterprises: [{ id: enterprise.id }],
      workers: [{ id: worker.id }],
      workerCount: 1,
    });
    const outOfScope = await buildWorker(ctx.deps, { districtCode: KUNSHAN });
    const refused = await officer.post(`/api/bases/${base.id}/events`, {
      heldOn: todayIn(),
      place: '线上',
      kind: 'online',
      workerIds: [outOfScope.id],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'workerIds.0' });
    const events = (await officer.get(`/api/bases/${base.id}/events`)).json();
    expect(events.items).toHaveLength(1);
    // Kunshan's officer sees the event but not Wujiang's worker by name.
    const seen = (await kunshanOfficer.get(`/api/bases/${base.id}/events`)).json();
    expect(seen.items[0]).toMatchObject({ workers: [], workerCount: 1 });

    const old = await ctx.deps.db
      .insertInto('labour_base_events')
      .values({ base_id: (await buildBase(ctx.deps)).id, held_on: '2020-01-01', place: '旧', kind: 'visit' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.deps.db
      .insertInto('labour_base_event_enterprises')
      .values({ event_id: old.id, enterprise_id: enterprise.id })
      .execute();
    expect(await listBaseTiesOfEnterprises(ctx.deps.db, [enterprise.id])).toEqual([
      { enterpriseId: enterprise.id, baseId: base.id },
    ]);
  });

  describe('base staff', () => {
    let base: Awaited<ReturnType<typeof buildBase>>;
    let staff: TestClient;

    beforeAll(async () => {
      base = await buildBase(ctx.deps);
      staff = await ctx.signIn((await buildBaseUser(ctx.deps, base.id)).username);
    });

    it('see their own base only', async () => {
      const other = await buildBase(ctx.deps);
      expect((await staff.get(`/api/bases/${base.id}`)).json()).toMatchObject({
        id: base.id,
        can: { update: false },
      });
      expect((await staff.get(`/api/bases/${other.id}`)).statusCode).toBe(404);
      const list = (await staff.get('/api/bases')).json();
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([base.id]);
      expect((await staff.patch(`/api/bases/${base.id}`, { annualTarget: 1, version: 1 })).statusCode).toBe(
        403,
      );
    });

    it('see only the workers of their base and the open orders published to bases', async () => {
      const own = await buildWorker(ctx.deps);
      await creditWorkerToBase(ctx.deps, own.id, base.id);
      const foreign = await buildWorker(ctx.deps);
      await creditWorkerToBase(ctx.deps, foreign.id, (await buildBase(ctx.deps)).id);
      const workers = (await staff.get('/api/workers?pageSize=200')).json();
      expect(workers.items.map((item: { id: string }) => item.id)).toEqual([own.id]);
      expect((await staff.get(`/api/workers/${foreign.id}`)).statusCode).toBe(404);
      expect(
        (await staff.get(`/api/bases/${base.id}/workers`)).json().items.map((w: { id: string }) => w.id),
      ).toEqual([own.id]);

      const enterprise = await buildEnterprise(ctx.deps);
      const forBases = await buildJobOrder(ctx.deps, enterprise.id);
      await ctx.deps.db
        .updateTable('job_orders')
        .set({ visibility: ['bases'] })
        .where('id', '=', forBases.id)
        .execute();
      const agenciesOnly = await buildJobOrder(ctx.deps, enterprise.id);
      await ctx.deps.db
        .updateTable('job_orders')
        .set({ visibility: ['agencies'] })
        .where('id', '=', agenciesOnly.id)
        .execute();
      expect((await staff.get(`/api/job-orders/${forBases.id}`)).statusCode).toBe(200);
      expect((await staff.get(`/api/job-orders/${agenciesOnly.id}`)).statusCode).toBe(404);

      const applied = await staff.post('/api/applications', { workerId: own.id, jobOrderId: forBases.id });
      expect(applied.statusCode).toBe(201);
      const application = await ctx.deps.db
        .selectFrom('applications')
        .select(['channel', 'channel_ref'])
        .where('id', '=', applied.json().id)
        .executeTakeFirstOrThrow();
      expect(application).toEqual({ channel: 'base', channel_ref: base.id });
      expect((await staff.get(`/api/bases/${base.id}`)).json().stats.applications).toBe(1);
    });

    it('import a list into the city-wide pool with every bad row reported, credited to the base', async () => {
      const good1 = uniqueIdNumber({ region: '530627' });
      const good2 = uniqueIdNumber({ region: '530627' });
      const csv = [
        '身份证号码,姓名,手机号码,户籍地,技能',
        `${good1},杨正华,${uniquePhone()},530627,电焊`,
        `${good1.slice(0, 17)}${good1[17] === '0' ? '1' : '0'},错号码,${uniquePhone()},530627,`,
        `${good2},李小芳,${uniquePhone()},530627,缝纫`,
      ].join('\n');
      const { payload, headers } = multipartFile('基地名单.csv', csv);
      const response = await staff.request('POST', '/api/workers/import?mode=valid', { payload, headers });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toMatchObject({ status: 'done', committed: true, created: 2, failed: 1 });
      expect(response.json().errors).toEqual([
        expect.objectContaining({ row: 3, column: '身份证号码', code: 'id_number.check_digit' }),
      ]);
      const workers = (await staff.get('/api/workers?pageSize=200')).json();
      expect(workers.items.map((item: { name: string }) => item.name)).toEqual(
        expect.arrayContaining(['杨正华', '李小芳']),
      );
      const rows = await ctx.deps.db
        .selectFrom('workers')
        .select(['district_code', 'source_channel', 'source_ref'])
        .where('name', 'in', ['杨正华', '李小芳'])
        .execute();
      expect(rows).toEqual([
        { district_code: null, source_channel: 'base', source_ref: base.id },
        { district_code: null, source_channel: 'base', source_ref: base.id },
      ]);
      expect((await staff.get(`/api/bases/${base.id}`)).json().stats.workersSupplied).toBeGreaterThanOrEqual(
        2,
      );
    });

    it('are refused the bureau’s writes', async () => {
      expect((await staff.post('/api/bases', baseBody())).statusCode).toBe(403);
      expect(
        (
          await staff.post(`/api/bases/${base.id}/events`, {
            heldOn: todayIn(),
            place: '镇政府',
            kind: 'visit',
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  it('lets the administrator register a base of the city', async () => {
    const response = await admin.post('/api/bases', baseBody({ originRegionCode: '411523' }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ managingDistrictCode: null, originName: '河南省 信阳市 新县' });
  });

  it('binds staff accounts to an existing base (yonggong user add --base), refusing unknown bases and schools', async () => {
    const base = await buildBase(ctx.deps);
    const user = await createAccount(
      ctx.deps.db,
      {
        username: `base.cli${Date.now()}`,
        displayName: '基地专员',
        roles: ['base'],
        password: 'base-pass-1234',
        baseId: base.id,
      },
      SYSTEM_AUDIT,
    );
    expect(user.base_id).toBe(base.id);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(
      createAccount(
        ctx.deps.db,
        {
          username: 'base.none',
          displayName: '无',
          roles: ['base'],
          password: 'base-pass-1234',
          baseId: unknown,
        },
        SYSTEM_AUDIT,
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      options: { fields: [{ key: 'user.base_unknown' }] },
    });
    await expect(
      createAccount(
        ctx.deps.db,
        {
          username: 'school.none',
          displayName: '无',
          roles: ['school'],
          password: 'school-pass-1234',
          schoolId: unknown,
        },
        SYSTEM_AUDIT,
      ),
    ).rejects.toMatchObject({ options: { fields: [{ key: 'user.school_unknown' }] } });
  });
});
