import crypto from 'node:crypto';
import { resolveLocale } from '@yonggong/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { resolveSession, type SessionPolicy } from '../modules/auth/auth.service.ts';
import { AppError } from './app-error.ts';
import type { RequestContext } from './context.ts';

/**
 * ⚠️ SECURITY-CRITICAL: the gate every /api request passes.
 *
 * 1. Every /api route must declare `config.access` (a Permission, 'authenticated' or 'public');
 *    the app refuses to start when one does not — no route is open by omission.
 * 2. The session cookie is resolved to an actor; the request's language follows the account's
 *    preference, else Accept-Language.
 * 3. State-changing requests with a cookie session must echo the session's CSRF token in
 *    `X-CSRF-Token` (constant-time comparison).
 * 4. The declared permission is checked before the body is even validated.
 * Record-level access is the modules' scoping builders' job (modules/<module>/<module>.policy.ts).
 */
export const SESSION_COOKIE = 'yg_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthGuard(app: FastifyInstance, db: Kysely<Database>, policy: SessionPolicy): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.locale = resolveLocale(null, request.headers['accept-language']);
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api') || access === undefined) return;

    const token = request.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const session = await resolveSession(db, policy, token);
      if (session.status === 'active') {
        request.actor = session.actor;
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        request.locale = resolveLocale(session.user.locale, request.headers['accept-language']);
      } else {
        expired = session.status === 'expired';
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (access === 'public') return;
    if (!request.actor) throw new AppError(expired ? 'session_expired' : 'unauthenticated');
    if (!SAFE_METHODS.has(request.method) && !isCsrfValid(request)) throw new AppError('csrf_invalid');
    if (access !== 'authenticated' && !request.actor.permissions.has(access)) throw new AppError('forbidden');
  });
}

function isCsrfValid(request: FastifyRequest): boolean {
  const sent = request.headers['x-csrf-token'];
  const expected = request.csrfToken;
  if (typeof sent !== 'string' || !expected) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The service context of an authenticated request (routes call this; it never returns null). */
export function contextOf(request: FastifyRequest): RequestContext {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated');
  return { actor, requestId: request.id, ip: request.ip ?? null, locale: request.locale };
}
