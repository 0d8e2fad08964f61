import { describe, expect, it } from 'vitest';
import {
  attachRegionChildren,
  listUnloadedPrefixes,
  type RegionOption,
  toRegionOption,
} from './region-tree.ts';

const jiangsu: RegionOption = { value: '320000', label: '江苏省', isLeaf: false };
const zhejiang: RegionOption = { value: '330000', label: '浙江省', isLeaf: false };
const suzhou: RegionOption = { value: '320500', label: '苏州市', isLeaf: false };
const wujiang: RegionOption = { value: '320509', label: '吴江区', isLeaf: true };

describe('the region tree', () => {
  it('marks regions without children as leaves', () => {
    const option = toRegionOption({
      code: '320509',
      name: '吴江区',
      level: 'county',
      parentCode: '320500',
      hasChildren: false,
    });
    expect(option).toEqual(wujiang);
  });

  it('hangs children under the node at a path without touching the other branches', () => {
    const withCities = attachRegionChildren([jiangsu, zhejiang], ['320000'], [suzhou]);
    const withDistricts = attachRegionChildren(withCities, ['320000', '320500'], [wujiang]);
    expect(withDistricts[0]?.children?.[0]?.children).toEqual([wujiang]);
    expect(withDistricts[1]).toBe(zhejiang);
  });

  it('lists the next level to load for a saved value, one level at a time', () => {
    const path = ['320000', '320500', '320509'];
    expect(listUnloadedPrefixes([jiangsu], path)).toEqual([['320000']]);
    expect(listUnloadedPrefixes(attachRegionChildren([jiangsu], ['320000'], [suzhou]), path)).toEqual([
      ['320000', '320500'],
    ]);
    const loaded = attachRegionChildren(
      attachRegionChildren([jiangsu], ['320000'], [suzhou]),
      ['320000', '320500'],
      [wujiang],
    );
    expect(listUnloadedPrefixes(loaded, path)).toEqual([]);
  });

  it('stops at a code the tree does not know, so a stale value cannot load forever', () => {
    expect(listUnloadedPrefixes([zhejiang], ['320000', '320500', '320509'])).toEqual([]);
  });
});
