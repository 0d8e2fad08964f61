import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { computeIdCheckDigit } from '@yonggong/engine';
import { openPostgres } from '@yonggong/server/src/db/client.ts';
import { migrate } from '@yonggong/server/src/db/migrate.ts';
import type { Deps } from '@yonggong/server/src/deps.ts';
import { SYSTEM_AUDIT } from '@yonggong/server/src/modules/audit/audit.service.ts';
import { loadRegionIndex } from '@yonggong/server/src/modules/regions/regions.service.ts';
import { runWorkerImport } from '@yonggong/server/src/modules/workers/import-workers.ts';
import { insertImportJob } from '@yonggong/server/src/modules/workers/worker-imports.repository.ts';
import { createPiiCipher } from '@yonggong/server/src/pii/pii-cipher.ts';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * Worker import throughput against PostgreSQL COPY (DESIGN §8: ≥ 30 % of COPY, ≤ 500 MB RSS).
 *
 * 1. Writes a CSV of `--rows` people (default 100,000) with valid, unique ID numbers, the way a
 *    labour base sends them: county names or codes for 户籍地, education in words, skills lists,
 *    wages with 元, dates as 2026/3/5 (CSV, not xlsx: a sheet holds at most 1,048,576 rows, and
 *    the CSV parser is the faster of the two readers, so the figure isolates our own work).
 * 2. Imports it into a throwaway PostgreSQL database through the production code path
 *    (`runWorkerImport`: streaming parse, schema validation, AES-GCM + HMAC per ID and phone,
 *    staging, the set-based move into `workers`, per-worker audit events, dedup flags).
 * 3. Loads the same rows with COPY, twice: (a) the raw CSV into a table of its nine text columns —
 *    the bare ingest ceiling; (b) the imported rows exactly as stored (ciphertexts, hashes, masks)
 *    into `CREATE TABLE … (LIKE workers INCLUDING ALL)` — same columns, constraints and indexes:
 *    the "equivalent table" the budget compares with.
 * Peak RSS is `process.memoryUsage().rss` sampled every 50 ms over the whole run.
 */
export async function benchImport(argv: readonly string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rows: { type: 'string', default: '100000' },
      batch: { type: 'string', default: '2000' },
      keep: { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const batchSize = Number(values.batch);
  let peakRss = process.memoryUsage().rss;
  // The import's own peak, apart from the generator's and the COPY baselines'.
  let importPeakRss = 0;
  let isImporting = false;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    if (isImporting) importPeakRss = Math.max(importPeakRss, rss);
  }, 50);

  const adminUrl = process.env.YONGGONG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `yg_bench_import_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = openPostgres(url.toString());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yg-bench-import-'));
  const csvPath = path.join(dir, 'workers.csv');
  const storedPath = path.join(dir, 'stored.copy');
  try {
    await migrate(handle.db);
    const deps: Pick<Deps, 'db' | 'pii' | 'regions'> = {
      db: handle.db,
      regions: loadRegionIndex(),
      pii: createPiiCipher(crypto.randomBytes(32)),
    };

    const generateStarted = performance.now();
    await writeCsv(csvPath, rows);
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    const fileMb = fs.statSync(csvPath).size / 1024 / 1024;

    // --- 2. The import, through the production path.
    const importId = await insertImportJob(handle.db, {
      filename: 'workers.csv',
      mode: 'valid',
      channel: 'import',
      districtCode: '320509',
      createdBy: null,
    });
    let readAt = 0;
    const backendsBefore = await backendCpu(admin, dbName);
    const cpuBefore = process.cpuUsage();
    const eluBefore = performance.eventLoopUtilization();
    const loadBefore = os.loadavg()[0] ?? 0;
    const importStarted = performance.now();
    isImporting = true;
    const job = await runWorkerImport(deps, {
      importId,
      filePath: csvPath,
      filename: 'workers.csv',
      mode: 'valid',
      districtCode: '320509',
      channel: 'import',
      actorId: null,
      audit: SYSTEM_AUDIT,
      batchSize,
      hooks: {
        afterBatch: () => {
          readAt = performance.now();
        },
      },
    });
    const importEnded = performance.now();
    isImporting = false;
    importPeakRss = Math.max(importPeakRss, process.memoryUsage().rss);
    const importSeconds = (importEnded - importStarted) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const mainThreadBusy = performance.eventLoopUtilization(eluBefore).utilization;
    const importProcessCpu = (cpu.user + cpu.system) / 1e6;
    const importDatabaseCpu = cpuDelta(backendsBefore, await backendCpu(admin, dbName));
    if (job.status !== 'done' || !job.committed || job.created !== rows)
      throw new Error(
        `import ended ${job.status}, created ${job.created} of ${rows}: ${job.failure_code ?? ''}`,
      );

    // --- 3. COPY baselines on a plain pg client.
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`CREATE TABLE copy_raw (
        id_number text, name text, phone text, origin text, education text, skills text,
        certificates text, expected_wage text, available_from text)`);
      const copyPid =
        (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
      const rawCpuBefore = processCpuSeconds(copyPid);
      const rawStarted = performance.now();
      await pipeline(
        fs.createReadStream(csvPath),
        client.query(copyFrom('COPY copy_raw FROM STDIN (FORMAT csv, HEADER true)')),
      );
      const rawSeconds = (performance.now() - rawStarted) / 1000;
      const rawDatabaseCpu = processCpuSeconds(copyPid) - rawCpuBefore;

      const columns = STORED_COLUMNS.join(', ');
      await pipeline(
        client.query(copyTo(`COPY (SELECT ${columns} FROM workers) TO STDOUT`)),
        fs.createWriteStream(storedPath),
      );
      await client.query('CREATE TABLE copy_workers (LIKE workers INCLUDING ALL)');
      const storedCpuBefore = processCpuSeconds(copyPid);
      const storedStarted = performance.now();
      await pipeline(
        fs.createReadStream(storedPath),
        client.query(copyFrom(`COPY copy_workers (${columns}) FROM STDIN`)),
      );
      const storedSeconds = (performance.now() - storedStarted) / 1000;
      const storedDatabaseCpu = processCpuSeconds(copyPid) - storedCpuBefore;
      const loadAfter = os.loadavg()[0] ?? 0;

      const importRate = rows / importSeconds;
      const copyRate = rows / storedSeconds;
      const rawRate = rows / rawSeconds;
      return {
        database: 'postgresql',
        format: 'csv',
        rows,
        batchSize,
        fileMb: round(fileMb, 1),
        generateSeconds: round(generateSeconds, 1),
        import: {
          seconds: round(importSeconds, 2),
          rowsPerSecond: Math.round(importRate),
          readValidateEncryptWriteSeconds: round((readAt - importStarted) / 1000, 2),
          commitSeconds: round((importEnded - readAt) / 1000, 2),
          created: job.created,
          failed: job.failed,
          cpuSeconds: { node: round(importProcessCpu, 1), postgres: round(importDatabaseCpu, 1) },
          /** Share of the wall time the main thread (encryption, writes) was busy. */
          mainThreadBusy: round(mainThreadBusy, 2),
        },
        copyEquivalentTable: {
          seconds: round(storedSeconds, 2),
          rowsPerSecond: Math.round(copyRate),
          cpuSeconds: { postgres: round(storedDatabaseCpu, 1) },
        },
        copyRawCsv: {
          seconds: round(rawSeconds, 2),
          rowsPerSecond: Math.round(rawRate),
          cpuSeconds: { postgres: round(rawDatabaseCpu, 1) },
        },
        ratioToCopyEquivalent: round(importRate / copyRate, 3),
        ratioToCopyRaw: round(importRate / rawRate, 3),
        // The machine is shared: other processes' load changes wall-clock figures from run to run.
        loadAverage1m: { beforeImport: round(loadBefore, 2), afterCopy: round(loadAfter, 2) },
        peakRssMb: Math.round(peakRss / 1024 / 1024),
        importPeakRssMb: Math.round(importPeakRss / 1024 / 1024),
        budget: { minRatio: 0.3, maxRssMb: 500 },
      };
    } finally {
      await client.end();
    }
  } finally {
    clearInterval(sampler);
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    if (values.keep) process.stderr.write(`kept ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const STORED_COLUMNS = [
  'id',
  'name',
  'name_pinyin',
  'name_initials',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'phone_enc',
  'phone_hash',
  'phone_masked',
  'phone_last4',
  'id_last4',
  'birth_date',
  'sex',
  'origin_region_code',
  'current_address',
  'education',
  'skills',
  'certificates',
  'expected_wage',
  'available_from',
  'district_code',
  'source_channel',
  'notes',
] as const;

/**
 * CPU seconds of a local process (Linux /proc; the database server must run on this machine —
 * otherwise 0). Clock ticks are 100 per second on Linux.
 */
function processCpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
  } catch {
    return 0; // not on this machine, or gone: the figure is reported as 0
  }
}

/** CPU seconds of every server process connected to `database`, by pid. */
async function backendCpu(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
    database,
  ]);
  return new Map(rows.map((row) => [row.pid, processCpuSeconds(row.pid)]));
}

function cpuDelta(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** Origin counties as a base's list writes them: a code, a county name, or "省 市 县". */
const ORIGINS: readonly [code: string, ...spellings: string[]][] = [
  ['530602', '云南省 昭通市 昭阳区', '昭阳区', '530602'],
  ['530627', '云南昭通镇雄', '镇雄县'],
  ['522701', '贵州省都匀市', '都匀市'],
  ['411523', '河南新县', '411523'],
  ['610502', '陕西省 渭南市 临渭区', '临渭区'],
  ['510302', '四川自贡自流井', '510302'],
  ['360902', '江西省宜春市袁州区', '袁州区'],
  ['140302', '山西阳泉城区', '140302'],
  ['433130', '湖南龙山县', '龙山县'],
  ['433127', '永顺县', '湖南省湘西土家族苗族自治州永顺县'],
  ['433124', '花垣县', '433124'],
];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶',
];
const GIVEN = [
  ...['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明'],
  ...['超', '秀兰', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '红梅', '小龙', '玉兰', '春花', '文斌'],
];
const EDUCATION = ['初中', '高中', '中专', '大专', '小学', '本科', '初中', '高中'];
const SKILLS = ['电焊', 'SMT 操作', '叉车', '缝纫', '电焊、叉车', '数控车床', '', '装配、质检'];
const CERTIFICATES = ['焊工证', '', '叉车证', '', '电工证', '', '健康证', ''];
const DAYS = 12_000; // birth dates from 1972-01-01 on

/**
 * Writes `rows` people: the i-th has a unique ID number (origin × birth date × sequence, valid
 * check digit) and a unique phone.
 */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write('身份证号码,姓名,手机号码,户籍地,学历,技能,证书,期望工资,可到岗日期\n');
  const base = Date.UTC(1972, 0, 1);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const origin = ORIGINS[i % ORIGINS.length] ?? ORIGINS[0];
    if (!origin) throw new Error('no origins');
    const [code, ...spellings] = origin;
    const rest = Math.floor(i / ORIGINS.length);
    const day = rest % DAYS;
    const sequence = Math.floor(rest / DAYS);
    const birth = new Date(base + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${code}${birth}${String(sequence).padStart(3, '0')}`;
    const id = first17 + computeIdCheckDigit(first17);
    const name = (SURNAMES[i % SURNAMES.length] ?? '王') + (GIVEN[(i * 7) % GIVEN.length] ?? '伟');
    const phone = `13${String(8_000_000_000 + i).slice(-9)}`;
    const spelling = spellings[i % spellings.length] ?? code;
    const wage = `${4500 + (i % 10) * 500}元`;
    const date = `2026/${1 + (i % 12)}/${1 + (i % 28)}`;
    chunk += `${id},${name},${phone},${spelling},${EDUCATION[i % EDUCATION.length]},"${SKILLS[i % SKILLS.length]}",${CERTIFICATES[i % CERTIFICATES.length]},${wage},${date}\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
