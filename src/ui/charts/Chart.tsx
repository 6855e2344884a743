// A thin Preact wrapper around an ECharts instance: options in, clicks out.

import { useEffect, useRef } from 'preact/hooks';
import { echarts } from './echarts';

/** Live charts by test id, so end-to-end tests can click a bar where a person would. */
export const chartRegistry: Record<string, ReturnType<typeof echarts.init>> = {};

export interface ChartClick {
  name: string;
  seriesName?: string;
  seriesId?: string;
  value?: unknown;
  data?: unknown;
}

export function Chart(props: { option: Record<string, unknown>; height: number; onClick?: (e: ChartClick) => void; testid?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onClick = useRef(props.onClick);
  onClick.current = props.onClick;

  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    if (props.testid) chartRegistry[props.testid] = c;
    c.on('click', (e) => onClick.current?.(e as unknown as ChartClick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      if (props.testid && chartRegistry[props.testid] === c) delete chartRegistry[props.testid];
      c.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  return <div ref={el} class="chart" style={{ height: `${props.height}px` }} data-testid={props.testid} />;
}
