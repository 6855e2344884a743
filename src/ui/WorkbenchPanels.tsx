// Workbench side panels: map colouring, revitalisation progress, 亩均 class mix, exports.

import { useMemo } from 'preact/hooks';
import { SHEET_NAMES_BY_LANG, type SheetKey } from '../state/catalog';
import { MUJUN_PALETTE, cssColor } from '../map/palette';
import { Chart } from './charts/Chart';
import { fmt } from './format';
import { MUJUN_CLASSES, MUJUN_CLASS_LABELS, TRACKING_STAGES, TRACKING_STAGE_LABELS, countyName } from '../vocab';
import { CHART_WIDTH, legendLayout } from './charts/legend-layout';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';

export function ColorByToggle() {
  const actions = useActions();
  const { t } = useT();
  const colorBy = useAppState((s) => s.workbench.colorBy);
  return (
    <div class="toggle" role="radiogroup" aria-label={t('colorBy')}>
      <span class="muted small">{t('colorBy')}</span>
      {(['idle', 'mujun', 'days_to_idle'] as const).map((c) => (
        <button key={c} class={c === colorBy ? 'chip on' : 'chip'} data-color-by={c} aria-pressed={c === colorBy} onClick={() => actions.setColorBy(c)}>
          {t(c === 'idle' ? 'colorByIdle' : c === 'mujun' ? 'colorByMujun' : 'colorByDaysToIdle')}
        </button>
      ))}
    </div>
  );
}

export function TrackingKpis() {
  const { t, lang } = useT();
  const stages = useAppState((s) => s.workbench.stages);
  const rev = useAppState((s) => s.workbench.revitalised);
  return (
    <section class="chart-box">
      <h3>{t('trackingProgress')}</h3>
      <div class="stage-row" data-testid="tracking-stages">
        {TRACKING_STAGES.map((st) => {
          const c = stages.find((x) => x.stage === st);
          return (
            <div class="stage-kpi" key={st} data-stage={st}>
              <b>{fmt(c?.parcels ?? 0, 0)}</b>
              <span class="small">{TRACKING_STAGE_LABELS[st][lang]}</span>
              <span class="small muted">
                {fmt(c?.mu ?? 0)} {t('mu')}
              </span>
            </div>
          );
        })}
      </div>
      {rev && (
        <p class="small" data-testid="revitalised-year">
          {lang === 'zh'
            ? `${rev.year} 年已收回 ${rev.recovered} 宗 ${fmt(rev.recoveredMu)} 亩，已盘活 ${rev.revitalised} 宗 ${fmt(rev.revitalisedMu)} 亩`
            : `${rev.year}: ${rev.recovered} parcels recovered (${fmt(rev.recoveredMu)} mu), ${rev.revitalised} revitalised (${fmt(rev.revitalisedMu)} mu)`}
        </p>
      )}
    </section>
  );
}

export function MujunMixChart() {
  const actions = useActions();
  const { t, lang } = useT();
  const mix = useAppState((s) => s.workbench.mixByCounty);
  const option = useMemo(() => {
    const rows = mix.filter((r) => r.scored > 0);
    const keys = ['a', 'b', 'c', 'd'] as const;
    const { gridTop } = legendLayout(MUJUN_CLASSES.map((c) => MUJUN_CLASS_LABELS[c][lang]), CHART_WIDTH);
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { fontSize: 11 }, itemWidth: 12, itemHeight: 8, itemGap: 10 },
      grid: { left: 78, right: 14, top: gridTop + 8, bottom: 22 },
      xAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { fontSize: 11, interval: 0, formatter: (c: string) => countyName(c, lang) } },
      series: MUJUN_CLASSES.map((c, i) => ({
        id: c,
        name: MUJUN_CLASS_LABELS[c][lang],
        type: 'bar',
        stack: 'total',
        data: rows.map((r) => r[keys[i]]),
        itemStyle: { color: cssColor(MUJUN_PALETTE[i + 1]) },
        barMaxWidth: 22,
      })),
    };
  }, [mix, lang]);
  return (
    <section class="chart-box">
      <h3>
        {t('mujunMix')} <span class="muted small">({t('enterprisesUnit')})</span>
      </h3>
      <Chart
        option={option}
        height={Math.max(170, 70 + mix.filter((r) => r.scored > 0).length * 22)}
        testid="chart-mujun"
        onClick={(e) => actions.setFilter({ counties: [e.name], parkIds: [] })}
      />
      <p class="muted small">{t('mujunSource')}</p>
    </section>
  );
}

export function ExportBar() {
  const actions = useActions();
  const { t, lang } = useT();
  const exporting = useAppState((s) => s.workbench.exporting);
  const error = useAppState((s) => s.workbench.error);
  const filter = useAppState((s) => s.filter);
  const filtered = Object.values(filter).some((v) => v.length > 0);
  return (
    <section class="chart-box export-bar">
      <h3>{t('export')}</h3>
      <div class="export-row">
        <button class="primary" data-testid="export-xlsx" disabled={exporting} onClick={() => actions.exportLists('xlsx')}>
          {exporting ? t('exporting') : t('exportXlsx')}
        </button>
        <select
          aria-label={t('exportCsvLabel')}
          data-testid="export-csv"
          disabled={exporting}
          value=""
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            if (v) actions.exportLists({ csv: v as SheetKey });
          }}
        >
          <option value="">{t('exportCsv')}</option>
          {(Object.entries(SHEET_NAMES_BY_LANG[lang]) as [SheetKey, string][])
            .filter(([key]) => key !== 'notes')
            .map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
        </select>
      </div>
      <p class="muted small">{filtered ? t('exportFiltered') : t('exportAll')}</p>
      {error && (
        <p class="warn" role="alert" data-testid="workbench-error">
          {error}
        </p>
      )}
    </section>
  );
}
