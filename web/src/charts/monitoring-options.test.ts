import { describe, expect, it } from 'vitest';
import {
  buildDistrictMapOption,
  buildHistoryOption,
  buildTrendOption,
  COLOUR_HEX,
  formatPercent,
  MAP_NAME,
} from './monitoring-options.ts';

const counts = { green: 3, yellow: 1, red: 2, none: 0 };

describe('monitoring chart options', () => {
  it('fills districts by colour, places coloured points, and prints the boundary notice', () => {
    const option = buildDistrictMapOption({
      districts: [
        { districtCode: '320509', name: '吴江区', colour: 'red', shortageRate: 0.163, counts },
        { districtCode: '320507', name: '相城区', colour: 'green', shortageRate: null, counts },
      ],
      points: [
        {
          enterpriseId: 'a',
          name: '甲',
          latitude: 31.1,
          longitude: 120.6,
          colour: 'yellow',
          shortageRate: 0.05,
        },
        { enterpriseId: 'b', name: '乙', latitude: null, longitude: null, colour: 'red', shortageRate: 0.3 },
      ],
      notice: '示意边界，非测绘成果',
      rateLabel: '缺工率',
      selectedDistrictCode: '320509',
    });
    expect(option.geo.map).toBe(MAP_NAME);
    expect(option.geo.regions[0]).toMatchObject({
      name: '吴江区',
      itemStyle: { areaColor: `${COLOUR_HEX.red}55`, borderWidth: 2.5 },
    });
    expect(option.series[0]?.data[0]).toMatchObject({ name: '吴江区', value: 16.3, districtCode: '320509' });
    expect(option.series[0]?.data[1]?.value).toBeNull();
    // A point without coordinates is left off the map (it stays in the list).
    expect(option.series[1]?.data).toHaveLength(1);
    expect(option.series[1]?.data[0]).toMatchObject({
      enterpriseId: 'a',
      itemStyle: { color: COLOUR_HEX.yellow },
    });
    expect(option.graphic[0]?.style.text).toBe('示意边界，非测绘成果');
  });

  it('draws rate and 求人倍率 on two axes per series', () => {
    const option = buildTrendOption({
      series: [
        {
          name: '全市',
          points: [
            { month: '2026-01', shortageRate: 0.0512, seekerRatio: 1.456 },
            { month: '2026-02', shortageRate: null, seekerRatio: null },
          ],
        },
      ],
      rateLabel: '缺工率',
      ratioLabel: '求人倍率',
    });
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(option.series).toHaveLength(2);
    expect(option.series[0]?.data).toEqual([5.1, null]);
    expect(option.series[1]).toMatchObject({ yAxisIndex: 1, data: [1.46, null] });
  });

  it('marks the thresholds on the enterprise history', () => {
    const option = buildHistoryOption({
      points: [
        { month: '2026-02', plannedHeadcount: 100, actualHeadcount: 80, shortageRate: 0.2, colour: 'red' },
      ],
      thresholds: { yellowFrom: 0.05, redAbove: 0.15 },
      labels: { planned: '计划', actual: '实有', rate: '缺工率' },
    });
    expect(option.series[2]?.markLine?.data.map((d) => d.yAxis)).toEqual([5, 15]);
    expect(option.series[2]?.data[0]).toEqual({ value: 20, itemStyle: { color: COLOUR_HEX.red } });
  });

  it('draws every chart without animation, so it is complete at once (and in screenshots)', () => {
    const map = buildDistrictMapOption({ districts: [], points: [], notice: '', rateLabel: '' });
    const trend = buildTrendOption({ series: [], rateLabel: '', ratioLabel: '' });
    const history = buildHistoryOption({
      points: [],
      thresholds: { yellowFrom: 0.05, redAbove: 0.15 },
      labels: { planned: '', actual: '', rate: '' },
    });
    expect([map.animation, trend.animation, history.animation]).toEqual([false, false, false]);
  });

  it('formats rates as percentages with one decimal', () => {
    expect(formatPercent(0.15)).toBe('15.0%');
    expect(formatPercent(0.0499)).toBe('5.0%');
    expect(formatPercent(null)).toBe('—');
  });
});
