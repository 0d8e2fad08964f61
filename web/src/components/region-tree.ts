import type { Region } from '@yonggong/shared';

/** A node of the lazily loaded region tree, in the shape antd's Cascader takes. */
export interface RegionOption {
  readonly value: string;
  readonly label: string;
  readonly isLeaf: boolean;
  children?: RegionOption[];
}

/** A region as a cascader option; regions without children are leaves (no expand arrow). */
export function toRegionOption(region: Region): RegionOption {
  return { value: region.code, label: region.name, isLeaf: !region.hasChildren };
}

/** A copy of `tree` with `children` hung under the node at `path` (codes from the top). */
export function attachRegionChildren(
  tree: readonly RegionOption[],
  path: readonly string[],
  children: RegionOption[],
): RegionOption[] {
  const [head, ...rest] = path;
  return tree.map((node) => {
    if (node.value !== head) return node;
    if (rest.length === 0) return { ...node, children };
    return { ...node, children: attachRegionChildren(node.children ?? [], rest, children) };
  });
}

/**
 * The first prefix of `path` whose children are not loaded yet (as a one-element list, or empty),
 * so a cascader given a saved value (e.g. when editing) loads down to it level by level and can
 * show its labels.
 */
export function listUnloadedPrefixes(tree: readonly RegionOption[], path: readonly string[]): string[][] {
  const missing: string[][] = [];
  let level: readonly RegionOption[] | undefined = tree;
  for (let depth = 0; depth < path.length - 1; depth += 1) {
    const node: RegionOption | undefined = level?.find((option) => option.value === path[depth]);
    // An unknown code or a leaf ends the walk: there is nothing (more) to load below it.
    if (!node || node.isLeaf) break;
    if (!node.children) missing.push(path.slice(0, depth + 1));
    level = node.children;
  }
  return missing;
}
