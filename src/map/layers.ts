// The one place where plain map data becomes deck.gl layers. Parcels are drawn from binary
// columns (Float32 offsets, start indices, pre-computed triangles) with colours and visibility
// as typed arrays by pidx, so a rule re-run or a filter change rebuilds one attribute, never
// the geometry.

import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { BitmapLayer, GeoJsonLayer, LineLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { ParcelShapes } from '../data/parcel-shapes';
import { pointGeometry } from './parcel-geometry-client';
import { zonesLayer } from './zone-layer';
import { type SiteMarker, siteLayers } from './site-layer';

export { SITE_MARKER_LAYER, type SiteMarker } from './site-layer';
import type { PolygonGeometry } from './parcel-geometry';
import type { ParcelDrawing } from './parcel-size';
import { LABEL_FONT, sdfLabelRenderer } from './label-font';
import { type AvailableOverlay, availableLayer } from './supply-layer';
import type { LabelRank, PlacedLabel } from './label-placement';
import { dotRadii, filterValues, memo, parcelColours, spreadToVertices } from './parcel-attributes';
import { latOfMercatorY } from './parcel-raster';
import { RASTER_FROM, parcelRaster } from './parcel-picking';
import { allShown, bytes, floats, hasShape, images, noneJudged, pointData, polygonData, polygonsShown, wrappers } from './parcel-data';
import {
  CLUSTER_MULTI_FILL,
  CLUSTER_MULTI_FILL_SELECTED,
  CLUSTER_MULTI_LINE,
  CLUSTER_SINGLE_FILL,
  CLUSTER_SINGLE_LABEL,
  CLUSTER_SINGLE_LINE,
  CITY_LABEL,
  GROUP_FILL,
  GROUP_LINE,
  COUNTY_LABEL,
  HOVER_HIGHLIGHT,
  IDLE_COLORS,
  LABEL_OUTLINE,
  OVERLAP_LINE_SELECTED,
  PARK_FILL,
  PARK_LABEL,
  PARK_LINE,
  PENDING_PALETTE,
  type RGBA,
  SELECTED_LINE,
  overlapLineColor,
} from './palette';

/** A placed name (label-placement.ts) with an optional colour of its own (cluster names). */
export interface MapLabel extends PlacedLabel {
  color?: RGBA;
}

export interface MapScene {
  parks: FeatureCollection | null;
  /** Names to write, already placed for the current zoom. */
  labels: readonly MapLabel[];
  parcels: ParcelShapes | null;
  /** Per pidx. */
  categories: Uint8Array | null;
  /** Per pidx: 1 visible, 0 filtered out. */
  mask: Uint8Array | null;
  /** Bumped whenever categories or mask change, to refresh the attributes. */
  revision: number;
  selectedPidx: number | null;
  /** Parcels as points or polygons at the current zoom (parcel-size.ts). */
  drawing: ParcelDrawing;
  /** Offsets and triangles of `parcels` once the workers are done, else null (points drawn). */
  polygons: PolygonGeometry | null;
  /** Park-layout overlays; absent outside the layout view. */
  layout?: LayoutOverlay;
  /** Colours parcels by another per-pidx code instead of the idle findings. */
  override?: ColourOverride;
  /** Label size multiplier (the wall screen is read from across a room). */
  labelScale?: number;
  /** Counties of the promotion group shown, outlined. */
  groupCounties?: FeatureCollection;
  /** Imported planning limits (规划管控), drawn under parks and parcels. */
  zones?: FeatureCollection;
  /** Unsupplied park land (可供地), under the parcels; absent where the view does not show it. */
  available?: AvailableOverlay;
  /** 招商选址: the top candidate sites, numbered by rank; absent outside that mode. */
  siting?: readonly SiteMarker[];
}

export interface ColourOverride {
  /** Per pidx: index into `palette`; non-zero codes are drawn emphasised at region scale. */
  values: Uint8Array;
  palette: readonly RGBA[];
  revision: number;
}

export interface ClusterHull {
  id: number;
  hull: Polygon;
  label: string;
  multiCounty: boolean;
  selected: boolean;
}

export interface OverlapLine {
  from: [number, number];
  to: [number, number];
  /** 0–1 overlap index. */
  index: number;
  /** The pair open in the detail panel. */
  selected: boolean;
}

export interface LayoutOverlay {
  hulls: ClusterHull[];
  lines: OverlapLine[];
}


const FONT = LABEL_FONT;
const filter = new DataFilterExtension({ filterSize: 1 });

function ringPath(shapes: ParcelShapes, ring: number): [number, number][] {
  const out: [number, number][] = [];
  for (let v = shapes.startIndices[ring]; v < shapes.startIndices[ring + 1]; v++) {
    out.push([shapes.positions[v * 2], shapes.positions[v * 2 + 1]]);
  }
  return out;
}

export { pickedParcel } from './parcel-picking';

export function buildLayers(scene: MapScene): Layer[] {
  const layers: Layer[] = [];
  if (scene.zones && scene.zones.features.length > 0) layers.push(zonesLayer(scene.zones));
  // A promotion group's member counties (组团), in every mode: a scene or link may show one.
  if (scene.groupCounties && scene.groupCounties.features.length > 0) {
    layers.push(
      new GeoJsonLayer({
        id: 'group-counties',
        data: scene.groupCounties,
        filled: true,
        stroked: true,
        getFillColor: GROUP_FILL,
        getLineColor: GROUP_LINE,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        pickable: false,
      }),
    );
  }
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
  const { parcels } = scene;
  const layout = scene.layout;
  if (layout) {
    const hulls: FeatureCollection<Polygon, ClusterHull> = {
      type: 'FeatureCollection',
      features: layout.hulls.map((h): Feature<Polygon, ClusterHull> => ({ type: 'Feature', geometry: h.hull, properties: h })),
    };
    layers.push(
      new GeoJsonLayer<ClusterHull>({
        id: 'cluster-hulls',
        data: hulls,
        filled: true,
        stroked: true,
        getFillColor: (f) =>
          f.properties.multiCounty ? (f.properties.selected ? CLUSTER_MULTI_FILL_SELECTED : CLUSTER_MULTI_FILL) : CLUSTER_SINGLE_FILL,
        getLineColor: (f) => (f.properties.multiCounty ? CLUSTER_MULTI_LINE : CLUSTER_SINGLE_LINE),
        lineWidthUnits: 'pixels',
        getLineWidth: (f) => (f.properties.selected ? 4 : 2),
        updateTriggers: { getFillColor: layout.hulls.map((h) => h.selected).join(), getLineWidth: layout.hulls.map((h) => h.selected).join() },
      }),
      new LineLayer<OverlapLine>({
        id: 'overlap-lines',
        data: layout.lines,
        getSourcePosition: (d) => d.from,
        getTargetPosition: (d) => d.to,
        getColor: (d) => (d.selected ? OVERLAP_LINE_SELECTED : overlapLineColor(d.index)),
        getWidth: (d) => (d.selected ? 6 : 1 + 3 * d.index),
        widthUnits: 'pixels',
        updateTriggers: { getColor: layout.lines.map((l) => l.selected).join(), getWidth: layout.lines.map((l) => l.selected).join() },
      }),
    );
  }
  if (scene.available) layers.push(availableLayer(scene.available));
  if (parcels) {
    // Paint first, compute after: until the rules have run, every parcel shows in a neutral grey.
    const pending = scene.categories === null || scene.mask === null;
    const categories = scene.categories ?? noneJudged(parcels);
    const mask = scene.mask ?? allShown(parcels);
    const override = pending ? { values: categories, palette: PENDING_PALETTE, revision: -2 } : scene.override;
    const colourOf = (p: number): RGBA => (override ? override.palette[override.values[p]] : IDLE_COLORS[categories[p]]);
    const emphasised = (p: number): boolean => (override ? override.values[p] > 0 : categories[p] > 0);
    const revision = `${scene.revision}/${override?.revision ?? -1}/${override ? override.palette.length : 0}`;
    const filterKey = String(scene.revision);
    const colours = memo(bytes, parcels, 'colours', revision, () => parcelColours(parcels.parcelCount, colourOf));
    // Bytes 0–255 read as 0–1 colours; the wrapper is kept with its array so its identity, which
    // deck.gl compares, changes only with the colours.
    const asColours = (owner: object, value: Uint8Array) => memo(wrappers, owner, 'colours', revision, () => ({ value, size: 4, normalized: true }));
    const shown = memo(floats, parcels, 'filter', filterKey, () => filterValues(mask));
    const pts = pointGeometry(parcels);
    const origin: [number, number, number] = [pts.origin[0], pts.origin[1], 0];
    const poly = scene.polygons;
    // Until the workers have triangulated the rings, parcels are points at every zoom.
    const asPolygons = scene.drawing === 'polygons' && poly !== null;
    if (poly && asPolygons) polygonsShown.add(poly);
    if (poly && polygonsShown.has(poly)) {
      const { startIndices, pidx } = parcels;
      const data = polygonData(parcels, poly);
      data.attributes.getFillColor = asColours(poly, memo(bytes, poly, 'colours', revision, () => spreadToVertices(colours, 4, startIndices, pidx)));
      data.attributes.getFilterValue = memo(floats, poly, 'filter', filterKey, () => spreadToVertices(shown, 1, startIndices, pidx));
      // Kept once built, hidden while points are drawn: zooming back in reuses its GPU buffers.
      layers.push(
        new SolidPolygonLayer<unknown, DataFilterExtensionProps>({
          id: 'parcels',
          data,
          visible: asPolygons,
          coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
          coordinateOrigin: origin,
          // Indices come pre-computed (parcel-geometry.ts): deck.gl neither normalises nor tessellates.
          _normalize: false,
          _windingOrder: 'CCW',
          filled: true,
          pickable: true,
          autoHighlight: true,
          highlightColor: HOVER_HIGHLIGHT,
          filterRange: [1, 1],
          extensions: [filter],
          // Colours and filter values are binary (data.attributes): the triggers say when they changed.
          updateTriggers: { getFillColor: revision, getFilterValue: filterKey },
        }),
      );
    }
    // Parcels located by a point only (a ledger with coordinates) are dots at every zoom.
    const shaped = hasShape(parcels);
    const anyShapeless = shaped.some((v) => v === 0);
    const far = !asPolygons;
    const raster = far && parcels.parcelCount >= RASTER_FROM ? parcelRaster(parcels, `${revision}|${filterKey}`, colours, mask, emphasised) : null;
    if (raster) {
      const { grid } = raster;
      layers.push(
        new BitmapLayer({
          id: 'parcel-raster',
          image: memo(images, raster, 'image', '', () => new ImageData(raster.rgba, grid.width, grid.height)),
          bounds: [grid.west, latOfMercatorY(grid.bottom), grid.east, latOfMercatorY(grid.top)],
          // Crisp texels when zoomed in, averaged when zoomed out.
          textureParameters: { minFilter: 'linear', magFilter: 'nearest' },
          pickable: true,
        }),
      );
    }
    const dots = pointData(parcels, pts);
    dots.attributes.getFillColor = asColours(pts, colours);
    dots.attributes.getFilterValue = shown;
    dots.attributes.getRadius = memo(floats, pts, 'radius', `${revision}/${far}`, () => dotRadii(parcels.parcelCount, far, emphasised, shaped));
    layers.push(
      new ScatterplotLayer<unknown, DataFilterExtensionProps>({
        id: 'parcel-dots',
        data: dots,
        visible: (far && !raster) || anyShapeless,
        coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
        coordinateOrigin: origin,
        radiusUnits: 'pixels',
        stroked: false,
        pickable: true,
        filterRange: [1, 1],
        extensions: [filter],
        updateTriggers: { getFillColor: revision, getRadius: [revision, far], getFilterValue: filterKey },
      }),
    );
    if (scene.selectedPidx !== null) {
      const paths: [number, number][][] = [];
      for (let i = 0; i < parcels.length; i++) if (parcels.pidx[i] === scene.selectedPidx) paths.push(ringPath(parcels, i));
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
  layers.push(...labelLayers(scene.labels, scene.labelScale ?? 1));
  // Over the names: a candidate's number is what the planner looks for (a park's name sits on the
  // park's label point, often where its unsupplied land is too).
  if (scene.siting && scene.siting.length > 0) layers.push(...siteLayers(scene.siting));
  return layers;
}

const LABEL_STYLE: Record<LabelRank, { color: RGBA; weight: number }> = {
  city: { color: CITY_LABEL, weight: 700 },
  county: { color: COUNTY_LABEL, weight: 600 },
  cluster: { color: CLUSTER_SINGLE_LABEL, weight: 700 },
  park: { color: PARK_LABEL, weight: 600 },
};

/**
 * One text layer per rank (font weight is per layer), drawn where label-placement.ts put each
 * name: no collision pass on the GPU, so nothing fades and no name of a higher rank is dropped.
 * CJK glyphs come from local fonts (no glyph server).
 */
function labelLayers(labels: readonly MapLabel[], scale: number): Layer[] {
  return (['park', 'cluster', 'county', 'city'] as const).map(
    (rank) =>
      new TextLayer<MapLabel>({
        id: `${rank}-labels`,
        data: labels.filter((l) => l.rank === rank),
        sizeScale: scale,
        getPosition: (d) => d.position,
        getText: (d) => d.text,
        getSize: (d) => d.size,
        getColor: (d) => d.color ?? LABEL_STYLE[rank].color,
        getTextAnchor: (d) => d.anchor,
        getAlignmentBaseline: (d) => d.baseline,
        getPixelOffset: (d) => d.offset,
        fontFamily: FONT,
        fontWeight: LABEL_STYLE[rank].weight,
        characterSet: 'auto',
        // Outline width is in the glyph atlas's 64-pixel units: 6 gives a halo of about 1.5 px
        // at 14-pixel text, enough to read names over coloured parcels or imagery.
        outlineWidth: 6,
        outlineColor: LABEL_OUTLINE,
        fontSettings: { sdf: true, buffer: 8, radius: 16 },
        // Each glyph on its own advance (label-font.ts says why deck.gl's own renderer left gaps).
        _getFontRenderer: sdfLabelRenderer,
      }),
  );
}
