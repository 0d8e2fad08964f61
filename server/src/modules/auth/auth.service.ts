import crypto from 'node:crypto';
import { LIMITS } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { toActor } from '../users/users.presenter.ts';
import { findUserByUsername } from '../users/users.repository.ts';
import {
  clearLoginFailures,
  deleteSession,
  findSessionWithUser,
  hashSessionToken,
  insertLoginFailure,
  insertSession,
  listRecentFailures,
  touchSession,
} from './auth.repository.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.ts';

/**
 * ⚠️ SECURITY-CRITICAL: sign-in, lockout and session resolution.
 *
 * Lockout: 5 failures for a username within 15 minutes lock it until the oldest of those failures
 * is 15 minutes old; while locked even the right password is refused (so guessing cannot go on).
 * Unknown usernames are counted and answered exactly like wrong passwords (no account discovery),
 * and verified against a dummy hash so their timing matches.
 * Sessions: a random 256-bit token in an HttpOnly cookie; the table stores only its sha256.
 * A session ends after `idleMinutes` without a request or `maxHours` after sign-in.
 */
export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

export interface LoginResult {
  readonly token: string;
  readonly csrfToken: string;
  readonly actor: Actor;
}

export async function login(
  db: Kysely<Database>,
  policy: SessionPolicy,
  input: {
    username: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
    requestId: string;
  },
): Promise<LoginResult> {
  const windowMs = LIMITS.loginFailureWindowMinutes * 60_000;
  const failures = await listRecentFailures(db, input.username, new Date(Date.now() - windowMs));
  if (failures.length >= LIMITS.loginMaxFailures) throw lockedError(failures, windowMs);

  const user = await findUserByUsername(db, input.username);
  const isValid = user?.password_hash
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH_PROMISE).then(() => false);
  if (!user || !isValid) {
    await insertLoginFailure(db, input.username, input.ip);
    const now = [...failures, new Date()];
    if (now.length >= LIMITS.loginMaxFailures) throw lockedError(now, windowMs);
    throw new AppError('invalid_credentials');
  }
  if (user.is_disabled) throw new AppError('account_disabled');

  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, input.username);
    await insertSession(trx, {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + policy.maxHours * 3_600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      trx,
      { actorId: user.id, requestId: input.requestId, ip: input.ip },
      { action: 'auth.login', entityType: 'user', entityId: user.id, summary: `${user.username} 登录` },
    );
  });
  return { token, csrfToken, actor: toActor(user) };
}

function lockedError(failures: readonly Date[], windowMs: number): AppError {
  const oldest = failures[failures.length - LIMITS.loginMaxFailures] ?? failures[0] ?? new Date();
  const minutes = Math.max(1, Math.ceil((oldest.getTime() + windowMs - Date.now()) / 60_000));
  return new AppError('account_locked', { params: { failures: LIMITS.loginMaxFailures, minutes } });
}

export type SessionLookup =
  | { readonly status: 'none' }
  | { readonly status: 'expired' }
  | {
      readonly status: 'active';
      readonly actor: Actor;
      readonly sessionId: string;
      readonly csrfToken: string;
      readonly user: UserRow;
    };

const TOUCH_EVERY_MS = 60_000;

/** Resolves a cookie token to its account, ending idle, over-age or disabled sessions. */
export async function resolveSession(
  db: Kysely<Database>,
  policy: SessionPolicy,
  token: string,
): Promise<SessionLookup> {
  const found = await findSessionWithUser(db, hashSessionToken(token));
  if (!found) return { status: 'none' };
  const now = Date.now();
  const idle = now - found.lastSeenAt.getTime() > policy.idleMinutes * 60_000;
  if (idle || now > found.expiresAt.getTime() || found.user.is_disabled) {
    await deleteSession(db, found.sessionId);
    return { status: 'expired' };
  }
  if (now - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, found.sessionId);
  return {
    status: 'active',
    actor: toActor(found.user),
    sessionId: found.sessionId,
    csrfToken: found.csrfToken,
    user: found.user,
  };
}

export async function logout(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
