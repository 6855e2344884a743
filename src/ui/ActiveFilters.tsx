// Every active filter as a removable chip, so a filtered view never passes for the whole region.

import type { ParcelFilter } from '../state/app-state';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';

export function ActiveFilters() {
  const actions = useActions();
  const { t, code, place } = useT();
  const f = useAppState((s) => s.filter);
  const parks = useAppState((s) => s.parkOptions);
  const chips: { key: string; label: string; remove: Partial<ParcelFilter> }[] = [
    ...f.counties.map((c) => ({ key: `c-${c}`, label: place(c), remove: { counties: f.counties.filter((x) => x !== c), parkIds: [] } })),
    ...f.parkIds.map((p) => ({ key: `p-${p}`, label: parks.find((x) => x.park_id === p)?.name ?? p, remove: { parkIds: [] } })),
    ...f.idleTypes.map((v) => ({ key: `i-${v}`, label: code(`idle:${v}`), remove: { idleTypes: f.idleTypes.filter((x) => x !== v) } })),
    ...f.disposals.map((v) => ({ key: `d-${v}`, label: code(`disposal:${v}`), remove: { disposals: f.disposals.filter((x) => x !== v) } })),
    ...f.statuses.map((v) => ({ key: `s-${v}`, label: code(v), remove: { statuses: f.statuses.filter((x) => x !== v) } })),
    ...f.supplyYears.map((y) => ({ key: `y-${y}`, label: `${t('supplyYear')} ${y}`, remove: { supplyYears: f.supplyYears.filter((x) => x !== y) } })),
    ...f.quality.map((v) => ({ key: `q-${v}`, label: t('dataQuality'), remove: { quality: f.quality.filter((x) => x !== v) } })),
  ];
  if (chips.length === 0) return null;
  return (
    <div class="active-filters" data-testid="active-filters">
      <span class="muted small">{t('filteredBy')}</span>
      {chips.map((c) => (
        <button key={c.key} class="chip on" onClick={() => actions.setFilter(c.remove)} title={t('removeFilter')}>
          {c.label} ×
        </button>
      ))}
      <button class="link small" onClick={() => actions.clearFilter()}>
        {t('clearFilters')}
      </button>
    </div>
  );
}
