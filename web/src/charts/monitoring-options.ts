/**
 * Pure ECharts option builders of the monitoring pages (no DOM, unit-tested): the district map with
 * enterprise points, the district trends of shortage rate and 求人倍率, and one enterprise's
 * monthly history. Colours are the three-colour map's (绿/黄/红, grey = no report). Animation is
 * off: these are working charts read at a glance (and printed or screenshotted), where a drawing
 * animation only delays the figures and leaves captures half-drawn.
 */
export type Colour = 'green' | 'yellow' | 'red' | 'none';

export const COLOUR_HEX: Readonly<Record<Colour, string>> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  none: '#bfbfbf',
};

/** The registered map name of the boundaries (ECharts `registerMap`). */
export const MAP_NAME = 'yonggong-districts';

export interface DistrictFigure {
  readonly districtCode: string;
  readonly name: string;
  readonly colour: Colour;
  readonly shortageRate: number | null;
  readonly counts: {
    readonly green: number;
    readonly yellow: number;
    readonly red: number;
    readonly none: number;
  };
}

export interface EnterprisePoint {
  readonly enterpriseId: string;
  readonly name: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly colour: Colour;
  readonly shortageRate: number | null;
}

/** "12.3%" or "—". */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/**
 * The map: districts filled by their colour (a district's aggregate rate), enterprise points
 * coloured by their own. `notice` (the boundaries' source, e.g. "示意边界，非测绘成果") is drawn on
 * the chart itself so that no screenshot of the map loses it.
 */
export function buildDistrictMapOption(input: {
  readonly districts: readonly DistrictFigure[];
  readonly points: readonly EnterprisePoint[];
  readonly notice: string;
  readonly rateLabel: string;
  readonly selectedDistrictCode?: string | null;
}) {
  const pointsWithPlace = input.points.filter((p) => p.latitude !== null && p.longitude !== null);
  return {
    animation: false,
    tooltip: { trigger: 'item' as const },
    geo: {
      map: MAP_NAME,
      roam: true,
      nameProperty: 'name',
      label: { show: true, fontSize: 11 },
      itemStyle: { borderColor: '#595959', borderWidth: 0.8 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#e6f4ff' } },
      regions: input.districts.map((d) => ({
        name: d.name,
        itemStyle: {
          areaColor: `${COLOUR_HEX[d.colour]}55`,
          borderWidth: d.districtCode === input.selectedDistrictCode ? 2.5 : 0.8,
        },
      })),
    },
    series: [
      {
        type: 'map' as const,
        map: MAP_NAME,
        geoIndex: 0,
        data: input.districts.map((d) => ({
          name: d.name,
          value: d.shortageRate === null ? null : Math.round(d.shortageRate * 1000) / 10,
          districtCode: d.districtCode,
          tooltip: {
            formatter: `${d.name}<br/>${input.rateLabel} ${formatPercent(d.shortageRate)}<br/>🟥 ${d.counts.red} 🟨 ${d.counts.yellow} 🟩 ${d.counts.green}`,
          },
        })),
      },
      {
        type: 'scatter' as const,
        coordinateSystem: 'geo' as const,
        symbolSize: 7,
        data: pointsWithPlace.map((p) => ({
          name: p.name,
          value: [
            p.longitude,
            p.latitude,
            p.shortageRate === null ? null : Math.round(p.shortageRate * 1000) / 10,
          ],
          enterpriseId: p.enterpriseId,
          itemStyle: { color: COLOUR_HEX[p.colour], borderColor: '#fff', borderWidth: 0.5 },
          tooltip: { formatter: `${p.name}<br/>${input.rateLabel} ${formatPercent(p.shortageRate)}` },
        })),
      },
    ],
    graphic: [
      {
        type: 'text' as const,
        left: 8,
        bottom: 8,
        style: { text: input.notice, fill: '#8c8c8c', fontSize: 12 },
      },
    ],
  };
}

export interface TrendSeries {
  readonly name: string;
  readonly points: readonly {
    readonly month: string;
    readonly shortageRate: number | null;
    readonly seekerRatio: number | null;
  }[];
}

/** Shortage rate (left axis, %) and 求人倍率 (right axis) by month, one line per series each. */
export function buildTrendOption(input: {
  readonly series: readonly TrendSeries[];
  readonly rateLabel: string;
  readonly ratioLabel: string;
}) {
  const months = input.series[0]?.points.map((p) => p.month) ?? [];
  return {
    animation: false,
    tooltip: { trigger: 'axis' as const },
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category' as const, data: months },
    yAxis: [
      { type: 'value' as const, name: input.rateLabel, axisLabel: { formatter: '{value}%' } },
      { type: 'value' as const, name: input.ratioLabel, splitLine: { show: false } },
    ],
    series: input.series.flatMap((s) => [
      {
        type: 'line' as const,
        name: `${s.name} ${input.rateLabel}`,
        yAxisIndex: 0,
        connectNulls: false,
        data: s.points.map((p) => (p.shortageRate === null ? null : Math.round(p.shortageRate * 1000) / 10)),
      },
      {
        type: 'line' as const,
        name: `${s.name} ${input.ratioLabel}`,
        yAxisIndex: 1,
        lineStyle: { type: 'dashed' as const },
        data: s.points.map((p) => (p.seekerRatio === null ? null : Math.round(p.seekerRatio * 100) / 100)),
      },
    ]),
  };
}

/** One enterprise: planned vs actual headcount (bars) and the shortage rate coloured by month. */
export function buildHistoryOption(input: {
  readonly points: readonly {
    readonly month: string;
    readonly plannedHeadcount: number;
    readonly actualHeadcount: number;
    readonly shortageRate: number | null;
    readonly colour: Colour;
  }[];
  readonly thresholds: { readonly yellowFrom: number; readonly redAbove: number };
  readonly labels: { readonly planned: string; readonly actual: string; readonly rate: string };
}) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category' as const, data: input.points.map((p) => p.month) },
    yAxis: [
      { type: 'value' as const, name: input.labels.planned },
      {
        type: 'value' as const,
        name: input.labels.rate,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar' as const,
        name: input.labels.planned,
        data: input.points.map((p) => p.plannedHeadcount),
        itemStyle: { color: '#d9d9d9' },
      },
      {
        type: 'bar' as const,
        name: input.labels.actual,
        data: input.points.map((p) => p.actualHeadcount),
        itemStyle: { color: '#91caff' },
      },
      {
        type: 'line' as const,
        name: input.labels.rate,
        yAxisIndex: 1,
        data: input.points.map((p) => ({
          value: p.shortageRate === null ? null : Math.round(p.shortageRate * 1000) / 10,
          itemStyle: { color: COLOUR_HEX[p.colour] },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            { yAxis: input.thresholds.yellowFrom * 100, lineStyle: { color: COLOUR_HEX.yellow } },
            { yAxis: input.thresholds.redAbove * 100, lineStyle: { color: COLOUR_HEX.red } },
          ],
        },
      },
    ],
  };
}
