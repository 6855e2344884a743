// What the map legend says for the view on screen: its title, rows (colour, label, count) and
// notes, in the UI language. The legend panel (Legend.tsx) and the exported map picture both
// draw from this, so a picture always carries the legend the planner saw.

import { type Lang, codeLabel, translate } from '../i18n/dict';
import type { LegendRowContent } from '../map/picture-layout';
import {
  CLUSTER_MULTI_LINE,
  CLUSTER_SINGLE_LINE,
  GROUP_LINE,
  HIGHLIGHT,
  DAYS_TO_IDLE_PALETTE,
  IDLE_COLORS,
  IDLE_LEGEND_KEYS,
  MUJUN_PALETTE,
  OVERLAP_LINE_LEGEND,
  PARK_LINE,
} from '../map/palette';
import type { AppState } from '../state/app-state';
import { mujunClassTotals } from '../state/mujun-legend';
import { placeInfo } from '../state/place-info';
import { DAYS_TO_IDLE_BINS, DAYS_TO_IDLE_LABELS, MUJUN_CLASSES, MUJUN_CLASS_LABELS, PUNCTUATION } from '../vocab';
import { selectedGroup } from '../state/group-selectors';
import { fmt } from './format';
import { AVAILABLE_FILL } from '../map/supply-layer';
import { SUPPLY_MODES } from '../state/supply-state';
import { type SitingLegendInputs, sitingLegendRows } from './siting-legend';

export interface LegendRow extends LegendRowContent {
  /** Stable key (and the row's test id: `legend-<testId>`), when the row has a count. */
  testId?: string;
  /** A small note printed under this row. */
  note?: string;
}

export interface LegendModel {
  title: string;
  rows: LegendRow[];
  /** Notes after the rows. */
  notes: string[];
  /** The data source line (示例数据 or the workspace's own data). */
  source: string;
}

type LegendInputs = Pick<AppState, 'mode' | 'workbench' | 'totals' | 'region' | 'workspaces' | 'group' | 'work' | 'dataGroups' | 'layers'> & SitingLegendInputs;

export function legendModel(s: LegendInputs, lang: Lang): LegendModel {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const source = t(placeInfo(s, lang).synthetic ? 'sourceLine' : 'sourceLineOwn');
  // The promotion group shown (组团), outlined on the map in every mode.
  const shown = selectedGroup(s);
  const groupRows: LegendRow[] = shown ? [{ colour: GROUP_LINE, label: `${t('legendGroup')}${PUNCTUATION[lang].colon}${shown.name}`, swatch: 'outline' }] : [];
  // Unsupplied park land (map/supply-layer.ts), where the mode draws it and its layer is on.
  const availableRows: LegendRow[] =
    SUPPLY_MODES.includes(s.mode) && s.layers.available
      ? [{ colour: AVAILABLE_FILL, label: t('legendAvailable'), swatch: 'fill', testId: 'available', note: t('legendAvailableNote') }]
      : [];
  if (s.mode === 'layout') {
    return {
      title: t('legendLayout'),
      rows: [
        { colour: CLUSTER_MULTI_LINE, label: t('legendPromo'), swatch: 'outline' },
        { colour: CLUSTER_SINGLE_LINE, label: t('legendPromoOther'), swatch: 'outline' },
        { colour: OVERLAP_LINE_LEGEND, label: t('legendPairLine'), swatch: 'line', note: t('legendPairLineNote') },
        { colour: HIGHLIGHT, label: t('legendHighlight'), swatch: 'fill' },
        ...availableRows,
        ...groupRows,
      ],
      notes: [],
      source,
    };
  }
  if (s.mode === 'workbench' && s.workbench.colorBy === 'mujun') {
    const totals = mujunClassTotals(s.workbench.mixByCounty);
    const classes = [...MUJUN_CLASSES, 'unclassed' as const];
    return {
      title: t('legendMujun'),
      rows: classes.map((c, i) => ({
        colour: MUJUN_PALETTE[c === 'unclassed' ? 0 : i + 1],
        label: c === 'unclassed' ? t('notClassed') : MUJUN_CLASS_LABELS[c][lang],
        count: t('mujunLegendUnit').replace('{n}', fmt(totals[c].enterprises, 0)).replace('{mu}', fmt(totals[c].landMu, 0)),
        swatch: 'fill',
        testId: `mujun-${c}`,
      })),
      ...groupRows,
      notes: [t('mujunLegendNote')],
      source,
    };
  }
  if (s.mode === 'workbench' && s.workbench.colorBy === 'days_to_idle') {
    const bins = s.workbench.warnings.bins;
    const counts = new Array<number>(DAYS_TO_IDLE_BINS.length + 1).fill(0);
    if (bins) for (const b of bins) counts[b]++;
    return {
      title: t('legendDaysToIdle'),
      rows: DAYS_TO_IDLE_BINS.map((b, i) => ({
        colour: DAYS_TO_IDLE_PALETTE[i + 1],
        label: DAYS_TO_IDLE_LABELS[b][lang],
        count: bins ? fmt(counts[i + 1], 0) : '…',
        swatch: 'fill' as const,
        testId: `days-${b}`,
      })),
      ...groupRows,
      notes: [t('legendDaysToIdleNote')],
      source,
    };
  }
  const totals = s.totals;
  const counts = totals ? [totals.parcels - totals.idle, totals.fee, totals.recovery, totals.negotiate] : [null, null, null, null];
  return {
    title: t('legend'),
    rows: [
      ...IDLE_LEGEND_KEYS.map((k, i) => ({
        colour: IDLE_COLORS[i],
        label: codeLabel(lang, k),
        count: fmt(counts[i], 0),
        swatch: 'fill' as const,
        testId: k.split(':')[1],
      })),
      { colour: PARK_LINE, label: t('parks'), swatch: 'outline' },
      ...availableRows,
      ...sitingLegendRows(s, lang),
      ...groupRows,
    ],
    notes: [],
    source,
  };
}
