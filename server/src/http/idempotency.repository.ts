import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The SQL of `Idempotency-Key` handling (see idempotency.ts). */
type Db = Kysely<Database>;

/** Claims (user, key) for a first request; false when it is already claimed. */
export async function claimKey(db: Db, userId: string, key: string, fingerprint: string): Promise<boolean> {
  const row = await db
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, fingerprint })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findKey(db: Db, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'status', 'content_type', 'body', 'created_at'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Stores the reply of the claimed request. */
export async function storeReply(
  db: Db,
  userId: string,
  key: string,
  reply: { status: number; contentType: string | null; body: string },
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ status: reply.status, content_type: reply.contentType, body: reply.body })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Gives a key back (a failed or unstorable first request may be retried with it). */
export async function releaseKey(db: Db, userId: string, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
}

/** Drops a claim left unanswered since before `staleBefore` (its request died mid-way). */
export async function releaseStaleClaim(
  db: Db,
  userId: string,
  key: string,
  staleBefore: Date,
): Promise<boolean> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('status', 'is', null)
    .where('created_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes keys older than `before` (the scheduler, hourly). */
export async function sweepKeys(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
