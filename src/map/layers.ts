// The one place where plain map data becomes deck.gl layers. Parcels are drawn from binary
// columns (positions + start indices) with colours and visibility looked up by index, so a
// rule re-run or a filter change updates attributes without rebuilding geometry.

import type { Layer } from '@deck.gl/core';
import { CollisionFilterExtension, DataFilterExtension } from '@deck.gl/extensions';
import { GeoJsonLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';
import type { ParcelShapes } from '../analysis/parcel-layers-data';
import { IDLE_COLORS, PARK_FILL, PARK_LINE, type RGBA, SELECTED_LINE } from './palette';

export interface Label {
  position: [number, number];
  text: string;
}

export interface MapScene {
  parks: FeatureCollection | null;
  countyLabels: Label[];
  parkLabels: Label[];
  parcels: ParcelShapes | null;
  /** Per pidx. */
  categories: Uint8Array | null;
  /** Per pidx: 1 visible, 0 filtered out. */
  mask: Uint8Array | null;
  /** Bumped whenever categories or mask change, to refresh the attributes. */
  revision: number;
  selectedPidx: number | null;
  /** Map zoom band: at 'far' parcels are drawn as dots so idle land shows at region scale. */
  zoomBand: 'far' | 'near';
}

/** Below this zoom a parcel is a few pixels wide: draw dots and hide park names. */
export const NEAR_ZOOM = 10.5;

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const filter = new DataFilterExtension({ filterSize: 1 });
// Labels that would overlap are dropped, county names winning over park names.
const collision = new CollisionFilterExtension();

function ringPath(shapes: ParcelShapes, ring: number): [number, number][] {
  const out: [number, number][] = [];
  for (let v = shapes.startIndices[ring]; v < shapes.startIndices[ring + 1]; v++) {
    out.push([shapes.positions[v * 2], shapes.positions[v * 2 + 1]]);
  }
  return out;
}

export function buildLayers(scene: MapScene): Layer[] {
  const layers: Layer[] = [];
  if (scene.parks) {
    layers.push(
      new GeoJsonLayer({
        id: 'parks',
        data: scene.parks,
        filled: true,
        stroked: true,
        getFillColor: PARK_FILL,
        getLineColor: PARK_LINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        pickable: false,
      }),
    );
  }
  const { parcels, categories, mask } = scene;
  if (parcels && categories && mask) {
    const pidx = parcels.pidx;
    layers.push(
      new SolidPolygonLayer({
        id: 'parcels',
        data: {
          length: parcels.length,
          startIndices: parcels.startIndices,
          attributes: { getPolygon: { value: parcels.positions, size: 2 } },
        },
        _normalize: false,
        _windingOrder: 'CCW',
        filled: true,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
        getFillColor: (_: unknown, { index }: { index: number }) => IDLE_COLORS[categories[pidx[index]]] as RGBA,
        getFilterValue: (_: unknown, { index }: { index: number }) => mask[pidx[index]],
        filterRange: [1, 1],
        extensions: [filter],
        updateTriggers: { getFillColor: scene.revision, getFilterValue: scene.revision },
      } as never),
    );
    if (scene.zoomBand === 'far') {
      layers.push(
        new ScatterplotLayer({
          id: 'parcel-dots',
          data: { length: parcels.parcelCount, attributes: { getPosition: { value: parcels.centers, size: 2 } } },
          radiusUnits: 'pixels',
          // Idle parcels stand out; the rest stay as faint context.
          getRadius: (_: unknown, { index }: { index: number }) => (categories[index] > 0 ? 4.5 : 1.8),
          getFillColor: (_: unknown, { index }: { index: number }) => IDLE_COLORS[categories[index]] as RGBA,
          stroked: false,
          pickable: true,
          getFilterValue: (_: unknown, { index }: { index: number }) => mask[index],
          filterRange: [1, 1],
          extensions: [filter],
          updateTriggers: { getFillColor: scene.revision, getRadius: scene.revision, getFilterValue: scene.revision },
        } as never),
      );
    }
    if (scene.selectedPidx !== null) {
      const paths: [number, number][][] = [];
      for (let i = 0; i < parcels.length; i++) if (pidx[i] === scene.selectedPidx) paths.push(ringPath(parcels, i));
      layers.push(
        new PathLayer({
          id: 'parcel-selected',
          data: paths,
          getPath: (p: [number, number][]) => p,
          getColor: SELECTED_LINE,
          widthUnits: 'pixels',
          getWidth: 3,
        }),
      );
    }
  }
  layers.push(
    new TextLayer<Label>({
      id: 'park-labels',
      data: scene.parkLabels,
      visible: scene.zoomBand === 'near',
      getPosition: (d: Label) => d.position,
      getText: (d: Label) => d.text,
      getSize: 13,
      getColor: [27, 94, 32, 255],
      fontFamily: FONT,
      characterSet: 'auto',
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 230],
      fontSettings: { sdf: true },
      getPixelOffset: [0, -14],
      extensions: [collision],
      collisionGroup: 'labels',
      getCollisionPriority: 1,
      collisionTestProps: { sizeScale: 1.1 },
    } as never),
    new TextLayer<Label>({
      id: 'county-labels',
      data: scene.countyLabels,
      getPosition: (d: Label) => d.position,
      getText: (d: Label) => d.text,
      getSize: 17,
      getColor: [55, 71, 79, 255],
      fontFamily: FONT,
      fontWeight: 600,
      characterSet: 'auto',
      outlineWidth: 3,
      outlineColor: [255, 255, 255, 230],
      fontSettings: { sdf: true },
      extensions: [collision],
      collisionGroup: 'labels',
      getCollisionPriority: 10,
      collisionTestProps: { sizeScale: 1.1 },
    } as never),
  );
  return layers;
}
