import { parseArgs } from 'node:util';
import { createRandom } from '@yonggong/engine';
import { openDemoApp } from './demo-app.ts';

/**
 * Online recommendation latency (DESIGN §8: one worker's recommendations through the API, p95
 * ≤ 20 ms): the demo city at `--scale N` (default 10), then `GET /api/recommendations?workerId=`
 * for random available workers — as the administrator (no scope mask) and as 吴江's district
 * officer (scope and filters as SQL, the worker's district) — and `?jobOrderId=` for random open
 * orders. The first request builds the in-memory index; its time is reported apart.
 */
export async function benchMatchApi(argv: readonly string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: '10' },
      requests: { type: 'string', default: '300' },
      postgres: { type: 'boolean', default: false },
      seed: { type: 'string', default: '7' },
    },
  });
  const scale = Number(values.scale);
  const requests = Number(values.requests);
  const random = createRandom(Number(values.seed));
  const demo = await openDemoApp({ scale, postgres: values.postgres });
  try {
    const admin = await demo.signIn('admin');
    const officer = await demo.signIn('officer.wujiang');
    const workers = await demo.deps.db
      .selectFrom('workers')
      .select(['id', 'district_code'])
      .where('status', '=', 'available')
      .execute();
    const wujiang = workers.filter((worker) => worker.district_code === '320509');
    const orders = await demo.deps.db
      .selectFrom('job_orders')
      .select('id')
      .where('status', '=', 'open')
      .execute();
    const pick = <T>(list: readonly T[]): T => {
      const item = list[Math.floor(random() * list.length)];
      if (item === undefined) throw new Error('nothing to pick from');
      return item;
    };
    const buildStarted = performance.now();
    await demo.time(() => `/api/recommendations?workerId=${pick(workers).id}`, admin, 1);
    const firstRequestMs = Number((performance.now() - buildStarted).toFixed(1));
    return {
      database: demo.database,
      scale,
      workersAvailable: workers.length,
      openOrders: orders.length,
      demoLoadSeconds: Number(demo.loadSeconds.toFixed(2)),
      firstRequestWithIndexBuildMs: firstRequestMs,
      requestsPerQuery: requests,
      workerAsAdminMs: await demo.time(
        () => `/api/recommendations?workerId=${pick(workers).id}&k=20`,
        admin,
        requests,
      ),
      workerAsDistrictOfficerMs: await demo.time(
        () => `/api/recommendations?workerId=${pick(wujiang).id}&k=20`,
        officer,
        requests,
      ),
      orderAsAdminMs: await demo.time(
        () => `/api/recommendations?jobOrderId=${pick(orders).id}&k=20`,
        admin,
        requests,
      ),
      peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      budget: { workerP95Ms: 20 },
    };
  } finally {
    await demo.close();
  }
}
