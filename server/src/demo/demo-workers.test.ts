import { validateIdNumber } from '@yonggong/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/factories.ts';
import { createTestContext, type TestContext } from '../../test/test-app.ts';
import { generateDemoWorkers, loadDemoWorkers } from './demo-workers.ts';

describe('demo workers', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('are generated deterministically from the seed, with valid ID numbers from the seeds’ origin counties', () => {
    const today = new Date(2026, 10, 22);
    const a = generateDemoWorkers({ seed: 7, count: 300, today });
    expect(generateDemoWorkers({ seed: 7, count: 300, today })).toEqual(a);
    expect(generateDemoWorkers({ seed: 8, count: 300, today })).not.toEqual(a);
    expect(new Set(a.map((w) => w.idNumber)).size).toBe(300);
    expect(new Set(a.map((w) => w.phone)).size).toBe(300);
    for (const worker of a) {
      const id = validateIdNumber(worker.idNumber, { today });
      expect(id.ok).toBe(true);
      if (!id.ok) continue;
      expect(id.value.regionCode).toBe(worker.originRegionCode);
      const age = today.getFullYear() - Number(id.value.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(56);
      expect(worker.expectedWage).toBeGreaterThanOrEqual(4500);
      expect(worker.expectedWage).toBeLessThanOrEqual(9000);
    }
    expect(a.some((w) => w.originRegionCode === '433130')).toBe(true);
    expect(a.some((w) => w.skills.includes('电焊'))).toBe(true);
  });

  it('load 5,000 workers quickly, with channels and the worker.1 account bound to the first', async () => {
    const started = performance.now();
    const report = await ctx.deps.db
      .transaction()
      .execute((trx) => loadDemoWorkers(trx, ctx.deps, { password: TEST_PASSWORD, seed: 20261122 }));
    const seconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({ workers: 5000, accounts: 1 });
    expect(report.channels).toBeGreaterThanOrEqual(5000);
    // Informative only (budgets are measured by benchmarks): printed for the record.
    process.stderr.write(`demo workers: 5,000 loaded in ${seconds.toFixed(2)} s on ${ctx.handle.kind}\n`);
    const me = await ctx.signIn('worker.1');
    const list = (await me.get('/api/workers')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ idNumberMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
  });
});
