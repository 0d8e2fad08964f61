/**
 * `buildMatchIndex`: converts orders and workers to flat typed arrays once, so scoring and the
 * top-k searches touch nothing but integers.
 *
 * The index is plain data — numbers and typed arrays in nested plain objects — so it can be posted
 * to a worker thread as it is (`postMessage` copies it; with `shared: true` every array lives on a
 * SharedArrayBuffer and is shared instead) and checked back with `matchIndexFromBuffers`.
 *
 * Layout (o = order, w = worker, i = intention; CSR = `start` Int32Array(count + 1) into a flat
 * value array):
 *
 *   strings     every interned string (skills, certificates, tie keys, occupation prefixes "6",
 *               "6-18", …) as UTF-16 code units: chars[start[s] … start[s + 1] − 1]
 *   locations   distinct (lat, lng) pairs; km[a·count + b] = rounded haversine km when
 *               count <= distanceTableMaxLocations, else empty (computed on demand)
 *   weights     Int32Array in MATCH_WEIGHT_KEYS order
 *   orders      code[4o + j]: prefix id of segment j+1 (−1 past codeLength[o]); remaining; wageMin,
 *               wageMax (whole yuan); ageMin, ageMax (open = ∓2^31); educationMin; deadline;
 *               posted; dormitory; keyLevel; urgency; staticPoints (key + urgency + freshness,
 *               fixed once `today` is known); location (−1 unknown); CSR terms (skills ∪
 *               certificates), certs (required), ties — each deduplicated and ascending; blooms
 *               of terms (TERM_BLOOM_WORDS words), certs (CERT_BLOOM_WORDS) and ties (one word)
 *   workers     CSR intentions (4 prefix ids + a length each); age; education; expected (−1 = not
 *               stated); available (−2^31 = now); location; needsDormitory; CSR terms, certs,
 *               ties; blooms as for orders
 *   orderTree   the order forest as records (layout.ts): a main tree of every matchable order
 *               (remaining > 0), and one tree per skill/certificate and per tie key of the orders
 *               listing it (`treeRoots`). Each tree is split at its root by certificate-required
 *               and dormitory, then by occupation code (tree.ts), then — only where a code holds
 *               more than `leafSize` entries — by education, age limit, deadline, wage band and
 *               place; leaves list entries by staticPoints descending. Nodes carry the aggregates
 *               the bounds need (search-orders.ts); entries carry each order's fields so a leaf
 *               is screened without leaving it; each order's lists are stored once (records)
 *   workerTree  the code tree over worker intentions (a worker without intentions is one entry
 *               with an empty code), split at the root by needsDormitory and has-ties, below each
 *               code by expected-wage band; per node: min expected, flags (1 needs a dormitory,
 *               2 does not, 4 no expectation, 8 some expectation), OR of the blooms, max term
 *               count, max education, min/max age, min available, OR of certificate blooms
 *
 * A bloom is a bit set of hashed string ids: `(a & b) === 0` proves two lists share nothing; a
 * non-zero AND proves nothing. Tree aggregates are what the search bounds need; the per-item
 * arrays are what the pair score (score.ts) and the explanation need.
 */

import {
  ENTRY_AGE_MAX,
  ENTRY_AGE_MIN,
  ENTRY_CERTS_BIT,
  ENTRY_DEADLINE,
  ENTRY_DORMITORY_BIT,
  ENTRY_FLAGS,
  ENTRY_ITEM,
  ENTRY_LOCATION,
  ENTRY_RECORD,
  ENTRY_STATIC,
  ENTRY_TIES_BIT,
  ENTRY_WAGE_MAX,
  ENTRY_WAGE_MIN,
  KIND_MAIN,
  KIND_TERM,
  KIND_TIE,
  NODE_CHILD_COUNT,
  NODE_CODE,
  NODE_DEPTH,
  NODE_END,
  NODE_FIRST_CHILD,
  NODE_FLAGS,
  NODE_KIND,
  NODE_LEVEL,
  NODE_LOCATIONS,
  NODE_MAX_AGE_MAX,
  NODE_MAX_DEADLINE,
  NODE_MAX_STATIC,
  NODE_MAX_TERMS,
  NODE_MAX_WAGE_MAX,
  NODE_MAX_WAGE_MIN,
  NODE_MIN_AGE_MIN,
  NODE_MIN_CERTS,
  NODE_MIN_EDUCATION,
  NODE_MIN_ITEM,
  NODE_START,
  NODE_TERM_BLOOM,
  NODE_TIE_BLOOM,
  NODE_TREE_KEY,
  ORDER_ENTRY_STRIDE,
  ORDER_NODE_STRIDE,
} from './layout.ts';
import type { CodeTreeShape } from './tree.ts';
import { buildCodeTree, CODE_SEGMENTS } from './tree.ts';
import type { MatchOrderInput, MatchWorkerInput } from './types.ts';
import { MATCH_EDUCATION_LEVELS } from './types.ts';
import type { MatchWeights } from './weights.ts';
import { MATCH_WEIGHT_KEYS, packMatchWeights, resolveMatchWeights } from './weights.ts';

/** Version of the layout; `matchIndexFromBuffers` refuses other versions. */
export const MATCH_INDEX_FORMAT = 1;

/** Sentinel: no lower age limit. */
export const AGE_OPEN_MIN = -0x80000000;
/** Sentinel: no upper age limit. */
export const AGE_OPEN_MAX = 0x7fffffff;
/** Sentinel: the worker is available now. */
export const AVAILABLE_NOW = -0x80000000;
/** Sentinel: no expected wage. */
export const NO_EXPECTED_WAGE = -1;

/** Interned strings as UTF-16 code units. */
export interface MatchStrings {
  readonly count: number;
  readonly chars: Uint16Array;
  readonly start: Int32Array;
}

/** Distinct coordinates and, when small enough, their distance table. */
export interface MatchLocations {
  readonly count: number;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  /** Rounded km, `count × count`, or empty. */
  readonly km: Int16Array;
}

/** Orders as flat arrays (see the header for every field). */
export interface MatchOrderArrays {
  readonly count: number;
  readonly code: Int32Array;
  readonly codeLength: Uint8Array;
  readonly remaining: Int32Array;
  readonly wageMin: Int32Array;
  readonly wageMax: Int32Array;
  readonly ageMin: Int32Array;
  readonly ageMax: Int32Array;
  readonly educationMin: Uint8Array;
  readonly deadline: Int32Array;
  readonly posted: Int32Array;
  readonly dormitory: Uint8Array;
  readonly keyLevel: Uint8Array;
  readonly urgency: Uint8Array;
  readonly staticPoints: Int32Array;
  readonly location: Int32Array;
  readonly termStart: Int32Array;
  readonly terms: Int32Array;
  readonly certStart: Int32Array;
  readonly certs: Int32Array;
  readonly tieStart: Int32Array;
  readonly ties: Int32Array;
  /** TERM_BLOOM_WORDS words per order. */
  readonly termBloom: Int32Array;
  /** CERT_BLOOM_WORDS words per order. */
  readonly certBloom: Int32Array;
  readonly tieBloom: Int32Array;
}

/** Workers as flat arrays (see the header for every field). */
export interface MatchWorkerArrays {
  readonly count: number;
  readonly intentionStart: Int32Array;
  readonly intentionCode: Int32Array;
  readonly intentionLength: Uint8Array;
  readonly age: Int32Array;
  readonly education: Uint8Array;
  readonly expected: Int32Array;
  readonly available: Int32Array;
  readonly location: Int32Array;
  readonly needsDormitory: Uint8Array;
  readonly termStart: Int32Array;
  readonly terms: Int32Array;
  readonly certStart: Int32Array;
  readonly certs: Int32Array;
  readonly tieStart: Int32Array;
  readonly ties: Int32Array;
  readonly termBloom: Int32Array;
  readonly certBloom: Int32Array;
  readonly tieBloom: Int32Array;
}

/**
 * The order tree as interleaved records in tree order (layout.ts): what bounds an order's score
 * for a given worker, and each matchable order's hot fields next to its neighbours in the leaf.
 */
export interface MatchOrderTree {
  /**
   * Root node of each tree of the forest: [0] the main tree (every matchable order), [1 + id]
   * the tree of orders listing string `id` among skills ∪ certificates, [1 + strings.count + id]
   * the tree of orders tied to channel `id`; −1 when empty.
   */
  readonly treeRoots: Int32Array;
  readonly nodeCount: number;
  /** ORDER_NODE_STRIDE ints per node. */
  readonly nodes: Int32Array;
  readonly entryCount: number;
  /** ORDER_ENTRY_STRIDE ints per entry. */
  readonly entries: Int32Array;
  /** Skills ∪ certificates of record r: recordTerms[recordTermStart[r] … recordTermStart[r + 1]). */
  readonly recordTermStart: Int32Array;
  readonly recordTerms: Int32Array;
  /** Required certificates of each record, the same way. */
  readonly recordCertStart: Int32Array;
  readonly recordCerts: Int32Array;
  /** Tie keys of each record, the same way. */
  readonly recordTieStart: Int32Array;
  readonly recordTies: Int32Array;
}

/** The worker tree: shape plus what bounds a worker's score for a given order. */
export interface MatchWorkerTree extends Omit<CodeTreeShape, 'entryOrder' | 'treeRoots'> {
  readonly minExpected: Int32Array;
  readonly flags: Uint8Array;
  readonly termBloom: Int32Array;
  readonly tieBloom: Int32Array;
  readonly maxTerms: Int32Array;
  readonly maxEducation: Int32Array;
  readonly minAge: Int32Array;
  readonly maxAge: Int32Array;
  readonly minAvailable: Int32Array;
  readonly certBloom: Int32Array;
}

/**
 * Both sides of the matching problem as typed arrays: what every matching function takes. Only
 * numbers and typed arrays (in plain objects), so it survives `postMessage`.
 */
export interface MatchIndex {
  readonly format: number;
  /** Days since 1970-01-01 (UTC) that freshness is counted to. */
  readonly today: number;
  readonly weights: Int32Array;
  readonly strings: MatchStrings;
  readonly locations: MatchLocations;
  readonly orders: MatchOrderArrays;
  readonly workers: MatchWorkerArrays;
  readonly orderTree: MatchOrderTree;
  readonly workerTree: MatchWorkerTree;
}

/** Options of `buildMatchIndex`. */
export interface BuildMatchIndexOptions {
  /** Days since 1970-01-01 (UTC); the reference day for freshness. */
  readonly today: number;
  /** Overrides of `DEFAULT_MATCH_WEIGHTS`. */
  readonly weights?: Partial<MatchWeights>;
  /** Allocate every array on a SharedArrayBuffer (for worker threads). Default false. */
  readonly shared?: boolean;
  /**
   * Precompute a distance table when there are at most this many distinct coordinates (the table
   * takes 2·count² bytes). Default 2048; coordinates are district centroids, so there are few.
   */
  readonly distanceTableMaxLocations?: number;
  /**
   * Tree tuning: a node below an occupation code with more entries than this is split further
   * (by education, age limit, deadline, wage, place). Default 512. Changes speed, never results.
   */
  readonly leafSize?: number;
}

/** Wage bands for the tree splits (quantiles of the offered maximum / the expectation). */
const WAGE_BANDS = 6;
const EARTH_RADIUS_KM = 6371;
const DEGREES_TO_RADIANS = Math.PI / 180;

/**
 * Builds the matching index over `orders` and `workers`. Indexes in every answer are positions in
 * these arrays. Wages are rounded to whole yuan.
 *
 * @throws RangeError on invalid input: a non-integer age, day or education index outside 0..7,
 *   a negative or non-finite wage, `wageMin > wageMax`, half-known coordinates are treated as
 *   unknown rather than rejected; or weights that break `resolveMatchWeights`' constraints.
 */
export function buildMatchIndex(
  orders: readonly MatchOrderInput[],
  workers: readonly MatchWorkerInput[],
  options: BuildMatchIndexOptions,
): MatchIndex {
  requireInteger(options.today, 'today');
  const weights = resolveMatchWeights(options.weights);
  const leafSize = options.leafSize ?? DEFAULT_LEAF_SIZE;
  if (!Number.isSafeInteger(leafSize) || leafSize < 1)
    throw new RangeError(`leafSize must be a positive integer`);
  const strings = new StringInterner();
  const codes = new CodeParser(strings);
  const places = new LocationInterner();
  const orderArrays = buildOrderArrays(orders, options.today, weights, strings, codes, places);
  const workerArrays = buildWorkerArrays(workers, strings, codes, places);
  const locations = places.finish(options.distanceTableMaxLocations ?? 2048);
  const index: MatchIndex = {
    format: MATCH_INDEX_FORMAT,
    today: options.today,
    weights: packMatchWeights(weights),
    strings: strings.finish(),
    locations,
    orders: orderArrays,
    workers: workerArrays,
    orderTree: buildOrderTree(orderArrays, strings.size, strings.size, leafSize),
    workerTree: buildWorkerTree(workerArrays, strings.size, leafSize),
  };
  return options.shared === true ? shareMatchIndex(index) : index;
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

function requireEducation(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= MATCH_EDUCATION_LEVELS.length) {
    throw new RangeError(
      `${what} must be an education index 0..${MATCH_EDUCATION_LEVELS.length - 1}, got ${value}`,
    );
  }
}

function roundWage(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 0x3fffffff) {
    throw new RangeError(`${what} must be a non-negative wage, got ${value}`);
  }
  return Math.round(value);
}

/** Bloom words per item and node: skills and certificates (the soft term), required certificates, ties. */
export const TERM_BLOOM_WORDS = 4;
export const CERT_BLOOM_WORDS = 2;
export const TIE_BLOOM_WORDS = 1;

/** The bloom bit of a string id in a bloom of `words` 32-bit words (Fibonacci hashing). */
export function bloomBitOf(id: number, words: number): number {
  return Math.imul(id, 0x9e3779b1) >>> (32 - Math.log2(32 * words));
}

/** Growable Int32 storage. */
class Int32List {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Deduplicated, ascending string-id lists in CSR form, with their blooms. */
class IdListBuilder {
  readonly start: Int32List = new Int32List();
  readonly values: Int32List = new Int32List();
  private readonly pending: number[] = [];
  readonly bloom: Int32Array;

  constructor(
    private readonly strings: StringInterner,
    count: number,
    private readonly words: number,
  ) {
    this.start.push(0);
    this.bloom = new Int32Array(count * words);
  }

  /** Appends the list of item `item` (its strings, plus `extra`'s). */
  add(item: number, list: readonly string[], extra: readonly string[] = []): void {
    const pending = this.pending;
    pending.length = 0;
    for (const text of list) pending.push(this.strings.intern(text));
    for (const text of extra) pending.push(this.strings.intern(text));
    pending.sort((a, b) => a - b);
    let previous = -1;
    for (const id of pending) {
      if (id === previous) continue;
      previous = id;
      this.values.push(id);
      const bit = bloomBitOf(id, this.words);
      const word = item * this.words + (bit >>> 5);
      this.bloom[word] = (this.bloom[word] ?? 0) | (1 << (bit & 31));
    }
    this.start.push(this.values.length);
  }
}

/** String → small integer id. */
class StringInterner {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];

  get size(): number {
    return this.texts.length;
  }

  intern(text: string): number {
    const known = this.ids.get(text);
    if (known !== undefined) return known;
    const id = this.texts.length;
    this.ids.set(text, id);
    this.texts.push(text);
    return id;
  }

  finish(): MatchStrings {
    const start = new Int32Array(this.texts.length + 1);
    let total = 0;
    for (let s = 0; s < this.texts.length; s++) {
      total += this.texts[s]?.length ?? 0;
      start[s + 1] = total;
    }
    const chars = new Uint16Array(total);
    for (let s = 0; s < this.texts.length; s++) {
      const text = this.texts[s] ?? '';
      const offset = start[s] ?? 0;
      for (let c = 0; c < text.length; c++) chars[offset + c] = text.charCodeAt(c);
    }
    return { count: this.texts.length, chars, start };
  }
}

/** Occupation code → four prefix ids ("6", "6-18", "6-18-01", "6-18-01-01") and a length. */
class CodeParser {
  private readonly cache = new Map<string, number>();
  /** Five numbers per distinct code: four prefix ids (−1 past the length), then the length. */
  private readonly table: number[] = [];

  constructor(private readonly strings: StringInterner) {}

  /**
   * Writes the code's prefix ids to `target[offset … offset + 3]`; returns its length (0..4).
   * Segments are what lies between dashes, trimmed; an empty segment ends the code.
   */
  write(code: string, target: Int32Array, offset: number): number {
    let slot = this.cache.get(code);
    if (slot === undefined) {
      slot = this.table.length;
      this.cache.set(code, slot);
      const segments = code.trim().split('-');
      let prefix = '';
      let length = 0;
      for (let j = 0; j < CODE_SEGMENTS; j++) {
        const segment = (segments[j] ?? '').trim();
        if (segment === '' || length < j) {
          this.table.push(-1);
          continue;
        }
        prefix = j === 0 ? segment : `${prefix}-${segment}`;
        this.table.push(this.strings.intern(prefix));
        length++;
      }
      this.table.push(length);
    }
    for (let j = 0; j < CODE_SEGMENTS; j++) target[offset + j] = this.table[slot + j] ?? -1;
    return this.table[slot + CODE_SEGMENTS] ?? 0;
  }
}

/** Distinct coordinates → ids. */
class LocationInterner {
  private readonly ids = new Map<string, number>();
  private readonly lat: number[] = [];
  private readonly lng: number[] = [];

  /** The id of (lat, lng), or −1 when either is unknown. */
  intern(lat: number | null, lng: number | null): number {
    if (lat === null || lng === null || !Number.isFinite(lat) || !Number.isFinite(lng)) return -1;
    const key = `${lat},${lng}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.lat.length;
    this.ids.set(key, id);
    this.lat.push(lat);
    this.lng.push(lng);
    return id;
  }

  finish(tableMax: number): MatchLocations {
    const count = this.lat.length;
    const lat = Float64Array.from(this.lat);
    const lng = Float64Array.from(this.lng);
    const km = count <= tableMax ? new Int16Array(count * count) : new Int16Array(0);
    if (km.length > 0) {
      for (let a = 0; a < count; a++) {
        for (let b = a + 1; b < count; b++) {
          const d = computeHaversineKm(lat[a] ?? 0, lng[a] ?? 0, lat[b] ?? 0, lng[b] ?? 0);
          km[a * count + b] = d;
          km[b * count + a] = d;
        }
      }
    }
    return { count, lat, lng, km };
  }
}

/**
 * Great-circle distance in whole km (haversine, Earth radius 6371 km, rounded to the nearest km).
 */
export function computeHaversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * DEGREES_TO_RADIANS;
  const dLng = (lng2 - lng1) * DEGREES_TO_RADIANS;
  const sinLat = Math.sin(dLat / 2);
  const sinLng = Math.sin(dLng / 2);
  const a =
    sinLat * sinLat +
    Math.cos(lat1 * DEGREES_TO_RADIANS) * Math.cos(lat2 * DEGREES_TO_RADIANS) * sinLng * sinLng;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a))));
}

function computeStaticPoints(order: MatchOrderInput, today: number, weights: MatchWeights): number {
  const key = order.keyLevel === 2 ? weights.keyCity : order.keyLevel === 1 ? weights.keyDistrict : 0;
  const urgency = order.urgency === 2 ? weights.critical : order.urgency === 1 ? weights.urgent : 0;
  return key + urgency + computeFreshnessPoints(weights, today - order.postedDay);
}

/** Freshness: full points on the day of publication, one fewer per `freshnessDaysPerPoint` days. */
export function computeFreshnessPoints(weights: MatchWeights, ageDays: number): number {
  const days = Math.max(0, ageDays);
  return Math.max(0, weights.freshnessMax - Math.floor(days / weights.freshnessDaysPerPoint));
}

function buildOrderArrays(
  orders: readonly MatchOrderInput[],
  today: number,
  weights: MatchWeights,
  strings: StringInterner,
  codes: CodeParser,
  places: LocationInterner,
): MatchOrderArrays {
  const count = orders.length;
  const code = new Int32Array(CODE_SEGMENTS * count);
  const codeLength = new Uint8Array(count);
  const remaining = new Int32Array(count);
  const wageMin = new Int32Array(count);
  const wageMax = new Int32Array(count);
  const ageMin = new Int32Array(count);
  const ageMax = new Int32Array(count);
  const educationMin = new Uint8Array(count);
  const deadline = new Int32Array(count);
  const posted = new Int32Array(count);
  const dormitory = new Uint8Array(count);
  const keyLevel = new Uint8Array(count);
  const urgency = new Uint8Array(count);
  const staticPoints = new Int32Array(count);
  const location = new Int32Array(count);
  const terms = new IdListBuilder(strings, count, TERM_BLOOM_WORDS);
  const certs = new IdListBuilder(strings, count, CERT_BLOOM_WORDS);
  const ties = new IdListBuilder(strings, count, TIE_BLOOM_WORDS);
  for (let o = 0; o < count; o++) {
    const order = orders[o];
    if (!order) throw new RangeError(`orders[${o}] is missing`);
    const what = `order ${order.id}`;
    codeLength[o] = codes.write(order.occupationCode, code, CODE_SEGMENTS * o);
    if (!Number.isFinite(order.remaining)) throw new RangeError(`${what}: remaining must be a number`);
    remaining[o] = Math.max(-1, Math.min(0x7fffffff, Math.floor(order.remaining)));
    wageMin[o] = roundWage(order.wageMin, `${what}: wageMin`);
    wageMax[o] = roundWage(order.wageMax, `${what}: wageMax`);
    if ((wageMin[o] ?? 0) > (wageMax[o] ?? 0)) throw new RangeError(`${what}: wageMin > wageMax`);
    if (order.ageMin !== null) requireInteger(order.ageMin, `${what}: ageMin`);
    if (order.ageMax !== null) requireInteger(order.ageMax, `${what}: ageMax`);
    ageMin[o] = order.ageMin ?? AGE_OPEN_MIN;
    ageMax[o] = order.ageMax ?? AGE_OPEN_MAX;
    requireEducation(order.educationMin, `${what}: educationMin`);
    educationMin[o] = order.educationMin;
    requireInteger(order.deadlineDay, `${what}: deadlineDay`);
    requireInteger(order.postedDay, `${what}: postedDay`);
    deadline[o] = order.deadlineDay;
    posted[o] = order.postedDay;
    dormitory[o] = order.dormitory ? 1 : 0;
    keyLevel[o] = order.keyLevel;
    urgency[o] = order.urgency;
    staticPoints[o] = computeStaticPoints(order, today, weights);
    location[o] = places.intern(order.lat, order.lng);
    terms.add(o, order.skills, order.certificates);
    certs.add(o, order.certificates);
    ties.add(o, order.tieKeys);
  }
  return {
    count,
    code,
    codeLength,
    remaining,
    wageMin,
    wageMax,
    ageMin,
    ageMax,
    educationMin,
    deadline,
    posted,
    dormitory,
    keyLevel,
    urgency,
    staticPoints,
    location,
    termStart: terms.start.finish(),
    terms: terms.values.finish(),
    certStart: certs.start.finish(),
    certs: certs.values.finish(),
    tieStart: ties.start.finish(),
    ties: ties.values.finish(),
    termBloom: terms.bloom,
    certBloom: certs.bloom,
    tieBloom: ties.bloom,
  };
}

function buildWorkerArrays(
  workers: readonly MatchWorkerInput[],
  strings: StringInterner,
  codes: CodeParser,
  places: LocationInterner,
): MatchWorkerArrays {
  const count = workers.length;
  const intentionStart = new Int32Array(count + 1);
  let intentionTotal = 0;
  for (let w = 0; w < count; w++) {
    intentionTotal += workers[w]?.occupationCodes.length ?? 0;
    intentionStart[w + 1] = intentionTotal;
  }
  const intentionCode = new Int32Array(CODE_SEGMENTS * intentionTotal);
  const intentionLength = new Uint8Array(intentionTotal);
  const age = new Int32Array(count);
  const education = new Uint8Array(count);
  const expected = new Int32Array(count);
  const available = new Int32Array(count);
  const location = new Int32Array(count);
  const needsDormitory = new Uint8Array(count);
  const terms = new IdListBuilder(strings, count, TERM_BLOOM_WORDS);
  const certs = new IdListBuilder(strings, count, CERT_BLOOM_WORDS);
  const ties = new IdListBuilder(strings, count, TIE_BLOOM_WORDS);
  for (let w = 0; w < count; w++) {
    const worker = workers[w];
    if (!worker) throw new RangeError(`workers[${w}] is missing`);
    const what = `worker ${worker.id}`;
    let i = intentionStart[w] ?? 0;
    for (const intention of worker.occupationCodes) {
      intentionLength[i] = codes.write(intention, intentionCode, CODE_SEGMENTS * i);
      i++;
    }
    requireInteger(worker.age, `${what}: age`);
    age[w] = worker.age;
    requireEducation(worker.education, `${what}: education`);
    education[w] = worker.education;
    expected[w] =
      worker.expectedWage === null
        ? NO_EXPECTED_WAGE
        : roundWage(worker.expectedWage, `${what}: expectedWage`);
    if (worker.availableDay !== null) requireInteger(worker.availableDay, `${what}: availableDay`);
    available[w] = worker.availableDay ?? AVAILABLE_NOW;
    location[w] = places.intern(worker.lat, worker.lng);
    needsDormitory[w] = worker.needsDormitory ? 1 : 0;
    terms.add(w, worker.skills, worker.certificates);
    certs.add(w, worker.certificates);
    ties.add(w, worker.tieKeys);
  }
  return {
    count,
    intentionStart,
    intentionCode,
    intentionLength,
    age,
    education,
    expected,
    available,
    location,
    needsDormitory,
    termStart: terms.start.finish(),
    terms: terms.values.finish(),
    certStart: certs.start.finish(),
    certs: certs.values.finish(),
    tieStart: ties.start.finish(),
    ties: ties.values.finish(),
    termBloom: terms.bloom,
    certBloom: certs.bloom,
    tieBloom: ties.bloom,
  };
}

/** Band of `value` among ascending `thresholds`: how many thresholds are <= value. */
function findBand(thresholds: readonly number[], value: number): number {
  let band = 0;
  while (band < thresholds.length && (thresholds[band] ?? 0) <= value) band++;
  return band;
}

/** Up to `bands − 1` distinct ascending quantile thresholds of `values`. */
function findQuantileThresholds(values: Int32Array, bands: number): number[] {
  if (values.length === 0) return [];
  const sorted = values.slice().sort();
  const thresholds: number[] = [];
  for (let b = 1; b < bands; b++) {
    const value = sorted[Math.floor((b * sorted.length) / bands)] ?? 0;
    if (thresholds.length === 0 || value > (thresholds[thresholds.length - 1] ?? 0)) thresholds.push(value);
  }
  return thresholds;
}

/** Bit of a location id in a node's location mask: ids 0..30 have their own bit, the rest share 31. */
export function locationBitOf(location: number): number {
  return location >= 0 && location < 31 ? location : 31;
}

/** Default `leafSize`. */
const DEFAULT_LEAF_SIZE = 512;

function hasItems(start: Int32Array, item: number): number {
  return (start[item + 1] ?? 0) > (start[item] ?? 0) ? 1 : 0;
}

/**
 * The order forest. Every matchable order is an entry of the main tree; every (order, term) and
 * (order, tie key) pair is an entry of that term's or key's tree. The search bounds the skills
 * and tie terms by 0 in the main tree — exact for every order that shares nothing with the
 * worker — and reaches the orders that do share something through the worker's own term and tie
 * trees, whose bounds include those terms (topk.ts, search-orders.ts).
 */
function buildOrderTree(
  orders: MatchOrderArrays,
  stringCount: number,
  prefixIdRange: number,
  leafSize: number,
): MatchOrderTree {
  const matchable: number[] = [];
  for (let o = 0; o < orders.count; o++) if ((orders.remaining[o] ?? 0) > 0) matchable.push(o);
  const items = new Int32List();
  const treeKeys = new Int32List();
  for (const o of matchable) {
    items.push(o);
    treeKeys.push(0);
    for (let i = orders.termStart[o] ?? 0; i < (orders.termStart[o + 1] ?? 0); i++) {
      items.push(o);
      treeKeys.push(1 + (orders.terms[i] ?? 0));
    }
    for (let i = orders.tieStart[o] ?? 0; i < (orders.tieStart[o + 1] ?? 0); i++) {
      items.push(o);
      treeKeys.push(1 + stringCount + (orders.ties[i] ?? 0));
    }
  }
  const entryItem = items.finish();
  const entryCount = entryItem.length;
  const entryCode = new Int32Array(CODE_SEGMENTS * entryCount);
  const entryCodeLength = new Uint8Array(entryCount);
  const certRequired = new Int32Array(entryCount);
  const dormitory = new Int32Array(entryCount);
  const wageBand = new Int32Array(entryCount);
  const locationKey = new Int32Array(entryCount);
  const educationKey = new Int32Array(entryCount);
  const ageKey = new Int32Array(entryCount);
  const deadlineBand = new Int32Array(entryCount);
  const staticKey = new Int32Array(entryCount);
  const wageMaxima = new Int32Array(matchable.length);
  const deadlines = new Int32Array(matchable.length);
  for (let m = 0; m < matchable.length; m++) {
    wageMaxima[m] = orders.wageMax[matchable[m] ?? 0] ?? 0;
    deadlines[m] = orders.deadline[matchable[m] ?? 0] ?? 0;
  }
  const thresholds = findQuantileThresholds(wageMaxima, WAGE_BANDS);
  const deadlineThresholds = findQuantileThresholds(deadlines, WAGE_BANDS);
  let minStatic = 0;
  let maxStatic = 0;
  for (const o of matchable) {
    const points = orders.staticPoints[o] ?? 0;
    minStatic = Math.min(minStatic, points);
    maxStatic = Math.max(maxStatic, points);
  }
  for (let e = 0; e < entryCount; e++) {
    const o = entryItem[e] ?? 0;
    entryCodeLength[e] = orders.codeLength[o] ?? 0;
    for (let j = 0; j < CODE_SEGMENTS; j++)
      entryCode[CODE_SEGMENTS * e + j] = orders.code[CODE_SEGMENTS * o + j] ?? -1;
    certRequired[e] = hasItems(orders.certStart, o);
    dormitory[e] = orders.dormitory[o] ?? 0;
    wageBand[e] = findBand(thresholds, orders.wageMax[o] ?? 0);
    locationKey[e] = locationBitOf(orders.location[o] ?? -1);
    educationKey[e] = orders.educationMin[o] ?? 0;
    const ageMax = orders.ageMax[o] ?? AGE_OPEN_MAX;
    ageKey[e] = ageMax === AGE_OPEN_MAX ? 21 : Math.max(0, Math.min(20, Math.floor(ageMax / 5)));
    deadlineBand[e] = findBand(deadlineThresholds, orders.deadline[o] ?? 0);
    staticKey[e] = (orders.staticPoints[o] ?? 0) - minStatic;
  }
  const shape = buildCodeTree({
    entryItem,
    entryCode,
    entryCodeLength,
    prefixIdRange,
    treeKey: { keys: treeKeys.finish(), range: 1 + 2 * stringCount },
    // Above the codes, so that whole parts drop out at once for most workers (no certificate) and
    // a worker who needs a dormitory sees −5 on every order without one.
    rootSplits: [
      { keys: certRequired, range: 2 },
      { keys: dormitory, range: 2 },
    ],
    splits: [
      { keys: educationKey, range: MATCH_EDUCATION_LEVELS.length },
      { keys: ageKey, range: 22 },
      { keys: deadlineBand, range: deadlineThresholds.length + 1 },
      { keys: wageBand, range: thresholds.length + 1 },
      { keys: locationKey, range: 32 },
    ],
    leafSize,
    sortKey: { keys: staticKey, range: maxStatic - minStatic + 1 },
  });
  return aggregateOrderTree(shape, orders, stringCount);
}

/** OR of `words`-word blooms: target[node] |= source[item]. */
function orBloom(target: Int32Array, node: number, source: Int32Array, item: number, words: number): void {
  for (let j = 0; j < words; j++) {
    target[node * words + j] = (target[node * words + j] ?? 0) | (source[item * words + j] ?? 0);
  }
}

/** Packs the shape and the orders into records (layout.ts) and folds the aggregates bottom-up. */
function aggregateOrderTree(
  shape: CodeTreeShape,
  orders: MatchOrderArrays,
  stringCount: number,
): MatchOrderTree {
  const nodeCount = shape.nodeCount;
  const entryCount = shape.entries.length;
  const nodes = new Int32Array(nodeCount * ORDER_NODE_STRIDE);
  const entries = new Int32Array(entryCount * ORDER_ENTRY_STRIDE);
  const lists = packOrderLists(shape, orders);
  for (let p = 0; p < entryCount; p++) {
    const o = shape.entries[p] ?? 0;
    const at = p * ORDER_ENTRY_STRIDE;
    entries[at + ENTRY_ITEM] = o;
    entries[at + ENTRY_STATIC] = orders.staticPoints[o] ?? 0;
    entries[at + ENTRY_WAGE_MIN] = orders.wageMin[o] ?? 0;
    entries[at + ENTRY_WAGE_MAX] = orders.wageMax[o] ?? 0;
    entries[at + ENTRY_AGE_MIN] = orders.ageMin[o] ?? 0;
    entries[at + ENTRY_AGE_MAX] = orders.ageMax[o] ?? 0;
    entries[at + ENTRY_DEADLINE] = orders.deadline[o] ?? 0;
    entries[at + ENTRY_LOCATION] = orders.location[o] ?? -1;
    entries[at + ENTRY_FLAGS] =
      (orders.educationMin[o] ?? 0) |
      (orders.dormitory[o] === 1 ? ENTRY_DORMITORY_BIT : 0) |
      (hasItems(orders.certStart, o) === 1 ? ENTRY_CERTS_BIT : 0) |
      (hasItems(orders.tieStart, o) === 1 ? ENTRY_TIES_BIT : 0);
    entries[at + ENTRY_RECORD] = lists.recordOf[o] ?? 0;
  }
  // Tree roots carry their kind; children inherit it (children come after their parent).
  for (let key = 0; key < shape.treeRoots.length; key++) {
    const root = shape.treeRoots[key] ?? -1;
    const kind = key === 0 ? KIND_MAIN : key <= stringCount ? KIND_TERM : KIND_TIE;
    if (root < 0) continue;
    nodes[root * ORDER_NODE_STRIDE + NODE_KIND] = kind;
    nodes[root * ORDER_NODE_STRIDE + NODE_TREE_KEY] = key === 0 ? -1 : (key - 1) % stringCount;
  }
  for (let node = 1; node < nodeCount; node++) {
    // Node 0 is the forest's root, whose children are the tree roots.
    const first = shape.firstChild[node] ?? 0;
    for (let c = first; c < first + (shape.childCount[node] ?? 0); c++) {
      nodes[c * ORDER_NODE_STRIDE + NODE_KIND] = nodes[node * ORDER_NODE_STRIDE + NODE_KIND] ?? 0;
      nodes[c * ORDER_NODE_STRIDE + NODE_TREE_KEY] = nodes[node * ORDER_NODE_STRIDE + NODE_TREE_KEY] ?? -1;
    }
  }
  for (let node = nodeCount - 1; node >= 0; node--) {
    const at = node * ORDER_NODE_STRIDE;
    nodes[at + NODE_LEVEL] = shape.level[node] ?? 0;
    nodes[at + NODE_DEPTH] = shape.depth[node] ?? 0;
    nodes[at + NODE_FIRST_CHILD] = shape.firstChild[node] ?? -1;
    nodes[at + NODE_CHILD_COUNT] = shape.childCount[node] ?? 0;
    nodes[at + NODE_START] = shape.start[node] ?? 0;
    nodes[at + NODE_END] = shape.end[node] ?? 0;
    nodes[at + NODE_MIN_ITEM] = shape.minItem[node] ?? 0;
    for (let j = 0; j < CODE_SEGMENTS; j++)
      nodes[at + NODE_CODE + j] = shape.code[CODE_SEGMENTS * node + j] ?? -1;
    nodes[at + NODE_MAX_WAGE_MIN] = -1;
    nodes[at + NODE_MAX_WAGE_MAX] = -1;
    nodes[at + NODE_MAX_STATIC] = -0x80000000;
    nodes[at + NODE_MIN_EDUCATION] = 0x7fffffff;
    nodes[at + NODE_MIN_AGE_MIN] = 0x7fffffff;
    nodes[at + NODE_MAX_AGE_MAX] = -0x80000000;
    nodes[at + NODE_MAX_DEADLINE] = -0x80000000;
    nodes[at + NODE_MIN_CERTS] = 0x7fffffff;
    const childCount = shape.childCount[node] ?? 0;
    const first = shape.firstChild[node] ?? 0;
    for (let c = first; c < first + childCount; c++) foldOrderNode(nodes, at, c * ORDER_NODE_STRIDE);
    if (childCount > 0) continue;
    for (let p = shape.start[node] ?? 0; p < (shape.end[node] ?? 0); p++)
      foldOrderEntry(nodes, at, orders, shape.entries[p] ?? 0);
  }
  return {
    treeRoots: shape.treeRoots,
    nodeCount,
    nodes,
    entryCount,
    entries,
    recordTermStart: lists.termStart,
    recordTerms: lists.terms,
    recordCertStart: lists.certStart,
    recordCerts: lists.certs,
    recordTieStart: lists.tieStart,
    recordTies: lists.ties,
  };
}

/**
 * The lists (skills ∪ certificates, certificates, ties) of every matchable order, in the order
 * the main tree lists the orders, and `recordOf[o]`, the record of order o (−1 without places).
 */
function packOrderLists(shape: CodeTreeShape, orders: MatchOrderArrays) {
  const recordOf = new Int32Array(orders.count).fill(-1);
  const mainRoot = shape.treeRoots[0] ?? -1;
  const from = mainRoot >= 0 ? (shape.start[mainRoot] ?? 0) : 0;
  const to = mainRoot >= 0 ? (shape.end[mainRoot] ?? 0) : 0;
  const termStart = new Int32Array(to - from + 1);
  const certStart = new Int32Array(to - from + 1);
  const tieStart = new Int32Array(to - from + 1);
  const terms = new Int32List();
  const certs = new Int32List();
  const ties = new Int32List();
  const copyList = (target: Int32List, values: Int32Array, start: Int32Array, o: number) => {
    for (let i = start[o] ?? 0; i < (start[o + 1] ?? 0); i++) target.push(values[i] ?? 0);
  };
  for (let p = from; p < to; p++) {
    const o = shape.entries[p] ?? 0;
    const record = p - from;
    recordOf[o] = record;
    copyList(terms, orders.terms, orders.termStart, o);
    copyList(certs, orders.certs, orders.certStart, o);
    copyList(ties, orders.ties, orders.tieStart, o);
    termStart[record + 1] = terms.length;
    certStart[record + 1] = certs.length;
    tieStart[record + 1] = ties.length;
  }
  return {
    recordOf,
    termStart,
    terms: terms.finish(),
    certStart,
    certs: certs.finish(),
    tieStart,
    ties: ties.finish(),
  };
}

/** Folds order `o` into node record `at`. */
function foldOrderEntry(nodes: Int32Array, at: number, orders: MatchOrderArrays, o: number): void {
  nodes[at + NODE_MAX_WAGE_MIN] = Math.max(nodes[at + NODE_MAX_WAGE_MIN] ?? 0, orders.wageMin[o] ?? 0);
  nodes[at + NODE_MAX_WAGE_MAX] = Math.max(nodes[at + NODE_MAX_WAGE_MAX] ?? 0, orders.wageMax[o] ?? 0);
  nodes[at + NODE_FLAGS] = (nodes[at + NODE_FLAGS] ?? 0) | (orders.dormitory[o] === 1 ? 1 : 2);
  nodes[at + NODE_LOCATIONS] =
    (nodes[at + NODE_LOCATIONS] ?? 0) | (1 << locationBitOf(orders.location[o] ?? -1));
  nodes[at + NODE_TIE_BLOOM] = (nodes[at + NODE_TIE_BLOOM] ?? 0) | (orders.tieBloom[o] ?? 0);
  const termCount = (orders.termStart[o + 1] ?? 0) - (orders.termStart[o] ?? 0);
  nodes[at + NODE_MAX_TERMS] = Math.max(nodes[at + NODE_MAX_TERMS] ?? 0, termCount);
  nodes[at + NODE_MAX_STATIC] = Math.max(nodes[at + NODE_MAX_STATIC] ?? 0, orders.staticPoints[o] ?? 0);
  nodes[at + NODE_MIN_EDUCATION] = Math.min(nodes[at + NODE_MIN_EDUCATION] ?? 0, orders.educationMin[o] ?? 0);
  nodes[at + NODE_MIN_AGE_MIN] = Math.min(nodes[at + NODE_MIN_AGE_MIN] ?? 0, orders.ageMin[o] ?? 0);
  nodes[at + NODE_MAX_AGE_MAX] = Math.max(nodes[at + NODE_MAX_AGE_MAX] ?? 0, orders.ageMax[o] ?? 0);
  nodes[at + NODE_MAX_DEADLINE] = Math.max(nodes[at + NODE_MAX_DEADLINE] ?? 0, orders.deadline[o] ?? 0);
  const certCount = (orders.certStart[o + 1] ?? 0) - (orders.certStart[o] ?? 0);
  nodes[at + NODE_MIN_CERTS] = Math.min(nodes[at + NODE_MIN_CERTS] ?? 0, certCount);
  for (let j = 0; j < TERM_BLOOM_WORDS; j++) {
    nodes[at + NODE_TERM_BLOOM + j] =
      (nodes[at + NODE_TERM_BLOOM + j] ?? 0) | (orders.termBloom[TERM_BLOOM_WORDS * o + j] ?? 0);
  }
}

/** Folds node record `from` into node record `at`. */
function foldOrderNode(nodes: Int32Array, at: number, from: number): void {
  const maxOf = (field: number) => {
    nodes[at + field] = Math.max(nodes[at + field] ?? 0, nodes[from + field] ?? 0);
  };
  const minOf = (field: number) => {
    nodes[at + field] = Math.min(nodes[at + field] ?? 0, nodes[from + field] ?? 0);
  };
  const orOf = (field: number) => {
    nodes[at + field] = (nodes[at + field] ?? 0) | (nodes[from + field] ?? 0);
  };
  maxOf(NODE_MAX_WAGE_MIN);
  maxOf(NODE_MAX_WAGE_MAX);
  orOf(NODE_FLAGS);
  orOf(NODE_LOCATIONS);
  orOf(NODE_TIE_BLOOM);
  maxOf(NODE_MAX_TERMS);
  maxOf(NODE_MAX_STATIC);
  minOf(NODE_MIN_EDUCATION);
  minOf(NODE_MIN_AGE_MIN);
  maxOf(NODE_MAX_AGE_MAX);
  maxOf(NODE_MAX_DEADLINE);
  minOf(NODE_MIN_CERTS);
  for (let j = 0; j < TERM_BLOOM_WORDS; j++) orOf(NODE_TERM_BLOOM + j);
}

function buildWorkerTree(
  workers: MatchWorkerArrays,
  prefixIdRange: number,
  leafSize: number,
): MatchWorkerTree {
  // One entry per intention; one with an empty code for a worker without intentions.
  let entryCount = 0;
  for (let w = 0; w < workers.count; w++) {
    entryCount += Math.max(1, (workers.intentionStart[w + 1] ?? 0) - (workers.intentionStart[w] ?? 0));
  }
  const entryItem = new Int32Array(entryCount);
  const entryCode = new Int32Array(CODE_SEGMENTS * entryCount).fill(-1);
  const entryCodeLength = new Uint8Array(entryCount);
  let e = 0;
  for (let w = 0; w < workers.count; w++) {
    const from = workers.intentionStart[w] ?? 0;
    const to = workers.intentionStart[w + 1] ?? 0;
    if (from === to) {
      entryItem[e++] = w;
      continue;
    }
    for (let i = from; i < to; i++) {
      entryItem[e] = w;
      entryCodeLength[e] = workers.intentionLength[i] ?? 0;
      for (let j = 0; j < CODE_SEGMENTS; j++) {
        entryCode[CODE_SEGMENTS * e + j] = workers.intentionCode[CODE_SEGMENTS * i + j] ?? -1;
      }
      e++;
    }
  }
  const expectations = workers.expected.filter((wage) => wage !== NO_EXPECTED_WAGE);
  const thresholds = findQuantileThresholds(expectations, WAGE_BANDS);
  const needsDormitory = new Int32Array(entryCount);
  const hasTies = new Int32Array(entryCount);
  const wageBand = new Int32Array(entryCount);
  for (let entry = 0; entry < entryCount; entry++) {
    const w = entryItem[entry] ?? 0;
    const wage = workers.expected[w] ?? NO_EXPECTED_WAGE;
    needsDormitory[entry] = workers.needsDormitory[w] ?? 0;
    hasTies[entry] = hasItems(workers.tieStart, w);
    wageBand[entry] = wage === NO_EXPECTED_WAGE ? 0 : 1 + findBand(thresholds, wage);
  }
  const shape = buildCodeTree({
    entryItem,
    entryCode,
    entryCodeLength,
    prefixIdRange,
    rootSplits: [
      { keys: needsDormitory, range: 2 },
      { keys: hasTies, range: 2 },
    ],
    splits: [{ keys: wageBand, range: thresholds.length + 2 }],
    leafSize,
    sortKey: null,
    treeKey: null,
  });
  return aggregateWorkerTree(shape, workers);
}

function aggregateWorkerTree(fullShape: CodeTreeShape, workers: MatchWorkerArrays): MatchWorkerTree {
  const { entryOrder: _order, treeRoots: _roots, ...shape } = fullShape;
  const n = shape.nodeCount;
  const tree = {
    ...shape,
    minExpected: new Int32Array(n).fill(0x7fffffff),
    flags: new Uint8Array(n),
    termBloom: new Int32Array(n * TERM_BLOOM_WORDS),
    tieBloom: new Int32Array(n),
    maxTerms: new Int32Array(n),
    maxEducation: new Int32Array(n).fill(-1),
    minAge: new Int32Array(n).fill(0x7fffffff),
    maxAge: new Int32Array(n).fill(-0x80000000),
    minAvailable: new Int32Array(n).fill(0x7fffffff),
    certBloom: new Int32Array(n * CERT_BLOOM_WORDS),
  };
  const fold = (node: number, other: number) => {
    tree.minExpected[node] = Math.min(tree.minExpected[node] ?? 0, tree.minExpected[other] ?? 0);
    tree.flags[node] = (tree.flags[node] ?? 0) | (tree.flags[other] ?? 0);
    orBloom(tree.termBloom, node, tree.termBloom, other, TERM_BLOOM_WORDS);
    tree.tieBloom[node] = (tree.tieBloom[node] ?? 0) | (tree.tieBloom[other] ?? 0);
    tree.maxTerms[node] = Math.max(tree.maxTerms[node] ?? 0, tree.maxTerms[other] ?? 0);
    tree.maxEducation[node] = Math.max(tree.maxEducation[node] ?? 0, tree.maxEducation[other] ?? 0);
    tree.minAge[node] = Math.min(tree.minAge[node] ?? 0, tree.minAge[other] ?? 0);
    tree.maxAge[node] = Math.max(tree.maxAge[node] ?? 0, tree.maxAge[other] ?? 0);
    tree.minAvailable[node] = Math.min(tree.minAvailable[node] ?? 0, tree.minAvailable[other] ?? 0);
    orBloom(tree.certBloom, node, tree.certBloom, other, CERT_BLOOM_WORDS);
  };
  for (let node = n - 1; node >= 0; node--) {
    const childCount = shape.childCount[node] ?? 0;
    if (childCount > 0) {
      const first = shape.firstChild[node] ?? 0;
      for (let c = first; c < first + childCount; c++) fold(node, c);
      continue;
    }
    for (let p = shape.start[node] ?? 0; p < (shape.end[node] ?? 0); p++) {
      const w = shape.entries[p] ?? 0;
      const wage = workers.expected[w] ?? NO_EXPECTED_WAGE;
      let flags = workers.needsDormitory[w] === 1 ? 1 : 2;
      if (wage === NO_EXPECTED_WAGE) flags |= 4;
      else {
        flags |= 8;
        tree.minExpected[node] = Math.min(tree.minExpected[node] ?? 0, wage);
      }
      tree.flags[node] = (tree.flags[node] ?? 0) | flags;
      orBloom(tree.termBloom, node, workers.termBloom, w, TERM_BLOOM_WORDS);
      tree.tieBloom[node] = (tree.tieBloom[node] ?? 0) | (workers.tieBloom[w] ?? 0);
      const termCount = (workers.termStart[w + 1] ?? 0) - (workers.termStart[w] ?? 0);
      tree.maxTerms[node] = Math.max(tree.maxTerms[node] ?? 0, termCount);
      tree.maxEducation[node] = Math.max(tree.maxEducation[node] ?? 0, workers.education[w] ?? 0);
      tree.minAge[node] = Math.min(tree.minAge[node] ?? 0, workers.age[w] ?? 0);
      tree.maxAge[node] = Math.max(tree.maxAge[node] ?? 0, workers.age[w] ?? 0);
      tree.minAvailable[node] = Math.min(tree.minAvailable[node] ?? 0, workers.available[w] ?? 0);
      orBloom(tree.certBloom, node, workers.certBloom, w, CERT_BLOOM_WORDS);
    }
  }
  return tree;
}

type SharableArray = Int32Array | Uint8Array | Int16Array | Uint16Array | Float64Array;

/** A SharedArrayBuffer-backed copy of `array`. */
function shareArray<T extends SharableArray>(array: T): T {
  const buffer = new SharedArrayBuffer(array.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return new (array.constructor as new (buffer: SharedArrayBuffer) => T)(buffer);
}

function isSharableArray(value: unknown): value is SharableArray {
  return (
    value instanceof Int32Array ||
    value instanceof Uint8Array ||
    value instanceof Int16Array ||
    value instanceof Uint16Array ||
    value instanceof Float64Array
  );
}

/** Copies every array of a plain-data record onto SharedArrayBuffers (numbers stay). */
function shareRecord<T extends object>(record: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    copy[key] = isSharableArray(value) ? shareArray(value) : value;
  }
  return copy as T;
}

/** The same index with every array on a SharedArrayBuffer. */
function shareMatchIndex(index: MatchIndex): MatchIndex {
  if (typeof SharedArrayBuffer !== 'function') {
    throw new RangeError('shared: true needs SharedArrayBuffer (cross-origin isolation in browsers)');
  }
  return {
    ...index,
    weights: shareArray(index.weights),
    strings: shareRecord(index.strings),
    locations: shareRecord(index.locations),
    orders: shareRecord(index.orders),
    workers: shareRecord(index.workers),
    orderTree: shareRecord(index.orderTree),
    workerTree: shareRecord(index.workerTree),
  };
}

/** What `matchIndexBuffers` returns: the index as structured-clone-safe data. */
export type MatchIndexBuffers = MatchIndex;

/**
 * The index as data to post to a worker thread (`worker.postMessage(buffers)`): the index already
 * consists of numbers and typed arrays only, so this is the index itself. Built with
 * `shared: true`, the arrays are shared, not copied.
 */
export function matchIndexBuffers(index: MatchIndex): MatchIndexBuffers {
  return index;
}

const SECTION_KEYS = ['strings', 'locations', 'orders', 'workers', 'orderTree', 'workerTree'] as const;

/**
 * Checks data received from `matchIndexBuffers` (on another thread) and returns it as an index.
 *
 * @throws RangeError when the format version differs or a section or array is missing.
 */
export function matchIndexFromBuffers(buffers: unknown): MatchIndex {
  if (typeof buffers !== 'object' || buffers === null) throw new RangeError('not a match index');
  const record = buffers as Record<string, unknown>;
  if (record.format !== MATCH_INDEX_FORMAT) {
    throw new RangeError(`match index format ${String(record.format)}, expected ${MATCH_INDEX_FORMAT}`);
  }
  if (!(record.weights instanceof Int32Array) || record.weights.length !== MATCH_WEIGHT_KEYS.length) {
    throw new RangeError('match index weights are missing');
  }
  for (const key of SECTION_KEYS) {
    const section = record[key];
    if (typeof section !== 'object' || section === null)
      throw new RangeError(`match index ${key} is missing`);
    for (const [field, value] of Object.entries(section)) {
      if (typeof value !== 'number' && !isSharableArray(value)) {
        throw new RangeError(`match index ${key}.${field} is not an array or a number`);
      }
    }
  }
  const index = buffers as MatchIndex;
  const orderCount = index.orders.count;
  const workerCount = index.workers.count;
  if (
    index.orders.remaining.length !== orderCount ||
    index.orders.termStart.length !== orderCount + 1 ||
    index.workers.age.length !== workerCount ||
    index.workers.termStart.length !== workerCount + 1 ||
    index.orderTree.nodes.length !== index.orderTree.nodeCount * ORDER_NODE_STRIDE ||
    index.orderTree.entries.length !== index.orderTree.entryCount * ORDER_ENTRY_STRIDE ||
    index.workerTree.level.length !== index.workerTree.nodeCount
  ) {
    throw new RangeError('match index arrays do not fit their counts');
  }
  return index;
}

/** The interned string `id`. */
export function readMatchString(strings: MatchStrings, id: number): string {
  const from = strings.start[id] ?? 0;
  const to = strings.start[id + 1] ?? from;
  let text = '';
  for (let c = from; c < to; c += 4096) {
    text += String.fromCharCode(...strings.chars.subarray(c, Math.min(to, c + 4096)));
  }
  return text;
}
