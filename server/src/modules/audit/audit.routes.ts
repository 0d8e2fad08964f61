import { type AuditEvent, auditPage, auditQuery, Permission } from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { type AuditListRow, listAuditEvents } from './audit.repository.ts';

/** `/api/audit`: the trail, newest first, for administrators. */
export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: Permission.AuditRead },
        schema: {
          tags: ['audit'],
          summary: 'Audit trail (append-only)',
          querystring: auditQuery,
          response: { 200: auditPage },
        },
      },
      async (request) => {
        const { page, pageSize, ...filter } = request.query;
        const { rows, total } = await listAuditEvents(deps.db, filter, { page, pageSize });
        return { items: rows.map(presentAuditEvent), page, pageSize, total };
      },
    );
  };
}

function presentAuditEvent(row: AuditListRow): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor:
      row.actor_id && row.actor_username
        ? {
            id: row.actor_id,
            username: row.actor_username,
            displayName: row.actor_display_name ?? row.actor_username,
          }
        : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    ip: row.ip,
  };
}
