// Unsupplied park land (未供应土地, the pieces of 可供地 no parcel covers), drawn as a translucent
// yellow-green fill with a darker outline: light enough that the parcels and park outlines stay
// readable through it, and a hue no idle category, 亩均 class or highlight uses.

import type { Layer } from '@deck.gl/core';
import { PolygonLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { RGBA } from './palette';

export const AVAILABLE_FILL: RGBA = [154, 205, 50, 110];
export const AVAILABLE_LINE: RGBA = [85, 139, 47, 235];

export interface AvailableOverlay {
  /** Each a polygon: outer ring then holes, WGS84. */
  polygons: readonly Position[][][];
  /** Bumped when the polygons change. */
  revision: number;
}

export function availableLayer(o: AvailableOverlay): Layer {
  return new PolygonLayer<Position[][]>({
    id: 'available-land',
    data: o.polygons as Position[][][],
    getPolygon: (p) => p,
    filled: true,
    stroked: true,
    getFillColor: AVAILABLE_FILL,
    getLineColor: AVAILABLE_LINE,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    pickable: false,
    updateTriggers: { getPolygon: o.revision },
  });
}
