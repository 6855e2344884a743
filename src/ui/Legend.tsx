import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { cssColor } from '../map/palette';
import { useLang, useT } from './i18n';
import { useAppState } from '../state/context';
import { type LegendRow, legendModel } from './legend-model';

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

function Row(props: { row: LegendRow }) {
  const { row } = props;
  const colour = cssColor(row.colour);
  return (
    <>
      <div class="legend-row">
        <i
          class={row.swatch === 'outline' ? 'swatch outline' : row.swatch === 'line' ? 'swatch line' : 'swatch'}
          style={row.swatch === 'outline' ? { borderColor: colour } : { background: colour }}
        />
        <span>{row.label}</span>
        {row.count !== undefined && (
          <span class="legend-count" data-testid={row.testId ? `legend-${row.testId}` : undefined}>
            {row.count}
          </span>
        )}
      </div>
      {row.note && <div class="small muted legend-note">{row.note}</div>}
    </>
  );
}

/** The legend of the view on screen (legend-model.ts, shared with the exported picture). */
export function Legend() {
  const lang = useLang();
  const mode = useAppState((s) => s.mode);
  const workbench = useAppState((s) => s.workbench);
  const totals = useAppState((s) => s.totals);
  const region = useAppState((s) => s.region);
  const workspaces = useAppState((s) => s.workspaces);
  const group = useAppState((s) => s.group);
  const work = useAppState((s) => s.work);
  const dataGroups = useAppState((s) => s.dataGroups);
  const layers = useAppState((s) => s.layers);
  const zones = useAppState((s) => s.zones);
  const siting = useAppState((s) => s.siting);
  const model = useMemo(
    () => legendModel({ mode, workbench, totals, region, workspaces, group, work, dataGroups, layers, zones, siting }, lang),
    [mode, workbench, totals, region, workspaces, lang, group, work, dataGroups, layers, zones, siting],
  );
  return (
    <LegendBox title={model.title}>
      {model.rows.map((row) => (
        <Row key={row.label} row={row} />
      ))}
      {model.notes.map((n) => (
        <div key={n} class="small muted legend-note">
          {n}
        </div>
      ))}
      <div class="source-line">{model.source}</div>
    </LegendBox>
  );
}
