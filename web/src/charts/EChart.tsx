import type { EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';
import { echarts } from './echarts.ts';

type ClickEvent = { seriesType?: string; data?: unknown };

interface EChartProps {
  /** A pure option from a builder in this folder. */
  readonly option: object;
  readonly style?: CSSProperties;
  readonly onClick?: (event: ClickEvent) => void;
  readonly 'data-testid'?: string;
}

/**
 * A minimal ECharts host: init on mount, replace the option when it changes (notMerge), resize with
 * its box, dispose on unmount. (echarts-for-react 3 requires `tslib` without declaring it; this is
 * the 30 lines of it the app needs.)
 */
export function EChart({ option, style, onClick, 'data-testid': testId }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const instance = echarts.init(element);
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event as ClickEvent));
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // The builders return plain objects typed precisely; ECharts takes its loose option type.
    chart.current?.setOption(option as EChartsCoreOption, { notMerge: true });
  }, [option]);

  return <div ref={host} style={style} data-testid={testId} />;
}
