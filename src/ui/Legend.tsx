import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { type MujunLegendKey, mujunClassTotals } from '../state/mujun-legend';
import {
  CLUSTER_MULTI_LINE,
  CLUSTER_SINGLE_LINE,
  GROUP_LINE,
  HIGHLIGHT,
  IDLE_COLORS,
  IDLE_LEGEND_KEYS,
  MUJUN_PALETTE,
  OVERLAP_LINE_LEGEND,
  PARK_LINE,
  cssColor,
} from '../map/palette';
import { fmt } from './format';
import { useT } from './i18n';
import { useAppState } from '../state/context';
import { placeInfo } from '../state/place-info';
import { selectedGroup } from '../state/group-selectors';
import { MUJUN_CLASSES, MUJUN_CLASS_LABELS } from '../vocab';

/** A legend panel whose title folds it away when it covers parcels the planner wants to see. */
function LegendBox(props: { title: string; children: ComponentChildren }) {
  const { t } = useT();
  // On a small screen the legend starts folded: open, it would cover a quarter of a 1366 px map.
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < 1440);
  return (
    <div class={collapsed ? 'legend collapsed' : 'legend'} data-testid="legend">
      <h4>
        <button type="button" class="legend-toggle" aria-expanded={!collapsed} title={t('legendToggle')} data-testid="legend-toggle" onClick={() => setCollapsed(!collapsed)}>
          <span aria-hidden="true">{collapsed ? '▸ ' : '▾ '}</span>
          {props.title}
        </button>
      </h4>
      {props.children}
    </div>
  );
}

function Row(props: { color: string; label: string; outline?: boolean; line?: boolean }) {
  return (
    <div class="legend-row">
      <i
        class={props.outline ? 'swatch outline' : props.line ? 'swatch line' : 'swatch'}
        style={props.outline ? { borderColor: props.color } : { background: props.color }}
      />
      <span>{props.label}</span>
    </div>
  );
}

export function Legend() {
  const synthetic = useAppState((s) => placeInfo(s, 'zh').synthetic);
  const { t, lang } = useT();
  const mode = useAppState((s) => s.mode);
  const colorBy = useAppState((s) => s.workbench.colorBy);
  const group = useAppState(selectedGroup);
  if (mode === 'layout') {
    return (
      <LegendBox title={t('legendLayout')}>
        <Row color={cssColor(CLUSTER_MULTI_LINE)} label={t('legendPromo')} outline />
        <Row color={cssColor(CLUSTER_SINGLE_LINE)} label={t('legendPromoOther')} outline />
        <Row color={cssColor(OVERLAP_LINE_LEGEND)} label={t('legendPairLine')} line />
        <div class="small muted legend-note">{t('legendPairLineNote')}</div>
        <Row color={cssColor(HIGHLIGHT)} label={t('legendHighlight')} />
        {group && <Row color={cssColor(GROUP_LINE)} label={`${t('legendGroup')}${lang === 'zh' ? '：' : ': '}${group.name}`} outline />}
        <div class="source-line">{t(synthetic ? 'sourceLine' : 'sourceLineOwn')}</div>
      </LegendBox>
    );
  }
  if (mode === 'workbench' && colorBy === 'mujun') {
    return <MujunLegend />;
  }
  return <IdleLegend />;
}

/** A/B/C/D with the count of enterprises and their land in each class, under the current filter. */
function MujunLegend() {
  const synthetic = useAppState((s) => placeInfo(s, 'zh').synthetic);
  const { t, lang } = useT();
  const mix = useAppState((s) => s.workbench.mixByCounty);
  const totals = useMemo(() => mujunClassTotals(mix), [mix]);
  const count = (k: MujunLegendKey) =>
    t('mujunLegendUnit').replace('{n}', fmt(totals[k].enterprises, 0)).replace('{mu}', fmt(totals[k].landMu, 0));
  return (
    <LegendBox title={t('legendMujun')}>
      {[...MUJUN_CLASSES, 'unclassed' as const].map((c, i) => (
        <div class="legend-row" key={c}>
          <i class="swatch" style={{ background: cssColor(MUJUN_PALETTE[c === 'unclassed' ? 0 : i + 1]) }} />
          <span>{c === 'unclassed' ? t('notClassed') : MUJUN_CLASS_LABELS[c][lang]}</span>
          <span class="legend-count" data-testid={`legend-mujun-${c}`}>
            {count(c)}
          </span>
        </div>
      ))}
      <div class="small muted legend-note">{t('mujunLegendNote')}</div>
      <div class="source-line">{t(synthetic ? 'sourceLine' : 'sourceLineOwn')}</div>
    </LegendBox>
  );
}

function IdleLegend() {
  const synthetic = useAppState((s) => placeInfo(s, 'zh').synthetic);
  const { t, code, lang } = useT();
  const group = useAppState(selectedGroup);
  const totals = useAppState((s) => s.totals);
  const counts = totals
    ? [totals.parcels - totals.idle, totals.fee, totals.recovery, totals.negotiate]
    : [null, null, null, null];
  return (
    <LegendBox title={t('legend')}>
      {IDLE_LEGEND_KEYS.map((k, i) => (
        <div class="legend-row" key={k}>
          <i class="swatch" style={{ background: cssColor(IDLE_COLORS[i]) }} />
          <span>{code(k)}</span>
          <span class="legend-count" data-testid={`legend-${k.split(':')[1]}`}>
            {fmt(counts[i], 0)}
          </span>
        </div>
      ))}
      <div class="legend-row">
        <i class="swatch outline" style={{ borderColor: cssColor(PARK_LINE) }} />
        <span>{t('parks')}</span>
      </div>
      {group && <Row color={cssColor(GROUP_LINE)} label={`${t('legendGroup')}${lang === 'zh' ? '：' : ': '}${group.name}`} outline />}
      <div class="source-line">{t(synthetic ? 'sourceLine' : 'sourceLineOwn')}</div>
    </LegendBox>
  );
}
