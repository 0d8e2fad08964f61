import {
  type RatingSummary,
  REVIEW_CRITERIA,
  type Review,
  type ReviewCreateBody,
  type ReviewListQuery,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, fieldErrors } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { agencyScope } from '../agencies/agencies.policy.ts';
import { findAgency, ratingSummaries } from '../agencies/agencies.repository.ts';
import { auditContextOf, recordAudit } from '../audit/audit.service.ts';
import {
  canModerateReviews,
  claimScope,
  isReviewable,
  reviewScope,
  reviewSideOf,
} from './marketplace.policy.ts';
import { claimCounts, findClaim } from './marketplace.repository.ts';
import {
  findReview,
  insertReview,
  listReviews,
  type ReviewView,
  setReviewHidden,
} from './reviews.repository.ts';

/**
 * 互评: after a placement or when a claim ends, the enterprise rates the agency (quality, speed,
 * honesty) and the agency rates the enterprise (information accurate, wages as promised,
 * treatment of workers), 1–5 each with a comment. One review per side per claim, and only for a
 * real interaction (candidates submitted, and a hire or the claim ended). Officers hide abusive
 * reviews with a logged reason; hidden reviews count nowhere. Ratings feed the tier rule.
 */
export async function listReviewPage(deps: Deps, actor: Actor, query: ReviewListQuery) {
  const { rows, total } = await listReviews(deps.db, reviewScope(actor), query);
  return {
    items: rows.map((row) => presentReview(row, actor)),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

/** Averages and counts for an agency's or an enterprise's profile. */
export async function getRatingSummary(
  deps: Deps,
  actor: Actor,
  subject: { agencyId?: string; enterpriseId?: string },
): Promise<{ rating: RatingSummary }> {
  if (subject.agencyId) {
    if (!(await findAgency(deps.db, agencyScope(actor), subject.agencyId))) throw new AppError('not_found');
    const map = await ratingSummaries(deps.db, 'agency', [subject.agencyId]);
    return { rating: map.get(subject.agencyId) ?? { count: 0, average: null, criteria: {} } };
  }
  if (subject.enterpriseId) {
    const map = await ratingSummaries(deps.db, 'enterprise', [subject.enterpriseId]);
    return { rating: map.get(subject.enterpriseId) ?? { count: 0, average: null, criteria: {} } };
  }
  throw fieldErrors([{ path: 'agencyId', key: 'field.required' }]);
}

export async function createReview(deps: Deps, ctx: RequestContext, body: ReviewCreateBody): Promise<Review> {
  const { actor } = ctx;
  const claim = await findClaim(deps.db, claimScope(actor), body.claimId);
  if (!claim) throw new AppError('not_found');
  const direction = reviewSideOf(actor, claim);
  if (!direction) throw new AppError('forbidden', { messageKey: 'review.not_party' });
  const hires = (await claimCounts(deps.db, [claim.id])).get(claim.id)?.hires ?? 0;
  if (!isReviewable(claim, hires)) throw new AppError('conflict', { messageKey: 'review.no_interaction' });
  const criteria = REVIEW_CRITERIA[direction];
  const issues: FieldError[] = [];
  const scores = criteria.map((criterion) => {
    const value = body.scores[criterion];
    if (value === undefined) issues.push({ path: `scores.${criterion}`, key: 'field.required' });
    return value ?? 0;
  });
  for (const key of Object.keys(body.scores))
    if (!(criteria as readonly string[]).includes(key))
      issues.push({ path: `scores.${key}`, key: 'review.criterion_unexpected' });
  if (issues.length > 0) throw fieldErrors(issues);
  const [s1 = 0, s2 = 0, s3 = 0] = scores;
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertReview(trx, {
      claim_id: claim.id,
      direction,
      agency_id: claim.agency_id,
      enterprise_id: claim.enterprise_id,
      score_1: s1,
      score_2: s2,
      score_3: s3,
      comment: body.comment,
      reviewer_id: actor.id,
    });
    if (!row) throw new AppError('conflict', { messageKey: 'review.already' });
    await recordAudit(trx, auditContextOf(ctx), {
      action: 'marketplace.review',
      entityType: 'marketplace_review',
      entityId: row.id,
      summary:
        direction === 'enterprise_to_agency'
          ? `${claim.enterprise_name} 评价机构 ${claim.agency_name}：${s1}/${s2}/${s3}`
          : `${claim.agency_name} 评价企业 ${claim.enterprise_name}：${s1}/${s2}/${s3}`,
      after: { claimId: claim.id, direction, scores: [s1, s2, s3] },
    });
    return row.id;
  });
  const created = await findReview(deps.db, reviewScope(actor), id);
  if (!created) throw new AppError('not_found');
  return presentReview(created, actor);
}

/** Hides (or shows again) a review, with the reason in the audit trail. */
export async function setReviewVisibility(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: { hidden: boolean; reason: string },
): Promise<Review> {
  const { actor } = ctx;
  if (!canModerateReviews(actor)) throw new AppError('forbidden');
  const current = await findReview(deps.db, reviewScope(actor), id);
  if (!current) throw new AppError('not_found');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await setReviewHidden(trx, id, body.hidden, body.reason, actor.id);
    if (!updated) throw new AppError('conflict');
    await recordAudit(trx, auditContextOf(ctx), {
      action: body.hidden ? 'marketplace.review_hide' : 'marketplace.review_unhide',
      entityType: 'marketplace_review',
      entityId: id,
      summary: `${body.hidden ? '隐藏' : '恢复显示'}评价（${current.enterprise_name} ↔ ${current.agency_name}）：${body.reason}`,
      before: { hidden: current.is_hidden },
      after: { hidden: body.hidden, reason: body.reason },
    });
  });
  const updated = await findReview(deps.db, reviewScope(actor), id);
  if (!updated) throw new AppError('not_found');
  return presentReview(updated, actor);
}

function presentReview(row: ReviewView, actor: Actor): Review {
  const criteria = REVIEW_CRITERIA[row.direction];
  const scores = [row.score_1, row.score_2, row.score_3];
  const moderator = canModerateReviews(actor);
  return {
    id: row.id,
    claimId: row.claim_id,
    direction: row.direction,
    agency: { id: row.agency_id, name: row.agency_name },
    enterprise: { id: row.enterprise_id, name: row.enterprise_name },
    jobOrderTitle: row.job_order_title,
    scores: Object.fromEntries(criteria.map((criterion, index) => [criterion, scores[index] ?? 0])),
    average: Math.round(((row.score_1 + row.score_2 + row.score_3) / 3) * 100) / 100,
    comment: row.comment,
    reviewer: moderator ? row.reviewer_name : null,
    hidden: row.is_hidden,
    hiddenReason: moderator ? row.hidden_reason : null,
    createdAt: row.created_at.toISOString(),
    can: { hide: moderator && !row.is_hidden, unhide: moderator && row.is_hidden },
  };
}
