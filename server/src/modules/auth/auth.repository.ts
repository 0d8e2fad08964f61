import crypto from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database, UserRow } from '../../db/schema.ts';

/** Sessions and sign-in failures: the only SQL of the auth module. */

/** sha256 of a session token: what the sessions table stores instead of the token. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

export async function insertSession(
  db: Kysely<Database>,
  session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export interface SessionWithUser {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly user: UserRow;
}

export async function findSessionWithUser(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionWithUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const { session_id, csrf_token, last_seen_at, expires_at, ...user } = row;
  return {
    sessionId: session_id,
    csrfToken: csrf_token,
    lastSeenAt: last_seen_at,
    expiresAt: expires_at,
    user,
  };
}

export async function touchSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql`now()` }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Failures for `username` since `since`, oldest first. */
export async function listRecentFailures(
  db: Kysely<Database>,
  username: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('at')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((row) => row.at);
}

export async function insertLoginFailure(
  db: Kysely<Database>,
  username: string,
  ip: string | null,
): Promise<void> {
  await db.insertInto('login_failures').values({ username: username.toLowerCase(), ip }).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where(sql`lower(username)`, '=', username.toLowerCase()).execute();
}
