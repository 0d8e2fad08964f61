import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.ts';
import { loadRegionIndex } from './regions.service.ts';

describe('region tree', () => {
  const index = loadRegionIndex();

  it('holds every province and the demo city’s districts with townships', () => {
    expect(index.children(null)).toHaveLength(31);
    const districts = index.districtsOf('320500').map((region) => region.code);
    expect(districts).toEqual(
      expect.arrayContaining([
        '320505',
        '320506',
        '320507',
        '320508',
        '320509',
        '320576',
        '320581',
        '320582',
        '320583',
        '320585',
      ]),
    );
    expect(index.children('320509').length).toBeGreaterThan(5);
    expect(index.fullName('320509')).toBe('江苏省 苏州市 吴江区');
  });

  it('holds the labour-exporting counties the seeds name', () => {
    for (const code of [
      '530600',
      '522701',
      '411523',
      '610500',
      '510300',
      '360900',
      '140300',
      '433130',
      '433127',
      '433124',
    ])
      expect(index.get(code), code).toBeDefined();
  });

  describe('API', () => {
    let ctx: TestContext;
    let client: TestClient;
    beforeAll(async () => {
      ctx = await createTestContext();
      client = await ctx.signIn((await buildUser(ctx.deps, { roles: ['worker'] })).username);
    });
    afterAll(() => ctx.close());

    it('answers children of a parent, lookups by code, and the city', async () => {
      const jiangsu = (await client.get('/api/regions?parent=320000')).json().items;
      expect(jiangsu).toContainEqual(
        expect.objectContaining({ code: '320500', name: '苏州市', level: 'prefecture', hasChildren: true }),
      );
      const lookup = (await client.get('/api/regions?codes=320509,999999')).json().items;
      expect(lookup).toEqual([expect.objectContaining({ code: '320509', name: '吴江区' })]);
      const city = (await client.get('/api/regions/city')).json();
      expect(city.city.code).toBe('320500');
      expect(city.districts).toHaveLength(10);
      expect((await client.get('/api/regions?parent=12')).statusCode).toBe(400);
    });

    it('needs a session', async () => {
      expect((await ctx.anonymous().get('/api/regions')).statusCode).toBe(401);
    });
  });
});
