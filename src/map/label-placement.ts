// Where each map name is written at a given zoom: a greedy placement in order of importance
// (city > county > cluster > park), each label trying a few positions around its point and
// taking the first whose box is free. Cartographic practice (Imhof's placement rules, and the
// text-variable-anchor of MapLibre symbol layers) prefers the label centred on an area's point,
// then above, below, right and left of it. City and county names are never dropped — if every
// position is taken they keep the least crowded one — so the names a planner navigates by always
// show; clusters and parks give way.
//
// Placement depends on the zoom only (not on the centre): boxes are laid out in Web Mercator
// pixels, so the result is reused while the map is panned.

export type LabelRank = 'city' | 'county' | 'cluster' | 'park';

/** Higher wins. */
export const RANK_PRIORITY: Record<LabelRank, number> = { city: 4, county: 3, cluster: 2, park: 1 };

/** Ranks that are moved, never dropped. */
const KEPT: ReadonlySet<LabelRank> = new Set(['city', 'county']);

export interface LabelRequest {
  key: string;
  rank: LabelRank;
  position: [number, number];
  text: string;
  /** Font size in CSS pixels (before the wall screen's scale). */
  size: number;
  /** Hidden below this zoom. */
  minZoom?: number;
  /** Hidden from this zoom on. */
  maxZoom?: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';
export type Baseline = 'top' | 'center' | 'bottom';

export interface Placement {
  anchor: TextAnchor;
  baseline: Baseline;
  /** Pixel offset of the text from its point (already scaled). */
  offset: [number, number];
}

export type PlacedLabel = LabelRequest & Placement;

interface Candidate {
  anchor: TextAnchor;
  baseline: Baseline;
  /** Offset direction: the gap between point and text is added along it. */
  dx: -1 | 0 | 1;
  dy: -1 | 0 | 1;
}

const CANDIDATES: readonly Candidate[] = [
  { anchor: 'middle', baseline: 'center', dx: 0, dy: 0 },
  { anchor: 'middle', baseline: 'bottom', dx: 0, dy: -1 },
  { anchor: 'middle', baseline: 'top', dx: 0, dy: 1 },
  { anchor: 'start', baseline: 'center', dx: 1, dy: 0 },
  { anchor: 'end', baseline: 'center', dx: -1, dy: 0 },
  { anchor: 'start', baseline: 'bottom', dx: 1, dy: -1 },
  { anchor: 'end', baseline: 'bottom', dx: -1, dy: -1 },
  { anchor: 'start', baseline: 'top', dx: 1, dy: 1 },
  { anchor: 'end', baseline: 'top', dx: -1, dy: 1 },
];

/** Gap between a point and a label moved off it, and padding around every box, in pixels. */
const GAP = 6;
const PAD = 3;

/** Web Mercator pixels at `zoom` (512-pixel world at zoom 0, as MapLibre counts). */
export function worldPixel(lng: number, lat: number, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** Width of a text in ems: CJK and full-width characters one em, others about 0.6 (sans-serif). */
export function textEms(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return w;
}

type Box = [number, number, number, number];

function boxOf(c: Candidate, px: [number, number], width: number, height: number, gap: number): { box: Box; offset: [number, number] } {
  const ox = c.dx * gap;
  const oy = c.dy * gap;
  const x = px[0] + ox;
  const y = px[1] + oy;
  const left = c.anchor === 'start' ? x : c.anchor === 'end' ? x - width : x - width / 2;
  const top = c.baseline === 'top' ? y : c.baseline === 'bottom' ? y - height : y - height / 2;
  return { box: [left - PAD, top - PAD, left + width + PAD, top + height + PAD], offset: [ox, oy] };
}

const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function overlapArea(a: Box, placed: Box[]): number {
  let sum = 0;
  for (const b of placed) {
    const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (w > 0 && h > 0) sum += w * h;
  }
  return sum;
}

/**
 * The labels shown at `zoom`, with their positions. `scale` enlarges text and gaps (wall screen).
 * Within a rank, earlier requests are placed first.
 */
export function placeLabels<T extends LabelRequest>(requests: readonly T[], zoom: number, scale = 1): (T & Placement)[] {
  const order = requests
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.text !== '' && (r.minZoom === undefined || zoom >= r.minZoom) && (r.maxZoom === undefined || zoom < r.maxZoom))
    .sort((a, b) => RANK_PRIORITY[b.r.rank] - RANK_PRIORITY[a.r.rank] || a.i - b.i);
  const taken: Box[] = [];
  const out: (T & Placement)[] = [];
  for (const { r } of order) {
    const px = worldPixel(r.position[0], r.position[1], zoom);
    const size = r.size * scale;
    const width = textEms(r.text) * size;
    const height = size * 1.2;
    let chosen: { c: Candidate; box: Box; offset: [number, number] } | null = null;
    let best: { c: Candidate; box: Box; offset: [number, number]; area: number } | null = null;
    // A second ring one line further out for crowded places (several district seats a few
    // kilometres apart).
    const tries = [
      ...CANDIDATES.map((c) => [c, GAP * scale] as const),
      ...CANDIDATES.filter((c) => c.dx !== 0 || c.dy !== 0).map((c) => [c, GAP * scale + height] as const),
    ];
    for (const [c, gap] of tries) {
      const { box, offset } = boxOf(c, px, width, height, gap);
      if (!taken.some((t) => overlaps(box, t))) {
        chosen = { c, box, offset };
        break;
      }
      const area = overlapArea(box, taken);
      if (!best || area < best.area) best = { c, box, offset, area };
    }
    if (!chosen && KEPT.has(r.rank) && best) chosen = best;
    if (!chosen) continue;
    taken.push(chosen.box);
    out.push({
      ...r,
      anchor: chosen.c.anchor,
      baseline: chosen.c.baseline,
      offset: chosen.offset,
    });
  }
  return out;
}
