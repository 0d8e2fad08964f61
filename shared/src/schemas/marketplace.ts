import { z } from 'zod';
import { ratingSummarySchema } from './agencies.ts';
import { APPLICATION_STATUSES } from './applications.ts';
import { pageOf, paginationQuery, timestamp } from './common.ts';
import { URGENCIES } from './job-orders.ts';
import { workerCreateBody } from './workers.ts';

/**
 * The agency marketplace: an order published to agencies (挂单) with terms, claims (抢单),
 * candidate submissions, mutual reviews (互评), the officer's dashboard and the tunable rules.
 * Money is integer fen.
 */
export const LISTING_STATUSES = ['open', 'withdrawn', 'closed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const CLAIM_STATUSES = ['active', 'released', 'lapsed', 'closed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const isoDate = z.iso.date();
const places = z.number().int().min(1).max(10_000);

/** The terms of a publication. */
export const listingPublishBody = z.object({
  offeredPlaces: places.describe('places offered to agencies (≤ the order’s open places)'),
  feePerHireFen: z
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .nullable()
    .default(null)
    .describe('fee per hire the enterprise pays the agency, in fen; null = none'),
  subsidyApplies: z.boolean().default(true).describe('the government placement subsidy applies'),
  deadline: isoDate.describe('last day agencies may claim'),
});
export type ListingPublishBody = z.infer<typeof listingPublishBody>;
export type ListingPublishInput = z.input<typeof listingPublishBody>;

export const listingUpdateBody = z.object({
  offeredPlaces: places.optional(),
  feePerHireFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
  subsidyApplies: z.boolean().optional(),
  deadline: isoDate.optional(),
  version: z.number().int().min(1),
});
export type ListingUpdateBody = z.infer<typeof listingUpdateBody>;

export const listingWithdrawBody = z.object({
  reason: z.string().trim().min(1).max(200),
  version: z.number().int().min(1),
});

const claimBrief = z.object({
  id: z.uuid(),
  places: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  lapsesAt: timestamp,
});

export const listingSchema = z.object({
  id: z.uuid(),
  jobOrderId: z.uuid(),
  enterprise: z.object({ id: z.uuid(), name: z.string(), rating: ratingSummarySchema }),
  title: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  urgency: z.enum(URGENCIES),
  wageMin: z.number().int(),
  wageMax: z.number().int(),
  headcount: z.number().int(),
  filled: z.number().int(),
  offeredPlaces: z.number().int(),
  claimedPlaces: z.number().int(),
  remainingPlaces: z.number().int(),
  feePerHireFen: z.number().int().nullable(),
  subsidyApplies: z.boolean(),
  deadline: z.string(),
  status: z.enum(LISTING_STATUSES),
  statusReason: z.string().nullable(),
  publishedAt: timestamp,
  /** When agencies outside tier 1 see it. */
  openToAllAt: timestamp,
  firstClaimAt: timestamp.nullable(),
  /** The caller's agency's active claim, if any (agency accounts only). */
  myClaim: claimBrief.nullable(),
  version: z.number().int(),
  can: z.object({ update: z.boolean(), withdraw: z.boolean(), claim: z.boolean() }),
});
export type Listing = z.infer<typeof listingSchema>;
export const listingPage = pageOf(listingSchema);

export const HALL_SORTS = ['-urgency', '-publishedAt', 'deadline'] as const;

/** The agency's order hall: what it may claim now. */
export const hallQuery = paginationQuery.extend({
  q: z.string().trim().max(60).optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  occupationCode: z.string().trim().max(12).optional(),
  sort: z.enum(HALL_SORTS).default('-urgency'),
});
export type HallQuery = z.infer<typeof hallQuery>;

export const listingListQuery = paginationQuery.extend({
  status: z.enum(['all', ...LISTING_STATUSES]).default('open'),
  enterpriseId: z.uuid().optional(),
});
export type ListingListQuery = z.infer<typeof listingListQuery>;

export const claimCreateBody = z.object({ places });
export const claimReleaseBody = z.object({
  places,
  reason: z.string().trim().max(200).default(''),
});
export type ClaimReleaseBody = z.infer<typeof claimReleaseBody>;

export const claimSchema = z.object({
  id: z.uuid(),
  listingId: z.uuid(),
  jobOrder: z.object({
    id: z.uuid(),
    title: z.string(),
    enterpriseId: z.uuid(),
    enterpriseName: z.string(),
    districtName: z.string(),
  }),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  places: z.number().int(),
  placesClaimed: z.number().int(),
  submittedCount: z.number().int(),
  /** Candidates still in the running or hired (they hold places). */
  activeSubmissions: z.number().int(),
  hires: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  statusReason: z.string().nullable(),
  lapsesAt: timestamp,
  claimedAt: timestamp,
  endedAt: timestamp.nullable(),
  reviews: z.object({ byEnterprise: z.boolean(), byAgency: z.boolean() }),
  can: z.object({
    release: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
  }),
});
export type Claim = z.infer<typeof claimSchema>;
export const claimPage = pageOf(claimSchema);

export const claimListQuery = paginationQuery.extend({
  status: z.enum(['all', ...CLAIM_STATUSES]).default('all'),
  jobOrderId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
});
export type ClaimListQuery = z.infer<typeof claimListQuery>;

/** The listing of an order with the claims the caller may see (`GET /api/job-orders/:id/claims`). */
export const orderClaimsReply = z.object({
  listing: listingSchema.nullable(),
  claims: z.array(claimSchema),
});

/**
 * A submission: an existing worker the agency registered (`workerId`) or a new registration
 * (`worker`: the same body, validation and dedup as `POST /api/workers`; the channel is 'agency').
 */
export const submissionCreateBody = z
  .object({
    workerId: z.uuid().optional(),
    worker: workerCreateBody.omit({ channel: true, districtCode: true }).optional(),
    note: z.string().trim().max(300).default(''),
  })
  .superRefine((value, ctx) => {
    if ((value.workerId === undefined) === (value.worker === undefined))
      ctx.addIssue({ code: 'custom', path: ['workerId'], params: { key: 'submission.worker_or_new' } });
  });
export type SubmissionCreateBody = z.infer<typeof submissionCreateBody>;
export type SubmissionCreateInput = z.input<typeof submissionCreateBody>;

export const submissionSchema = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  worker: z.object({
    id: z.uuid(),
    name: z.string(),
    sex: z.enum(['male', 'female']),
    age: z.number().int(),
    phoneMasked: z.string(),
  }),
  applicationId: z.uuid(),
  status: z.enum(APPLICATION_STATUSES),
  hiredOn: z.string().nullable(),
  submittedAt: timestamp,
  updatedAt: timestamp,
});
export type Submission = z.infer<typeof submissionSchema>;
export const submissionList = z.object({ items: z.array(submissionSchema) });

/** Reviews: who rates whom, on which criteria (order = score_1..3 in the database). */
export const REVIEW_DIRECTIONS = ['enterprise_to_agency', 'agency_to_enterprise'] as const;
export type ReviewDirection = (typeof REVIEW_DIRECTIONS)[number];
export const REVIEW_CRITERIA = {
  enterprise_to_agency: ['quality', 'speed', 'honesty'],
  agency_to_enterprise: ['accuracy', 'wages', 'treatment'],
} as const satisfies Record<ReviewDirection, readonly [string, string, string]>;
export const ALL_REVIEW_CRITERIA = [
  ...REVIEW_CRITERIA.enterprise_to_agency,
  ...REVIEW_CRITERIA.agency_to_enterprise,
] as const;
export type ReviewCriterion = (typeof ALL_REVIEW_CRITERIA)[number];

const score = z.number().int().min(1).max(5);

export const reviewCreateBody = z.object({
  claimId: z.uuid(),
  scores: z.partialRecord(z.enum(ALL_REVIEW_CRITERIA), score),
  comment: z.string().trim().max(500).default(''),
});
export type ReviewCreateBody = z.infer<typeof reviewCreateBody>;
export type ReviewCreateInput = z.input<typeof reviewCreateBody>;

export const reviewSchema = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  direction: z.enum(REVIEW_DIRECTIONS),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  enterprise: z.object({ id: z.uuid(), name: z.string() }),
  jobOrderTitle: z.string(),
  scores: z.record(z.string(), z.number().int()),
  average: z.number(),
  comment: z.string(),
  /** Who wrote it (officers only; others see the side, to protect reviewers). */
  reviewer: z.string().nullable(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  createdAt: timestamp,
  can: z.object({ hide: z.boolean(), unhide: z.boolean() }),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewListQuery = paginationQuery.extend({
  agencyId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  claimId: z.uuid().optional(),
  direction: z.enum(REVIEW_DIRECTIONS).optional(),
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;
export const reviewPage = pageOf(reviewSchema);

export const reviewSummaryQuery = z.object({
  agencyId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
});
export const reviewSummaryReply = z.object({ rating: ratingSummarySchema });

export const reviewVisibilityBody = z.object({
  hidden: z.boolean(),
  reason: z.string().trim().min(2).max(200),
});

/** The marketplace's tunable rules (`GET/PATCH /api/marketplace/settings`). */
export const marketplaceSettingsSchema = z.object({
  tierDelayMinutes: z.number().int().min(0).max(10_080),
  tier1MinRating: z.number().min(1).max(5),
  tier1MinReviews: z.number().int().min(1).max(1000),
  claimLapseHours: z.number().int().min(1).max(720),
  ownershipWindowDays: z.number().int().min(1).max(730),
  settlementRetentionDays: z.union([z.literal(30), z.literal(90)]),
});
export type MarketplaceSettings = z.infer<typeof marketplaceSettingsSchema>;
export const marketplaceSettingsUpdateBody = marketplaceSettingsSchema.partial();

export const dashboardQuery = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(90),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const dashboardSchema = z.object({
  since: timestamp,
  openListings: z.number().int(),
  offeredPlaces: z.number().int(),
  claimedPlaces: z.number().int(),
  hires: z.number().int(),
  /** Hours from publication to the first claim (median, listings claimed in the period). */
  medianHoursToFirstClaim: z.number().nullable(),
  /** Share of offered places that were claimed / filled by agency hires (0–1). */
  claimRate: z.number().nullable(),
  fillRate: z.number().nullable(),
  lapsedClaims: z.number().int(),
  recentLapses: z.array(
    z.object({
      claimId: z.uuid(),
      agencyName: z.string(),
      jobOrderTitle: z.string(),
      enterpriseName: z.string(),
      places: z.number().int(),
      lapsedAt: timestamp,
    }),
  ),
  leaderboard: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      alliance: z.string().nullable(),
      claims: z.number().int(),
      submissions: z.number().int(),
      placements: z.number().int(),
      retained90: z.number().int(),
      /** Share of placements old enough for the check that were retained 90 days. */
      retention90Rate: z.number().nullable(),
      rating: z.number().nullable(),
      reviewCount: z.number().int(),
    }),
  ),
});
export type MarketplaceDashboard = z.infer<typeof dashboardSchema>;

/** Claim and fill bookkeeping shown to agencies: eligibilities and fees. */
export const settlementSchema = z.object({
  subsidyEligibilities: z.array(
    z.object({
      id: z.uuid(),
      agencyName: z.string(),
      enterpriseName: z.string(),
      workerName: z.string(),
      retentionDays: z.number().int(),
      eligibleOn: z.string(),
      status: z.string(),
    }),
  ),
  fees: z.array(
    z.object({
      id: z.uuid(),
      agencyName: z.string(),
      enterpriseName: z.string(),
      workerName: z.string(),
      amountFen: z.number().int(),
      owedSince: z.string(),
      status: z.string(),
    }),
  ),
});
export type Settlements = z.infer<typeof settlementSchema>;
