import { findOccupation, type Locale, type OccupationLevel, occupationChildren } from '@yonggong/shared';

/**
 * The 2022 occupation classification (职业分类大典) as a tree for antd's TreeSelect: each node
 * shows "6-18-01-01 车工", and search matches codes and names in both languages, so an officer can
 * type "焊工", "welder" or "6-18-02". The table is bundled with the shared package: no request.
 */

export interface OccupationTreeNode {
  readonly value: string;
  readonly title: string;
  /** Code and both names, lower-cased, for the search. */
  readonly searchText: string;
  readonly level: OccupationLevel;
  /** False for the levels the field does not accept (they still open to show their children). */
  readonly selectable: boolean;
  readonly children?: OccupationTreeNode[];
}

/** Every level: list filters accept a major group ("6") as a prefix. */
export const ALL_OCCUPATION_LEVELS: readonly OccupationLevel[] = ['major', 'medium', 'small', 'detail'];
/** What records store: `occupationCodeSchema` accepts a medium group down to a detailed occupation. */
export const RECORD_OCCUPATION_LEVELS: readonly OccupationLevel[] = ['medium', 'small', 'detail'];

function pickName(entry: { readonly nameZh: string; readonly nameEn: string }, locale: Locale): string {
  return locale === 'en' ? entry.nameEn : entry.nameZh;
}

const cache = new Map<string, OccupationTreeNode[]>();

/** The whole tree in `locale`, with only `levels` selectable. Built once per combination. */
export function buildOccupationTree(
  locale: Locale,
  levels: readonly OccupationLevel[] = ALL_OCCUPATION_LEVELS,
): OccupationTreeNode[] {
  const cacheKey = `${locale}:${levels.join(',')}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const selectable = new Set(levels);
  const build = (parent: string | null): OccupationTreeNode[] =>
    occupationChildren(parent).map((occupation) => {
      const children = build(occupation.code);
      return {
        value: occupation.code,
        title: `${occupation.code} ${pickName(occupation, locale)}`,
        searchText: `${occupation.code} ${occupation.nameZh} ${occupation.nameEn}`.toLowerCase(),
        level: occupation.level,
        selectable: selectable.has(occupation.level),
        ...(children.length > 0 ? { children } : {}),
      };
    });
  const tree = build(null);
  cache.set(cacheKey, tree);
  return tree;
}

/** Whether a node matches what the user typed (code, Chinese or English name; any case). */
export function matchOccupationNode(input: string, node: object): boolean {
  const text = input.trim().toLowerCase();
  const searchText = 'searchText' in node ? String(node.searchText) : '';
  return text === '' || searchText.includes(text);
}

/** "6-18-01-01 车工"; the server's name, else the bare code, when the code is not in the table. */
export function formatOccupationName(code: string, locale: Locale, fallback = ''): string {
  const occupation = findOccupation(code);
  if (occupation) return `${occupation.code} ${pickName(occupation, locale)}`;
  return fallback ? `${code} ${fallback}` : code;
}
