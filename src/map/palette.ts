// Colours shared by the map and its legend. Idle categories run from calm (not idle) to alarm
// (recovery), with negotiated disposal apart in violet because it is not the holder's fault.

import { DISPOSALS } from '../vocab';

export type RGBA = [number, number, number, number];

/** Indexed by IDLE_CATEGORY: none, fee, recovery, negotiate. */
export const IDLE_COLORS: readonly RGBA[] = [
  [120, 160, 190, 150],
  [245, 166, 35, 235],
  [214, 48, 39, 240],
  [117, 87, 196, 235],
];

/** UI dictionary keys of the legend rows, in IDLE_COLORS order (the vocabulary's disposal order). */
export const IDLE_LEGEND_KEYS: readonly string[] = DISPOSALS.map((d) => `disposal:${d}`);

/** Parcels drawn before the rules have judged them (the engine is still starting): one neutral grey. */
export const PENDING_PALETTE: readonly RGBA[] = [[120, 130, 140, 150]];

export const PARK_FILL: RGBA = [46, 125, 50, 28];
export const PARK_LINE: RGBA = [46, 125, 50, 220];
export const SELECTED_LINE: RGBA = [20, 20, 20, 255];
/** Parcels of the chosen chain node, and everything else while one is chosen. */
export const HIGHLIGHT: RGBA = [0, 150, 136, 245];
export const HIGHLIGHT_DIM: RGBA = [160, 170, 180, 70];

export function cssColor(c: RGBA): string {
  return `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(2)})`;
}

/** Chain-node highlight: code 0 everything else, 1 the chosen node's parcels. */
export const HIGHLIGHT_PALETTE: readonly RGBA[] = [HIGHLIGHT_DIM, HIGHLIGHT];

/** 亩均 classes by code: 0 not classed, A, B, C, D (green → red, as in the Zhejiang maps). */
export const MUJUN_PALETTE: readonly RGBA[] = [
  [170, 178, 186, 110],
  [26, 152, 80, 235],
  [102, 166, 220, 235],
  [244, 165, 50, 235],
  [215, 48, 39, 240],
];

/**
 * Days until idle by bin code (DAYS_TO_IDLE_BINS, 1-based; 0 no parcel): the nearer the line the
 * hotter, land already idle in a dark plum that reads apart from the countdown, not applicable grey.
 */
export const DAYS_TO_IDLE_PALETTE: readonly RGBA[] = [
  [0, 0, 0, 0],
  [215, 48, 39, 245],
  [244, 109, 67, 240],
  [253, 190, 80, 235],
  [116, 173, 209, 220],
  [118, 42, 131, 235],
  [170, 178, 186, 100],
];

// ---- Park layout overlays -------------------------------------------------------------------
// Cross-county clusters (joint-promotion candidates) in orange, single-county ones in steel blue.

/** The promotion group (组团) chosen in the group panel: its member counties, lightly. */
export const GROUP_FILL: RGBA = [25, 118, 210, 30];
export const GROUP_LINE: RGBA = [25, 118, 210, 220];
export const CLUSTER_MULTI_FILL: RGBA = [230, 120, 20, 35];
export const CLUSTER_MULTI_FILL_SELECTED: RGBA = [230, 120, 20, 70];
export const CLUSTER_MULTI_LINE: RGBA = [220, 100, 0, 230];
export const CLUSTER_SINGLE_FILL: RGBA = [70, 110, 160, 30];
export const CLUSTER_SINGLE_LINE: RGBA = [70, 110, 160, 200];
export const CLUSTER_MULTI_LABEL: RGBA = [170, 70, 0, 255];
export const CLUSTER_SINGLE_LABEL: RGBA = [40, 70, 110, 255];

/** County-overlap lines: opacity grows with the overlap index (0–1); the open pair is dark red. */
export const OVERLAP_LINE_SELECTED: RGBA = [120, 20, 10, 255];
export function overlapLineColor(index: number): RGBA {
  return [192, 57, 43, Math.round(50 + 120 * index)];
}
/** The legend's sample of an overlap line. */
export const OVERLAP_LINE_LEGEND: RGBA = [192, 57, 43, 204];
/** Overlap verdict in the pair panel: at or above the threshold, and below it. */
export const OVERLAP_HIGH: RGBA = [192, 57, 43, 255];
export const OVERLAP_LOW: RGBA = [120, 160, 190, 255];

// ---- Parcels and labels --------------------------------------------------------------------

/** Lightening of the parcel under the pointer. */
export const HOVER_HIGHLIGHT: RGBA = [255, 255, 255, 90];
export const PARK_LABEL: RGBA = [27, 94, 32, 255];
export const COUNTY_LABEL: RGBA = [55, 71, 79, 255];
export const CITY_LABEL: RGBA = [33, 43, 54, 255];
/** Halo around map labels so they read over parcels. */
export const LABEL_OUTLINE: RGBA = [255, 255, 255, 235];

// ---- Basemap and charts (CSS colour strings, as MapLibre styles and ECharts take them) ------

/** The offline basemap: a cool background, warm county fill, counties outside the choice dimmed. */
export const BASEMAP = {
  background: '#e9eef2',
  countyFill: '#fbfaf6',
  countyFillDim: '#eef1f3',
  countyLine: '#8d9ba6',
} as const;

/** The county-overlap heat map, low → high overlap. */
export const OVERLAP_HEAT: readonly string[] = ['#f7fbff', '#fdd49e', '#fc8d59', '#b30000'];

/**
 * Planning limits (规划管控), drawn under the parcels: the usual map colours of 国土空间规划 —
 * farmland yellow-green, the ecological red line red, the urban development boundary a purple
 * line — and 控规 industrial plots in the brown family of GB 50137-2011's M colours, deeper for
 * heavier classes.
 */
export const ZONE_COLORS: Record<string, { fill: RGBA; line: RGBA }> = {
  urban_boundary: { fill: [123, 31, 162, 0], line: [123, 31, 162, 230] },
  permanent_farmland: { fill: [154, 205, 50, 70], line: [85, 139, 47, 220] },
  eco_redline: { fill: [229, 57, 53, 55], line: [198, 40, 40, 240] },
  M1: { fill: [188, 170, 164, 70], line: [141, 110, 99, 200] },
  M2: { fill: [161, 136, 127, 80], line: [109, 76, 65, 210] },
  M3: { fill: [121, 85, 72, 90], line: [78, 52, 46, 220] },
  regulatory_plan: { fill: [189, 189, 189, 50], line: [117, 117, 117, 180] },
};

/** Colours of a zone: its kind's, or for a 控规 plot its industrial class's. */
export function zoneColors(kind: unknown, landClass: unknown): { fill: RGBA; line: RGBA } {
  if (kind === 'regulatory_plan' && typeof landClass === 'string' && ZONE_COLORS[landClass.toUpperCase()]) return ZONE_COLORS[landClass.toUpperCase()];
  return ZONE_COLORS[String(kind)] ?? ZONE_COLORS.regulatory_plan;
}

// 项目选址: ranked candidate sites. The top three in a warm orange that stands out from the
// idle-land colours; the others in the park green; the chosen one ringed in near-black.
export const SITE_TOP: RGBA = [194, 65, 12, 255];
export const SITE_OTHER: RGBA = [27, 94, 32, 255];
export const SITE_OUTLINE: RGBA = [194, 65, 12, 220];
export const SITE_SELECTED: RGBA = [20, 20, 20, 255];
