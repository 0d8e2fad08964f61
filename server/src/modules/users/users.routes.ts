import { Permission, userDirectoryQuery, userDirectoryReply } from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { presentDirectoryEntry } from './users.presenter.ts';
import { listUserDirectory } from './users.service.ts';

/** `/api/users/directory`: colleagues for pickers (e.g. liaison officers of a district). */
export function userRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/users/directory',
      {
        config: { access: Permission.UserDirectoryRead },
        schema: {
          tags: ['users'],
          summary: 'Directory of accounts for pickers',
          querystring: userDirectoryQuery,
          response: { 200: userDirectoryReply },
        },
      },
      async (request) => {
        const rows = await listUserDirectory(deps.db, contextOf(request).actor, request.query);
        return { items: rows.map(presentDirectoryEntry) };
      },
    );
  };
}
