import {
  ageOn,
  buildMatchIndex,
  type MatchIndex,
  type MatchOrderInput,
  type MatchWorkerInput,
} from '@yonggong/engine';
import { EDUCATION_LEVELS, type EducationLevel } from '@yonggong/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listBaseTiesOfEnterprises } from '../bases/bases.repository.ts';
import { todayIn } from '../job-orders/job-orders.service.ts';
import { listSchoolTiesOfEnterprises } from '../schools/schools.repository.ts';
import type { MatchingState } from './matching-state.ts';
import { placeOf, workerPlace } from './places.ts';
import {
  loadMatchOrders,
  loadMatchWorkers,
  type MatchOrderRow,
  type MatchWorkerRow,
} from './recommendations.repository.ts';

/**
 * The engine's index over everything matchable now — open orders with places left, available
 * workers — built from the database once and reused until something changes (the generation of
 * `MatchingState`) or it is older than `maxAgeMs` (then reloaded in the background). Concurrent
 * requests share one load. Rows are converted to engine inputs here, at the one edge
 * (`orderInput`, `workerInput`).
 */
export interface LoadedIndex {
  readonly index: MatchIndex;
  readonly orders: readonly MatchOrderInput[];
  readonly workers: readonly MatchWorkerInput[];
  readonly orderPosition: ReadonlyMap<string, number>;
  readonly workerPosition: ReadonlyMap<string, number>;
  /** The reference day (YYYY-MM-DD, the city's time zone) ages and freshness were computed for. */
  readonly today: string;
  readonly builtAt: Date;
}

interface CacheEntry {
  readonly generation: number;
  readonly startedAt: number;
  readonly loading: Promise<LoadedIndex>;
}

const caches = new WeakMap<MatchingState, CacheEntry>();
const refreshing = new WeakSet<MatchingState>();

/**
 * The index to answer with. A change made through this server (a new generation) or a new day
 * reloads before answering; an index merely older than `maxAgeMs` (changes by other processes)
 * answers at once while a fresh one loads in the background, so no request waits for a reload
 * that nothing here asked for.
 */
export async function currentIndex(
  db: Kysely<Database>,
  state: MatchingState,
  cityCode: string,
): Promise<LoadedIndex> {
  const cached = caches.get(state);
  if (cached && cached.generation === state.generation) {
    const loaded = await cached.loading.catch(() => null);
    if (loaded && loaded.today === todayIn()) {
      if (Date.now() - cached.startedAt >= state.maxAgeMs) refreshInBackground(db, state, cityCode);
      return loaded;
    }
  }
  const entry: CacheEntry = {
    generation: state.generation,
    startedAt: Date.now(),
    loading: loadIndex(db, cityCode),
  };
  caches.set(state, entry);
  return entry.loading;
}

function refreshInBackground(db: Kysely<Database>, state: MatchingState, cityCode: string): void {
  if (refreshing.has(state)) return;
  refreshing.add(state);
  const generation = state.generation;
  const startedAt = Date.now();
  const loading = loadIndex(db, cityCode);
  loading
    .then(
      () => {
        // Only if nothing changed meanwhile (else a reload on demand is already due).
        if (caches.get(state)?.generation === generation)
          caches.set(state, { generation, startedAt, loading });
      },
      // A failed background load keeps the index we have; the next request tries again.
      () => undefined,
    )
    .finally(() => refreshing.delete(state));
}

export async function loadIndex(db: Kysely<Database>, cityCode: string): Promise<LoadedIndex> {
  const today = todayIn();
  const [orderRows, workerRows] = await Promise.all([loadMatchOrders(db, today), loadMatchWorkers(db)]);
  return assemble(orderRows, workerRows, today, cityCode, await loadOrderTies(db, orderRows));
}

/**
 * The channel ties of the orders' enterprises, by enterprise: `base:<id>` for every labour base
 * whose 劳务对接 event the enterprise attended in the last two years, `school:<id>` for every school
 * it has an active cooperation agreement with (rules in the bases and schools repositories). A
 * worker who arrived through that base or school earns the channel term on its orders.
 */
export async function loadOrderTies(
  db: Kysely<Database>,
  orderRows: readonly Pick<MatchOrderRow, 'enterprise_id'>[],
): Promise<Map<string, string[]>> {
  const enterpriseIds = [...new Set(orderRows.map((row) => row.enterprise_id))];
  const [bases, schools] = await Promise.all([
    listBaseTiesOfEnterprises(db, enterpriseIds),
    listSchoolTiesOfEnterprises(db, enterpriseIds),
  ]);
  const ties = new Map<string, string[]>();
  const add = (enterpriseId: string, key: string) => {
    const keys = ties.get(enterpriseId);
    if (keys) keys.push(key);
    else ties.set(enterpriseId, [key]);
  };
  for (const tie of bases) add(tie.enterpriseId, `base:${tie.baseId}`);
  for (const tie of schools) add(tie.enterpriseId, `school:${tie.schoolId}`);
  return ties;
}

/** An index over the given rows (also used for one worker or order outside the cached index). */
export function assemble(
  orderRows: readonly MatchOrderRow[],
  workerRows: readonly MatchWorkerRow[],
  today: string,
  cityCode: string,
  ties: ReadonlyMap<string, readonly string[]> = new Map(),
): LoadedIndex {
  const todayDate = new Date(`${today}T12:00:00`);
  return indexOver(
    orderRows.map((row) => orderInput(row, ties.get(row.enterprise_id) ?? [])),
    workerRows.map((row) => workerInput(row, todayDate, cityCode)),
    today,
  );
}

/** An index over engine inputs. */
export function indexOver(
  orders: readonly MatchOrderInput[],
  workers: readonly MatchWorkerInput[],
  today: string,
): LoadedIndex {
  const index = buildMatchIndex(orders, workers, { today: dayNumber(today) });
  return {
    index,
    orders,
    workers,
    orderPosition: new Map(orders.map((order, position) => [order.id, position])),
    workerPosition: new Map(workers.map((worker, position) => [worker.id, position])),
    today,
    builtAt: new Date(),
  };
}

const KEY_LEVEL: Readonly<Record<string, 0 | 1 | 2>> = { none: 0, district: 1, city: 2 };
const URGENCY: Readonly<Record<string, 0 | 1 | 2>> = { normal: 0, urgent: 1, critical: 2 };

export function orderInput(row: MatchOrderRow, tieKeys: readonly string[] = []): MatchOrderInput {
  const place = placeOf(row.district_code);
  return {
    id: row.id,
    occupationCode: row.occupation_code,
    remaining: Number(row.remaining),
    wageMin: row.wage_min,
    wageMax: row.wage_max,
    ageMin: row.age_min,
    ageMax: row.age_max,
    educationMin: educationIndex(row.education_min),
    certificates: row.certificates,
    skills: row.skills,
    lat: place?.lat ?? null,
    lng: place?.lng ?? null,
    dormitory: row.dormitory,
    deadlineDay: dayNumber(row.deadline),
    postedDay: dayNumber(row.created_at.toISOString().slice(0, 10)),
    keyLevel: KEY_LEVEL[row.key_level] ?? 0,
    urgency: URGENCY[row.urgency] ?? 0,
    districtCode: row.district_code,
    enterpriseId: row.enterprise_id,
    tieKeys,
  };
}

export function workerInput(row: MatchWorkerRow, today: Date, cityCode: string): MatchWorkerInput {
  const place = workerPlace(
    {
      currentRegionCode: row.current_region_code,
      originRegionCode: row.origin_region_code,
      districtCode: row.district_code,
    },
    cityCode,
  );
  return {
    id: row.id,
    age: ageOn(row.birth_date, today),
    education: educationIndex(row.education),
    certificates: row.certificates,
    skills: row.skills,
    occupationCodes: row.occupation_codes,
    expectedWage: row.expected_wage,
    availableDay: row.available_from ? dayNumber(row.available_from) : null,
    lat: place.lat,
    lng: place.lng,
    needsDormitory: place.needsDormitory,
    tieKeys: row.tie_keys,
  };
}

function educationIndex(level: string): number {
  const index = EDUCATION_LEVELS.indexOf(level as EducationLevel);
  return Math.max(0, index);
}

/** YYYY-MM-DD → days since 1970-01-01. */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}
