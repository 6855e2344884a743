// Colours shared by the map and its legend. Idle categories run from calm (not idle) to alarm
// (recovery), with negotiated disposal apart in violet because it is not the holder's fault.

export type RGBA = [number, number, number, number];

/** Indexed by IDLE_CATEGORY: none, fee, recovery, negotiate. */
export const IDLE_COLORS: readonly RGBA[] = [
  [120, 160, 190, 150],
  [245, 166, 35, 235],
  [214, 48, 39, 240],
  [117, 87, 196, 235],
];

export const IDLE_LEGEND_KEYS = ['disposal:none', 'disposal:fee', 'disposal:recovery', 'disposal:negotiate'] as const;

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
