import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import {
  buildAgency,
  buildAgencyUser,
  buildEnterprise,
  buildJobOrder,
  buildUser,
} from '../../../test/factories.ts';
import type { TestClient, TestContext } from '../../../test/test-app.ts';
import type { AgencyRow } from '../../db/schema-marketplace.ts';
import { hashSessionToken, insertSession } from '../auth/auth.repository.ts';

/**
 * Test helpers of the marketplace: a session for an account without going through the login
 * route (its rate limit is for people; a race test needs fifty agencies), and a published order.
 */
export async function sessionFor(ctx: TestContext, userId: string): Promise<TestClient> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await insertSession(ctx.deps.db, {
    tokenHash: hashSessionToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + 3_600_000),
    ip: null,
    userAgent: 'vitest',
  });
  const cookie = `yg_session=${token}`;
  const request: TestClient['request'] = (method, url, options = {}) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie, ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}), ...options.headers },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    }) as Promise<LightMyRequestResponse>;
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, { body: body ?? {} }),
    patch: (url, body) => request('PATCH', url, { body: body ?? {} }),
    csrfToken,
    cookie,
  };
}

/** An agency (approved unless asked otherwise) with one signed-in staff client. */
export async function agencyWithClient(
  ctx: TestContext,
  overrides: Parameters<typeof buildAgency>[1] = {},
): Promise<{ agency: AgencyRow; client: TestClient; userId: string }> {
  const agency = await buildAgency(ctx.deps, overrides);
  const user = await buildAgencyUser(ctx.deps, agency.id);
  return { agency, client: await sessionFor(ctx, user.id), userId: user.id };
}

/** A 吴江 enterprise, its HR client, and an open order of `headcount` places. */
export async function enterpriseWithOrder(ctx: TestContext, headcount = 10) {
  const enterprise = await buildEnterprise(ctx.deps, { districtCode: '320509' });
  const user = await buildUser(ctx.deps, { roles: ['enterprise'], enterpriseId: enterprise.id });
  const order = await buildJobOrder(ctx.deps, enterprise.id, { headcount, districtCode: '320509' });
  return { enterprise, order, client: await sessionFor(ctx, user.id) };
}

/** Publishes `orderId` through the API; returns the listing. */
export async function publish(
  client: TestClient,
  orderId: string,
  terms: {
    offeredPlaces: number;
    feePerHireFen?: number | null;
    subsidyApplies?: boolean;
    deadline?: string;
  },
) {
  const deadline = terms.deadline ?? new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const response = await client.post(`/api/job-orders/${orderId}/marketplace`, { ...terms, deadline });
  if (response.statusCode !== 201) throw new Error(`publish failed: ${response.body}`);
  return response.json<{ id: string; version: number; openToAllAt: string; publishedAt: string }>();
}

/** Lets the tier delay pass for a listing (the database's clock is the rule's clock). */
export async function openToAll(ctx: TestContext, listingId: string): Promise<void> {
  await sql`UPDATE marketplace_listings SET open_to_all_at = now() - interval '1 second' WHERE id = ${listingId}`.execute(
    ctx.deps.db,
  );
}

/**
 * Gives an agency one visible review per score (all three criteria the same) from enterprises
 * it really worked with: each review sits on a claim with a submission, as the rules require.
 */
export async function giveReviews(
  ctx: TestContext,
  agencyId: string,
  scores: readonly number[],
): Promise<void> {
  for (const score of scores) {
    const enterprise = await buildEnterprise(ctx.deps);
    const order = await buildJobOrder(ctx.deps, enterprise.id);
    const listing = await ctx.deps.db
      .insertInto('marketplace_listings')
      .values({
        job_order_id: order.id,
        enterprise_id: enterprise.id,
        offered_places: 1,
        claimed_places: 0,
        fee_per_hire_fen: null,
        subsidy_applies: true,
        deadline: order.deadline,
        status: 'closed',
        open_to_all_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const claim = await ctx.deps.db
      .insertInto('marketplace_claims')
      .values({
        listing_id: listing.id,
        job_order_id: order.id,
        enterprise_id: enterprise.id,
        agency_id: agencyId,
        places: 1,
        places_claimed: 1,
        submitted_count: 1,
        status: 'closed',
        lapses_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.deps.db
      .insertInto('marketplace_reviews')
      .values({
        claim_id: claim.id,
        direction: 'enterprise_to_agency',
        agency_id: agencyId,
        enterprise_id: enterprise.id,
        score_1: score,
        score_2: score,
        score_3: score,
        reviewer_id: null,
      })
      .execute();
  }
}
