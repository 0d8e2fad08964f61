import { findIndustryDivision, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, type Locale } from '@yonggong/shared';

/**
 * GB/T 4754 industry names and pickers in the UI language. The table is bundled with the shared
 * package, so names need no request and switch language instantly.
 */

export interface IndustryOption {
  readonly value: string;
  readonly label: string;
}

export interface IndustryGroup {
  readonly label: string;
  readonly title: string;
  readonly options: readonly IndustryOption[];
}

function pickName(entry: { readonly nameZh: string; readonly nameEn: string }, locale: Locale): string {
  return locale === 'en' ? entry.nameEn : entry.nameZh;
}

/** "39 计算机、通信和其他电子设备制造业"; the server's name when the code is not in the table. */
export function formatIndustryName(code: string, locale: Locale, fallback = ''): string {
  const division = findIndustryDivision(code);
  return division ? `${division.code} ${pickName(division, locale)}` : fallback || code;
}

/** The 20 sections (门类) as select options: "C 制造业". */
export function listSectionOptions(locale: Locale): IndustryOption[] {
  return INDUSTRY_SECTIONS.map((section) => ({
    value: section.code,
    label: `${section.code} ${pickName(section, locale)}`,
  }));
}

/** Divisions (大类) as select options, optionally of one section only. */
export function listDivisionOptions(locale: Locale, section?: string): IndustryOption[] {
  return INDUSTRY_DIVISIONS.filter((division) => !section || division.section === section).map(
    (division) => ({
      value: division.code,
      label: `${division.code} ${pickName(division, locale)}`,
    }),
  );
}

/** Divisions grouped under their sections, for a select with option groups. */
export function listGroupedDivisionOptions(locale: Locale): IndustryGroup[] {
  return INDUSTRY_SECTIONS.map((section) => {
    const label = `${section.code} ${pickName(section, locale)}`;
    return { label, title: label, options: listDivisionOptions(locale, section.code) };
  }).filter((group) => group.options.length > 0);
}

/** The section a division belongs to (to keep the section filter consistent with the division). */
export function findSectionOfDivision(code: string | undefined): string | undefined {
  return code ? findIndustryDivision(code)?.section : undefined;
}
