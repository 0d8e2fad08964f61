import { describe, expect, it } from 'vitest';
import { regionPrefixToPath, toRegionPath, toRegionPrefix } from './region-path.ts';

describe('region codes as cascader paths and filter prefixes', () => {
  it('walks from the province down to a county or a township', () => {
    expect(toRegionPath('320509')).toEqual(['320000', '320500', '320509']);
    expect(toRegionPath('320505001')).toEqual(['320000', '320500', '320505', '320505001']);
    expect(toRegionPath('530600')).toEqual(['530000', '530600']);
    expect(toRegionPath('530000')).toEqual(['530000']);
  });

  it('gives no path for a missing or malformed code', () => {
    expect(toRegionPath(null)).toEqual([]);
    expect(toRegionPath('5306')).toEqual([]);
  });

  it('filters a province or prefecture by its prefix and a county by its code', () => {
    expect(toRegionPrefix('530000')).toBe('53');
    expect(toRegionPrefix('530600')).toBe('5306');
    expect(toRegionPrefix('530621')).toBe('530621');
    expect(toRegionPrefix('320505001')).toBe('320505001');
  });

  it('shows a prefix from the URL as the path it stands for', () => {
    expect(regionPrefixToPath('53')).toEqual(['530000']);
    expect(regionPrefixToPath('5306')).toEqual(['530000', '530600']);
    expect(regionPrefixToPath('530621')).toEqual(['530000', '530600', '530621']);
    expect(regionPrefixToPath(undefined)).toEqual([]);
  });
});
