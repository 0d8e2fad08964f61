/**
 * GB/T 2260 codes carry their ancestors: 320509 is in 320500 (苏州市), which is in 320000 (江苏省);
 * a 9-digit township code starts with its county. These helpers turn a code into the cascader path
 * that shows it, and into the prefix the list filters take ("53" = 云南省, "5306" = 昭通市).
 */

/** The cascader path from the province down to `code` (6 or 9 digits); [] for anything else. */
export function toRegionPath(code: string | null | undefined): string[] {
  if (!code || !/^\d{6}(\d{3})?$/.test(code)) return [];
  const county = code.slice(0, 6);
  const province = `${county.slice(0, 2)}0000`;
  const prefecture = `${county.slice(0, 4)}00`;
  const path = [province];
  if (prefecture !== province) path.push(prefecture);
  if (county !== prefecture) path.push(county);
  if (code.length === 9) path.push(code);
  return path;
}

/** The shortest prefix that selects everything under `code`: "530000" → "53", "530600" → "5306". */
export function toRegionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

/** The cascader path of a filter prefix: "53" → ["530000"], "5306" → ["530000", "530600"]. */
export function regionPrefixToPath(prefix: string | undefined): string[] {
  if (!prefix) return [];
  if (/^\d{2}$/.test(prefix)) return [`${prefix}0000`];
  if (/^\d{4}$/.test(prefix)) return toRegionPath(`${prefix}00`);
  return toRegionPath(prefix);
}
