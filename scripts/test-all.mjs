#!/usr/bin/env node
// `npm test`: every suite of the project, then one closing line "N passed, N failed".
//   1. unit, property and API tests (vitest projects: engine, shared, web, server on PGlite,
//      server on PostgreSQL — see vitest.config.ts);
//   2. browser journeys in Debian's chromium against the real server (e2e/vitest.config.ts).
// Pass --no-e2e to skip the browser journeys while iterating.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-results');
fs.mkdirSync(outDir, { recursive: true });
const withE2e = !process.argv.includes('--no-e2e');

const suites = [
  { name: 'unit + API', args: ['vitest', 'run'], report: path.join(outDir, 'vitest.json') },
  ...(withE2e
    ? [
        {
          name: 'browser journeys',
          args: ['vitest', 'run', '--config', 'e2e/vitest.config.ts'],
          report: path.join(outDir, 'e2e.json'),
        },
      ]
    : []),
];

let passed = 0;
let failed = 0;
let skipped = 0;
let crashed = false;
for (const suite of suites) {
  fs.rmSync(suite.report, { force: true });
  const started = Date.now();
  const run = spawnSync(
    'npx',
    [...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${suite.report}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!fs.existsSync(suite.report)) {
    console.error(`\n${suite.name}: the runner produced no report (exit ${run.status}) after ${seconds} s`);
    crashed = true;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(suite.report, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load counts as a failure even when no test inside it ran.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  failed += brokenFiles;
  if (run.status !== 0 && report.numFailedTests === 0 && brokenFiles === 0) crashed = true;
  console.error(
    `\n${suite.name}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed in ${seconds} s`,
  );
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || crashed || passed === 0 ? 1 : 0);
