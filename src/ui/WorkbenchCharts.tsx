// Charts where planners would rather look than read; each bar filters map and tables.

import { useMemo } from 'preact/hooks';
import { IDLE_COLORS, cssColor } from '../map/palette';
import { Chart } from './charts/Chart';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';
import { DISPOSALS, countyName } from '../vocab';
import { CHART_WIDTH, legendLayout } from './charts/legend-layout';

/** Idle disposals with their colour index (IDLE_COLORS follows the vocabulary's disposal order). */
const IDLE_DISPOSALS = DISPOSALS.map((d, i) => [d, i] as const).filter(([d]) => d !== 'none');

function barOption(
  categories: string[],
  series: { id: string; name: string; color: string; data: number[] }[],
  unit: string,
  horizontal: boolean,
  categoryLabel: (c: string) => string = (c) => c,
) {
  // Categories stay the data's names (a click filters by them); only their labels are translated.
  const catAxis = { type: 'category', data: categories, axisLabel: { fontSize: 11, interval: 0, rotate: horizontal ? 0 : 45, formatter: categoryLabel } };
  const { gridTop } = legendLayout(series.map((s) => s.name), CHART_WIDTH, { itemGap: 12 });
  const valAxis = { type: 'value', name: horizontal ? unit : '', nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 10 } };
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontSize: 11 }, itemWidth: 12, itemHeight: 8, itemGap: 12 },
    grid: { left: horizontal ? 78 : 40, right: 14, top: gridTop + (horizontal ? 8 : 10), bottom: horizontal ? 22 : 40 },
    xAxis: horizontal ? valAxis : catAxis,
    yAxis: horizontal ? { ...catAxis, inverse: true } : valAxis,
    series: series.map((s) => ({
      id: s.id,
      name: s.name,
      type: 'bar',
      stack: 'total',
      data: s.data.map((v) => Math.round(v * 10) / 10),
      itemStyle: { color: s.color },
      barMaxWidth: 22,
    })),
  };
}

/** Height the legend takes beyond its first line, added to the chart so the bars keep theirs. */
function legendExtra(code: (c: string) => string): number {
  return (legendLayout(IDLE_DISPOSALS.map(([d]) => code(`disposal:${d}`)), CHART_WIDTH, { itemGap: 12 }).lines - 1) * 18;
}

export function IdleByCountyChart() {
  const actions = useActions();
  const { t, code, lang } = useT();
  const byCounty = useAppState((s) => s.byCounty);
  const option = useMemo(() => {
    const rows = byCounty.filter((r) => r.idle > 0);
    return barOption(
      rows.map((r) => r.name),
      IDLE_DISPOSALS.map(([d, i]) => ({
        id: d,
        name: code(`disposal:${d}`),
        color: cssColor(IDLE_COLORS[i]),
        data: rows.map((r) => (d === 'fee' ? r.feeMu : d === 'recovery' ? r.recoveryMu : r.negotiateMu)),
      })),
      t('mu'),
      true,
      (c) => countyName(c, lang),
    );
  }, [byCounty, lang]);
  return (
    <section class="chart-box">
      <h3>{t('chartIdleByCounty')}</h3>
      <Chart
        option={option}
        height={Math.max(160, 30 + byCounty.filter((r) => r.idle > 0).length * 22) + legendExtra(code)}
        testid="chart-county"
        onClick={(e) => actions.setFilter({ counties: [e.name], parkIds: [], disposals: e.seriesId ? [e.seriesId] : [] })}
      />
    </section>
  );
}

export function IdleBySupplyYearChart() {
  const actions = useActions();
  const { t, code, lang } = useT();
  const rows = useAppState((s) => s.bySupplyYear);
  const option = useMemo(() => {
    const years = [...new Set(rows.map((r) => r.year))].filter((y): y is number => y !== null).sort();
    return barOption(
      years.map(String),
      IDLE_DISPOSALS.map(([d, i]) => ({
        id: d,
        name: code(`disposal:${d}`),
        color: cssColor(IDLE_COLORS[i]),
        data: years.map((y) => rows.find((r) => r.year === y && r.disposal === d)?.mu ?? 0),
      })),
      t('mu'),
      false,
    );
  }, [rows, lang]);
  return (
    <section class="chart-box">
      <h3>
        {t('chartIdleBySupplyYear')} <span class="muted small">({t('mu')})</span>
      </h3>
      <Chart option={option} height={190 + legendExtra(code)} testid="chart-year" onClick={(e) => actions.setFilter({ supplyYears: [Number(e.name)] })} />
    </section>
  );
}
