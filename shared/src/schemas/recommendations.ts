import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import { formatMessage } from '../i18n/messages.ts';
import { APPLICATION_STATUSES } from './applications.ts';
import { queryBoolean, timestamp } from './common.ts';
import { countyCodeSchema, occupationCodeSchema } from './fields.ts';
import { EDUCATION_LEVELS, URGENCIES } from './job-orders.ts';

/**
 * Recommendations (推介) — the matching engine's results as the API serves them. Every result
 * carries its score breakdown as data (`terms`) and as a sentence in the reader's language
 * (`reasons`), e.g. "工种一致 +40 · 薪资满足期望 +20 · 提供宿舍 +10 · 距离 35 公里 −5".
 * The scoring model and its weights: docs/matching.md.
 */

/** Soft terms of a score (engine/src/matching): each names a reason a match is good or bad. */
export const MATCH_TERM_CODES = [
  'occupation_detail',
  'occupation_small',
  'occupation_medium',
  'occupation_major',
  'skills',
  'wage_meets',
  'wage_partly',
  'wage_below',
  'dormitory',
  'no_dormitory',
  'distance',
  'channel_tie',
  'key_enterprise',
  'urgency',
  'freshness',
] as const;
export type MatchTermCode = (typeof MATCH_TERM_CODES)[number];

/** Hard filters: a pair failing any of them is never recommended. */
export const MATCH_FILTER_CODES = ['age', 'certificate', 'education', 'availability', 'no_places'] as const;
export type MatchFilterCode = (typeof MATCH_FILTER_CODES)[number];

const params = z.record(z.string(), z.union([z.string(), z.number()]));

export const matchTermSchema = z.object({
  code: z.enum(MATCH_TERM_CODES),
  points: z.number().int(),
  params,
  /** The term in the reader's language, with its points ("距离 35 公里 −5"). */
  label: z.string(),
});
export type MatchTerm = z.infer<typeof matchTermSchema>;

export const matchFailureSchema = z.object({
  code: z.enum(MATCH_FILTER_CODES),
  params,
  label: z.string(),
});

/** Points with their sign, as people write them: +40, −5 (U+2212), 0. */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${-points}`;
  return '0';
}

/** One term in words: "距离 35 公里 −5". */
export function formatMatchTerm(
  locale: Locale,
  term: { code: MatchTermCode; points: number; params: Readonly<Record<string, string | number>> },
): string {
  return `${formatMessage(locale, `match.term.${term.code}`, term.params)} ${formatPoints(term.points)}`;
}

/** The whole breakdown as one sentence, strongest reasons first: "工种一致 +40 · 薪资满足期望 +20". */
export function formatMatchReasons(
  locale: Locale,
  terms: readonly {
    code: MatchTermCode;
    points: number;
    params: Readonly<Record<string, string | number>>;
  }[],
): string {
  return [...terms]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .map((term) => formatMatchTerm(locale, term))
    .join(' · ');
}

/** A hard filter in words: "年龄不符（要求 18–45 岁）". */
export function formatMatchFailure(
  locale: Locale,
  failure: { code: MatchFilterCode; params: Readonly<Record<string, string | number>> },
): string {
  return formatMessage(locale, `match.filter.${failure.code}`, failure.params);
}

export const recommendationQuery = z
  .object({
    workerId: z.uuid().optional(),
    jobOrderId: z.uuid().optional(),
    k: z.coerce.number().int().min(1).max(100).default(20),
    districtCode: countyCodeSchema.optional(),
    occupationCode: occupationCodeSchema.optional(),
    keyOnly: queryBoolean.default(false),
  })
  .superRefine((value, ctx) => {
    if ((value.workerId === undefined) === (value.jobOrderId === undefined))
      ctx.addIssue({ code: 'custom', path: ['workerId'], params: { key: 'match.subject_required' } });
  });
export type RecommendationQuery = z.infer<typeof recommendationQuery>;

export const recommendedOrderSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  keyLevel: z.enum(['none', 'district', 'city']),
  occupationCode: z.string(),
  districtCode: z.string(),
  wageMin: z.number().int(),
  wageMax: z.number().int(),
  remaining: z.number().int(),
  dormitory: z.boolean(),
  urgency: z.enum(URGENCIES),
  deadline: z.string(),
});

export const recommendedWorkerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  age: z.number().int(),
  sex: z.enum(['male', 'female']),
  education: z.enum(EDUCATION_LEVELS),
  originRegionCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  phoneMasked: z.string(),
  skills: z.array(z.string()),
  expectedWage: z.number().int().nullable(),
});

const resultFields = {
  rank: z.number().int().min(1),
  score: z.number().int(),
  /** The order already had its share of recommendations (places × the per-place ratio). */
  overCapacity: z.boolean(),
  terms: z.array(matchTermSchema),
  reasons: z.string(),
  /** The open application between the two, if any (then 推介 is not offered again). */
  applicationStatus: z.enum(APPLICATION_STATUSES).nullable(),
};

export const recommendationReply = z.object({
  subject: z.enum(['worker', 'order']),
  /** When the data scored was read (the index refreshes on changes). */
  computedAt: timestamp,
  /** Orders for a worker (subject 'worker'). */
  orders: z.array(z.object({ ...resultFields, jobOrder: recommendedOrderSchema })),
  /** Workers for an order (subject 'order'). */
  workers: z.array(z.object({ ...resultFields, worker: recommendedWorkerSchema })),
});
export type RecommendationReply = z.infer<typeof recommendationReply>;

export const explainQuery = z.object({ workerId: z.uuid(), jobOrderId: z.uuid() });

export const explainReply = z.object({
  eligible: z.boolean(),
  score: z.number().int(),
  failures: z.array(matchFailureSchema),
  terms: z.array(matchTermSchema),
  reasons: z.string(),
});

export const matchRunSchema = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number().min(0).max(1),
  workers: z.number().int(),
  orders: z.number().int(),
  stored: z.number().int(),
  metrics: z.record(z.string(), z.unknown()),
  failure: z.string().nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type MatchRun = z.infer<typeof matchRunSchema>;

export const matchRunReply = z.object({ run: matchRunSchema.nullable() });

export const bulkRecommendBody = z.object({
  items: z
    .array(z.object({ workerId: z.uuid(), jobOrderId: z.uuid() }))
    .min(1)
    .max(100),
  note: z.string().trim().max(300).default(''),
});

export const bulkRecommendReply = z.object({
  created: z.number().int(),
  results: z.array(
    z.object({
      workerId: z.uuid(),
      jobOrderId: z.uuid(),
      ok: z.boolean(),
      applicationId: z.uuid().nullable(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
