import { ageOn, explainMatch, topOrdersForWorker, topWorkersForOrder } from '@yonggong/engine';
import {
  EDUCATION_LEVELS,
  type EducationLevel,
  formatMatchFailure,
  formatMatchReasons,
  formatMatchTerm,
  type Locale,
  type MatchFilterCode,
  type MatchTermCode,
  type RecommendationQuery,
  type RecommendationReply,
} from '@yonggong/shared';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor, RequestContext } from '../../http/context.ts';
import { jobOrderScope } from '../job-orders/job-orders.policy.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { workerScope } from '../workers/workers.policy.ts';
import { candidatesOf, placeByExposure } from './capacity.ts';
import { assemble, currentIndex, indexOver, type LoadedIndex, loadOrderTies } from './match-index.ts';
import { seesWholeCity } from './recommendations.policy.ts';
import {
  countExposures,
  findOpenApplications,
  findOrderCards,
  findVisibleOrderId,
  findVisibleWorkerId,
  findWorkerCards,
  listVisibleAvailableWorkerIds,
  listVisibleOpenOrderIds,
  loadMatchOrders,
  loadMatchWorkers,
} from './recommendations.repository.ts';

/**
 * Recommendations served live (`GET /api/recommendations`): the engine's exact top-k over the
 * cached index (match-index.ts), restricted by a mask to what the reader may see and asked for
 * (scope and filters are SQL, the same where-builders as the lists), each result explained.
 *
 * Capacity (docs/matching.md): an order may be shown to at most `remaining × PER_PLACE` workers
 * before it counts as over-exposed. Live results for a worker ask the engine for `k + EXTRA`
 * candidates and move orders whose stored exposure (the last batch, kept current incrementally)
 * has reached that share after the worker's other options — never dropping them when they are
 * all the worker has.
 */
export const PER_PLACE = 20;
export const EXTRA_CANDIDATES = 20;

export async function recommend(
  deps: Deps,
  ctx: RequestContext,
  query: RecommendationQuery,
): Promise<RecommendationReply> {
  if (query.workerId) return recommendOrders(deps, ctx, query.workerId, query);
  if (query.jobOrderId) return recommendWorkers(deps, ctx, query.jobOrderId, query);
  throw new AppError('bad_request', { messageKey: 'match.subject_required' });
}

async function recommendOrders(
  deps: Deps,
  ctx: RequestContext,
  workerId: string,
  query: RecommendationQuery,
): Promise<RecommendationReply> {
  await requireVisibleWorker(deps, ctx.actor, workerId);
  const shared = await currentIndex(deps.db, deps.matching, deps.config.cityCode);
  let loaded = shared;
  let position = shared.workerPosition.get(workerId);
  if (position === undefined) {
    // Not in the index (employed or inactive): score them against the same orders.
    loaded = await oneOff(deps, { orders: shared, workerIds: [workerId] });
    position = 0;
  }
  const visible = await visibleOrderIds(deps, ctx.actor, query);
  let orderMask: Uint8Array | undefined;
  if (visible !== 'all') {
    orderMask = new Uint8Array(loaded.orders.length);
    for (const id of visible) {
      const at = loaded.orderPosition.get(id);
      if (at !== undefined) orderMask[at] = 1;
    }
  }
  const top = topOrdersForWorker(
    loaded.index,
    position,
    query.k + EXTRA_CANDIDATES,
    orderMask ? { orderMask } : {},
  );
  const candidates = candidatesOf(top);
  const exposures = await countExposures(
    deps.db,
    candidates.map((candidate) => loaded.orders[candidate.order]?.id ?? ''),
  );
  const ranked = placeByExposure(loaded, candidates, exposures, PER_PLACE, query.k).map((candidate) => ({
    ...candidate,
    id: candidate.orderId,
  }));
  const [cards, applications] = await Promise.all([
    findOrderCards(
      deps.db,
      ranked.map((candidate) => candidate.id),
    ),
    findOpenApplications(deps.db, { workerId, orderIds: ranked.map((candidate) => candidate.id) }),
  ]);
  const cardOf = new Map(cards.map((card) => [card.id, card]));
  return {
    subject: 'worker',
    computedAt: loaded.builtAt.toISOString(),
    orders: ranked.flatMap((candidate, i) => {
      const card = cardOf.get(candidate.id);
      if (!card) return [];
      const explained = describe(loaded, position, candidate.order, ctx.locale);
      return [
        {
          rank: i + 1,
          score: candidate.score,
          overCapacity: candidate.overCapacity,
          terms: explained.terms,
          reasons: explained.reasons,
          applicationStatus: applications.get(`${workerId}/${candidate.id}`) ?? null,
          jobOrder: {
            id: card.id,
            title: card.title,
            enterpriseId: card.enterprise_id,
            enterpriseName: card.enterprise_name,
            keyLevel: asKeyLevel(card.key_level),
            occupationCode: card.occupation_code,
            districtCode: card.district_code,
            wageMin: card.wage_min,
            wageMax: card.wage_max,
            remaining: Number(card.remaining),
            dormitory: card.dormitory,
            urgency: card.urgency as 'normal' | 'urgent' | 'critical',
            deadline: card.deadline,
          },
        },
      ];
    }),
    workers: [],
  };
}

async function recommendWorkers(
  deps: Deps,
  ctx: RequestContext,
  orderId: string,
  query: RecommendationQuery,
): Promise<RecommendationReply> {
  await requireVisibleOrder(deps, ctx.actor, orderId);
  const shared = await currentIndex(deps.db, deps.matching, deps.config.cityCode);
  let loaded = shared;
  let position = shared.orderPosition.get(orderId);
  if (position === undefined) {
    // A draft, a full or an expired order: scored against the same workers (a preview).
    loaded = await oneOff(deps, { workers: shared, orderIds: [orderId] });
    position = 0;
  }
  const visible = await visibleWorkerIds(deps, ctx.actor, query);
  let workerMask: Uint8Array | undefined;
  if (visible !== 'all') {
    workerMask = new Uint8Array(loaded.workers.length);
    for (const id of visible) {
      const at = loaded.workerPosition.get(id);
      if (at !== undefined) workerMask[at] = 1;
    }
  }
  const top = topWorkersForOrder(loaded.index, position, query.k, workerMask ? { workerMask } : {});
  const picked: { worker: number; score: number; id: string }[] = [];
  for (let i = 0; i < top.workers.length; i++) {
    const worker = top.workers[i] ?? -1;
    if (worker < 0) break;
    picked.push({ worker, score: top.scores[i] ?? 0, id: loaded.workers[worker]?.id ?? '' });
  }
  const [cards, applications] = await Promise.all([
    findWorkerCards(
      deps.db,
      picked.map((candidate) => candidate.id),
    ),
    findOpenApplications(deps.db, { orderId, workerIds: picked.map((candidate) => candidate.id) }),
  ]);
  const cardOf = new Map(cards.map((card) => [card.id, card]));
  const today = new Date(`${loaded.today}T12:00:00`);
  return {
    subject: 'order',
    computedAt: loaded.builtAt.toISOString(),
    orders: [],
    workers: picked.flatMap((candidate, i) => {
      const card = cardOf.get(candidate.id);
      if (!card) return [];
      const explained = describe(loaded, candidate.worker, position, ctx.locale);
      return [
        {
          rank: i + 1,
          score: candidate.score,
          overCapacity: false,
          terms: explained.terms,
          reasons: explained.reasons,
          applicationStatus: applications.get(`${candidate.id}/${orderId}`) ?? null,
          worker: {
            id: card.id,
            name: card.name,
            age: ageOn(card.birth_date, today),
            sex: card.sex === 'female' ? ('female' as const) : ('male' as const),
            education: asEducation(card.education),
            originRegionCode: card.origin_region_code,
            districtCode: card.district_code,
            phoneMasked: card.phone_masked,
            skills: card.skills,
            expectedWage: card.expected_wage,
          },
        },
      ];
    }),
  };
}

/** Why a worker and an order match or not: every hard filter that fails, every term that counts. */
export async function explainPair(deps: Deps, ctx: RequestContext, workerId: string, orderId: string) {
  await requireVisibleWorker(deps, ctx.actor, workerId);
  await requireVisibleOrder(deps, ctx.actor, orderId);
  const loaded = await oneOff(deps, { workerIds: [workerId], orderIds: [orderId] });
  const explained = explainMatch(loaded.index, 0, 0);
  const terms = explained.terms.map((term) => termOf(term, ctx.locale));
  return {
    eligible: explained.eligible,
    score: explained.score,
    failures: explained.failures.map((failure) => {
      const params = paramsOf(failure.params);
      // An open end of an age range has no number: say so in words.
      if (failure.code === 'age') {
        const open = ctx.locale === 'en' ? 'any' : '不限';
        params.min ??= open;
        params.max ??= open;
      }
      const value = { code: failure.code as MatchFilterCode, params };
      return { ...value, label: formatMatchFailure(ctx.locale, value) };
    }),
    terms,
    reasons: formatMatchReasons(ctx.locale, terms),
  };
}

/** The score breakdown of one pair, as data and as a sentence. */
export function describe(loaded: LoadedIndex, worker: number, order: number, locale: Locale) {
  const explained = explainMatch(loaded.index, worker, order);
  const terms = explained.terms.map((term) => termOf(term, locale));
  return { terms, reasons: formatMatchReasons(locale, terms) };
}

function termOf(
  term: { code: string; points: number; params: Readonly<Record<string, string | number>> },
  locale: Locale,
) {
  const value = { code: term.code as MatchTermCode, points: term.points, params: paramsOf(term.params) };
  return { ...value, label: formatMatchTerm(locale, value) };
}

function paramsOf(params: Readonly<Record<string, unknown>>): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params))
    result[key] = typeof value === 'number' ? value : Array.isArray(value) ? value.join('、') : String(value);
  return result;
}

/**
 * An index over some fresh rows, reusing the cached inputs of the other side: one worker against
 * every matchable order, one order against every available worker, or one pair.
 */
async function oneOff(
  deps: Deps,
  what: {
    orders?: LoadedIndex;
    workers?: LoadedIndex;
    orderIds?: readonly string[];
    workerIds?: readonly string[];
  },
): Promise<LoadedIndex> {
  const shared = what.orders ?? what.workers;
  const today = shared?.today ?? todayIn();
  const [orderRows, workerRows] = await Promise.all([
    what.orderIds ? loadMatchOrders(deps.db, today, what.orderIds) : Promise.resolve(null),
    what.workerIds ? loadMatchWorkers(deps.db, what.workerIds) : Promise.resolve(null),
  ]);
  const ties = orderRows ? await loadOrderTies(deps.db, orderRows) : new Map<string, string[]>();
  const fresh = assemble(orderRows ?? [], workerRows ?? [], today, deps.config.cityCode, ties);
  return indexOver(
    what.orders ? what.orders.orders : fresh.orders,
    what.workers ? what.workers.workers : fresh.workers,
    today,
  );
}

async function requireVisibleWorker(deps: Deps, actor: Actor, workerId: string): Promise<void> {
  if (!(await findVisibleWorkerId(deps.db, workerScope(actor), workerId))) throw new AppError('not_found');
}

async function requireVisibleOrder(deps: Deps, actor: Actor, orderId: string): Promise<void> {
  if (!(await findVisibleOrderId(deps.db, jobOrderScope(actor), orderId))) throw new AppError('not_found');
}

/**
 * Open orders the reader may see that pass the query's filters; 'all' for a city-wide reader
 * without filters (the index holds only matchable orders, so no mask is needed).
 */
async function visibleOrderIds(
  deps: Deps,
  actor: Actor,
  query: RecommendationQuery,
): Promise<string[] | 'all'> {
  if (seesWholeCity(actor) && !query.districtCode && !query.occupationCode && !query.keyOnly) return 'all';
  return listVisibleOpenOrderIds(deps.db, jobOrderScope(actor), query);
}

/** Available workers the reader may see that pass the filters; 'all' when nothing restricts. */
async function visibleWorkerIds(
  deps: Deps,
  actor: Actor,
  query: RecommendationQuery,
): Promise<string[] | 'all'> {
  if (seesWholeCity(actor) && !query.districtCode && !query.occupationCode) return 'all';
  return listVisibleAvailableWorkerIds(deps.db, workerScope(actor), query);
}

function asKeyLevel(value: string): 'none' | 'district' | 'city' {
  return value === 'district' || value === 'city' ? value : 'none';
}

function asEducation(value: string): EducationLevel {
  return (EDUCATION_LEVELS as readonly string[]).includes(value) ? (value as EducationLevel) : 'junior';
}
