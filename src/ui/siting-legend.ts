// Legend rows of the 招商选址 mode: the ranked candidate sites and the imported planning limits
// (规划管控) drawn under them. Shared by the screen legend and the exported picture through
// legend-model.ts.

import { translate, type Lang } from '../i18n/dict';
import { SITE_OTHER, SITE_TOP, zoneColors } from '../map/palette';
import type { AppState } from '../state/app-state';
import { INDUSTRIAL_CLASSES, INDUSTRIAL_CLASS_LABELS, ZONE_KINDS, ZONE_KIND_LABELS } from '../vocab';
import type { LegendRowContent } from '../map/picture-layout';

/** A legend row (legend-model.ts's LegendRow, which this file must not import: that file imports this one). */
type LegendRow = LegendRowContent & { testId?: string };

export type SitingLegendInputs = Pick<AppState, 'mode' | 'layers' | 'zones' | 'siting'>;

export function sitingLegendRows(s: SitingLegendInputs, lang: Lang): LegendRow[] {
  if (s.mode !== 'siting') return [];
  const rows: LegendRow[] = [];
  const ranked = s.siting.match?.result.ranked.length ?? 0;
  if (ranked > 0) {
    rows.push({ colour: SITE_TOP, label: translate(lang, 'legendSiteTop'), swatch: 'fill', testId: 'site-top' });
    if (ranked > 3) rows.push({ colour: SITE_OTHER, label: translate(lang, 'legendSiteOther'), swatch: 'fill', testId: 'site-other' });
  }
  if (s.layers.zones && s.zones) {
    const kinds = new Set(s.zones.features.map((f) => String(f.properties?.kind)));
    const classes = new Set(s.zones.features.filter((f) => f.properties?.kind === 'regulatory_plan').map((f) => String(f.properties?.land_class ?? '').toUpperCase()));
    for (const k of ZONE_KINDS) {
      if (k === 'regulatory_plan' || !kinds.has(k)) continue;
      const c = zoneColors(k, null);
      rows.push({ colour: k === 'urban_boundary' ? c.line : c.fill, label: ZONE_KIND_LABELS[k][lang], swatch: k === 'urban_boundary' ? 'outline' : 'fill', testId: `zone-${k}` });
    }
    for (const m of INDUSTRIAL_CLASSES) {
      if (classes.has(m)) rows.push({ colour: zoneColors('regulatory_plan', m).fill, label: INDUSTRIAL_CLASS_LABELS[m][lang], swatch: 'fill', testId: `zone-${m}` });
    }
  }
  return rows;
}
