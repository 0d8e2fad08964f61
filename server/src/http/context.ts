import type { Locale, Permission, Role, UserScope } from '@yonggong/shared';

/** The signed-in account acting on a request, as every service and policy sees it. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly permissions: ReadonlySet<Permission>;
  readonly scope: UserScope;
  readonly locale: Locale;
}

/** What a service needs from the request: who acts, in which language, for the audit trail. */
export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
  readonly ip: string | null;
  readonly locale: Locale;
}

/** What a route may declare: a permission, or that it is public / needs only a session. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares this; the app refuses to start otherwise. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    locale: Locale;
  }
}
