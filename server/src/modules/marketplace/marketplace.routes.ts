import {
  claimCreateBody,
  claimListQuery,
  claimPage,
  claimReleaseBody,
  claimSchema,
  dashboardQuery,
  dashboardSchema,
  hallQuery,
  idParam,
  listingListQuery,
  listingPage,
  listingPublishBody,
  listingSchema,
  listingUpdateBody,
  listingWithdrawBody,
  marketplaceSettingsSchema,
  marketplaceSettingsUpdateBody,
  orderClaimsReply,
  Permission,
  reviewCreateBody,
  reviewListQuery,
  reviewPage,
  reviewSchema,
  reviewSummaryQuery,
  reviewSummaryReply,
  reviewVisibilityBody,
  settlementSchema,
  submissionCreateBody,
  submissionList,
  submissionSchema,
} from '@yonggong/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.ts';
import { contextOf } from '../../http/auth-guard.ts';
import { claimPlaces, getClaim, listClaimPage, releaseClaimPlaces } from './claims.service.ts';
import { changeSettings, getDashboard, listSettlementsFor, readSettings } from './dashboard.service.ts';
import {
  getOrderClaims,
  listHallPage,
  listListingPage,
  publishListing,
  updateListing,
  withdrawListing,
} from './listings.service.ts';
import { createReview, getRatingSummary, listReviewPage, setReviewVisibility } from './reviews.service.ts';
import { listClaimSubmissions, submitCandidate } from './submit-candidate.ts';

/**
 * The agency marketplace: `/api/job-orders/:id/marketplace` (挂单), `/api/marketplace/hall`,
 * `/api/job-orders/:id/claims` (抢单), `/api/claims[/:id]`, `/api/claims/:id/submissions`,
 * `/api/reviews` (互评), `/api/marketplace/dashboard|settings|settlements`.
 */
export function marketplaceRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['marketplace'];
    app.get(
      '/api/marketplace/listings',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags,
          summary: 'Published orders (scoped; agencies see what the tier rule released to them)',
          querystring: listingListQuery,
          response: { 200: listingPage },
        },
      },
      (request) => listListingPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/marketplace/hall',
      {
        config: { access: Permission.MarketplaceClaim },
        schema: {
          tags,
          summary: 'The agency’s order hall: what it may claim now, most urgent and newest first',
          querystring: hallQuery,
          response: { 200: listingPage },
        },
      },
      (request) => listHallPage(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/job-orders/:id/marketplace',
      {
        config: { access: Permission.MarketplacePublish },
        schema: {
          tags,
          summary: 'Publish an open order to agencies (挂单) with terms',
          params: idParam,
          body: listingPublishBody,
          response: { 201: listingSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await publishListing(deps, contextOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/job-orders/:id/marketplace',
      {
        config: { access: Permission.MarketplacePublish },
        schema: {
          tags,
          summary: 'Change the terms (places never below those claimed)',
          params: idParam,
          body: listingUpdateBody,
          response: { 200: listingSchema },
        },
      },
      (request) => updateListing(deps, contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/job-orders/:id/marketplace/withdraw',
      {
        config: { access: Permission.MarketplacePublish },
        schema: {
          tags,
          summary: 'Withdraw from the marketplace (active claims end)',
          params: idParam,
          body: listingWithdrawBody,
          response: { 200: listingSchema },
        },
      },
      (request) => withdrawListing(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/job-orders/:id/claims',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags,
          summary: 'The order’s listing and the claims the caller may see',
          params: idParam,
          response: { 200: orderClaimsReply },
        },
      },
      (request) => getOrderClaims(deps, contextOf(request).actor, request.params.id),
    );
    app.post(
      '/api/job-orders/:id/claims',
      {
        config: { access: Permission.MarketplaceClaim },
        schema: {
          tags,
          summary: 'Claim places (抢单); 409 with the places remaining when too few are left',
          params: idParam,
          body: claimCreateBody,
          response: { 201: claimSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await claimPlaces(deps, contextOf(request), request.params.id, request.body.places)),
    );
    app.get(
      '/api/claims',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags,
          summary: 'Claims (agencies: their own; enterprises: on their orders; officers: their districts)',
          querystring: claimListQuery,
          response: { 200: claimPage },
        },
      },
      (request) => listClaimPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/claims/:id',
      {
        config: { access: Permission.MarketplaceRead },
        schema: { tags, summary: 'One claim', params: idParam, response: { 200: claimSchema } },
      },
      (request) => getClaim(deps, contextOf(request).actor, request.params.id),
    );
    app.post(
      '/api/claims/:id/release',
      {
        config: { access: Permission.MarketplaceClaim },
        schema: {
          tags,
          summary: 'Release places the agency cannot fill',
          params: idParam,
          body: claimReleaseBody,
          response: { 200: claimSchema },
        },
      },
      (request) => releaseClaimPlaces(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/claims/:id/submissions',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags,
          summary: 'The claim’s candidates with their pipeline status',
          params: idParam,
          response: { 200: submissionList },
        },
      },
      (request) => listClaimSubmissions(deps, contextOf(request), request.params.id),
    );
    app.post(
      '/api/claims/:id/submissions',
      {
        config: { access: Permission.MarketplaceClaim },
        schema: {
          tags,
          summary: 'Submit a candidate: a registered worker (workerId) or a new registration (worker)',
          params: idParam,
          body: submissionCreateBody,
          response: { 201: submissionSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await submitCandidate(deps, contextOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/reviews',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags: ['reviews'],
          summary: 'Reviews (互评) of an agency or an enterprise',
          querystring: reviewListQuery,
          response: { 200: reviewPage },
        },
      },
      (request) => listReviewPage(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/reviews/summary',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags: ['reviews'],
          summary: 'Average ratings with their count (agencyId or enterpriseId)',
          querystring: reviewSummaryQuery,
          response: { 200: reviewSummaryReply },
        },
      },
      (request) => getRatingSummary(deps, contextOf(request).actor, request.query),
    );
    app.post(
      '/api/reviews',
      {
        config: { access: Permission.ReviewWrite },
        schema: {
          tags: ['reviews'],
          summary: 'Rate the other side of a claim (once per side, only after a real interaction)',
          body: reviewCreateBody,
          response: { 201: reviewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createReview(deps, contextOf(request), request.body)),
    );
    app.post(
      '/api/reviews/:id/visibility',
      {
        config: { access: Permission.MarketplaceModerate },
        schema: {
          tags: ['reviews'],
          summary: 'Hide an abusive review (or show it again), with a logged reason',
          params: idParam,
          body: reviewVisibilityBody,
          response: { 200: reviewSchema },
        },
      },
      (request) => setReviewVisibility(deps, contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/marketplace/dashboard',
      {
        config: { access: Permission.MarketplaceMonitor },
        schema: {
          tags,
          summary: 'Officer dashboard',
          querystring: dashboardQuery,
          response: { 200: dashboardSchema },
        },
      },
      (request) => getDashboard(deps, contextOf(request).actor, request.query),
    );
    app.get(
      '/api/marketplace/settlements',
      {
        config: { access: Permission.MarketplaceRead },
        schema: {
          tags,
          summary: 'Placement-subsidy eligibilities and fees owed on the claims the caller may see',
          response: { 200: settlementSchema },
        },
      },
      (request) => listSettlementsFor(deps, contextOf(request).actor),
    );
    app.get(
      '/api/marketplace/settings',
      {
        config: { access: Permission.MarketplaceRead },
        schema: { tags, summary: 'The marketplace’s rules', response: { 200: marketplaceSettingsSchema } },
      },
      () => readSettings(deps),
    );
    app.patch(
      '/api/marketplace/settings',
      {
        config: { access: Permission.MarketplaceSettings },
        schema: {
          tags,
          summary: 'Change the rules (administrators; audited)',
          body: marketplaceSettingsUpdateBody,
          response: { 200: marketplaceSettingsSchema },
        },
      },
      (request) => changeSettings(deps, contextOf(request), request.body),
    );
  };
}
