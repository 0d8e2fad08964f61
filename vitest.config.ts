import { defineConfig } from 'vitest/config';

/**
 * One runner, several projects. The server's API suite runs twice: on the embedded database and
 * on the machine's PostgreSQL server (each run migrates a fresh template database first).
 * Browser journeys run separately (e2e/vitest.config.ts) because they start the real server.
 */
const serverProject = (kind: 'pglite' | 'postgres') => ({
  test: {
    name: `server:${kind}`,
    root: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    env: { YONGGONG_TEST_DB: kind },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'engine', root: 'engine', include: ['src/**/*.test.ts'] } },
      { test: { name: 'shared', root: 'shared', include: ['src/**/*.test.ts'] } },
      { extends: './web/vitest.config.ts', test: { name: 'web', root: 'web' } },
      serverProject('pglite'),
      serverProject('postgres'),
    ],
  },
});
