import { ageOn } from '@yonggong/engine';
import {
  type ApplicationStatus,
  type Claim,
  findOccupation,
  type Listing,
  type RatingSummary,
  type Submission,
} from '@yonggong/shared';
import type { ClaimRow } from '../../db/schema-marketplace.ts';
import type { Actor } from '../../http/context.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { agencyOf, canPublishFor, isReviewable, reviewSideOf } from './marketplace.policy.ts';
import type { ClaimView, ListingView, SubmissionView } from './marketplace.repository.ts';

/** Listing row → API shape, with the caller's own active claim and abilities. */
export function presentListing(
  row: ListingView,
  extras: { rating: RatingSummary; myClaim: ClaimRow | null; isAgencyActive: boolean },
  actor: Actor,
  regions: RegionIndex,
): Listing {
  const occupation = findOccupation(row.occupation_code);
  const manages = canPublishFor(actor, {
    enterpriseId: row.enterprise_id,
    districtCode: row.enterprise_district_code,
    liaisonUserId: row.enterprise_liaison_user_id,
  });
  const remaining = Math.max(0, row.offered_places - row.claimed_places);
  const isOpen = row.status === 'open' && row.order_status === 'open';
  return {
    id: row.id,
    jobOrderId: row.job_order_id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name, rating: extras.rating },
    title: row.title,
    occupationCode: row.occupation_code,
    occupationName: occupation
      ? actor.locale === 'en'
        ? occupation.nameEn
        : occupation.nameZh
      : row.occupation_code,
    districtCode: row.order_district_code,
    districtName: regions.get(row.order_district_code)?.name ?? row.order_district_code,
    urgency: row.urgency,
    wageMin: row.wage_min,
    wageMax: row.wage_max,
    headcount: row.headcount,
    filled: row.filled,
    offeredPlaces: row.offered_places,
    claimedPlaces: row.claimed_places,
    remainingPlaces: remaining,
    feePerHireFen: row.fee_per_hire_fen,
    subsidyApplies: row.subsidy_applies,
    deadline: row.deadline,
    status: row.status,
    statusReason: row.status_reason,
    publishedAt: row.published_at.toISOString(),
    openToAllAt: row.open_to_all_at.toISOString(),
    firstClaimAt: row.first_claim_at ? row.first_claim_at.toISOString() : null,
    myClaim: extras.myClaim
      ? {
          id: extras.myClaim.id,
          places: extras.myClaim.places,
          status: extras.myClaim.status,
          lapsesAt: extras.myClaim.lapses_at.toISOString(),
        }
      : null,
    version: row.version,
    can: {
      update: manages && row.status === 'open',
      withdraw: manages && row.status === 'open',
      claim:
        agencyOf(actor) !== null &&
        extras.isAgencyActive &&
        isOpen &&
        remaining > 0 &&
        extras.myClaim === null,
    },
  };
}

/** Claim row → API shape. */
export function presentClaim(
  row: ClaimView,
  extras: { holding: number; hires: number; reviewedBy: { byEnterprise: boolean; byAgency: boolean } },
  actor: Actor,
  regions: RegionIndex,
): Claim {
  const side = reviewSideOf(actor, row);
  const isOwnAgency = agencyOf(actor) === row.agency_id;
  const isActive = row.status === 'active';
  const alreadyReviewed =
    side === 'enterprise_to_agency' ? extras.reviewedBy.byEnterprise : extras.reviewedBy.byAgency;
  return {
    id: row.id,
    listingId: row.listing_id,
    jobOrder: {
      id: row.job_order_id,
      title: row.title,
      enterpriseId: row.enterprise_id,
      enterpriseName: row.enterprise_name,
      districtName: regions.get(row.order_district_code)?.name ?? row.order_district_code,
    },
    agency: { id: row.agency_id, name: row.agency_name },
    places: row.places,
    placesClaimed: row.places_claimed,
    submittedCount: row.submitted_count,
    activeSubmissions: extras.holding,
    hires: extras.hires,
    status: row.status,
    statusReason: row.status_reason,
    lapsesAt: row.lapses_at.toISOString(),
    claimedAt: row.claimed_at.toISOString(),
    endedAt: row.ended_at ? row.ended_at.toISOString() : null,
    reviews: extras.reviewedBy,
    can: {
      release: isOwnAgency && isActive && row.places > extras.holding,
      submit: isOwnAgency && isActive && row.agency_status === 'approved' && extras.holding < row.places,
      review: side !== null && !alreadyReviewed && isReviewable(row, extras.hires),
    },
  };
}

/** Submission → API shape: the agency sees its candidate's status, never the enterprise's notes. */
export function presentSubmission(row: SubmissionView, today: Date): Submission {
  return {
    id: row.id,
    claimId: row.claim_id,
    worker: {
      id: row.worker_id,
      name: row.worker_name,
      sex: row.worker_sex === 'female' ? 'female' : 'male',
      age: ageOn(row.worker_birth_date, today),
      phoneMasked: row.worker_phone_masked,
    },
    applicationId: row.application_id,
    status: row.status as ApplicationStatus,
    hiredOn: row.hired_on,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
