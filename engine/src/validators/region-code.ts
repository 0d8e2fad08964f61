/**
 * Administrative division codes: GB/T 2260 (中华人民共和国行政区划代码) for the 6-digit province,
 * prefecture and county levels, extended by the National Bureau of Statistics' 统计用区划代码 to
 * 9 digits (+3 township, 乡镇街道) and 12 digits (+3 village, 村居委会).
 *
 * The code is read as segments `PP CC DD TTT VVV`. A code names the level of its last non-zero
 * segment: `320000` province, `320500` prefecture, `320507` county, `320507001` township,
 * `320507001001` village; the 12-digit statistical form pads higher levels with zeros
 * (`320500000000` is the prefecture). Structure rules checked here:
 *  - the province segment is not `00`;
 *  - no non-zero segment follows a zero segment (`320007` has a county under no prefecture);
 *  - a 9-digit code is a township code, so its township segment is not `000`.
 * Whether a code exists is not checked: the list changes every year and lives in the database.
 */

import { normalizeCodeInput } from './normalize.ts';
import { fail, succeed } from './result.ts';
import type { ValidationResult } from './types.ts';

/** The level a region code names. */
export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';

/** A valid region code and its level. */
export interface RegionCodeInfo {
  /** The normalised code, as long as it was given (6, 9 or 12 digits). */
  readonly code: string;
  readonly level: RegionLevel;
}

const LEVELS: readonly RegionLevel[] = ['province', 'prefecture', 'county', 'township', 'village'];
/** [start, end) of each segment. */
const SEGMENTS: readonly (readonly [number, number])[] = [
  [0, 2],
  [2, 4],
  [4, 6],
  [6, 9],
  [9, 12],
];
/** Prefecture segment of counties administered directly by the province (省直辖县级行政区划). */
const PROVINCE_ADMINISTERED = '90';

/**
 * Validates a 6-, 9- or 12-digit region code and returns it with its level.
 *
 * Errors: `region_code.empty`, `region_code.length` (`actual`), `region_code.char` (the first
 * non-digit), `region_code.format` (the first segment that breaks the level structure: its
 * 1-based start in `position` and its digits in `char`). Never throws.
 *
 * @example validateRegionCode('320507') // { ok: true, value: { code: '320507', level: 'county' } }
 */
export function validateRegionCode(input: string): ValidationResult<RegionCodeInfo> {
  if (typeof input !== 'string') return fail({ code: 'region_code.empty' });
  const code = normalizeCodeInput(input);
  if (code.length === 0) return fail({ code: 'region_code.empty' });
  const chars = Array.from(code);
  if (chars.length !== 6 && chars.length !== 9 && chars.length !== 12) {
    return fail({ code: 'region_code.length', actual: chars.length });
  }
  const nonDigit = chars.findIndex((char) => char < '0' || char > '9');
  if (nonDigit >= 0)
    return fail({ code: 'region_code.char', position: nonDigit + 1, char: chars[nonDigit] ?? '' });

  const segments = splitSegments(code);
  let lastNonZero = -1;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] ?? '';
    const isZero = /^0+$/.test(segment);
    const mustBeNonZero = index === 0 || (code.length === 9 && index === 3);
    const followsZero = lastNonZero < index - 1;
    if ((isZero && mustBeNonZero) || (!isZero && followsZero)) {
      return fail({ code: 'region_code.format', position: (SEGMENTS[index]?.[0] ?? 0) + 1, char: segment });
    }
    if (!isZero) lastNonZero = index;
  }
  return succeed({ code, level: LEVELS[lastNonZero] ?? 'province' });
}

/**
 * The code of the enclosing region, judged from the code's structure alone, or null for a province
 * or an invalid code. The parent keeps the child's form: a 12-digit code gets a 12-digit parent
 * (`320507001001` → `320507001000`), a 6-digit code a 6-digit one (`320507` → `320500`); a 9-digit
 * township gets its 6-digit county (`320507001` → `320507`). Counties administered directly by a
 * province (prefecture segment `90`, e.g. `429004` 仙桃) get the province (`420000`).
 */
export function parentRegionCode(code: string): string | null {
  const result = validateRegionCode(code);
  if (!result.ok) return null;
  const { code: normalised, level } = result.value;
  if (level === 'province') return null;
  if (level === 'township' && normalised.length === 9) return normalised.slice(0, 6);

  const segments = splitSegments(normalised);
  const levelIndex = LEVELS.indexOf(level);
  const keepSegments = level === 'county' && segments[1] === PROVINCE_ADMINISTERED ? 1 : levelIndex;
  return segments
    .map((segment, index) => (index < keepSegments ? segment : '0'.repeat(segment.length)))
    .join('');
}

function splitSegments(code: string): string[] {
  return SEGMENTS.filter(([, end]) => end <= code.length).map(([start, end]) => code.slice(start, end));
}
