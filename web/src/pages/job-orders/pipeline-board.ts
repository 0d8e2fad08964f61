import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '@yonggong/shared';

/**
 * The pipeline kanban of a job order, as pure functions: which column each application sits in,
 * what a drop onto a column means for one card (decided from the card's own `can.moveTo`, so a
 * refused move never reaches the server), what a move needs from the user, and how long a card
 * has waited.
 */

export type PipelineColumnKey =
  | 'new'
  | 'screening'
  | 'interview'
  | 'offered'
  | 'hired'
  | 'retained_30'
  | 'retained_90'
  | 'ended';

export interface PipelineColumn {
  readonly key: PipelineColumnKey;
  /** The states shown in the column, in the order a drop prefers them. */
  readonly statuses: readonly ApplicationStatus[];
}

/** Left to right; the last one is the collapsed "ended" lane. */
export const PIPELINE_COLUMNS: readonly PipelineColumn[] = [
  { key: 'new', statuses: ['recommended', 'applied'] },
  { key: 'screening', statuses: ['screening'] },
  { key: 'interview', statuses: ['interview'] },
  { key: 'offered', statuses: ['offered'] },
  { key: 'hired', statuses: ['hired'] },
  { key: 'retained_30', statuses: ['retained_30'] },
  { key: 'retained_90', statuses: ['retained_90'] },
  { key: 'ended', statuses: ['rejected', 'withdrawn', 'no_show', 'obsolete', 'expired'] },
];

/** The column an application in `status` sits in. */
export function findColumnOf(status: ApplicationStatus): PipelineColumnKey {
  switch (status) {
    case 'recommended':
    case 'applied':
      return 'new';
    case 'screening':
    case 'interview':
    case 'offered':
    case 'hired':
    case 'retained_30':
    case 'retained_90':
      return status;
    case 'rejected':
    case 'withdrawn':
    case 'no_show':
    case 'obsolete':
    case 'expired':
      return 'ended';
    default: {
      const exhaustive: never = status;
      return exhaustive;
    }
  }
}

/** The definition of column `key`. */
export function findColumn(key: PipelineColumnKey): PipelineColumn {
  const column = PIPELINE_COLUMNS.find((candidate) => candidate.key === key);
  if (!column) throw new Error(`Unknown pipeline column "${key}"`);
  return column;
}

type CardFacts = Pick<Application, 'id' | 'status' | 'updatedAt' | 'events'>;

/**
 * Applications sorted into their columns, longest-waiting first within a column (they need
 * attention). Every column is present, empty or not.
 */
export function groupIntoColumns<A extends CardFacts>(
  applications: readonly A[],
  now: Date,
): Record<PipelineColumnKey, A[]> {
  const groups = Object.fromEntries(PIPELINE_COLUMNS.map((column) => [column.key, [] as A[]])) as Record<
    PipelineColumnKey,
    A[]
  >;
  for (const application of applications) groups[findColumnOf(application.status)].push(application);
  for (const list of Object.values(groups))
    list.sort((a, b) => countDaysInState(b, now) - countDaysInState(a, now) || a.id.localeCompare(b.id));
  return groups;
}

/** What dropping a card on a column does. */
export type DropDecision =
  /** Dropped where it already is: nothing happens. */
  | { readonly kind: 'same' }
  /** This user may not move this card into this column (the rules or their rights): refused here. */
  | { readonly kind: 'refused' }
  /** One target state. */
  | { readonly kind: 'move'; readonly to: ApplicationStatus }
  /** Several (the ended lane: rejected, withdrawn, no-show): the user picks one. */
  | { readonly kind: 'choose'; readonly options: readonly ApplicationStatus[] };

/** Decides a drop from the card's `can.moveTo`, the moves the server says this user may make. */
export function decideDrop(
  application: Pick<Application, 'status' | 'can'>,
  target: PipelineColumnKey,
): DropDecision {
  if (findColumnOf(application.status) === target) return { kind: 'same' };
  const allowed = new Set(application.can.moveTo);
  const options = findColumn(target).statuses.filter((status) => allowed.has(status));
  const [only] = options;
  if (only === undefined) return { kind: 'refused' };
  return options.length === 1 ? { kind: 'move', to: only } : { kind: 'choose', options };
}

/** What a move to `to` asks the user for: the 到岗 date, a reason, or nothing. */
export function findMoveRequirement(to: ApplicationStatus): 'date' | 'reason' | 'none' {
  if (to === 'hired') return 'date';
  if (isEndingMove(to)) return 'reason';
  return 'none';
}

/** Rejection, withdrawal and no-show end an application; they are recorded with a reason. */
export function isEndingMove(to: ApplicationStatus): boolean {
  return to === 'rejected' || to === 'withdrawn' || to === 'no_show';
}

const DAY_MS = 86_400_000;

/**
 * Whole days since the application entered its current state (its latest event into that state;
 * the last update when the history does not say).
 */
export function countDaysInState(
  application: Pick<Application, 'status' | 'updatedAt' | 'events'>,
  now: Date,
) {
  const entered = application.events
    .filter((event) => event.to === application.status)
    .map((event) => Date.parse(event.at))
    .filter((at) => !Number.isNaN(at));
  const since = entered.length > 0 ? Math.max(...entered) : Date.parse(application.updatedAt);
  if (Number.isNaN(since)) return 0;
  return Math.max(0, Math.floor((now.getTime() - since) / DAY_MS));
}

/**
 * The order's pipeline counts (applications per status) per board column, in board order,
 * leaving out empty columns: the list page shows them as a compact summary.
 */
export function summarizePipeline(
  pipeline: Readonly<Record<string, number>>,
): { readonly key: PipelineColumnKey; readonly count: number }[] {
  return PIPELINE_COLUMNS.map((column) => ({
    key: column.key,
    count: column.statuses.reduce((sum, status) => sum + (pipeline[status] ?? 0), 0),
  })).filter((entry) => entry.count > 0);
}

/**
 * The states a bulk action may move the selection to: any state at least one selected card may
 * go to, in pipeline order. Hiring is left out: each hire has its own 到岗 date.
 */
export function listBulkTargets(applications: readonly Pick<Application, 'can'>[]): ApplicationStatus[] {
  const offered = new Set(applications.flatMap((application) => application.can.moveTo));
  return APPLICATION_STATUSES.filter((status) => status !== 'hired' && offered.has(status));
}

/** The selection split into the cards that may move to `to` and those refused before any request. */
export function splitBulkSelection<A extends Pick<Application, 'id' | 'can'>>(
  applications: readonly A[],
  to: ApplicationStatus,
): { readonly allowed: A[]; readonly refused: A[] } {
  const allowed: A[] = [];
  const refused: A[] = [];
  for (const application of applications)
    (application.can.moveTo.includes(to) ? allowed : refused).push(application);
  return { allowed, refused };
}

/** Why one card of a bulk action did or did not move. */
export type BulkOutcomeDetail =
  | { readonly kind: 'moved'; readonly to: ApplicationStatus }
  /** Refused here from `can.moveTo`; never sent. */
  | { readonly kind: 'refused_here'; readonly from: ApplicationStatus; readonly to: ApplicationStatus }
  /** Refused by the server; `message` is what it said (possibly an error code). */
  | { readonly kind: 'refused_by_server'; readonly message: string | null };

export interface BulkOutcome {
  readonly id: string;
  readonly name: string;
  readonly ok: boolean;
  readonly detail: BulkOutcomeDetail;
}

/**
 * One outcome per selected card, in the order they were selected: those refused before sending,
 * then the server's per-id verdict for the rest (a card the server did not answer for counts as
 * refused).
 */
export function mergeBulkOutcomes(
  selection: readonly Pick<Application, 'id' | 'status' | 'worker'>[],
  to: ApplicationStatus,
  refusedHere: ReadonlySet<string>,
  results: readonly { readonly id: string; readonly ok: boolean; readonly message: string | null }[],
): BulkOutcome[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  return selection.map((application): BulkOutcome => {
    const base = { id: application.id, name: application.worker.name };
    if (refusedHere.has(application.id))
      return { ...base, ok: false, detail: { kind: 'refused_here', from: application.status, to } };
    const result = byId.get(application.id);
    if (result?.ok) return { ...base, ok: true, detail: { kind: 'moved', to } };
    return { ...base, ok: false, detail: { kind: 'refused_by_server', message: result?.message ?? null } };
  });
}
