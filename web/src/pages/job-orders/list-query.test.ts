import { describe, expect, it } from 'vitest';
import {
  clearJobOrderFilters,
  DEFAULT_JOB_ORDER_QUERY,
  hasActiveJobOrderFilters,
  listJobOrderSortDirections,
  parseJobOrderSearchParams,
  readJobOrderSortOrder,
  toJobOrderSortParam,
  updateJobOrderQuery,
  writeJobOrderSearchParams,
} from './list-query.ts';

const ENTERPRISE_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('the job-order list query in the URL', () => {
  it('opens on the first page of active orders, newest first', () => {
    expect(parseJobOrderSearchParams(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 20,
      status: 'active',
      sort: '-createdAt',
    });
  });

  it('reads every filter from the URL with its type', () => {
    const query = parseJobOrderSearchParams(
      new URLSearchParams(
        `q=%E6%99%AE%E5%B7%A5&districtCode=320509&occupationCode=6-18&enterpriseId=${ENTERPRISE_ID}&keyOnly=true&urgency=critical&status=open&wageAtLeast=6000&dormitory=true&sort=-remaining&page=2`,
      ),
    );
    expect(query).toEqual({
      q: '普工',
      districtCode: '320509',
      occupationCode: '6-18',
      enterpriseId: ENTERPRISE_ID,
      keyOnly: true,
      urgency: 'critical',
      status: 'open',
      wageAtLeast: 6000,
      dormitory: true,
      sort: '-remaining',
      page: 2,
      pageSize: 20,
    });
  });

  it('drops a malformed parameter and keeps the others', () => {
    const query = parseJobOrderSearchParams(
      new URLSearchParams('urgency=panic&wageAtLeast=lots&districtCode=320509&occupationCode=6-1'),
    );
    expect(query).toEqual({ ...DEFAULT_JOB_ORDER_QUERY, districtCode: '320509' });
  });

  it('writes only what differs from the defaults and survives a round trip', () => {
    expect(writeJobOrderSearchParams(DEFAULT_JOB_ORDER_QUERY).toString()).toBe('');
    const query = {
      ...DEFAULT_JOB_ORDER_QUERY,
      keyOnly: true,
      occupationCode: '6',
      wageAtLeast: 5000,
      status: 'all' as const,
    };
    const params = writeJobOrderSearchParams(query);
    expect(Object.fromEntries(params)).toEqual({
      keyOnly: 'true',
      occupationCode: '6',
      wageAtLeast: '5000',
      status: 'all',
    });
    expect(parseJobOrderSearchParams(params)).toEqual(query);
  });
});

describe('changing the job-order list', () => {
  it('returns to the first page when a filter changes and keeps it when paging', () => {
    const onPage3 = { ...DEFAULT_JOB_ORDER_QUERY, page: 3 };
    expect(updateJobOrderQuery(onPage3, { urgency: 'urgent' }).page).toBe(1);
    expect(updateJobOrderQuery(onPage3, { page: 4 }).page).toBe(4);
    expect(updateJobOrderQuery(onPage3, { pageSize: 50 }).page).toBe(1);
  });

  it('tells a filtered list from the default one and clears filters but not the sort', () => {
    expect(hasActiveJobOrderFilters(DEFAULT_JOB_ORDER_QUERY)).toBe(false);
    expect(hasActiveJobOrderFilters({ ...DEFAULT_JOB_ORDER_QUERY, wageAtLeast: 0 })).toBe(true);
    const filtered = { ...DEFAULT_JOB_ORDER_QUERY, keyOnly: true, sort: 'deadline' as const, page: 4 };
    expect(clearJobOrderFilters(filtered)).toEqual({ ...DEFAULT_JOB_ORDER_QUERY, sort: 'deadline' });
  });
});

describe('job-order table sorting', () => {
  it('sorts wages by the low end upwards and the high end downwards', () => {
    expect(toJobOrderSortParam('wage', 'ascend')).toBe('wageMin');
    expect(toJobOrderSortParam('wage', 'descend')).toBe('-wageMax');
    expect(readJobOrderSortOrder('-wageMax', 'wage')).toBe('descend');
    expect(readJobOrderSortOrder('-wageMax', 'deadline')).toBeNull();
  });

  it('offers urgency and remaining places in one direction only', () => {
    expect(listJobOrderSortDirections('urgency')).toEqual(['descend']);
    expect(listJobOrderSortDirections('deadline')).toEqual(['ascend', 'descend']);
    expect(toJobOrderSortParam('urgency', 'ascend')).toBe('-createdAt');
  });

  it('falls back to newest first when the sort is cleared or unknown', () => {
    expect(toJobOrderSortParam('deadline', null)).toBe('-createdAt');
    expect(toJobOrderSortParam('title', 'ascend')).toBe('-createdAt');
    expect(toJobOrderSortParam(undefined, 'descend')).toBe('-createdAt');
  });
});
