import { defineConfig } from 'vitest/config';

/** Unit tests (pure logic, and pages rendered to HTML) run in plain Node: no DOM is needed. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
