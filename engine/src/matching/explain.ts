/**
 * `explainMatch`: one pair's score as data — every failed hard filter and every term that moved
 * the score, each with a stable code and the parameters a sentence needs ("同一细类职业 +40",
 * "期望工资差 800 元 −6"). The server words them; the engine only decides.
 *
 * It recomputes each term with the same helpers as score.ts, so `score` (the sum of the terms)
 * equals `scoreMatchPair` and what the top-k searches report; the tests hold it to that.
 */

import type { MatchIndex } from './build.ts';
import {
  AGE_OPEN_MAX,
  AGE_OPEN_MIN,
  AVAILABLE_NOW,
  computeFreshnessPoints,
  NO_EXPECTED_WAGE,
  readMatchString,
} from './build.ts';
import type { ScoringModel } from './score.ts';
import {
  computeDistancePenalty,
  computeWageTerm,
  countShared,
  countSharedSegments,
  findDistanceKm,
  scoringModelOf,
} from './score.ts';
import { CODE_SEGMENTS } from './tree.ts';
import type { MatchExplanation, MatchFailure, MatchTerm, MatchTermCode } from './types.ts';
import { unpackMatchWeights } from './weights.ts';

const OCCUPATION_TERMS: readonly (MatchTermCode | null)[] = [
  null,
  'occupation_major',
  'occupation_medium',
  'occupation_small',
  'occupation_detail',
];

/**
 * Explains worker `workerIdx` × order `orderIdx`: whether the pair is eligible, every failed hard
 * filter, and the terms of the score (terms worth 0 points are left out).
 *
 * @throws RangeError when an index is out of range.
 */
export function explainMatch(index: MatchIndex, workerIdx: number, orderIdx: number): MatchExplanation {
  if (!Number.isInteger(workerIdx) || workerIdx < 0 || workerIdx >= index.workers.count) {
    throw new RangeError(`workerIdx must be an index in [0, ${index.workers.count}), got ${workerIdx}`);
  }
  if (!Number.isInteger(orderIdx) || orderIdx < 0 || orderIdx >= index.orders.count) {
    throw new RangeError(`orderIdx must be an index in [0, ${index.orders.count}), got ${orderIdx}`);
  }
  const model = scoringModelOf(index);
  const failures = listFailures(index, workerIdx, orderIdx);
  const terms = listTerms(index, model, workerIdx, orderIdx);
  const score = terms.reduce((sum, term) => sum + term.points, 0);
  return { score, eligible: failures.length === 0, failures, terms };
}

/** The code whose prefix ids start at `codes[offset]`, as text ("" for an empty code). */
function readCode(index: MatchIndex, codes: Int32Array, offset: number, length: number): string {
  return length === 0 ? '' : readMatchString(index.strings, codes[offset + length - 1] ?? 0);
}

function listFailures(index: MatchIndex, w: number, o: number): MatchFailure[] {
  const { workers, orders } = index;
  const failures: MatchFailure[] = [];
  const remaining = orders.remaining[o] ?? 0;
  if (remaining <= 0) failures.push({ code: 'no_places', params: { remaining } });
  const age = workers.age[w] ?? 0;
  const ageMin = orders.ageMin[o] ?? AGE_OPEN_MIN;
  const ageMax = orders.ageMax[o] ?? AGE_OPEN_MAX;
  if (age < ageMin || age > ageMax) {
    failures.push({
      code: 'age',
      params: {
        age,
        ...(ageMin === AGE_OPEN_MIN ? {} : { min: ageMin }),
        ...(ageMax === AGE_OPEN_MAX ? {} : { max: ageMax }),
      },
    });
  }
  const education = workers.education[w] ?? 0;
  const educationMin = orders.educationMin[o] ?? 0;
  if (education < educationMin)
    failures.push({ code: 'education', params: { education, min: educationMin } });
  const missing: string[] = [];
  const held = new Set(workers.certs.subarray(workers.certStart[w] ?? 0, workers.certStart[w + 1] ?? 0));
  for (let i = orders.certStart[o] ?? 0; i < (orders.certStart[o + 1] ?? 0); i++) {
    const cert = orders.certs[i] ?? 0;
    if (!held.has(cert)) missing.push(readMatchString(index.strings, cert));
  }
  if (missing.length > 0) failures.push({ code: 'certificate', params: { missing } });
  const available = workers.available[w] ?? AVAILABLE_NOW;
  const deadline = orders.deadline[o] ?? 0;
  if (available !== AVAILABLE_NOW && available > deadline) {
    failures.push({ code: 'availability', params: { availableDay: available, deadlineDay: deadline } });
  }
  return failures;
}

function listTerms(index: MatchIndex, model: ScoringModel, w: number, o: number): MatchTerm[] {
  const terms: MatchTerm[] = [];
  const add = (code: MatchTermCode, points: number, params: Record<string, number | string> = {}) => {
    if (points !== 0) terms.push({ code, points, params });
  };
  addOccupationTerm(index, model, w, o, add);
  const { workers, orders } = index;
  const shared = countShared(
    workers.terms,
    workers.termStart[w] ?? 0,
    workers.termStart[w + 1] ?? 0,
    orders.terms,
    orders.termStart[o] ?? 0,
    orders.termStart[o + 1] ?? 0,
  );
  if (shared > 0) add('skills', Math.min(model.skillCap, shared * model.skillPerMatch), { count: shared });
  addWageTerm(index, model, w, o, add);
  if (workers.needsDormitory[w] === 1) {
    if (orders.dormitory[o] === 1) add('dormitory', model.dormitory);
    else add('no_dormitory', model.noDormitory);
  } else {
    const from = workers.location[w] ?? -1;
    const to = orders.location[o] ?? -1;
    if (from >= 0 && to >= 0) {
      const km = findDistanceKm(index, from, to);
      add('distance', -computeDistancePenalty(model, km), { km });
    }
  }
  const sharedTie = findFirstShared(
    workers.ties,
    workers.tieStart[w] ?? 0,
    workers.tieStart[w + 1] ?? 0,
    orders.ties,
    orders.tieStart[o] ?? 0,
    orders.tieStart[o + 1] ?? 0,
  );
  if (sharedTie >= 0)
    add('channel_tie', model.channelTie, { key: readMatchString(index.strings, sharedTie) });
  addStaticTerms(index, o, add);
  return terms;
}

type AddTerm = (code: MatchTermCode, points: number, params?: Record<string, number | string>) => void;

function addOccupationTerm(index: MatchIndex, model: ScoringModel, w: number, o: number, add: AddTerm): void {
  const { workers, orders } = index;
  const orderLength = orders.codeLength[o] ?? 0;
  let best = 0;
  let bestIntention = -1;
  for (let i = workers.intentionStart[w] ?? 0; i < (workers.intentionStart[w + 1] ?? 0); i++) {
    const shared = countSharedSegments(
      workers.intentionCode,
      CODE_SEGMENTS * i,
      workers.intentionLength[i] ?? 0,
      orders.code,
      CODE_SEGMENTS * o,
      orderLength,
    );
    if (shared > best) {
      best = shared;
      bestIntention = i;
    }
  }
  const code = OCCUPATION_TERMS[best] ?? null;
  if (code === null || bestIntention < 0) return;
  add(code, model.occupationPoints[best] ?? 0, {
    intention: readCode(
      index,
      workers.intentionCode,
      CODE_SEGMENTS * bestIntention,
      workers.intentionLength[bestIntention] ?? 0,
    ),
    occupation: readCode(index, orders.code, CODE_SEGMENTS * o, orderLength),
  });
}

function addWageTerm(index: MatchIndex, model: ScoringModel, w: number, o: number, add: AddTerm): void {
  const expected = index.workers.expected[w] ?? NO_EXPECTED_WAGE;
  if (expected === NO_EXPECTED_WAGE) return;
  const wageMin = index.orders.wageMin[o] ?? 0;
  const wageMax = index.orders.wageMax[o] ?? 0;
  const points = computeWageTerm(model, expected, wageMin, wageMax);
  if (wageMin >= expected) add('wage_meets', points, { expected, wageMin });
  else if (wageMax >= expected) add('wage_partly', points, { expected, wageMin, wageMax });
  else add('wage_below', points, { expected, wageMax, shortfall: expected - wageMax });
}

function addStaticTerms(index: MatchIndex, o: number, add: AddTerm): void {
  const weights = unpackMatchWeights(index.weights);
  const { orders } = index;
  const level = orders.keyLevel[o] ?? 0;
  add('key_enterprise', level === 2 ? weights.keyCity : level === 1 ? weights.keyDistrict : 0, { level });
  const urgency = orders.urgency[o] ?? 0;
  add('urgency', urgency === 2 ? weights.critical : urgency === 1 ? weights.urgent : 0, { level: urgency });
  const days = Math.max(0, index.today - (orders.posted[o] ?? 0));
  add('freshness', computeFreshnessPoints(weights, days), { days });
}

/** The first id the ascending lists share, or −1. */
function findFirstShared(
  a: Int32Array,
  aFrom: number,
  aTo: number,
  b: Int32Array,
  bFrom: number,
  bTo: number,
): number {
  let i = aFrom;
  let j = bFrom;
  while (i < aTo && j < bTo) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) return x;
    if (x < y) i++;
    else j++;
  }
  return -1;
}
