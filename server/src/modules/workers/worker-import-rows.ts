import crypto from 'node:crypto';
import { type IdNumberInfo, maskIdNumber, maskPhone } from '@yonggong/engine';
import type { Region } from '@yonggong/shared';
import {
  EDUCATION_LEVELS,
  EDUCATION_WORDS,
  type EducationLevel,
  formatMessage,
  LOCALES,
  type Locale,
  localizeZodIssue,
  WORKER_IMPORT_COLUMNS,
  type WorkerImportField,
  workerCreateBody,
} from '@yonggong/shared';
import { nameKeys } from '../../lib/pinyin.ts';
import { type Cell, cellText, type LocatedHeader, type SheetRow } from '../../lib/spreadsheet.ts';
import type { PiiCipher } from '../../pii/pii-cipher.ts';
import type { RegionIndex } from '../regions/regions.service.ts';
import { hashIdNumber, hashPhone, type ProtectedIdentity } from './worker-identity.ts';

/**
 * One spreadsheet row of a worker list → a validated row (`createWorkerRowValidator`) → an open row
 * (`openRowsOf`: every non-secret column written) — both without the PII key, in a worker thread
 * for large files — → a sealed staging record (`sealRows`, main thread, where the key is), or the
 * row's errors.
 *
 * The file's mess is undone here, before the same schema as the registration form
 * (`workerCreateBody`) judges the row: names with blanks between characters, 户籍地 as a code, a
 * county name, or "省 市 县" text, 学历 in words, comma/顿号-separated skills, wages written
 * "6,000元" or "5千" or "4500-6000" (the lower bound), dates as Excel serials, 2021/3/5 or
 * 2021年3月5日. Errors are kept with their message in both languages (the job is read later, by
 * whoever asks, in their language).
 *
 * `StagedWorker` is one record of a batch's JSON as the write statements unpack it
 * (`json_to_recordset`, worker-imports.repository.ts).
 */
export interface StagedWorker extends ProtectedIdentity {
  readonly row_number: number;
  /** The id the worker gets if the person is new. */
  readonly worker_id: string;
  readonly name: string;
  readonly name_pinyin: string;
  readonly name_initials: string;
  readonly origin_region_code: string | null;
  readonly current_address: string;
  readonly education: string;
  readonly skills: readonly string[];
  readonly certificates: readonly string[];
  readonly expected_wage: number | null;
  readonly available_from: string | null;
  readonly notes: string;
}

/** A row error as stored with the job: rendered in both languages. */
export interface StoredRowError {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly message: Readonly<Record<Locale, string>>;
}

/** A row that passed validation: plain values (ID number and phone in clear, in memory only). */
export interface ValidRow {
  readonly row_number: number;
  readonly name: string;
  readonly name_pinyin: string;
  readonly name_initials: string;
  readonly id: IdNumberInfo;
  readonly phone: string;
  readonly origin_region_code: string | null;
  readonly current_address: string;
  readonly education: string;
  readonly skills: readonly string[];
  readonly certificates: readonly string[];
  readonly expected_wage: number | null;
  readonly available_from: string | null;
  readonly notes: string;
}

export type RowOutcome =
  | { readonly ok: true; readonly row: ValidRow }
  | { readonly ok: false; readonly errors: readonly StoredRowError[] };

/** The canonical header of a field (what error reports name). */
export function columnName(field: WorkerImportField): string {
  return WORKER_IMPORT_COLUMNS.find((column) => column.field === field)?.header ?? field;
}

/** Builds a stored error for `key` (a catalogue key) rendered in every language. */
export function rowError(
  row: number,
  field: WorkerImportField,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): StoredRowError {
  return { row, column: columnName(field), code: key, message: renderAll(key, params) };
}

function renderAll(key: string, params: Readonly<Record<string, unknown>>): Record<Locale, string> {
  const message = {} as Record<Locale, string>;
  for (const locale of LOCALES) message[locale] = formatMessage(locale, key, params);
  return message;
}

/** A row validator bound to the region index, with its caches: one per import. */
export function createWorkerRowValidator(
  regions: RegionIndex,
): (row: SheetRow, header: LocatedHeader<WorkerImportField>) => RowOutcome {
  const places = placeResolverOf(regions);
  const pinyinOf = createPinyinCache(20_000);
  return (row, header) => {
    const errors: StoredRowError[] = [];
    const cell = (field: WorkerImportField): Cell => cellText(row, header, field);
    const report = (field: WorkerImportField, key: string, params: Record<string, unknown> = {}) =>
      errors.push(rowError(row.rowNumber, field, key, params));

    const originText = cell('origin').text;
    let originRegionCode: string | null = null;
    if (originText !== '') {
      const place = places.resolve(originText);
      if ('code' in place) originRegionCode = place.code;
      else report('origin', place.error, { value: originText, options: place.options ?? '' });
    }
    const education = parseEducation(cell('education').text);
    if (education === 'unknown')
      report('education', 'worker.import_education', { value: cell('education').text });
    const wage = parseWage(cell('expectedWage').text);
    if (wage === 'unknown')
      report('expectedWage', 'worker.import_wage', { value: cell('expectedWage').text });
    const available = parseImportDate(cell('availableFrom'));
    if (available === 'unknown')
      report('availableFrom', 'worker.import_date', { value: cell('availableFrom').text });

    const parsed = workerCreateBody.safeParse(
      {
        name: cleanName(cell('name').text),
        idNumber: cell('idNumber').text,
        phone: cell('phone').text,
        originRegionCode,
        currentAddress: cell('currentAddress').text,
        ...(education !== 'unknown' && education !== null ? { education } : {}),
        skills: splitList(cell('skills').text),
        certificates: splitList(cell('certificates').text),
        expectedWage: wage === 'unknown' ? null : wage,
        availableFrom: available === 'unknown' ? null : available,
        notes: cell('notes').text,
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path);
        const message = {} as Record<Locale, string>;
        let code = 'field.invalid';
        for (const locale of LOCALES) {
          const localized = localizeZodIssue(issue, locale);
          message[locale] = localized.message;
          code = localized.code ?? code;
        }
        errors.push({ row: row.rowNumber, column: columnName(field), code, message });
      }
    }
    if (!parsed.success || errors.length > 0) return { ok: false, errors };

    const body = parsed.data;
    const keys = pinyinOf(body.name);
    return {
      ok: true,
      row: {
        row_number: row.rowNumber,
        name: body.name,
        name_pinyin: keys.pinyin,
        name_initials: keys.initials,
        id: body.idNumber,
        phone: body.phone,
        origin_region_code: body.originRegionCode,
        current_address: body.currentAddress,
        education: body.education,
        skills: body.skills,
        certificates: body.certificates,
        expected_wage: body.expectedWage,
        available_from: body.availableFrom,
        notes: body.notes,
      },
    };
  };
}

/**
 * Validated rows ready to be sealed, as parallel arrays (cheap to pass between threads): each row's
 * non-secret fields already written as an open JSON object (`{"row_number":…,"id_number_masked":…`,
 * no closing brace) — masks, last digits, birth date and sex computed where the plaintext is — and
 * the ID number and phone in clear (in memory only) for the main thread to encrypt and hash.
 */
export interface OpenRows {
  readonly rowNumbers: readonly number[];
  readonly idNumbers: readonly string[];
  readonly phones: readonly string[];
  readonly fragments: readonly string[];
}

/** Writes a batch of validated rows as open rows (no secret leaves unencrypted into the JSON). */
export function openRowsOf(rows: readonly ValidRow[]): OpenRows {
  const rowNumbers: number[] = [];
  const idNumbers: string[] = [];
  const phones: string[] = [];
  const fragments: string[] = [];
  for (const row of rows) {
    rowNumbers.push(row.row_number);
    idNumbers.push(row.id.idNumber);
    phones.push(row.phone);
    const open = JSON.stringify({
      row_number: row.row_number,
      name: row.name,
      name_pinyin: row.name_pinyin,
      name_initials: row.name_initials,
      id_number_masked: maskIdNumber(row.id.idNumber),
      id_last4: row.id.idNumber.slice(-4),
      phone_masked: maskPhone(row.phone),
      phone_last4: row.phone.slice(-4),
      birth_date: row.id.birthDate,
      sex: row.id.sex,
      origin_region_code: row.origin_region_code,
      current_address: row.current_address,
      education: row.education,
      skills: row.skills,
      certificates: row.certificates,
      expected_wage: row.expected_wage,
      available_from: row.available_from,
      notes: row.notes,
    });
    fragments.push(open.slice(0, -1));
  }
  return { rowNumbers, idNumbers, phones, fragments };
}

/**
 * A batch ready to write: the rows as ONE JSON array of `StagedWorker` records (what the write
 * statements unpack with `json_to_recordset`), plus each row's new id and ID hash (to tell created
 * from already registered).
 */
export interface ProtectedBatch {
  readonly json: string;
  readonly workerIds: readonly string[];
  readonly idNumberHashes: readonly string[];
}

/**
 * ⚠️ SECURITY-CRITICAL: seals open rows on the main thread — encrypts and hashes the ID number and
 * phone (`protectIdentity`'s ciphers; base64url needs no JSON escaping) and closes each record with
 * a new worker id. `isFirst(hash, row)` drops a person already seen in the file (it reports them).
 */
export function sealRows(
  pii: PiiCipher,
  rows: OpenRows,
  isFirst: (idNumberHash: string, rowNumber: number) => boolean,
): ProtectedBatch {
  const parts: string[] = [];
  const workerIds: string[] = [];
  const idNumberHashes: string[] = [];
  for (let i = 0; i < rows.fragments.length; i++) {
    const idNumber = rows.idNumbers[i] ?? '';
    const phone = rows.phones[i] ?? '';
    const idHash = hashIdNumber(pii, idNumber);
    if (!isFirst(idHash, rows.rowNumbers[i] ?? 0)) continue;
    const workerId = crypto.randomUUID();
    workerIds.push(workerId);
    idNumberHashes.push(idHash);
    parts.push(
      `${rows.fragments[i]},"worker_id":"${workerId}","id_number_enc":"${pii.encrypt(idNumber)}",` +
        `"id_number_hash":"${idHash}","phone_enc":"${pii.encrypt(phone)}","phone_hash":"${hashPhone(pii, phone)}"}`,
    );
  }
  return { json: `[${parts.join(',')}]`, workerIds, idNumberHashes };
}

function fieldOfPath(path: readonly PropertyKey[]): WorkerImportField {
  const first = String(path[0] ?? '');
  if (first === 'originRegionCode') return 'origin';
  const known = WORKER_IMPORT_COLUMNS.find((column) => column.field === first);
  return known ? known.field : 'name';
}

/** Pinyin keys, cached: names repeat a lot in real lists and pinyin-pro costs ~15 µs a name. */
function createPinyinCache(limit: number): (name: string) => { pinyin: string; initials: string } {
  const cache = new Map<string, { pinyin: string; initials: string }>();
  return (name) => {
    const hit = cache.get(name);
    if (hit) return hit;
    if (cache.size >= limit) cache.clear();
    const keys = nameKeys(name);
    cache.set(name, keys);
    return keys;
  };
}

/** "张 三" → "张三" (blanks typed to justify two-character names), other names as they are. */
export function cleanName(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}

/** "电焊、叉车, SMT 操作；缝纫" → ['电焊', '叉车', 'SMT 操作', '缝纫'] (duplicates dropped). */
export function splitList(text: string): string[] {
  const items = text
    .split(/[,，、;；/|\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [...new Set(items)];
}

/** A level, null for an empty cell (the schema's default applies), 'unknown' for unrecognised words. */
export function parseEducation(text: string): EducationLevel | null | 'unknown' {
  if (text === '') return null;
  const lower = text.toLowerCase();
  if ((EDUCATION_LEVELS as readonly string[]).includes(lower)) return lower as EducationLevel;
  const word = text.replace(/(及以下|及以上|以下|以上|毕业|肄业|在读|文化|学历|程度|\s)/g, '');
  return EDUCATION_WORDS[word] ?? 'unknown';
}

/** Yuan per month: "6000", "6,000元", "￥6000/月", "5千", "0.6万", "4500-6000" (lower bound), "面议" → null. */
export function parseWage(text: string): number | null | 'unknown' {
  const compact = text.replace(/[\s,，¥￥元/月左右起]/g, '');
  if (compact === '' || compact === '面议' || compact === '不限') return null;
  const [first] = compact.split(/[-~～—至到]/);
  const match = /^(\d+(?:\.\d+)?)(k|K|千|万|w|W)?$/.exec(first ?? '');
  if (!match) return 'unknown';
  const unit = match[2];
  const factor = unit === '万' || unit === 'w' || unit === 'W' ? 10_000 : unit ? 1000 : 1;
  return Math.round(Number(match[1]) * factor);
}

/** Days between Excel's day 0 (1899-12-30, absorbing the 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

/**
 * YYYY-MM-DD, null for an empty cell, 'unknown' when unrecognisable. Accepts ISO dates (and dates
 * the reader took from date-formatted cells), 2021/3/5, 2021.3.5, 2021年3月5日, 20210305, and Excel
 * serial day numbers (a date cell Excel stored as a plain number, or "44260" in a CSV).
 */
export function parseImportDate(cell: Cell): string | null | 'unknown' {
  const text = cell.text.trim();
  if (text === '') return null;
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < 10_000 || serial > 80_000) return 'unknown';
    return new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10);
  }
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return 'unknown';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return 'unknown';
  return date.toISOString().slice(0, 10);
}

// --- Places ---------------------------------------------------------------------------------------

type PlaceResult =
  | { readonly code: string }
  | { readonly error: 'worker.origin_unknown' | 'worker.origin_ambiguous'; readonly options?: string };

interface PlaceResolver {
  resolve(text: string): PlaceResult;
}

const resolvers = new WeakMap<RegionIndex, PlaceResolver>();

/** The (cached) resolver of place names for a region index. */
export function placeResolverOf(regions: RegionIndex): PlaceResolver {
  let resolver = resolvers.get(regions);
  if (!resolver) {
    resolver = createPlaceResolver(regions);
    resolvers.set(regions, resolver);
  }
  return resolver;
}

/** Names that are not places in speech ("市辖区", "省直辖县级行政区划"). */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const SUFFIX =
  /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|县|区|盟|旗)$/;

/**
 * Resolves "530602", "昭阳区", "云南省 昭通市 昭阳区", "云南昭通昭阳", "湖南龙山县" to a region code:
 * a county named anywhere in the text whose province and prefecture (full names, or their first two
 * or more characters, e.g. 湘西 for 湘西土家族苗族自治州) account for everything before it. A name
 * shared by several counties without such context is ambiguous; a bare prefecture or province
 * resolves to that level. Results are cached per text (lists repeat a handful of origins).
 */
export function createPlaceResolver(regions: RegionIndex): PlaceResolver {
  const counties = new Map<string, Region[]>();
  const prefectures = new Map<string, Region[]>();
  const provinces = new Map<string, Region[]>();
  const add = (map: Map<string, Region[]>, key: string, region: Region) => {
    const list = map.get(key) ?? [];
    if (!list.some((other) => other.code === region.code)) list.push(region);
    map.set(key, list);
  };
  const index = (map: Map<string, Region[]>, region: Region) => {
    if (PLACEHOLDER_NAMES.has(region.name)) return;
    add(map, region.name, region);
    const short = region.name.replace(SUFFIX, '');
    if (short.length >= 2 && short !== region.name) add(map, short, region);
  };
  const walk = (parent: string | null) => {
    for (const region of regions.children(parent)) {
      if (region.level === 'province') index(provinces, region);
      else if (region.level === 'prefecture') index(prefectures, region);
      else if (region.level === 'county') index(counties, region);
      else continue;
      if (region.hasChildren && region.level !== 'county') walk(region.code);
    }
  };
  walk(null);

  const ancestorNames = (region: Region): string[][] => {
    const chain: string[][] = [];
    let current = region.parentCode ? regions.get(region.parentCode) : undefined;
    while (current) {
      if (!PLACEHOLDER_NAMES.has(current.name)) chain.unshift([current.name]);
      current = current.parentCode ? regions.get(current.parentCode) : undefined;
    }
    return chain;
  };

  /** Whether `prefix` is made of the ancestors' names (each optional, in order, abbreviable). */
  const consumes = (prefix: string, ancestors: readonly string[][]): boolean => {
    if (prefix === '') return true;
    const [first, ...rest] = ancestors;
    if (!first) return false;
    const [name = ''] = first;
    for (let length = name.length; length >= 2; length--) {
      if (!prefix.startsWith(name.slice(0, length))) continue;
      let remainder = prefix.slice(length);
      if (length < name.length) remainder = remainder.replace(/^(省|市|州|地区|盟)/, '');
      if (consumes(remainder, rest)) return true;
    }
    return consumes(prefix, rest);
  };

  const find = (compact: string, map: Map<string, Region[]>): Region[] => {
    const found = new Map<string, Region>();
    for (let start = 0; start < compact.length; start++) {
      // The longest name starting here wins ("龙山县" is 龙山县, not also every "龙山" 区).
      for (let length = Math.min(16, compact.length - start); length >= 2; length--) {
        const matching = (map.get(compact.slice(start, start + length)) ?? []).filter((region) =>
          consumes(compact.slice(0, start), ancestorNames(region)),
        );
        for (const region of matching) found.set(region.code, region);
        if (matching.length > 0) break;
      }
    }
    return [...found.values()];
  };

  const cache = new Map<string, PlaceResult>();
  const resolveUncached = (text: string): PlaceResult => {
    const compact = text.replace(/[\s,，/\\\-—、·.()（）]+/g, '');
    if (/^\d+$/.test(compact)) {
      if ((compact.length === 6 || compact.length === 9) && regions.get(compact)) return { code: compact };
      if (
        (compact.length === 9 || compact.length === 12) &&
        regions.get(compact.slice(0, 6))?.level === 'county'
      )
        return { code: compact.slice(0, 6) };
      return { error: 'worker.origin_unknown' };
    }
    for (const map of [counties, prefectures, provinces]) {
      const found = find(compact, map);
      if (found.length === 1 && found[0]) return { code: found[0].code };
      if (found.length > 1)
        return {
          error: 'worker.origin_ambiguous',
          options: found
            .slice(0, 5)
            .map((region) => regions.fullName(region.code))
            .join('；'),
        };
    }
    return { error: 'worker.origin_unknown' };
  };
  return {
    resolve(text) {
      const hit = cache.get(text);
      if (hit) return hit;
      const result = resolveUncached(text);
      if (cache.size > 10_000) cache.clear();
      cache.set(text, result);
      return result;
    },
  };
}
