import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError, fieldErrors } from './app-error.ts';
import { claimKey, findKey, releaseKey, releaseStaleClaim, storeReply } from './idempotency.repository.ts';

/**
 * `Idempotency-Key` (DESIGN §5; the IETF httpapi draft's header): a signed-in account may send a
 * key with any state-changing request. The first request with a key claims it and its reply is
 * kept for 24 hours; the same request sent again with the key — a phone retrying after a dropped
 * connection, a double click — gets that reply back (`Idempotent-Replayed: true`) without acting
 * twice. The same key with a different request is refused (422); a repeat while the first is still
 * being handled gets 409. Only successful replies are kept: an error (4xx: nothing changed; 5xx:
 * may succeed on retry) releases the key, so the corrected request may be sent with it.
 * Multipart uploads are not covered (their body is a stream; imports have their own job ids).
 */
const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** A claim left unanswered this long belongs to a request that died; the key may be used again. */
const STALE_CLAIM_MS = 5 * 60_000;

interface Claim {
  readonly userId: string;
  readonly key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claim | null;
  }
}

function fingerprintOf(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

export function registerIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers[HEADER];
    if (header === undefined || SAFE_METHODS.has(request.method) || !request.actor) return;
    if (request.isMultipart()) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY_PATTERN.test(key))
      throw fieldErrors([{ path: 'Idempotency-Key', key: 'idempotency.invalid_key' }]);
    const userId = request.actor.id;
    const fingerprint = fingerprintOf(request);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await claimKey(db, userId, key, fingerprint)) {
        request.idempotencyClaim = { userId, key };
        return;
      }
      const stored = await findKey(db, userId, key);
      if (!stored) continue; // released between our claim and our read: claim again
      if (stored.fingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
      if (stored.status === null) {
        if (await releaseStaleClaim(db, userId, key, new Date(Date.now() - STALE_CLAIM_MS))) continue;
        throw new AppError('request_in_progress');
      }
      reply.status(stored.status).header('idempotent-replayed', 'true');
      if (stored.content_type) reply.type(stored.content_type);
      return reply.send(stored.body ?? '');
    }
    throw new AppError('request_in_progress');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    if (
      reply.statusCode >= 400 ||
      (typeof payload !== 'string' && payload !== null && payload !== undefined)
    ) {
      // A refused request changed nothing (DESIGN §6) and a server error may succeed on retry: the
      // key is given back so the corrected request can use it. A streamed reply cannot be kept.
      await releaseKey(db, claim.userId, claim.key);
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await storeReply(db, claim.userId, claim.key, {
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body: typeof payload === 'string' ? payload : '',
    });
    return payload;
  });
}
