import { loginBody, loginReply, meReply, okSchema, updateMeBody } from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf, SESSION_COOKIE } from '../../http/auth-guard.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import { presentMe } from '../users/users.presenter.ts';
import { updateUser } from '../users/users.repository.ts';
import { login, logout } from './auth.service.ts';

/** Sign-in, sign-out and `/api/me`. */
export function authRoutes(
  deps: Deps,
  options: { secureCookies: 'auto' | 'always' | 'never' },
): FastifyPluginAsyncZod {
  const policy = { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours };
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in (sets the session cookie; reply carries csrfToken)',
          body: loginBody,
          response: { 200: loginReply },
        },
      },
      async (request, reply) => {
        const result = await login(deps.db, policy, {
          username: request.body.username,
          password: request.body.password,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        });
        const secure =
          options.secureCookies === 'always' ||
          (options.secureCookies === 'auto' && request.protocol === 'https');
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: deps.config.sessionMaxHours * 3600,
        });
        return { user: presentMe(result.actor, request.locale), csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema } },
      },
      async (request, reply) => {
        if (request.sessionId) await logout(deps.db, request.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/me',
      {
        config: { access: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Who am I', response: { 200: meReply } },
      },
      async (request) => ({
        ...presentMe(contextOf(request).actor, request.locale),
        csrfToken: request.csrfToken ?? '',
      }),
    );

    app.patch(
      '/api/me',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Set my language',
          body: updateMeBody,
          response: { 200: meReply },
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        await deps.db.transaction().execute(async (trx) => {
          await updateUser(trx, ctx.actor.id, { locale: request.body.locale });
          await recordAudit(trx, auditContextOf(ctx), {
            action: 'user.locale',
            entityType: 'user',
            entityId: ctx.actor.id,
            summary: `界面语言设为 ${request.body.locale}`,
          });
        });
        return { ...presentMe(ctx.actor, request.body.locale), csrfToken: request.csrfToken ?? '' };
      },
    );
  };
}
