import type { Region, RegionLevel } from '@yonggong/shared';
import rows from './regions.data.json' with { type: 'json' };

/**
 * The region tree (GB/T 2260 as published in the statistics bureau's 2023 codes; see
 * docs/data-sources.md): the whole country to county level plus the demo city's townships. It is
 * small (~3,500 rows) and read-only, so it is held in memory and never queried from the database.
 */
type RawRow = readonly [code: string, name: string, level: number, parent: string];

const LEVELS: readonly RegionLevel[] = ['province', 'prefecture', 'county', 'township'];

export interface RegionIndex {
  get(code: string): Region | undefined;
  children(parentCode: string | null): Region[];
  /** The county-level children of a prefecture (a city's districts and county-level cities). */
  districtsOf(cityCode: string): Region[];
  /** "江苏省 苏州市 吴江区" for a code. */
  fullName(code: string): string;
}

/** Builds the index from the shipped data file. */
export function loadRegionIndex(): RegionIndex {
  return buildRegionIndex(rows as unknown as readonly RawRow[]);
}

export function buildRegionIndex(raw: readonly RawRow[]): RegionIndex {
  const byCode = new Map<string, Region>();
  const childrenOf = new Map<string, Region[]>();
  for (const [code, name, level, parent] of raw) {
    const region: Region = {
      code,
      name,
      level: LEVELS[level - 1] ?? 'township',
      parentCode: parent === '' ? null : parent,
      hasChildren: false,
    };
    byCode.set(code, region);
    const key = parent === '' ? '' : parent;
    const list = childrenOf.get(key) ?? [];
    list.push(region);
    childrenOf.set(key, list);
  }
  for (const [code, region] of byCode) {
    if (childrenOf.has(code)) byCode.set(code, { ...region, hasChildren: true });
  }
  const resolved = (list: readonly Region[] | undefined) =>
    (list ?? []).map((region) => byCode.get(region.code) ?? region);
  return {
    get: (code) => byCode.get(code),
    children: (parentCode) => resolved(childrenOf.get(parentCode ?? '')),
    districtsOf: (cityCode) =>
      resolved(childrenOf.get(cityCode)).filter((region) => region.level === 'county'),
    fullName(code) {
      const names: string[] = [];
      let current = byCode.get(code);
      while (current) {
        if (current.name !== '市辖区') names.unshift(current.name);
        current = current.parentCode ? byCode.get(current.parentCode) : undefined;
      }
      return names.join(' ');
    },
  };
}
