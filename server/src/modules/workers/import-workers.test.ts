import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { maskIdNumber } from '@yonggong/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { multipartFile } from '../../../test/multipart.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { writeXlsx } from '../../../test/xlsx.ts';
import { SYSTEM_AUDIT } from '../audit/audit.service.ts';
import { type RunWorkerImportOptions, runWorkerImport } from './import-workers.ts';
import { openValidatedSource } from './validated-batches.ts';
import { insertImportJob } from './worker-imports.repository.ts';
import { registrationBody, toLegacy15, uniqueIdNumber, uniquePhone } from './workers.test-support.ts';

const WUJIANG = '320509';

const toFullWidth = (text: string) =>
  [...text]
    .map((ch) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
    .join('');

describe('worker import', () => {
  let ctx: TestContext;
  let officer: TestClient;
  let officerId: string;
  let admin: TestClient;
  /** Plain ID numbers used in files: none may reach the audit trail or a reply. */
  const secrets: string[] = [];
  const replies: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    const officerRow = await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] });
    officerId = officerRow.id;
    officer = await ctx.signIn(officerRow.username);
    admin = await ctx.signIn((await buildUser(ctx.deps, { roles: ['admin'] })).username);
  });
  afterAll(() => ctx.close());

  const upload = async (
    filename: string,
    content: Buffer | string,
    mode: 'all' | 'valid',
    client = officer,
  ) => {
    const { payload, headers } = multipartFile(filename, content);
    const response = await client.request('POST', `/api/workers/import?mode=${mode}`, { payload, headers });
    replies.push(response.body);
    return response;
  };
  const countWorkers = async () =>
    (
      await ctx.deps.db
        .selectFrom('workers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const stagedRows = async () =>
    (
      await ctx.deps.db
        .selectFrom('worker_import_rows')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const workerByIdNumber = (idNumber: string) =>
    ctx.deps.db
      .selectFrom('workers')
      .selectAll()
      .where('id_number_hash', '=', ctx.deps.pii.hash(idNumber))
      .executeTakeFirst();
  const id = (options?: Parameters<typeof uniqueIdNumber>[0]) => {
    const value = uniqueIdNumber(options);
    secrets.push(value);
    return value;
  };

  describe('a messy spreadsheet', () => {
    const first = id({ birthDate: '1991-02-03', sex: 'female' });
    const legacy18 = id({ region: '433130', birthDate: '1969-09-09' });
    const third = id({ region: '522701' });
    const badCheck = (() => {
      const good = id();
      return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    })();
    const header = [
      '身份证号',
      '姓名',
      '联系电话',
      '籍贯',
      '文化程度',
      '技能',
      '证书',
      '期望工资',
      '到岗日期',
    ];
    let file: Buffer;

    beforeAll(async () => {
      file = await writeXlsx(
        [
          ['2026 年昭通市劳务输出人员名单（第一批）', null, null, null, null, null, null, null, null],
          header,
          [
            `${toFullWidth(first)}  `,
            '张 三 ',
            toFullWidth('138 1234 5678'),
            '云南省 昭通市 昭阳区',
            '高中',
            '电焊、叉车',
            '焊工证',
            '6,000元',
            44_260,
          ],
          [
            Number(toLegacy15(legacy18)),
            '李四',
            13_912_345_678,
            '湖南龙山县',
            '初中',
            'SMT 操作',
            '',
            '5千',
            '2021/3/5',
          ],
          [third, '王五', '13712340000', '522701', '中专', '缝纫', '', '4500-6000', '2021年3月5日'],
          [320_509_199_001_011_000, '赵六', '13712340001', '', '', '', '', '', ''],
          [badCheck, '钱七', '13712340002', '火星', '', '', '', '', ''],
          [first, '张三', '13812345678', '', '', '', '', '', ''],
        ],
        ['A1:I1'],
      );
    });

    it('reports every bad row and commits nothing when all-or-nothing', async () => {
      const before = await countWorkers();
      const response = await upload('名单.xlsx', file, 'all');
      expect(response.statusCode).toBe(202);
      const status = response.json();
      expect(status).toMatchObject({
        mode: 'all',
        status: 'done',
        committed: false,
        processedRows: 6,
        totalRows: 6,
        created: 0,
        linked: 0,
        failed: 3,
        errorCount: 4,
        failure: null,
      });
      expect(status.errors).toEqual([
        expect.objectContaining({ row: 6, column: '身份证号码', code: 'id_number.scientific_notation' }),
        expect.objectContaining({ row: 7, column: '户籍地', code: 'worker.origin_unknown' }),
        expect.objectContaining({ row: 7, column: '身份证号码', code: 'id_number.check_digit' }),
        expect.objectContaining({ row: 8, column: '身份证号码', code: 'worker.import_duplicate_in_file' }),
      ]);
      expect(status.errors[0].message).toContain('文本');
      expect(status.errors[3].message).toContain('第 3 行');
      expect(await countWorkers()).toBe(before);
      expect(await stagedRows()).toBe(0);
    });

    it('imports the valid rows, undoing full-width digits, blanks, 15-digit IDs and every date form', async () => {
      const response = await upload('名单.xlsx', file, 'valid');
      expect(response.json()).toMatchObject({
        status: 'done',
        committed: true,
        created: 3,
        linked: 0,
        failed: 3,
      });
      const row3 = await workerByIdNumber(first);
      expect(row3).toMatchObject({
        name: '张三',
        phone_last4: '5678',
        birth_date: '1991-02-03',
        sex: 'female',
        origin_region_code: '530602',
        education: 'senior',
        skills: ['电焊', '叉车'],
        certificates: ['焊工证'],
        expected_wage: 6000,
        available_from: '2021-03-05',
        district_code: WUJIANG,
        source_channel: 'import',
        created_by: officerId,
      });
      expect(await workerByIdNumber(legacy18)).toMatchObject({
        name: '李四',
        birth_date: '1969-09-09',
        origin_region_code: '433130',
        expected_wage: 5000,
        available_from: '2021-03-05',
      });
      expect(await workerByIdNumber(third)).toMatchObject({
        origin_region_code: '522701',
        education: 'vocational',
        expected_wage: 4500,
        available_from: '2021-03-05',
      });
      expect(await stagedRows()).toBe(0);
    });

    it('adds nothing when the same file is imported again: the people are linked', async () => {
      const before = await countWorkers();
      const channelsBefore = await ctx.deps.db
        .selectFrom('worker_channels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const response = await upload('名单.xlsx', file, 'valid');
      expect(response.json()).toMatchObject({ committed: true, created: 0, linked: 3, failed: 3 });
      expect(await countWorkers()).toBe(before);
      const channelsAfter = await ctx.deps.db
        .selectFrom('worker_channels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(channelsAfter.n).toBe(channelsBefore.n);
    });
  });

  it('reads a GB18030 CSV with a title row and other header names', async () => {
    const a = id();
    const b = id({ region: '411523' });
    const csv = [
      '新县劳务合作基地输出名单,,',
      '',
      '公民身份号码,姓名,手机号码,户籍所在地,学历,期望薪资,可上岗日期',
      `${a},陈一,13700001111,河南省 信阳市 新县,大专,7000,2026-04-01`,
      `${b},陈二,+86 137-0000-2222,新县,本科,,`,
    ].join('\r\n');
    // Encoded as GB18030, the way Chinese Excel saves "CSV (逗号分隔)".
    const gb = Buffer.from(iconvLikeGb18030(csv));
    expect(new TextDecoder('gb18030').decode(gb)).toBe(csv);
    const response = await upload('基地名单.csv', gb, 'all');
    expect(response.json()).toMatchObject({ status: 'done', committed: true, created: 2, failed: 0 });
    expect(await workerByIdNumber(a)).toMatchObject({
      name: '陈一',
      origin_region_code: '411523',
      education: 'college',
    });
    expect(await workerByIdNumber(b)).toMatchObject({
      name: '陈二',
      phone_last4: '2222',
      education: 'bachelor',
    });
  });

  it('links people registered before, and flags the same name and phone under another ID', async () => {
    const known = registrationBody({ name: '蒋已登' });
    secrets.push(String(known.idNumber));
    const registered = await admin.post('/api/workers', { ...known, districtCode: '320583' });
    expect(registered.statusCode).toBe(201);
    const twin = registrationBody({ name: '韩同名' });
    secrets.push(String(twin.idNumber));
    await admin.post('/api/workers', { ...twin, districtCode: '320583' });
    const twinSibling = id();
    const csv = `身份证号码,姓名,手机号码\n${known.idNumber},蒋已登,${known.phone}\n${twinSibling},韩同名,${twin.phone}\n`;
    const response = await upload('links.csv', csv, 'all');
    expect(response.json()).toMatchObject({ committed: true, created: 1, linked: 1 });
    // The importer now sees the person it linked (a channel it registered), read-only.
    const seen = await officer.get(`/api/workers/${registered.json().worker.id}`);
    replies.push(seen.body);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().channels.map((c: { channel: string }) => c.channel)).toEqual(['officer', 'import']);
    const sibling = await workerByIdNumber(twinSibling);
    const flags = await ctx.deps.db
      .selectFrom('worker_duplicate_flags')
      .selectAll()
      .where('worker_id', '=', sibling?.id ?? '')
      .execute();
    expect(flags).toEqual([expect.objectContaining({ reason: 'same_name_phone', status: 'open' })]);
  });

  it('flags two new people of one file sharing name and phone once, and not people who differ', async () => {
    const [first, second, third] = [id(), id(), id()];
    const csv = `身份证号码,姓名,手机号码\n${first},龚家人,13911112222\n${second},龚家人,13911112222\n${third},龚别人,13911112222\n`;
    const response = await upload('family.csv', csv, 'all');
    expect(response.json()).toMatchObject({ committed: true, created: 3 });
    const ids = await Promise.all(
      [first, second, third].map(async (value) => (await workerByIdNumber(value))?.id),
    );
    const flags = await ctx.deps.db
      .selectFrom('worker_duplicate_flags')
      .select(['worker_id', 'other_worker_id'])
      .where((eb) =>
        eb.or([eb('worker_id', 'in', ids as string[]), eb('other_worker_id', 'in', ids as string[])]),
      )
      .execute();
    expect(flags).toHaveLength(1);
    expect([flags[0]?.worker_id, flags[0]?.other_worker_id].sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('reports a file without a header, a missing required column, and an unsupported file', async () => {
    const noHeader = await upload('x.csv', `${id()},某人,13700003333\n`, 'all');
    expect(noHeader.json()).toMatchObject({
      status: 'done',
      committed: false,
      errors: [{ code: 'worker.import_no_header' }],
    });
    const missing = await upload('y.csv', `身份证号码,姓名,籍贯\n${id()},某人,新县\n`, 'all');
    expect(missing.json()).toMatchObject({
      committed: false,
      errors: [{ code: 'import.missing_column', column: '手机号码' }],
    });
    const word = await upload('z.docx', 'hello', 'all');
    expect(word.statusCode).toBe(400);
    expect(word.json().code).toBe('unsupported_file');
  });

  it('shows an import’s status to its importer and administrators only', async () => {
    const response = await upload(
      'status.csv',
      `身份证号码,姓名,手机号码\n${id()},状态,${uniquePhone()}\n`,
      'valid',
    );
    const { importId } = response.json();
    expect((await officer.get(`/api/workers/import/${importId}`)).json()).toMatchObject({
      importId,
      status: 'done',
    });
    expect((await admin.get(`/api/workers/import/${importId}`)).statusCode).toBe(200);
    const other = await ctx.signIn(
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: [WUJIANG] })).username,
    );
    expect((await other.get(`/api/workers/import/${importId}`)).statusCode).toBe(404);
    expect((await officer.get('/api/workers/import/template')).statusCode).toBe(200);
  });

  describe('interrupted imports leave nothing', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-import-test-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A CSV of `rows` new people, and the options to import it directly (no HTTP). */
    const prepare = async (rows: number, extra: Partial<RunWorkerImportOptions> = {}) => {
      const ids = Array.from({ length: rows }, () => id());
      const lines = [
        '身份证号码,姓名,手机号码',
        ...ids.map((value, index) => `${value},批量${index},${uniquePhone()}`),
      ];
      const filePath = path.join(dir, `${crypto.randomUUID()}.csv`);
      fs.writeFileSync(filePath, lines.join('\n'));
      const importId = await insertImportJob(ctx.deps.db, {
        filename: 'batch.csv',
        mode: 'valid',
        channel: 'import',
        districtCode: WUJIANG,
        createdBy: officerId,
      });
      const options: RunWorkerImportOptions = {
        importId,
        filePath,
        filename: 'batch.csv',
        mode: 'valid',
        districtCode: WUJIANG,
        channel: 'import',
        actorId: officerId,
        audit: SYSTEM_AUDIT,
        batchSize: 20,
        ...extra,
      };
      return { ids, options };
    };
    const noneImported = async (ids: readonly string[]) => {
      for (const value of ids) expect(await workerByIdNumber(value)).toBeUndefined();
      expect(await stagedRows()).toBe(0);
    };

    it('streams in batches and reports progress', async () => {
      const seen: number[] = [];
      const { ids, options } = await prepare(130, {
        hooks: { afterBatch: ({ processedRows }) => void seen.push(processedRows) },
      });
      const job = await runWorkerImport(ctx.deps, options);
      expect(job).toMatchObject({
        status: 'done',
        committed: true,
        created: 130,
        total_rows: 130,
        progress: 1,
      });
      expect(seen.length).toBeGreaterThanOrEqual(6);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(await workerByIdNumber(ids[129] ?? '')).toBeDefined();
    });

    it('runs validation in a worker thread, batch by batch', async () => {
      const { options } = await prepare(45);
      const source = await openValidatedSource({
        regions: ctx.deps.regions,
        filePath: options.filePath,
        filename: 'batch.csv',
        batchSize: 20,
        inWorker: true,
      });
      try {
        expect(source.where).toBe('worker');
        const sizes: number[] = [];
        for await (const batch of source.batches()) sizes.push(batch.rows.fragments.length);
        expect(sizes).toEqual([20, 20, 5]);
      } finally {
        await source.close();
      }
    });

    it('validates in a worker thread (large files) with the same outcome, duplicates included', async () => {
      const { ids, options } = await prepare(90, { validateInWorker: true });
      const lines = fs.readFileSync(options.filePath, 'utf8').split('\n');
      fs.appendFileSync(options.filePath, `\n${lines[5]}\n${ids[0]},坏号,12345\n`);
      const job = await runWorkerImport(ctx.deps, options);
      expect(job).toMatchObject({ status: 'done', committed: true, created: 90, failed: 2, total_rows: 92 });
      expect(job.errors).toEqual([
        expect.objectContaining({ row: 92, code: 'worker.import_duplicate_in_file' }),
        expect.objectContaining({ row: 93, code: 'phone.format' }),
      ]);
      expect(await workerByIdNumber(ids[89] ?? '')).toBeDefined();
    });

    it('a row that throws mid-file: the job fails, no worker and no staging row remains', async () => {
      let batches = 0;
      const { ids, options } = await prepare(100, {
        hooks: {
          afterBatch: () => {
            batches += 1;
            if (batches === 3) throw new Error('injected failure in the third batch');
          },
        },
      });
      await expect(runWorkerImport(ctx.deps, options)).rejects.toThrow('injected failure');
      const job = await ctx.deps.db
        .selectFrom('worker_imports')
        .selectAll()
        .where('id', '=', options.importId)
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({
        status: 'failed',
        committed: false,
        failure_code: 'worker.import_crashed',
      });
      await noneImported(ids);
    });

    it('a failure inside the final move rolls the whole batch back', async () => {
      const { ids, options } = await prepare(50, {
        hooks: {
          beforeCommit: () => {
            throw new Error('killed while committing');
          },
        },
      });
      await expect(runWorkerImport(ctx.deps, options)).rejects.toThrow('killed while committing');
      await noneImported(ids);
      const events = await ctx.deps.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'worker.import')
        .where('entity_id', '=', options.importId)
        .execute();
      expect(events).toEqual([]);
    });

    it('shutdown aborts a running import: failed as interrupted, nothing imported', async () => {
      const controller = new AbortController();
      const { ids, options } = await prepare(100, {
        signal: controller.signal,
        hooks: { afterBatch: () => controller.abort() },
      });
      const job = await runWorkerImport(ctx.deps, options);
      expect(job).toMatchObject({ status: 'failed', failure_code: 'worker.import_interrupted' });
      await noneImported(ids);
    });

    it('a job left running by a dead process is swept when read: failed, staging rows gone', async () => {
      const { options } = await prepare(1);
      await ctx.deps.db
        .insertInto('worker_import_rows')
        .values({
          import_id: options.importId,
          row_number: 2,
          worker_id: crypto.randomUUID(),
          name: '遗留',
          name_pinyin: 'yiliu',
          name_initials: 'yl',
          id_number_enc: 'x',
          id_number_hash: 'orphan-hash',
          id_number_masked: '****',
          phone_enc: 'x',
          phone_hash: 'x',
          phone_masked: '****',
          phone_last4: '0000',
          id_last4: '0000',
          birth_date: '1990-01-01',
          sex: 'male',
          origin_region_code: null,
          current_address: '',
          education: 'junior',
          skills: [],
          certificates: [],
          expected_wage: null,
          available_from: null,
          notes: '',
        })
        .execute();
      await sql`UPDATE worker_imports SET heartbeat_at = now() - interval '5 minutes' WHERE id = ${options.importId}`.execute(
        ctx.deps.db,
      );
      const status = (await officer.get(`/api/workers/import/${options.importId}`)).json();
      expect(status).toMatchObject({
        status: 'failed',
        committed: false,
        failure: { code: 'worker.import_interrupted', message: expect.stringContaining('中断') },
      });
      expect(await stagedRows()).toBe(0);
    });
  });

  it('audits each import with its counts, traces every imported person to it, and leaks no plain ID', async () => {
    const events = await ctx.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'worker.import')
      .orderBy('id')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events[0]).toMatchObject({
      actor_id: officerId,
      entity_type: 'import',
      after: expect.objectContaining({ filename: '名单.xlsx', created: 3, linked: 0, failedRows: 3 }),
    });
    const untraced = await ctx.deps.db
      .selectFrom('workers')
      .select('id')
      .where('source_channel', '=', 'import')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('worker_channels')
              .select('worker_channels.id')
              .whereRef('worker_channels.worker_id', '=', 'workers.id')
              .where('worker_channels.import_batch_id', 'is not', null),
          ),
        ),
      )
      .execute();
    expect(untraced).toEqual([]);
    const trail = JSON.stringify(events);
    const everything = replies.join('\n');
    for (const secret of secrets) {
      expect(trail.includes(secret), `audit contains ${maskIdNumber(secret)}`).toBe(false);
      expect(everything.includes(secret), `a reply contains ${maskIdNumber(secret)}`).toBe(false);
    }
  });
});

/** GB18030 bytes of `text` (Node has a decoder for it but no encoder; this test table is enough). */
function iconvLikeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  // Every two-byte GBK code; a character's bytes are found by decoding candidates once.
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const encoded = table.get(char);
      if (!encoded) throw new Error(`no GB18030 two-byte code for ${char}`);
      bytes.push(...encoded);
    }
  }
  return new Uint8Array(bytes);
}
