import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { addMonths, DEFAULT_COLOUR_THRESHOLDS } from '@yonggong/engine';
import { buildApp } from '@yonggong/server/src/app.ts';
import { openPostgres } from '@yonggong/server/src/db/client.ts';
import { migrate } from '@yonggong/server/src/db/migrate.ts';
import type { Deps } from '@yonggong/server/src/deps.ts';
import { hashPassword } from '@yonggong/server/src/modules/auth/password.ts';
import {
  aggregateMonth,
  listEnterprisePoints,
} from '@yonggong/server/src/modules/monitoring/monitoring.repository.ts';
import { createMatchingState } from '@yonggong/server/src/modules/recommendations/matching-state.ts';
import { loadRegionIndex } from '@yonggong/server/src/modules/regions/regions.service.ts';
import { insertUser } from '@yonggong/server/src/modules/users/users.repository.ts';
import { createPiiCipher } from '@yonggong/server/src/pii/pii-cipher.ts';
import { sql } from 'kysely';
import pg from 'pg';

/**
 * The three-colour map at scale (DESIGN §8: 50,000 enterprises × 60 months, p95 ≤ 100 ms), on a
 * throwaway PostgreSQL database:
 *
 * 1. set-based load: `--enterprises` key enterprises over Suzhou's 10 districts and `--months`
 *    monthly reports each (INSERT … SELECT over generate_series; the previous-month rates the
 *    rising rule needs are computed by the same deterministic formula in the same statement),
 *    then VACUUM ANALYZE;
 * 2. through the real app (app.inject: auth, scoping, SQL, presenter, zod serialisation), as the
 *    analyst (city-wide): the district map of a random month, and the enterprise map of a random
 *    month and district (its 1 000 most severe points, the default page the web map requests);
 * 3. the same aggregate SQL alone (the repository function, no HTTP), for the overhead ratio.
 *
 * Prints p50/p95/max per workload and ratio = endpoint p95 ÷ raw SQL p95.
 */
const DISTRICTS = [
  '320505',
  '320506',
  '320507',
  '320508',
  '320509',
  '320576',
  '320581',
  '320582',
  '320583',
  '320585',
];

export async function benchMap(argv: readonly string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      enterprises: { type: 'string', default: '50000' },
      months: { type: 'string', default: '60' },
      requests: { type: 'string', default: '200' },
      /** Keep the database afterwards (its name is printed) to EXPLAIN the queries by hand. */
      keep: { type: 'boolean', default: false },
    },
  });
  const enterprises = Number(values.enterprises);
  const months = Number(values.months);
  const requests = Number(values.requests);
  const adminUrl = process.env.YONGGONG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `yg_bench_map_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  try {
    await migrate(handle.db);
    const deps: Deps = {
      db: handle.db,
      regions: loadRegionIndex(),
      pii: createPiiCipher(crypto.randomBytes(32)),
      config: { cityCode: '320500', sessionIdleMinutes: 30, sessionMaxHours: 12 },
      matching: createMatchingState(),
    };
    const password = 'bench-password';
    await insertUser(handle.db, {
      username: 'analyst',
      display_name: '监测分析员',
      password_hash: await hashPassword(password),
      roles: ['analyst'],
      district_codes: [],
      enterprise_id: null,
      agency_id: null,
      school_id: null,
      base_id: null,
      worker_id: null,
    });
    const lastMonth = '2026-10';
    const firstMonth = addMonths(lastMonth, -(months - 1));
    const loadStarted = performance.now();
    await load(handle.db, enterprises, months, firstMonth);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const app = await buildApp({
      deps,
      config: {
        cityCode: '320500',
        secureCookies: 'never',
        webDistDir: '/nonexistent',
        trustProxy: false,
        logLevel: 'silent',
      },
      logger: false,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'analyst', password },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    let seed = 7;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[seed % list.length] as T;
    };
    const monthList = Array.from({ length: months }, (_, i) => addMonths(firstMonth, i));
    const timeHttp = async (target: () => string) => {
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < requests + 10; i++) {
        const u = target();
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: u, headers: { cookie } });
        const ms = performance.now() - started;
        if (response.statusCode !== 200)
          throw new Error(`${u} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
        if (i >= 10) samples.push(ms); // the first ten warm the caches and JIT
        bytes = response.body.length;
      }
      return { ...percentiles(samples), responseBytes: bytes };
    };
    const timeRaw = async (run: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < requests + 10; i++) {
        const started = performance.now();
        await run();
        if (i >= 10) samples.push(performance.now() - started);
      }
      return percentiles(samples);
    };
    const all = () => sql<boolean>`true`;
    const districtMap = await timeHttp(() => `/api/monitoring/map?level=district&month=${pick(monthList)}`);
    const enterpriseMap = await timeHttp(
      () => `/api/monitoring/map?level=enterprise&month=${pick(monthList)}&districtCode=${pick(DISTRICTS)}`,
    );
    const rawSql = await timeRaw(() =>
      aggregateMonth(
        handle.db,
        all,
        DEFAULT_COLOUR_THRESHOLDS,
        { month: `${pick(monthList)}-01` },
        'district',
      ),
    );
    const rawEnterpriseSql = await timeRaw(() => {
      const month = pick(monthList);
      return listEnterprisePoints(
        handle.db,
        all,
        DEFAULT_COLOUR_THRESHOLDS,
        { month: `${month}-01`, previousMonth: `${addMonths(month, -1)}-01`, districtCode: pick(DISTRICTS) },
        { page: 1, pageSize: 1000 },
      );
    });
    await app.close();
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      database: 'postgres',
      enterprises,
      months,
      reportRows: enterprises * months,
      loadSeconds: r2(loadSeconds),
      requestsPerWorkload: requests,
      districtMap,
      enterpriseMap: {
        ...enterpriseMap,
        enterprisesPerDistrict: Math.round(enterprises / DISTRICTS.length),
        pointsPerResponse: Math.min(1000, Math.round(enterprises / DISTRICTS.length)),
      },
      rawSql,
      rawEnterpriseSql,
      ratio: r2(districtMap.p95Ms / rawSql.p95Ms),
      enterpriseRatio: r2(enterpriseMap.p95Ms / rawEnterpriseSql.p95Ms),
      budgetP95Ms: 100,
      peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    await handle.close();
    if (values.keep) process.stderr.write(`kept database ${name}\n`);
    else await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function percentiles(samples: number[]) {
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(2));
  return { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/**
 * Set-based load. Shortage of enterprise i in month m is a deterministic function with a
 * post-Spring-Festival peak (February/March) and per-enterprise level, so prev1/prev2 rates are
 * the same formula at m−1 and m−2 — no second pass over 3M rows.
 */
async function load(db: Deps['db'], enterprises: number, months: number, firstMonth: string): Promise<void> {
  const districts = `ARRAY[${DISTRICTS.map((d) => `'${d}'`).join(',')}]`;
  await sql`
    INSERT INTO enterprises (credit_code, name, name_pinyin, name_initials, industry_code, district_code,
      longitude, latitude, size, employee_count, key_level)
    SELECT lpad(i::text, 18, '0'), '监测企业' || i, 'jian ce qi ye ' || i, 'jcqy' || i,
      (ARRAY['13','17','18','26','29','34','36','38','39','40'])[1 + i % 10],
      (${sql.raw(districts)})[1 + (i / 7) % 10],
      120.3 + (i % 997) / 997.0 * 0.9, 30.8 + (i % 991) / 991.0 * 1.1, 'medium', 100 + i % 3000, 'city'
    FROM generate_series(1, ${enterprises}) AS i`.execute(db);
  const shortage = (m: string) =>
    sql.raw(`greatest(0, ((e.n * 7919) % 97 + 3 * ((${m}) % 12 IN (1, 2))::int * (e.n % 13)
      + ((e.n + ${m}) % 5)) * planned / 600)`);
  await sql`
    WITH e AS (
      SELECT id, row_number() OVER (ORDER BY credit_code) AS n, 200 + (row_number() OVER (ORDER BY credit_code) * 37) % 2000 AS planned
      FROM enterprises
    ),
    rows AS (
      SELECT e.id, m, e.planned,
        ${shortage('m')}::int AS shortage,
        ${shortage('m - 1')}::int AS shortage1,
        ${shortage('m - 2')}::int AS shortage2
      FROM e CROSS JOIN generate_series(0, ${months - 1}) AS m
    )
    INSERT INTO monitoring_reports (enterprise_id, month, planned_headcount, actual_headcount, hires, separations,
      shortage, prev1_rate, prev2_rate, source, submitted_at)
    SELECT id, (${`${firstMonth}-01`}::date + m * interval '1 month')::date, planned, planned - least(shortage, planned),
      planned / 20, planned / 25, least(shortage, planned),
      CASE WHEN m >= 1 THEN least(shortage1, planned)::float8 / planned END,
      CASE WHEN m >= 2 THEN least(shortage2, planned)::float8 / planned END,
      'import', (${`${firstMonth}-21`}::date + m * interval '1 month')
    FROM rows`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
}
