/**
 * The matching engine's public vocabulary (推介 recommendations): what the caller passes in
 * (`MatchOrderInput`, `MatchWorkerInput`), what `explainMatch` gives back, and the stable term and
 * failure codes the server turns into sentences.
 *
 * Everything is plain readonly data. Days are whole days since 1970-01-01 (UTC); wages are yuan a
 * month and are rounded to whole yuan when the index is built; education is an index into
 * `MATCH_EDUCATION_LEVELS`. Strings (skills, certificates, tie keys, occupation codes) are compared
 * exactly as given: normalising them (trimming, full-width folding, synonyms) is the caller's job.
 */

/** Education levels in increasing order; inputs carry the index (0..7). */
export const MATCH_EDUCATION_LEVELS = [
  'none',
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'bachelor',
  'master',
] as const;

/** One of `MATCH_EDUCATION_LEVELS`. */
export type MatchEducationLevel = (typeof MATCH_EDUCATION_LEVELS)[number];

/** A job order (用工需求) as the matching engine sees it. */
export interface MatchOrderInput {
  readonly id: string;
  /**
   * National occupational classification code (国家职业分类): "6-18-01-01" (detail), "6-18-01"
   * (small group), "6-18" (medium group), "6" (major group). Segments after the fourth are ignored;
   * an empty string matches no intention.
   */
  readonly occupationCode: string;
  /** Places left (headcount − filled); <= 0 means the order is not matchable. */
  readonly remaining: number;
  /** Offered wage, yuan a month; `wageMin <= wageMax`. */
  readonly wageMin: number;
  readonly wageMax: number;
  /** Age limits in whole years, inclusive; null = open. */
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  /** Minimum education, an index into `MATCH_EDUCATION_LEVELS`. */
  readonly educationMin: number;
  /** Required certificates: a worker must hold every one (hard filter). */
  readonly certificates: readonly string[];
  /** Wanted skills (soft: they only add points). */
  readonly skills: readonly string[];
  /** The work place (district centroid), degrees; null = unknown. */
  readonly lat: number | null;
  readonly lng: number | null;
  readonly dormitory: boolean;
  /** Last day a worker can start, days since 1970-01-01 (UTC). */
  readonly deadlineDay: number;
  /** Day the order was published, days since 1970-01-01 (UTC). */
  readonly postedDay: number;
  /** The enterprise's key level: none / district key / city key (重点企业). */
  readonly keyLevel: 0 | 1 | 2;
  /** normal / urgent / critical. */
  readonly urgency: 0 | 1 | 2;
  /** Carried for the caller's filters; the engine does not read it. */
  readonly districtCode: string;
  /** Carried for the caller's filters and display; the engine does not read it. */
  readonly enterpriseId: string;
  /** Channels the enterprise has agreements with, e.g. "base:<uuid>", "school:<uuid>". */
  readonly tieKeys: readonly string[];
}

/** A worker (求职者) as the matching engine sees them. */
export interface MatchWorkerInput {
  readonly id: string;
  /** Whole years on the reference day. */
  readonly age: number;
  /** An index into `MATCH_EDUCATION_LEVELS`. */
  readonly education: number;
  readonly certificates: readonly string[];
  readonly skills: readonly string[];
  /** Occupational intentions, codes at any level; may be empty. */
  readonly occupationCodes: readonly string[];
  /** Expected wage, yuan a month; null = not stated (no wage term). */
  readonly expectedWage: number | null;
  /** First day the worker can start, days since 1970-01-01 (UTC); null = now. */
  readonly availableDay: number | null;
  /** Where the worker lives now (district centroid), degrees; null = unknown. */
  readonly lat: number | null;
  readonly lng: number | null;
  /** Comes from far away (origin outside the city, no local address): needs a dormitory. */
  readonly needsDormitory: boolean;
  /** Channels the worker came through, same key format as the orders' `tieKeys`. */
  readonly tieKeys: readonly string[];
}

/** Hard filters, in the order `explainMatch` lists them. */
export const MATCH_FAILURE_CODES = ['no_places', 'age', 'education', 'certificate', 'availability'] as const;

/** Why a pair can never be recommended. */
export type MatchFailureCode = (typeof MATCH_FAILURE_CODES)[number];

/** Soft terms, in the order `explainMatch` lists them. */
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

/** A stable code for one scoring term. */
export type MatchTermCode = (typeof MATCH_TERM_CODES)[number];

/** A parameter value for a sentence: a number, a string, or (missing certificates) a list. */
export type MatchParamValue = number | string | readonly string[];

/** One failed hard filter, with what the sentence needs (see docs/matching.md for each code). */
export interface MatchFailure {
  readonly code: MatchFailureCode;
  readonly params: Readonly<Record<string, MatchParamValue>>;
}

/** One scoring term that contributed points (terms worth 0 are left out). */
export interface MatchTerm {
  readonly code: MatchTermCode;
  readonly points: number;
  readonly params: Readonly<Record<string, number | string>>;
}

/** `explainMatch`'s answer: the score as data. */
export interface MatchExplanation {
  /** Sum of `terms[].points`; for an eligible pair, the score top-k reports. */
  readonly score: number;
  /** True when no hard filter fails. */
  readonly eligible: boolean;
  readonly failures: readonly MatchFailure[];
  readonly terms: readonly MatchTerm[];
}

/** Top-k answer for one worker (or one order): indexes and scores, best first. */
export interface TopOrders {
  /** Order indexes (positions in the `orders` array given to `buildMatchIndex`). */
  readonly orders: Int32Array;
  readonly scores: Int32Array;
}

/** Top-k answer for one order: worker indexes and scores, best first. */
export interface TopWorkers {
  /** Worker indexes (positions in the `workers` array given to `buildMatchIndex`). */
  readonly workers: Int32Array;
  readonly scores: Int32Array;
}
