import { describe, expect, it } from 'vitest';
import {
  clearListFilters,
  DEFAULT_LIST_QUERY,
  hasActiveFilters,
  parseListSearchParams,
  readSortOrder,
  toSortParam,
  updateListQuery,
  writeListSearchParams,
} from './list-query.ts';

const LIAISON_ID = '0b7e4c1e-6a3f-4d55-9a53-1c1f0f7b2a10';

describe('the enterprise list query in the URL', () => {
  it('opens on the first page of active enterprises sorted by name', () => {
    expect(parseListSearchParams(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 20,
      status: 'active',
      sort: 'name',
    });
  });

  it('reads every filter from the URL with its type', () => {
    const query = parseListSearchParams(
      new URLSearchParams(
        `q=%E5%90%B4%E6%B1%9F&districtCode=320509&industrySection=C&industryCode=39&keyLevel=key&liaisonUserId=${LIAISON_ID}&status=all&mine=true&sort=-employeeCount&page=3&pageSize=50`,
      ),
    );
    expect(query).toEqual({
      q: '吴江',
      districtCode: '320509',
      industrySection: 'C',
      industryCode: '39',
      keyLevel: 'key',
      liaisonUserId: LIAISON_ID,
      status: 'all',
      mine: true,
      sort: '-employeeCount',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops a malformed parameter and keeps the others', () => {
    const query = parseListSearchParams(
      new URLSearchParams('page=x&keyLevel=gold&districtCode=320509&sort=color'),
    );
    expect(query).toEqual({ ...DEFAULT_LIST_QUERY, districtCode: '320509' });
  });

  it('ignores empty and unknown parameters', () => {
    expect(parseListSearchParams(new URLSearchParams('q=&foo=bar'))).toEqual(DEFAULT_LIST_QUERY);
  });

  it('writes only what differs from the defaults', () => {
    expect(writeListSearchParams(DEFAULT_LIST_QUERY).toString()).toBe('');
    const params = writeListSearchParams({ ...DEFAULT_LIST_QUERY, q: 'abc', mine: true, page: 2 });
    expect(Object.fromEntries(params)).toEqual({ q: 'abc', mine: 'true', page: '2' });
    expect(writeListSearchParams({ ...DEFAULT_LIST_QUERY, mine: false }).toString()).toBe('');
  });

  it('survives a round trip through the URL', () => {
    const query = {
      ...DEFAULT_LIST_QUERY,
      industrySection: 'C',
      keyLevel: 'city' as const,
      sort: '-name' as const,
    };
    expect(parseListSearchParams(writeListSearchParams(query))).toEqual(query);
  });
});

describe('changing the list', () => {
  const onPage3 = { ...DEFAULT_LIST_QUERY, page: 3 };

  it('returns to the first page when a filter changes', () => {
    expect(updateListQuery(onPage3, { districtCode: '320509' }).page).toBe(1);
    expect(updateListQuery(onPage3, { sort: '-name' }).page).toBe(1);
  });

  it('keeps the page when only the page changes, or a filter is set to its current value', () => {
    expect(updateListQuery(onPage3, { page: 4 }).page).toBe(4);
    expect(updateListQuery(onPage3, { status: 'active' }).page).toBe(3);
  });

  it('returns to the first page when the page size changes', () => {
    expect(updateListQuery(onPage3, { page: 3, pageSize: 50 })).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('tells a filtered list from the default one and clears filters but not the sort', () => {
    expect(hasActiveFilters(DEFAULT_LIST_QUERY)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_QUERY, status: 'all' })).toBe(true);
    const filtered = { ...DEFAULT_LIST_QUERY, q: 'x', mine: true, sort: '-updatedAt' as const, page: 5 };
    expect(clearListFilters(filtered)).toEqual({ ...DEFAULT_LIST_QUERY, sort: '-updatedAt' });
  });
});

describe('table sorting', () => {
  it('maps a column sort to the sort parameter and back', () => {
    expect(toSortParam('name', 'descend')).toBe('-name');
    expect(toSortParam('employeeCount', 'ascend')).toBe('employeeCount');
    expect(readSortOrder('-name', 'name')).toBe('descend');
    expect(readSortOrder('-name', 'districtCode')).toBeNull();
  });

  it('falls back to the default sort when the sort is cleared or the column is not sortable', () => {
    expect(toSortParam('name', null)).toBe('name');
    expect(toSortParam('creditCode', 'ascend')).toBe('name');
    expect(toSortParam(undefined, 'ascend')).toBe('name');
  });
});
