import type { BulkRecommendBody, BulkRecommendReply } from '../../api/applications.ts';
import type {
  OrderRecommendation,
  RecommendationSubject,
  WorkerRecommendation,
} from '../../api/recommendations.ts';

/**
 * Recommendation lists as pure functions: which rows may still be 推介ed, the bulk request built
 * from the selected rows, its per-pair results read back, and a batch run's free-form metrics laid
 * out as table rows. The cards (worker page, order page) and the /recommendations page render these.
 */

/** One row of either list: an order recommended to a worker, or a worker recommended to an order. */
export type MatchRow = OrderRecommendation | WorkerRecommendation;

/** One 推介: this worker to this order. */
export interface RecommendPair {
  readonly workerId: string;
  readonly jobOrderId: string;
}

/** The most pairs one bulk request takes (`bulkRecommendBody.items.max`). */
export const BULK_RECOMMEND_LIMIT = 100;

/** The id of the row's other side: the order on a worker's list, the worker on an order's. */
export function readRowId(row: MatchRow): string {
  return 'jobOrder' in row ? row.jobOrder.id : row.worker.id;
}

/** The pair a row of `subject`'s list stands for. */
export function pairOf(subject: RecommendationSubject, rowId: string): RecommendPair {
  return 'workerId' in subject
    ? { workerId: subject.workerId, jobOrderId: rowId }
    : { workerId: rowId, jobOrderId: subject.jobOrderId };
}

/** The row of `subject`'s list a pair was made from (the inverse of `pairOf`). */
export function rowIdOfPair(subject: RecommendationSubject, pair: RecommendPair): string {
  return 'workerId' in subject ? pair.jobOrderId : pair.workerId;
}

/** Whether a row may be 推介ed: not while the two already have an open application. */
export function isRecommendable(row: Pick<MatchRow, 'applicationStatus'>): boolean {
  return row.applicationStatus === null;
}

/**
 * The body of `POST /api/applications/bulk` for the selected rows of `subject`'s list: in rank
 * order, each pair once, rows already in the pipeline left out, at most `BULK_RECOMMEND_LIMIT`.
 * Null when nothing is left to send.
 */
export function buildBulkRecommendBody(
  subject: RecommendationSubject,
  rows: readonly MatchRow[],
  selectedIds: ReadonlySet<string>,
  note = '',
): BulkRecommendBody | null {
  const seen = new Set<string>();
  const items: RecommendPair[] = [];
  for (const row of [...rows].sort((a, b) => a.rank - b.rank)) {
    const id = readRowId(row);
    if (!selectedIds.has(id) || !isRecommendable(row) || seen.has(id)) continue;
    seen.add(id);
    items.push(pairOf(subject, id));
  }
  if (items.length === 0) return null;
  return { items: items.slice(0, BULK_RECOMMEND_LIMIT), note: note.trim() };
}

/** One line of the bulk results: whose pair, and what became of it. */
export interface RecommendOutcome {
  /** The row id (order or worker) the pair was made from. */
  readonly id: string;
  readonly name: string;
  readonly isOk: boolean;
  /** The server's sentence for a refusal (already in the reader's language), else its code. */
  readonly message: string | null;
}

/**
 * The results of a bulk 推介 as lines named by the row they came from, in the order sent. `nameOf`
 * names a row id (an order's "enterprise「title」", a worker's name); unknown ids show the id.
 */
export function readBulkOutcomes(
  subject: RecommendationSubject,
  reply: BulkRecommendReply,
  nameOf: (rowId: string) => string | undefined,
): RecommendOutcome[] {
  return reply.results.map((result) => {
    const id = rowIdOfPair(subject, result);
    return {
      id,
      name: nameOf(id) ?? id,
      isOk: result.ok,
      message: result.ok ? null : (result.message ?? result.code),
    };
  });
}

/** The rows to keep selected after a bulk 推介: the refused ones, to retry or look into. */
export function listFailedIds(outcomes: readonly RecommendOutcome[]): Set<string> {
  return new Set(outcomes.filter((outcome) => !outcome.isOk).map((outcome) => outcome.id));
}

// ── batch run metrics ─────────────────────────────────────────────────────────────────────────

/** A metric value as shown: numbers and text as they are, anything else as JSON. */
export type MetricValue = string | number | boolean | null;

/** A figure measured before and after the capacity re-ranking. */
export interface MetricComparison {
  readonly key: string;
  readonly before: MetricValue | undefined;
  readonly after: MetricValue | undefined;
}

/** Any other figure of the run. */
export interface MetricFigure {
  readonly key: string;
  readonly value: MetricValue;
}

export interface MetricRows {
  readonly comparisons: MetricComparison[];
  readonly figures: MetricFigure[];
}

/** Nested objects are read this deep; deeper ones are shown as JSON. */
const METRIC_DEPTH = 3;

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toMetricValue(value: unknown): MetricValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function flattenMetrics(
  metrics: Readonly<Record<string, unknown>>,
  path: readonly string[],
  into: Array<[string[], MetricValue]>,
): void {
  for (const [key, value] of Object.entries(metrics)) {
    const at = [...path, key];
    if (isPlainObject(value) && at.length < METRIC_DEPTH) flattenMetrics(value, at, into);
    else into.push([at, toMetricValue(value)]);
  }
}

const SIDE_SEGMENT = /^(before|after)$/i;
/** `overExposedBefore`, `gini_after` … (a lower-case "after" alone, as in "thereafter", is no side). */
const SIDE_SUFFIX = /^(.+?)(Before|After|[_-]before|[_-]after)$/;
/** `beforeTop1`, `after_gini` … (not "afterwards"). */
const SIDE_PREFIX = /^(before|after)(?:[_-]|(?=[A-Z0-9]))(.+)$/;

/** Whether a path names one side of a before/after pair, and the name of the pair. */
function splitSide(path: readonly string[]): { key: string; side: 'before' | 'after' } | null {
  const index = path.findIndex((segment) => SIDE_SEGMENT.test(segment));
  if (index >= 0) {
    const side = (path[index] ?? '').toLowerCase() === 'before' ? 'before' : 'after';
    const rest = path.filter((_, at) => at !== index);
    return rest.length === 0 ? null : { key: rest.join('.'), side };
  }
  const last = path.at(-1) ?? '';
  const parent = path.slice(0, -1);
  const suffix = SIDE_SUFFIX.exec(last);
  if (suffix?.[1] && suffix[2]) {
    const side = suffix[2].toLowerCase().endsWith('before') ? 'before' : 'after';
    return { key: [...parent, suffix[1]].join('.'), side };
  }
  const prefix = SIDE_PREFIX.exec(last);
  if (prefix?.[1] && prefix[2]) {
    const name = prefix[2].charAt(0).toLowerCase() + prefix[2].slice(1);
    return { key: [...parent, name].join('.'), side: prefix[1] === 'before' ? 'before' : 'after' };
  }
  return null;
}

/**
 * A run's metrics (free-form JSON written by the batch) as table rows: figures that come in
 * before/after pairs — `{ capacity: { before: …, after: … } }`, `overExposedBefore` /
 * `overExposedAfter` — become one comparison row each; everything else is a plain figure. Nested
 * keys are joined with dots; first-seen order is kept.
 */
export function buildMetricRows(metrics: Readonly<Record<string, unknown>>): MetricRows {
  const flat: Array<[string[], MetricValue]> = [];
  flattenMetrics(metrics, [], flat);
  const comparisons = new Map<string, { before: MetricValue | undefined; after: MetricValue | undefined }>();
  const figures: MetricFigure[] = [];
  for (const [path, value] of flat) {
    const side = splitSide(path);
    if (!side) {
      figures.push({ key: path.join('.'), value });
      continue;
    }
    const row = comparisons.get(side.key) ?? { before: undefined, after: undefined };
    row[side.side] = value;
    comparisons.set(side.key, row);
  }
  return {
    comparisons: [...comparisons].map(([key, row]) => ({ key, ...row })),
    figures,
  };
}

/** A metric value in words: numbers grouped in the reader's locale, at most 3 decimals. */
export function formatMetricValue(
  value: MetricValue | undefined,
  locale: string,
  words: { readonly yes: string; readonly no: string; readonly empty: string },
): string {
  if (value === undefined || value === null || value === '') return words.empty;
  if (typeof value === 'number') return value.toLocaleString(locale, { maximumFractionDigits: 3 });
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return value;
}

/** The progress of a run as a whole percentage (a finished run is 100 whatever it last wrote). */
export function readRunPercent(run: { readonly status: string; readonly progress: number }): number {
  if (run.status === 'done') return 100;
  return Math.max(0, Math.min(100, Math.round(run.progress * 100)));
}
