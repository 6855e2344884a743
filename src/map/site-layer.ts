// Ranked candidate sites of 项目选址 on the map: their outlines, and numbered discs a click on
// which chooses the site (MapView tells a disc from a parcel by SITE_MARKER_LAYER).

import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { LABEL_FONT } from './label-font';
import { SITE_OTHER, SITE_OUTLINE, SITE_SELECTED, SITE_TOP } from './palette';

/** A ranked candidate site on the map (项目选址). */
export interface SiteMarker {
  site_id: string;
  rank: number;
  position: [number, number];
  /** Its outline rings (WGS84), when the site has a shape. */
  rings?: readonly [number, number][][];
  selected: boolean;
}

/** Layer id of the candidate markers: a click on one chooses the site, not a parcel. */
export const SITE_MARKER_LAYER = 'siting-markers';

export /** Outlines and numbered discs of the ranked candidate sites, the chosen one ringed. */
function siteLayers(sites: readonly SiteMarker[]): Layer[] {
  const key = sites.map((s) => `${s.site_id}:${s.selected ? 1 : 0}`).join();
  const outlines = sites.flatMap((s) => (s.rings ?? []).map((ring) => ({ ring, selected: s.selected })));
  // Drawn last first, so the best-ranked disc lies on top where two overlap.
  const discs = [...sites].sort((a, b) => b.rank - a.rank);
  return [
    new PathLayer<{ ring: readonly [number, number][]; selected: boolean }>({
      id: 'siting-outlines',
      data: outlines,
      getPath: (d) => d.ring as [number, number][],
      getColor: (d) => (d.selected ? SITE_SELECTED : SITE_OUTLINE),
      widthUnits: 'pixels',
      getWidth: (d) => (d.selected ? 3 : 2),
      updateTriggers: { getColor: key, getWidth: key },
    }),
    new ScatterplotLayer<SiteMarker>({
      id: SITE_MARKER_LAYER,
      data: discs,
      getPosition: (d) => d.position,
      getRadius: (d) => (d.selected ? 13 : 11),
      radiusUnits: 'pixels',
      getFillColor: (d) => (d.rank <= 3 ? SITE_TOP : SITE_OTHER),
      stroked: true,
      getLineColor: (d) => (d.selected ? SITE_SELECTED : [255, 255, 255, 255]),
      lineWidthUnits: 'pixels',
      getLineWidth: (d) => (d.selected ? 3 : 1.5),
      pickable: true,
      updateTriggers: { getRadius: key, getLineColor: key, getLineWidth: key },
    }),
    new TextLayer<SiteMarker>({
      id: 'siting-numbers',
      data: discs,
      getPosition: (d) => d.position,
      getText: (d) => String(d.rank),
      getSize: 12,
      getColor: [255, 255, 255, 255],
      fontFamily: LABEL_FONT,
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}
