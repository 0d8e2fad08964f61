import { describe, expect, it } from 'vitest';
import {
  clearWorkerFilters,
  DEFAULT_WORKER_QUERY,
  hasActiveWorkerFilters,
  parseWorkerSearchParams,
  readWorkerSortOrder,
  toWorkerSortParam,
  updateWorkerQuery,
  writeWorkerSearchParams,
} from './list-query.ts';

describe('the worker list query in the URL', () => {
  it('opens on the first page of all workers, newest first', () => {
    expect(parseWorkerSearchParams(new URLSearchParams())).toEqual({
      page: 1,
      pageSize: 20,
      status: 'all',
      sort: '-createdAt',
    });
  });

  it('reads every filter from the URL with its type', () => {
    const query = parseWorkerSearchParams(
      new URLSearchParams(
        'q=%E6%9D%8E&status=available&originRegionCode=5306&districtCode=320509&occupationCode=6-18-02&channel=base&education=senior&ageMin=18&ageMax=45&possibleDuplicate=true&sort=age&page=2&pageSize=50',
      ),
    );
    expect(query).toEqual({
      q: '李',
      status: 'available',
      originRegionCode: '5306',
      districtCode: '320509',
      occupationCode: '6-18-02',
      channel: 'base',
      education: 'senior',
      ageMin: 18,
      ageMax: 45,
      possibleDuplicate: 'true',
      sort: 'age',
      page: 2,
      pageSize: 50,
    });
  });

  it('drops a malformed parameter and keeps the others', () => {
    const query = parseWorkerSearchParams(
      new URLSearchParams('ageMin=12&channel=pigeon&originRegionCode=5&education=senior'),
    );
    expect(query).toEqual({ ...DEFAULT_WORKER_QUERY, education: 'senior' });
  });

  it('writes only what differs from the defaults and survives a round trip', () => {
    expect(writeWorkerSearchParams(DEFAULT_WORKER_QUERY).toString()).toBe('');
    const query = { ...DEFAULT_WORKER_QUERY, originRegionCode: '53', ageMin: 20, sort: 'name' as const };
    const params = writeWorkerSearchParams(query);
    expect(Object.fromEntries(params)).toEqual({ originRegionCode: '53', ageMin: '20', sort: 'name' });
    expect(parseWorkerSearchParams(params)).toEqual(query);
  });
});

describe('changing the worker list', () => {
  it('returns to the first page when a filter changes', () => {
    const onPage2 = { ...DEFAULT_WORKER_QUERY, page: 2 };
    expect(updateWorkerQuery(onPage2, { channel: 'school' }).page).toBe(1);
    expect(updateWorkerQuery(onPage2, { page: 3 }).page).toBe(3);
  });

  it('counts duplicates-only and age bounds as filters, and clears them', () => {
    expect(hasActiveWorkerFilters(DEFAULT_WORKER_QUERY)).toBe(false);
    expect(hasActiveWorkerFilters({ ...DEFAULT_WORKER_QUERY, possibleDuplicate: 'true' })).toBe(true);
    expect(hasActiveWorkerFilters({ ...DEFAULT_WORKER_QUERY, ageMax: 40 })).toBe(true);
    const filtered = { ...DEFAULT_WORKER_QUERY, ageMax: 40, sort: 'name' as const };
    expect(clearWorkerFilters(filtered)).toEqual({ ...DEFAULT_WORKER_QUERY, sort: 'name' });
  });
});

describe('worker table sorting', () => {
  it('maps columns to the sort parameter and back', () => {
    expect(toWorkerSortParam('age', 'descend')).toBe('-age');
    expect(toWorkerSortParam('expectedWage', 'descend')).toBe('-expectedWage');
    expect(toWorkerSortParam('expectedWage', 'ascend')).toBe('-createdAt');
    expect(readWorkerSortOrder('-name', 'name')).toBe('descend');
    expect(readWorkerSortOrder('-name', 'age')).toBeNull();
  });
});
