import { cityReply, Permission, regionListReply, regionsQuery } from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../http/app-error.ts';
import type { RegionIndex } from './regions.service.ts';

/** `/api/regions`: the region tree for cascaders; `/api/regions/city`: this deployment's districts. */
export function regionRoutes(regions: RegionIndex, cityCode: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/regions',
      {
        config: { access: Permission.RegionRead },
        schema: {
          tags: ['regions'],
          summary: 'Region tree (GB/T 2260)',
          querystring: regionsQuery,
          response: { 200: regionListReply },
        },
      },
      async (request) => {
        const { parent, codes } = request.query;
        if (codes) {
          const items = codes
            .split(',')
            .slice(0, 200)
            .map((code) => regions.get(code.trim()))
            .filter((region) => region !== undefined);
          return { items };
        }
        return { items: regions.children(parent ?? null) };
      },
    );
    app.get(
      '/api/regions/city',
      {
        config: { access: Permission.RegionRead },
        schema: {
          tags: ['regions'],
          summary: 'This deployment’s city and its districts',
          response: { 200: cityReply },
        },
      },
      async () => {
        const city = regions.get(cityCode);
        if (!city) throw new AppError('not_found');
        return { city, districts: regions.districtsOf(cityCode) };
      },
    );
  };
}
