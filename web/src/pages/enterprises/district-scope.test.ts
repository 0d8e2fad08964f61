import type { Me, Region } from '@yonggong/shared';
import { describe, expect, it } from 'vitest';
import { findOnlyDistrict, listSelectableDistricts } from './district-scope.ts';

function buildDistrict(code: string, name: string): Region {
  return { code, name, level: 'county', parentCode: '320500', hasChildren: true };
}

function buildMe(overrides: Partial<Me>): Me {
  return {
    id: '6f1c3f5e-2a4b-4c1d-8e9f-0a1b2c3d4e5f',
    username: 'someone',
    displayName: 'Someone',
    roles: [],
    permissions: [],
    scope: {
      districtCodes: [],
      enterpriseId: null,
      agencyId: null,
      schoolId: null,
      baseId: null,
      workerId: null,
    },
    locale: 'zh-CN',
    ...overrides,
  };
}

const wujiang = buildDistrict('320509', '吴江区');
const xiangcheng = buildDistrict('320507', '相城区');
const city = [wujiang, xiangcheng];

describe('selectable districts', () => {
  it('offers every district to a city-wide role', () => {
    const admin = buildMe({ roles: ['admin'] });
    expect(listSelectableDistricts(city, admin)).toEqual(city);
    expect(findOnlyDistrict(city, admin)).toBeUndefined();
  });

  it('offers a district officer only their district', () => {
    const officer = buildMe({
      roles: ['district_officer'],
      scope: { ...buildMe({}).scope, districtCodes: ['320509'] },
    });
    expect(listSelectableDistricts(city, officer)).toEqual([wujiang]);
    expect(findOnlyDistrict(city, officer)).toBe('320509');
  });

  it('lets a city-wide role win over a district binding on the same account', () => {
    const both = buildMe({
      roles: ['district_officer', 'analyst'],
      scope: { ...buildMe({}).scope, districtCodes: ['320509'] },
    });
    expect(listSelectableDistricts(city, both)).toEqual(city);
  });
});
