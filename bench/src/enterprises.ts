import { parseArgs } from 'node:util';
import { openDemoApp } from './demo-app.ts';

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
  const demo = await openDemoApp({ scale, postgres: values.postgres });
  try {
    const cookie = await demo.signIn('admin');
    const time = (url: string) => demo.time(() => url, cookie, requests);
    return {
      database: demo.database,
      scale,
      enterprises: demo.loaded.enterprises,
      demoLoadSeconds: Number(demo.loadSeconds.toFixed(2)),
      requestsPerQuery: requests,
      listFirstPageMs: await time('/api/enterprises?pageSize=20'),
      listDeepPageMs: await time('/api/enterprises?pageSize=20&page=50'),
      pinyinSearchMs: await time('/api/enterprises?q=szh'),
      filteredMs: await time('/api/enterprises?districtCode=320509&keyLevel=key&sort=-employeeCount'),
      peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    await demo.close();
  }
}
