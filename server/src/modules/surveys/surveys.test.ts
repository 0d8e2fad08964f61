import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildJobOrder, buildUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { writeXlsx } from '../../../test/xlsx.ts';
import { registrationBody, uniqueIdNumber, uniquePhone } from '../workers/workers.test-support.ts';

const WUJIANG = '320509';
const HEADER = [
  '村（社区）',
  '姓名',
  '身份证号码',
  '手机号码',
  '学历',
  '是否愿意外出务工',
  '技能特长',
  '意向务工地',
  '最早可外出日期',
  '家庭情况备注',
];

describe('rural labour surveys', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let campaignId: string;
  const people = {
    yang: uniqueIdNumber({ region: '530627' }),
    li: uniqueIdNumber({ region: '530627', sex: 'female' }),
    chen: uniqueIdNumber({ region: '530627' }),
    zhao: uniqueIdNumber({ region: '530627' }),
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
  });
  afterAll(() => ctx.close());

  it('starts a campaign in a township, refusing a township of another county', async () => {
    const wrong = await officer.post('/api/surveys', {
      name: '以勒镇 2026 年春季摸排',
      countyCode: '530627',
      townshipCode: '530602105',
      organiser: '镇雄县人社局、以勒镇人民政府',
      periodStart: '2026-01-05',
      periodEnd: '2026-02-10',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({
      path: 'townshipCode',
      message: expect.stringContaining('不属于所选的县'),
    });
    const response = await officer.post('/api/surveys', {
      name: '以勒镇 2026 年春季摸排',
      countyCode: '530627',
      townshipCode: '530627105',
      townshipName: '以勒镇',
      organiser: '镇雄县人社局、以勒镇人民政府',
      periodStart: '2026-01-05',
      periodEnd: '2026-02-10',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      countyName: '云南省 昭通市 镇雄县',
      townshipName: '以勒镇',
      totals: { surveyed: 0 },
    });
    campaignId = response.json().id;
  });

  it('imports a survey sheet with every bad row reported, and a re-import adds nothing', async () => {
    const file = await writeXlsx([
      ['镇雄县以勒镇农村劳动力摸排表', null, null, null, null, null, null, null, null, null],
      HEADER,
      [
        '以勒村',
        '杨正华',
        people.yang,
        uniquePhone(),
        '初中',
        '是',
        '电焊、叉车',
        '江苏省苏州市、浙江',
        '2026-03-01',
        '家有老人',
      ],
      ['以勒村', '李小芳', people.li, uniquePhone(), '高中', '愿意', '缝纫', '苏州', '2026/3/10', ''],
      ['坪上村', '陈国强', people.chen, uniquePhone(), '小学', '否', '', '', '', '在家务农'],
      ['坪上村', '赵大勇', people.zhao, uniquePhone(), '初中', '待定', '', '', '', ''],
      [
        '坪上村',
        '错误行',
        `${people.zhao.slice(0, 17)}${people.zhao[17] === '0' ? '1' : '0'}`,
        uniquePhone(),
        '初中',
        '也许',
        '',
        '火星',
        '',
        '',
      ],
    ]);
    const upload = async (mode: 'all' | 'valid') => {
      const { payload, headers } = multipartFile('摸排表.xlsx', file);
      return officer.request('POST', `/api/surveys/${campaignId}/records/import?mode=${mode}`, {
        payload,
        headers,
      });
    };
    const rejected = await upload('all');
    expect(rejected.json()).toMatchObject({ committed: false, created: 0, failed: 1 });
    expect(rejected.json().errors).toEqual([
      expect.objectContaining({ row: 7, column: '是否愿意外出务工', code: 'survey.willing_unknown' }),
      expect.objectContaining({
        row: 7,
        column: '意向务工地',
        code: 'survey.region_name_unknown',
        message: expect.stringContaining('火星'),
      }),
      expect.objectContaining({ row: 7, column: '身份证号码', code: 'id_number.check_digit' }),
    ]);
    expect((await officer.get(`/api/surveys/${campaignId}`)).json().totals.surveyed).toBe(0);

    const accepted = await upload('valid');
    expect(accepted.json()).toMatchObject({ committed: true, created: 4, unchanged: 0, failed: 1 });
    const again = await upload('valid');
    expect(again.json()).toMatchObject({ created: 0, unchanged: 4 });

    const records = (await officer.get(`/api/surveys/${campaignId}/records`)).json();
    expect(records.total).toBe(4);
    const yang = records.items.find((record: { name: string }) => record.name === '杨正华');
    expect(yang).toMatchObject({
      village: '以勒村',
      willing: 'yes',
      skills: ['电焊', '叉车'],
      preferredRegionCodes: ['320500', '330000'],
      earliestDate: '2026-03-01',
      conversion: null,
    });
    expect(yang.idNumberMasked).not.toBe(people.yang);
    expect(JSON.stringify(records)).not.toContain(people.yang);
  });

  it('converts each record once, and links a person already registered instead of duplicating', async () => {
    // 李小芳 registered herself at a job fair before the survey reached her village.
    const registered = await officer.post(
      '/api/workers',
      registrationBody({ name: '李小芳', idNumber: people.li, districtCode: WUJIANG }),
    );
    expect(registered.statusCode).toBe(201);
    const records = (await officer.get(`/api/surveys/${campaignId}/records?pageSize=50`)).json().items as {
      id: string;
      name: string;
    }[];
    const idOf = (name: string) => records.find((record) => record.name === name)?.id ?? '';
    const first = await officer.post(`/api/surveys/${campaignId}/convert`, {
      recordIds: [idOf('杨正华'), idOf('李小芳')],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 1, linked: 1, alreadyConverted: 0 });
    const li = first.json().items.find((item: { name: string }) => item.name === '李小芳');
    expect(li).toMatchObject({ outcome: 'linked', workerId: registered.json().worker.id });

    const second = await officer.post(`/api/surveys/${campaignId}/convert`, { recordIds: [idOf('杨正华')] });
    expect(second.json()).toMatchObject({ created: 0, linked: 0, alreadyConverted: 1 });
    const workers = await ctx.deps.db
      .selectFrom('workers')
      .select(['id', 'source_channel', 'source_ref', 'district_code', 'origin_region_code', 'available_from'])
      .where('id_number_hash', 'in', [ctx.deps.pii.hash(people.yang), ctx.deps.pii.hash(people.li)])
      .orderBy('name')
      .execute();
    expect(workers).toHaveLength(2);
    const yang = workers.find((worker) => worker.source_channel === 'survey');
    expect(yang).toMatchObject({
      source_ref: campaignId,
      district_code: null,
      origin_region_code: '530627',
      available_from: '2026-03-01',
    });
    const channels = await ctx.deps.db
      .selectFrom('worker_channels')
      .select(['worker_id', 'channel', 'source_ref'])
      .where('channel', '=', 'survey')
      .execute();
    expect(channels).toEqual(
      expect.arrayContaining([
        { worker_id: registered.json().worker.id, channel: 'survey', source_ref: campaignId },
        { worker_id: yang?.id, channel: 'survey', source_ref: campaignId },
      ]),
    );
    expect(channels).toHaveLength(2);

    // Two officers converting the same record at once: one conversion.
    const racing = await Promise.all([
      officer.post(`/api/surveys/${campaignId}/convert`, { recordIds: [idOf('赵大勇')] }),
      officer.post(`/api/surveys/${campaignId}/convert`, { recordIds: [idOf('赵大勇')] }),
    ]);
    const outcomes = racing.map((response) => response.json().items[0].outcome).sort();
    expect(outcomes).toEqual(['already_converted', 'created']);
    const conversions = await ctx.deps.db
      .selectFrom('survey_conversions')
      .select('record_id')
      .where('record_id', '=', idOf('赵大勇'))
      .execute();
    expect(conversions).toHaveLength(1);
  });

  it('reports coverage by village and by township, placed counting hires after conversion', async () => {
    const [yang] = await ctx.deps.db
      .selectFrom('survey_conversions as c')
      .innerJoin('survey_records as r', 'r.id', 'c.record_id')
      .select('c.worker_id')
      .where('r.name', '=', '杨正华')
      .execute();
    const enterprise = await buildEnterprise(ctx.deps);
    const order = await buildJobOrder(ctx.deps, enterprise.id);
    const application = await ctx.deps.db
      .insertInto('applications')
      .values({
        worker_id: yang?.worker_id ?? '',
        job_order_id: order.id,
        enterprise_id: enterprise.id,
        status: 'hired',
        channel: 'survey',
        channel_ref: campaignId,
        note: '',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.deps.db
      .insertInto('placements')
      .values({
        application_id: application.id,
        worker_id: yang?.worker_id ?? '',
        job_order_id: order.id,
        enterprise_id: enterprise.id,
        channel: 'survey',
        channel_ref: campaignId,
        hired_on: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      })
      .execute();
    const coverage = (await officer.get(`/api/surveys/${campaignId}/coverage`)).json();
    expect(coverage.rows).toEqual([
      { key: '以勒村', label: '以勒村', surveyed: 2, willing: 2, converted: 2, placed: 1 },
      { key: '坪上村', label: '坪上村', surveyed: 2, willing: 0, converted: 1, placed: 0 },
    ]);
    expect(coverage.totals).toEqual({ surveyed: 4, willing: 2, converted: 3, placed: 1 });
    const townships = (await officer.get('/api/surveys/coverage?countyCode=530627')).json();
    expect(townships.rows).toEqual([
      expect.objectContaining({
        key: campaignId,
        label: expect.stringContaining('以勒镇'),
        surveyed: 4,
        converted: 3,
        placed: 1,
      }),
    ]);
    const listed = (await officer.get('/api/surveys')).json();
    expect(listed.items[0].totals).toEqual({ surveyed: 4, willing: 2, converted: 3, placed: 1 });
  });

  it('is closed to liaisons, enterprises and base staff', async () => {
    const liaison = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).username,
    );
    expect((await liaison.get('/api/surveys')).statusCode).toBe(403);
    const analyst = await ctx.signIn((await buildUser(ctx.deps, { roles: ['analyst'] })).username, {
      locale: 'en',
    });
    expect((await analyst.get(`/api/surveys/${campaignId}`)).statusCode).toBe(200);
    const refused = await analyst.post(`/api/surveys/${campaignId}/convert`, { allWilling: true });
    expect(refused.statusCode).toBe(403);
  });
});
