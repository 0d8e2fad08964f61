import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { uniqueIdNumber, uniquePhone } from '../workers/workers.test-support.ts';
import {
  agencyWithClient,
  enterpriseWithOrder,
  openToAll,
  publish,
  sessionFor,
} from './marketplace.test-support.ts';

const AGENCY_SCORES = { quality: 5, speed: 4, honesty: 5 };
const ENTERPRISE_SCORES = { accuracy: 4, wages: 5, treatment: 3 };

describe('reviews', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  async function interaction() {
    const enterprise = await enterpriseWithOrder(ctx);
    const listing = await publish(enterprise.client, enterprise.order.id, { offeredPlaces: 3 });
    await openToAll(ctx, listing.id);
    const agency = await agencyWithClient(ctx);
    const claim = (
      await agency.client.post(`/api/job-orders/${enterprise.order.id}/claims`, { places: 2 })
    ).json();
    return { ...enterprise, agency, claim };
  }

  it('accepts reviews only after a real interaction, once per side', async () => {
    const { client: hr, agency, claim } = await interaction();
    // Claimed but nothing submitted: no interaction yet.
    const early = await hr.post('/api/reviews', { claimId: claim.id, scores: AGENCY_SCORES });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('才能评价');
    const submitted = await agency.client.post(`/api/claims/${claim.id}/submissions`, {
      worker: { name: '孙评价', idNumber: uniqueIdNumber(), phone: uniquePhone() },
    });
    expect(submitted.statusCode).toBe(201);
    // Still active and nobody hired: not yet.
    expect((await hr.post('/api/reviews', { claimId: claim.id, scores: AGENCY_SCORES })).statusCode).toBe(
      409,
    );
    // The claim ends (the agency releases what it cannot fill and the listing is withdrawn).
    await agency.client.post(`/api/claims/${claim.id}/release`, { places: 1 });
    const order = (await hr.get(`/api/job-orders/${claim.jobOrder.id}/claims`)).json();
    await hr.post(`/api/job-orders/${claim.jobOrder.id}/marketplace/withdraw`, {
      reason: '自行招满',
      version: order.listing.version,
    });
    const wrongCriteria = await hr.post('/api/reviews', { claimId: claim.id, scores: ENTERPRISE_SCORES });
    expect(wrongCriteria.statusCode).toBe(400);
    const byEnterprise = await hr.post('/api/reviews', {
      claimId: claim.id,
      scores: AGENCY_SCORES,
      comment: '人员稳定',
    });
    expect(byEnterprise.statusCode, byEnterprise.body).toBe(201);
    expect(byEnterprise.json()).toMatchObject({
      direction: 'enterprise_to_agency',
      average: 4.67,
      reviewer: null,
    });
    const twice = await hr.post('/api/reviews', { claimId: claim.id, scores: AGENCY_SCORES });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('本次合作您已评价过');
    const byAgency = await agency.client.post('/api/reviews', {
      claimId: claim.id,
      scores: ENTERPRISE_SCORES,
    });
    expect(byAgency.statusCode).toBe(201);
    expect(byAgency.json().direction).toBe('agency_to_enterprise');
    // Outsiders cannot review an interaction that is not theirs.
    const stranger = await agencyWithClient(ctx);
    expect(
      (await stranger.client.post('/api/reviews', { claimId: claim.id, scores: ENTERPRISE_SCORES }))
        .statusCode,
    ).toBe(404);

    const agencyProfile = (await hr.get(`/api/agencies/${agency.agency.id}`)).json();
    expect(agencyProfile.rating).toMatchObject({
      count: 1,
      average: 4.67,
      criteria: { quality: 5, speed: 4, honesty: 5 },
    });
    const enterpriseRating = (
      await agency.client.get(`/api/reviews/summary?enterpriseId=${claim.jobOrder.enterpriseId}`)
    ).json();
    expect(enterpriseRating.rating).toMatchObject({ count: 1, average: 4, criteria: { wages: 5 } });
    const claimView = (await hr.get(`/api/claims/${claim.id}`)).json();
    expect(claimView).toMatchObject({
      reviews: { byEnterprise: true, byAgency: true },
      can: { review: false },
    });
  });

  it('lets an officer hide an abusive review with a logged reason; hidden reviews stop counting', async () => {
    const { client: hr, agency, claim } = await interaction();
    await agency.client.post(`/api/claims/${claim.id}/submissions`, {
      worker: { name: '周隐藏', idNumber: uniqueIdNumber(), phone: uniquePhone() },
    });
    await agency.client.post(`/api/claims/${claim.id}/release`, { places: 1 });
    const order = (await hr.get(`/api/job-orders/${claim.jobOrder.id}/claims`)).json();
    await hr.post(`/api/job-orders/${claim.jobOrder.id}/marketplace/withdraw`, {
      reason: '结束',
      version: order.listing.version,
    });
    const review = (
      await agency.client.post('/api/reviews', {
        claimId: claim.id,
        scores: { accuracy: 1, wages: 1, treatment: 1 },
        comment: '骗子公司！！！',
      })
    ).json();
    const officer = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: ['320509'] })).id,
    );
    expect(
      (await hr.post(`/api/reviews/${review.id}/visibility`, { hidden: true, reason: '辱骂' })).statusCode,
    ).toBe(403);
    const hidden = await officer.post(`/api/reviews/${review.id}/visibility`, {
      hidden: true,
      reason: '含侮辱性言论',
    });
    expect(hidden.json()).toMatchObject({ hidden: true, hiddenReason: '含侮辱性言论' });
    const visible = (await hr.get(`/api/reviews?enterpriseId=${claim.jobOrder.enterpriseId}`)).json();
    expect(visible.items).toEqual([]);
    const summary = (await hr.get(`/api/reviews/summary?enterpriseId=${claim.jobOrder.enterpriseId}`)).json();
    expect(summary.rating.count).toBe(0);
    const audit = await ctx.deps.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'marketplace.review_hide')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toContain('含侮辱性言论');
  });

  it('shows officers the marketplace dashboard: open listings, first claims, rates, lapses and the leaderboard', async () => {
    const { agency } = await interaction();
    const admin = await sessionFor(ctx, (await buildUser(ctx.deps, { roles: ['admin'] })).id);
    const response = await admin.get('/api/marketplace/dashboard?days=30');
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();
    expect(dashboard.openListings).toBeGreaterThanOrEqual(1);
    expect(dashboard.offeredPlaces).toBeGreaterThanOrEqual(3);
    expect(dashboard.claimedPlaces).toBeGreaterThanOrEqual(2);
    expect(dashboard.medianHoursToFirstClaim).not.toBeNull();
    expect(dashboard.claimRate).toBeGreaterThan(0);
    const row = dashboard.leaderboard.find(
      (entry: { agencyId: string }) => entry.agencyId === agency.agency.id,
    );
    expect(row).toMatchObject({ claims: 1, placements: 0 });
    expect((await agency.client.get('/api/marketplace/dashboard')).statusCode).toBe(403);
    const other = await sessionFor(
      ctx,
      (await buildUser(ctx.deps, { roles: ['district_officer'], districtCodes: ['320507'] })).id,
    );
    expect((await other.get('/api/marketplace/dashboard')).json().openListings).toBe(0);
  });
});
