import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { openPGlite } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { createMatchingState } from '../modules/recommendations/matching-state.ts';
import { loadRegionIndex } from '../modules/regions/regions.service.ts';
import { createPiiCipher } from '../pii/pii-cipher.ts';

/**
 * Writes docs/api/openapi.json from the route schemas (`npm run openapi`). A test fails when the
 * committed file differs from what the code generates, so the document never drifts.
 */
const target = path.resolve(import.meta.dirname, '../../../docs/api/openapi.json');
const handle = await openPGlite(null);
await migrate(handle.db);
const app = await buildApp({
  deps: {
    db: handle.db,
    regions: loadRegionIndex(),
    pii: createPiiCipher(crypto.randomBytes(32)),
    matching: createMatchingState(),
    config: { cityCode: '320500', sessionIdleMinutes: 30, sessionMaxHours: 12 },
  },
  config: {
    cityCode: '320500',
    secureCookies: 'never',
    webDistDir: '/nonexistent',
    trustProxy: false,
    logLevel: 'silent',
  },
  logger: false,
});
await app.ready();
const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(response.json(), null, 2)}\n`);
await app.close();
await handle.close();
process.stderr.write(`wrote ${path.relative(process.cwd(), target)}\n`);
