import { computeCreditCodeCheckDigit } from '@yonggong/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode, buildEnterprise, buildUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { readXlsxRows, writeXlsx } from '../../../test/xlsx.ts';

const WUJIANG = '320509';
const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '所属区县代码',
  '地址',
  '企业规模',
  '职工人数',
  '重点企业级别',
  '挂钩联络员账号',
  '联系人',
  '联系人职务',
  '联系电话',
];

function wrongCheck(code: string): string {
  const expected = computeCreditCodeCheckDigit(code.slice(0, 17));
  return code.slice(0, 17) + (expected === '0' ? '1' : '0');
}

const toFullWidth = (text: string) =>
  [...text]
    .map((ch) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
    .join('');

describe('enterprise import', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let liaisonUsername: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    officer = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    liaisonUsername = (await buildUser(ctx.deps, { roles: ['liaison'], districtCodes: [WUJIANG] })).username;
  });
  afterAll(() => ctx.close());

  const upload = (filename: string, content: Buffer | string, mode: 'all' | 'valid') => {
    const { payload, headers } = multipartFile(filename, content);
    return officer.request('POST', `/api/enterprises/import?mode=${mode}`, { payload, headers });
  };
  const countEnterprises = async () =>
    (
      await ctx.deps.db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('reports every bad row with its row, column and reason, and imports nothing when all-or-nothing', async () => {
    const good = [buildCreditCode(WUJIANG), buildCreditCode(WUJIANG), buildCreditCode(WUJIANG)];
    const file = await writeXlsx(
      [
        ['2026 年吴江区重点企业名单', null, null, null, null, null, null, null, null, null, null, null],
        HEADER,
        [
          good[0] ?? '',
          '吴江恒达电子有限公司',
          '39',
          '320509',
          '长安路 1 号',
          '大型',
          1500,
          '市级',
          liaisonUsername,
          '王敏',
          '人事经理',
          '13812345678',
        ],
        [
          wrongCheck(buildCreditCode(WUJIANG)),
          '吴江错码机械有限公司',
          '34',
          '吴江区',
          '',
          '中型',
          300,
          '否',
          '',
          '',
          '',
          '',
        ],
        [
          good[1] ?? '',
          '吴江盛泽丝绸有限公司',
          '17',
          '吴江',
          '',
          '小型',
          80,
          '',
          '',
          '李强',
          '',
          '13900001111',
        ],
        [good[2] ?? '', '吴江未知行业有限公司', '99', '320509', '', '微型', '', '', '', '', '', ''],
      ],
      ['A1:L1'],
    );
    const before = await countEnterprises();
    const response = await upload('名单.xlsx', file, 'all');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ mode: 'all', committed: false, totalRows: 4, created: 0, failed: 2 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 4, column: '统一社会信用代码', code: 'credit_code.check_digit' }),
      expect.objectContaining({ row: 6, column: '行业代码', code: 'industry.unknown' }),
    ]);
    expect(await countEnterprises()).toBe(before);
    const rejectedAudit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'enterprise.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(rejectedAudit.summary).toContain('有错误，未导入');

    const valid = (await upload('名单.xlsx', file, 'valid')).json();
    expect(valid).toMatchObject({ committed: true, created: 2, unchanged: 0, failed: 2 });
    expect(await countEnterprises()).toBe(before + 2);

    const again = (await upload('名单.xlsx', file, 'valid')).json();
    expect(again).toMatchObject({ committed: true, created: 0, unchanged: 2, failed: 2 });
    expect(await countEnterprises()).toBe(before + 2);

    const listed = (await officer.get(`/api/enterprises?q=${encodeURIComponent('吴江恒达')}`)).json()
      .items[0];
    expect(listed).toMatchObject({
      keyLevel: 'city',
      size: 'large',
      employeeCount: 1500,
      liaison: expect.objectContaining({}),
    });
    expect(listed.contacts[0]).toMatchObject({ name: '王敏', phoneMasked: '138****5678' });
  });

  it('reads full-width digits, trailing blanks, header variants and district names', async () => {
    const code = buildCreditCode(WUJIANG);
    const file = await writeXlsx([
      ['信用代码（必填）', '单位名称*', '行业', '区县', '规模', '手机号码', '联系人姓名'],
      [
        `${toFullWidth(code)}  `,
        ' 吴江全角电子有限公司 ',
        '３９ 计算机、通信和其他电子设备制造业',
        '吴江区 ',
        '中型企业',
        toFullWidth('139 0000 2222'),
        '赵六',
      ],
    ]);
    const result = (await upload('variants.xlsx', file, 'all')).json();
    expect(result).toMatchObject({ committed: true, created: 1, failed: 0, errors: [] });
    const row = await ctx.deps.db
      .selectFrom('enterprises')
      .selectAll()
      .where('credit_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: '吴江全角电子有限公司',
      industry_code: '39',
      district_code: WUJIANG,
      size: 'medium',
    });
  });

  it('reads a CSV saved by Chinese Excel in GB18030', async () => {
    const code = buildCreditCode(WUJIANG);
    const text = `统一社会信用代码,企业名称,行业代码,所属区县代码,企业规模\r\n${code},吴江国标编码纺织有限公司,17,320509,小型\r\n`;
    // GB18030 bytes for the text: encode with a TextDecoder round trip table is not available, so
    // build them from iconv-free knowledge: Node's TextDecoder decodes gb18030 but cannot encode;
    // use Buffer.from(latin1) of a known gb18030 encoding produced by a reverse lookup.
    const bytes = encodeGb18030(text);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    const result = (await upload('gbk.csv', bytes, 'all')).json();
    expect(result).toMatchObject({ committed: true, created: 1 });
    const row = await ctx.deps.db
      .selectFrom('enterprises')
      .select('name')
      .where('credit_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('吴江国标编码纺织有限公司');
  });

  it('explains a credit code that Excel stored as a number', async () => {
    const file = await writeXlsx([
      HEADER.slice(0, 6),
      [913205091234567000, '吴江数字代码有限公司', '39', '320509', '', '小型'],
    ]);
    const result = (await upload('number.xlsx', file, 'all')).json();
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, column: '统一社会信用代码', code: 'import.stored_as_number' }),
    ]);
    expect(result.errors[0].message).toContain('文本');
  });

  it('reports duplicates within the file and enterprises registered elsewhere', async () => {
    const code = buildCreditCode(WUJIANG);
    const hidden = await buildEnterprise(ctx.deps, { districtCode: '320507' });
    const csv = [
      '统一社会信用代码,企业名称,行业代码,所属区县代码,企业规模',
      `${code},吴江重复一有限公司,39,320509,小型`,
      `${code},吴江重复二有限公司,39,320509,小型`,
      `${hidden.credit_code},相城已有有限公司,39,320509,小型`,
    ].join('\n');
    const result = (await upload('dupes.csv', csv, 'all')).json();
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'import.duplicate_in_file',
        message: '与第 2 行的统一社会信用代码重复',
      }),
      expect.objectContaining({ row: 4, code: 'enterprise.duplicate_credit_code_hidden' }),
    ]);
  });

  it('refuses a file without the required columns or of another type', async () => {
    const missing = await upload(
      'x.csv',
      '统一社会信用代码,企业名称,行业代码,所属区县代码\n1,某公司,39,320509',
      'all',
    );
    expect(missing.statusCode).toBe(200);
    expect(missing.json()).toMatchObject({ committed: false, created: 0 });
    expect(missing.json().errors[0]).toMatchObject({ code: 'import.missing_column', column: '企业规模' });
    const noHeader = await upload('x.csv', 'a,b\n1,2', 'all');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().detail).toContain('表头');
    const pdf = await upload('x.pdf', '%PDF-1.4', 'all');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().code).toBe('unsupported_file');
    const broken = await upload('x.xlsx', 'not a zip', 'all');
    expect(broken.json().code).toBe('unsupported_file');
  });

  it('serves a template that reads back through the importer', async () => {
    const template = await officer.get('/api/enterprises/import/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsxRows(template.rawPayload);
    expect(rows[0]?.[0]).toBe('统一社会信用代码*');
    const result = (await upload('template.xlsx', template.rawPayload, 'all')).json();
    // The example row is there to be replaced: its placeholder code fails validation.
    expect(result).toMatchObject({ totalRows: 1, committed: false });
    expect(result.errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
  });

  it('exports the filtered list with masked phones', async () => {
    await buildEnterprise(ctx.deps, {
      districtCode: WUJIANG,
      name: '吴江导出测试电子有限公司',
      contacts: [{ name: '周七', phone: '13700007777' }],
    });
    const exported = await officer.get(`/api/enterprises/export?q=${encodeURIComponent('导出测试')}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const rows = await readXlsxRows(exported.rawPayload);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining(['吴江导出测试电子有限公司', '吴江区', '周七', '137****7777']),
    );
    expect(JSON.stringify(rows)).not.toContain('13700007777');
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'enterprise.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

/** Encodes text as GB18030 by inverting Node's decoder over the BMP (test helper, slow but exact). */
function encodeGb18030(text: string): Buffer {
  const table = gbTable();
  const parts: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) parts.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 bytes for ${ch}`);
      parts.push(...bytes);
    }
  }
  return Buffer.from(parts);
}

let cached: Map<string, number[]> | null = null;
function gbTable(): Map<string, number[]> {
  if (cached) return cached;
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  cached = table;
  return table;
}
