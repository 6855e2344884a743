// Which map layers are shown: part of the view, so scenes and share links carry it. County
// boundaries always show (they are the frame every other layer is read against).

export interface LayerVisibility {
  parcels: boolean;
  parks: boolean;
  labels: boolean;
  /** The opted-in basemap (roads, imagery) where one is chosen; offline there is none to hide. */
  basemap: boolean;
  /** Unsupplied park land (可供地), drawn in 园区布局 and 招商选址. A link from before it existed shows it. */
  available: boolean;
}

export const LAYER_KEYS = ['parcels', 'parks', 'labels', 'basemap', 'available'] as const satisfies readonly (keyof LayerVisibility)[];

export const ALL_LAYERS: LayerVisibility = { parcels: true, parks: true, labels: true, basemap: true, available: true };

export function sameLayers(a: LayerVisibility, b: LayerVisibility): boolean {
  return LAYER_KEYS.every((k) => a[k] === b[k]);
}

/** Layers from saved or linked data: a missing or malformed flag means shown. */
export function layersFromSaved(value: unknown): LayerVisibility {
  const o = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const out = { ...ALL_LAYERS };
  for (const k of LAYER_KEYS) if (o[k] === false) out[k] = false;
  return out;
}
