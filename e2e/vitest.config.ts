import { defineConfig } from 'vitest/config';

/**
 * End-to-end journeys: a real browser (Debian's Chromium, driven by playwright-core) against the real
 * server, started once for the run by `support/global-setup.ts` on a fresh embedded database.
 *
 * Run from the repository root with either
 *   npx vitest run --config e2e/vitest.config.ts
 *   npx vitest run --root e2e
 * (the root is pinned to this folder, so both find the same files), or `npm test -w @yonggong/e2e`.
 */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    environment: 'node',
    include: ['**/*.e2e.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./support/global-setup.ts'],
    // One server, one database: files take turns so that one journey's clicks never race another's.
    fileParallelism: false,
    testTimeout: 120_000,
    // A page reads the API over HTTP from a server the other journeys (and its own background
    // jobs: expiry sweeps, recommendation refreshes) keep busy: expect.poll's default 1 s is a
    // flake, not a budget. Latency budgets are measured by `npm run bench`, not here.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    // A journey drives a whole app: a retry would hide a real flake, so failures stay failures.
    retry: 0,
  },
});
