import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildApp } from '@yonggong/server/src/app.ts';
import { openPGlite, openPostgres } from '@yonggong/server/src/db/client.ts';
import { migrate } from '@yonggong/server/src/db/migrate.ts';
import { loadDemo } from '@yonggong/server/src/demo/load-demo.ts';
import type { Deps } from '@yonggong/server/src/deps.ts';
import { loadRegionIndex } from '@yonggong/server/src/modules/regions/regions.service.ts';
import { createPiiCipher } from '@yonggong/server/src/pii/pii-cipher.ts';
import pg from 'pg';

/**
 * Enterprise list latency: loads the demo city at `--scale N` (300 enterprises per unit) into a
 * fresh database — PGlite in memory, or a throwaway PostgreSQL database with `--postgres` — and
 * times the list, a pinyin search and a filtered page through the full HTTP stack (app.inject:
 * routing, auth, scoping, SQL, presenter, serialisation). Prints p50/p95/max in milliseconds.
 */
export async function benchEnterprises(argv: readonly string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: '10' },
      requests: { type: 'string', default: '200' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const requests = Number(values.requests);
  let dropDatabase: (() => Promise<void>) | null = null;
  let handle: Awaited<ReturnType<typeof openPGlite>>;
  if (values.postgres) {
    const adminUrl = process.env.YONGGONG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `yg_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = openPostgres(url.toString());
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    handle = await openPGlite(null);
  }
  try {
    await migrate(handle.db);
    const deps: Deps = {
      db: handle.db,
      regions: loadRegionIndex(),
      pii: createPiiCipher(crypto.randomBytes(32)),
      config: { cityCode: '320500', sessionIdleMinutes: 30, sessionMaxHours: 12 },
    };
    const loadStarted = performance.now();
    const loaded = await loadDemo(deps, { password: 'bench-password', scale });
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
      payload: { username: 'admin', password: 'bench-password' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const time = async (url: string) => {
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) {
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url, headers: { cookie } });
        samples.push(performance.now() - started);
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      }
      samples.sort((a, b) => a - b);
      const at = (q: number) =>
        Number((samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(2));
      return { p50: at(0.5), p95: at(0.95), max: at(1) };
    };
    const result = {
      database: handle.kind,
      scale,
      enterprises: loaded.enterprises,
      demoLoadSeconds: Number(loadSeconds.toFixed(2)),
      requestsPerQuery: requests,
      listFirstPageMs: await time('/api/enterprises?pageSize=20'),
      listDeepPageMs: await time('/api/enterprises?pageSize=20&page=50'),
      pinyinSearchMs: await time('/api/enterprises?q=szh'),
      filteredMs: await time('/api/enterprises?districtCode=320509&keyLevel=key&sort=-employeeCount'),
      peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
    await app.close();
    return result;
  } finally {
    await handle.close();
    await dropDatabase?.();
  }
}
