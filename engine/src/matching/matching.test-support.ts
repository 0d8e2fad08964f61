/**
 * Seeded random matching instances for the property tests: small vocabularies and value grids,
 * so that scores tie often, codes share prefixes at every level (with codes of every length on
 * both sides), lists overlap, and every hard filter both passes and fails.
 */

import { createRandom, drawInteger } from '../random.ts';
import type { MatchOrderInput, MatchWorkerInput } from './types.ts';

/** How big and how varied an instance is. */
export interface InstanceOptions {
  readonly orders: number;
  readonly workers: number;
  /** Distinct skills and certificates. */
  readonly vocabulary?: number;
  /** Distinct channels. */
  readonly channels?: number;
  /** Distinct coordinates (district centroids). */
  readonly places?: number;
}

/** A generated instance. */
export interface MatchInstance {
  readonly orders: MatchOrderInput[];
  readonly workers: MatchWorkerInput[];
  readonly today: number;
}

export const TEST_TODAY = 20_780;

/** Coordinates around Suzhou, 2–60 km apart. */
const PLACES: readonly (readonly [number, number])[] = [
  [31.3, 120.62],
  [31.32, 120.72],
  [31.16, 120.64],
  [31.65, 120.75],
  [31.38, 120.98],
  [31.88, 120.55],
  [31.3, 120.5],
  [31.31, 120.63],
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[drawInteger(rand, items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function chance(rand: () => number, p: number): boolean {
  return rand() < p;
}

/** A code of 0–4 segments from a small tree: majors 4 and 6, two choices per level below. */
function drawCode(rand: () => number): string {
  const length = pick(rand, [0, 1, 2, 2, 3, 3, 4, 4, 4, 4]);
  const segments = [
    pick(rand, ['6', '6', '4']),
    pick(rand, ['18', '25']),
    pick(rand, ['01', '02']),
    pick(rand, ['01', '02']),
  ];
  return segments.slice(0, length).join('-');
}

function drawSome(rand: () => number, pool: readonly string[], max: number): string[] {
  const count = drawInteger(rand, max + 1);
  return Array.from({ length: count }, () => pick(rand, pool));
}

function drawPlace(rand: () => number, places: number): { lat: number | null; lng: number | null } {
  if (chance(rand, 0.15)) return { lat: null, lng: null };
  const [lat, lng] = PLACES[drawInteger(rand, Math.min(places, PLACES.length))] ?? [31.3, 120.6];
  return { lat, lng };
}

/** A seeded instance (same seed, same instance). */
export function generateMatchInstance(seed: number, options: InstanceOptions): MatchInstance {
  const rand = createRandom(seed);
  const vocabulary = Array.from({ length: options.vocabulary ?? 6 }, (_, i) => `技能${i}`);
  const certificates = vocabulary.slice(0, 3);
  const channels = Array.from({ length: options.channels ?? 3 }, (_, i) => `base:${i}`);
  const places = options.places ?? 5;
  const today = TEST_TODAY;
  const orders: MatchOrderInput[] = [];
  for (let o = 0; o < options.orders; o++) {
    const wageMin = 4000 + 500 * drawInteger(rand, 6);
    const place = drawPlace(rand, places);
    orders.push({
      id: `o${o}`,
      occupationCode: drawCode(rand),
      remaining: pick(rand, [-1, 0, 1, 1, 2, 3, 5, 8]),
      wageMin,
      wageMax: wageMin + 500 * drawInteger(rand, 4),
      ageMin: chance(rand, 0.4) ? null : pick(rand, [16, 18, 20]),
      ageMax: chance(rand, 0.4) ? null : pick(rand, [30, 35, 45]),
      educationMin: pick(rand, [0, 0, 2, 3]),
      certificates: chance(rand, 0.2) ? drawSome(rand, certificates, 2) : [],
      skills: drawSome(rand, vocabulary, 3),
      ...place,
      dormitory: chance(rand, 0.4),
      deadlineDay: today + drawInteger(rand, 30),
      postedDay: today - drawInteger(rand, 40),
      keyLevel: pick(rand, [0, 0, 1, 2] as const),
      urgency: pick(rand, [0, 0, 1, 2] as const),
      districtCode: '320500',
      enterpriseId: `e${drawInteger(rand, 5)}`,
      tieKeys: chance(rand, 0.3) ? drawSome(rand, channels, 2) : [],
    });
  }
  const workers: MatchWorkerInput[] = [];
  for (let w = 0; w < options.workers; w++) {
    const needsDormitory = chance(rand, 0.5);
    const place = needsDormitory ? { lat: null, lng: null } : drawPlace(rand, places);
    workers.push({
      id: `w${w}`,
      age: 16 + drawInteger(rand, 35),
      education: drawInteger(rand, 6),
      certificates: chance(rand, 0.4) ? drawSome(rand, certificates, 2) : [],
      skills: drawSome(rand, vocabulary, 3),
      occupationCodes: Array.from({ length: drawInteger(rand, 3) }, () => drawCode(rand)),
      expectedWage: chance(rand, 0.2) ? null : 3500 + 500 * drawInteger(rand, 8),
      availableDay: chance(rand, 0.5) ? null : today + drawInteger(rand, 35),
      ...place,
      needsDormitory,
      tieKeys: chance(rand, 0.4) ? [pick(rand, channels)] : [],
    });
  }
  return { orders, workers, today };
}

/**
 * The host's structured clone — what `postMessage` does to the index. Node and browsers have it;
 * the engine's library types (ES2023, no DOM) do not declare it.
 */
export function cloneStructured<T>(value: T): T {
  const clone = (globalThis as { structuredClone?: <V>(input: V) => V }).structuredClone;
  if (!clone) throw new Error('structuredClone is not available here');
  return clone(value);
}
