import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-app.ts';

/** The API document is generated from the route schemas; docs/api/openapi.json must match it. */
const COMMITTED = path.resolve(import.meta.dirname, '../../../docs/api/openapi.json');

describe('API document', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('is served with every resource of the foundation', async () => {
    const response = await ctx.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    for (const route of [
      '/api/enterprises',
      '/api/enterprises/{id}',
      '/api/enterprises/import',
      '/api/enterprises/export',
      '/api/regions',
      '/api/auth/login',
      '/api/me',
      '/api/audit',
      '/api/health',
      '/api/ready',
    ])
      expect(document.paths, route).toHaveProperty([route]);
    expect((await ctx.anonymous().get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('matches the committed docs/api/openapi.json (run `npm run openapi` after changing a schema)', async () => {
    const generated = `${JSON.stringify((await ctx.anonymous().get('/api/openapi.json')).json(), null, 2)}\n`;
    const committed = fs.existsSync(COMMITTED) ? fs.readFileSync(COMMITTED, 'utf8') : '';
    expect(committed === generated, 'docs/api/openapi.json is out of date: run `npm run openapi`').toBe(true);
  });

  it('answers unknown API paths with a problem document', async () => {
    const response = await ctx.anonymous().get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['x-request-id']).toBeTruthy();
  });
});
