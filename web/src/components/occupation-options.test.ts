import { describe, expect, it } from 'vitest';
import {
  buildOccupationTree,
  formatOccupationName,
  matchOccupationNode,
  type OccupationTreeNode,
  RECORD_OCCUPATION_LEVELS,
} from './occupation-options.ts';

function findNode(nodes: readonly OccupationTreeNode[], code: string): OccupationTreeNode | undefined {
  for (const node of nodes) {
    if (node.value === code) return node;
    const found = findNode(node.children ?? [], code);
    if (found) return found;
  }
  return undefined;
}

describe('the occupation picker options', () => {
  it('nests the eight major groups down to detailed occupations', () => {
    const tree = buildOccupationTree('zh-CN');
    expect(tree.map((node) => node.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const turner = findNode(tree, '6-18-01-01');
    expect(turner).toMatchObject({ title: '6-18-01-01 车工', level: 'detail', selectable: true });
    expect(turner?.children).toBeUndefined();
    expect(findNode(tree, '6-18')?.children?.map((node) => node.value)).toContain('6-18-02');
  });

  it('labels nodes in the UI language', () => {
    expect(findNode(buildOccupationTree('en'), '6-18-02-04')?.title).toBe('6-18-02-04 Welder');
  });

  it('lets a record field pick a medium group or below, never a bare major group', () => {
    const tree = buildOccupationTree('zh-CN', RECORD_OCCUPATION_LEVELS);
    expect(findNode(tree, '6')?.selectable).toBe(false);
    expect(findNode(tree, '6-18')?.selectable).toBe(true);
    expect(findNode(buildOccupationTree('zh-CN'), '6')?.selectable).toBe(true);
  });

  it('finds an occupation by code, Chinese name or English name', () => {
    const welder = findNode(buildOccupationTree('zh-CN'), '6-18-02-04');
    if (!welder) throw new Error('the table has no welder');
    expect(matchOccupationNode('焊工', welder)).toBe(true);
    expect(matchOccupationNode('WELDER', welder)).toBe(true);
    expect(matchOccupationNode('6-18-02', welder)).toBe(true);
    expect(matchOccupationNode('车工', welder)).toBe(false);
  });

  it('formats a stored code with its name, or shows the code when the table lacks it', () => {
    expect(formatOccupationName('6-18-01-01', 'zh-CN')).toBe('6-18-01-01 车工');
    expect(formatOccupationName('6-99-99-99', 'zh-CN', '某工种')).toBe('6-99-99-99 某工种');
    expect(formatOccupationName('6-99-99-99', 'en')).toBe('6-99-99-99');
  });
});
