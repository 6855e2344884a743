// The brochure's printed maps as SVG (vector in the PDF, text selectable): a park with its
// surroundings — county boundaries, other parks, the parcels coloured by their disposal — and
// a group overview with its member counties and parks. Scale bar and north arrow on both.

import type { Feature, FeatureCollection } from 'geojson';
import { useId } from 'preact/hooks';
import { IDLE_COLORS, cssColor } from '../../map/palette';
import { featureBounds } from '../../state/navigation';
import { type Bounds, type MapFrame, fitFrame, geometryPath, overlaps, padBounds, scaleBar } from './map-frame';

export const MAP_W = 600;
/** Park map height in SVG units: the bilingual page gives room to its longer labels. */
export const PARK_MAP_H = 370;
export const PARK_MAP_H_BILINGUAL = 235;
export const OVERVIEW_MAP_H = 420;

const COUNTY_FILL = '#f4f5f1';
const COUNTY_LINE = '#7d8590';
const PARK_LINE = '#2e7d32';
const GROUP_FILL = 'rgba(25, 118, 210, 0.10)';

export function NorthArrow({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x} ${y})`} aria-hidden="true">
      <path d="M0 -16 L7 6 L0 1 L-7 6 Z" fill="#263238" />
      <text x="0" y="19" text-anchor="middle" font-size="11" font-weight="700" fill="#263238">
        N
      </text>
    </g>
  );
}

export function ScaleBarMark({ frame, x, y }: { frame: MapFrame; x: number; y: number }) {
  const bar = scaleBar(frame.metresPerUnit, frame.width / 4);
  return (
    <g transform={`translate(${x} ${y})`}>
      <rect x="-4" y="-14" width={bar.units + 8} height="22" fill="rgba(255,255,255,0.85)" />
      <path d={`M0 -3 V3 H${bar.units} V-3`} fill="none" stroke="#263238" stroke-width="1.5" />
      <text x={bar.units / 2} y="-5" text-anchor="middle" font-size="10" fill="#263238">
        {bar.label}
      </text>
    </g>
  );
}

export function Counties({ boundaries, frame, fill }: { boundaries: FeatureCollection | null; frame: MapFrame; fill: (f: Feature) => string }) {
  return (
    <g>
      {(boundaries?.features ?? []).map((f, i) => (
        <path key={i} d={geometryPath(f.geometry, frame)} fill={fill(f)} stroke={COUNTY_LINE} stroke-width="1" stroke-dasharray="5 3" />
      ))}
    </g>
  );
}

/** The extent of one feature (null without coordinates). */
function boundsOf(f: Feature): Bounds | null {
  return featureBounds({ type: 'FeatureCollection', features: [f] }, () => true);
}

/** Centre of an extent, `up` of its height above its south edge (0.5: the middle). */
function anchor(frame: MapFrame, b: Bounds, up = 0.5): [number, number] {
  return frame.project((b[0] + b[2]) / 2, b[1] + (b[3] - b[1]) * up);
}

function Parcels({ paths }: { paths: ReadonlyMap<number, string[]> }) {
  return (
    <g>
      {[...paths].map(([cat, d]) => (
        <path key={cat} d={d.join('')} fill={cssColor(IDLE_COLORS[cat] ?? IDLE_COLORS[0])} stroke="#ffffff" stroke-width="0.4" />
      ))}
    </g>
  );
}

/** The plane of a park's map: the park about half the frame, at least ~2 km across so a small park shows its setting. */
export function parkFrame(parks: FeatureCollection | null, parkId: string, height: number): MapFrame | null {
  const own = featureBounds(parks, (f) => f.properties?.park_id === parkId);
  return own ? fitFrame(padBounds(own, 0.5, 0.02), MAP_W, height) : null;
}

export interface ParkMapProps {
  parkId: string;
  parks: FeatureCollection | null;
  boundaries: FeatureCollection | null;
  /** From parkFrame; null when the park has no outline. */
  frame: MapFrame | null;
  /** Parcel outlines by disposal code (parcelPathsByCode). */
  parcels: ReadonlyMap<number, string[]>;
  /** The park's name, as data (never translated). */
  label: string;
}

export function ParkMap({ parkId, parks, boundaries, frame, parcels, label }: ParkMapProps) {
  // An id of the component's own (before any early return: a hook): park ids are data, and a
  // page may hold the same map twice (preview, print).
  const clip = `clip-${useId()}`;
  const own = featureBounds(parks, (f) => f.properties?.park_id === parkId);
  if (!own || !frame) return <div class="br-map-missing">—</div>;
  const H = frame.height;
  const others = (parks?.features ?? []).filter((f) => f.properties?.park_id !== parkId);
  const ownFeature = parks?.features.find((f) => f.properties?.park_id === parkId);
  const [ox, oy] = frame.project((own[0] + own[2]) / 2, own[3]);
  return (
    <svg class="br-map" viewBox={`0 0 ${MAP_W} ${H}`} role="img" aria-label={label}>
      <defs>
        <clipPath id={clip}>
          <rect width={MAP_W} height={H} />
        </clipPath>
      </defs>
      <g clip-path={`url(#${clip})`}>
        <rect width={MAP_W} height={H} fill="#fbfbf8" />
        <Counties boundaries={boundaries} frame={frame} fill={() => COUNTY_FILL} />
        {others.map((f, i) => (
          <path key={i} d={geometryPath(f.geometry, frame)} fill="rgba(46,125,50,0.06)" stroke={PARK_LINE} stroke-width="0.8" stroke-dasharray="3 2" />
        ))}
        <Parcels paths={parcels} />
        <path d={geometryPath(ownFeature?.geometry, frame)} fill="none" stroke={PARK_LINE} stroke-width="2.6" />
        <text x={ox} y={Math.max(oy - 6, 14)} text-anchor="middle" font-size="13" font-weight="700" fill="#1b5e20" stroke="#fff" stroke-width="3" paint-order="stroke">
          {label}
        </text>
        {others
          .map((f) => ({ f, b: boundsOf(f) }))
          .filter((o): o is { f: Feature; b: Bounds } => o.b !== null && overlaps(o.b, frame.bounds))
          .map(({ f, b }, i) => {
            const [x, y] = anchor(frame, b);
            return (
              <text key={i} x={x} y={y} text-anchor="middle" font-size="10" fill="#2e7d32" stroke="#fff" stroke-width="2.5" paint-order="stroke">
                {String(f.properties?.name ?? '')}
              </text>
            );
          })}
      </g>
      <rect width={MAP_W} height={H} fill="none" stroke="#90a4ae" stroke-width="1" />
      <NorthArrow x={MAP_W - 24} y={30} />
      <ScaleBarMark frame={frame} x={14} y={H - 14} />
    </svg>
  );
}

export interface OverviewMapProps {
  boundaries: FeatureCollection | null;
  parks: FeatureCollection | null;
  members: readonly string[];
  parkIds: readonly string[];
  /** Marker numbers by park id (1…n, as the cover lists the parks). */
  numberOf: (parkId: string) => number;
  label: string;
}

export function OverviewMap({ boundaries, parks, members, parkIds, numberOf, label }: OverviewMapProps) {
  const clip = `clip-${useId()}`;
  const ext = featureBounds(boundaries, (f) => members.includes(String(f.properties?.county)));
  if (!ext) return <div class="br-map-missing">—</div>;
  const frame = fitFrame(padBounds(ext, 0.08), MAP_W, OVERVIEW_MAP_H);
  const groupParks = (parks?.features ?? []).filter((f) => parkIds.includes(String(f.properties?.park_id)));
  return (
    <svg class="br-map" viewBox={`0 0 ${MAP_W} ${OVERVIEW_MAP_H}`} role="img" aria-label={label}>
      <defs>
        <clipPath id={clip}>
          <rect width={MAP_W} height={OVERVIEW_MAP_H} />
        </clipPath>
      </defs>
      <g clip-path={`url(#${clip})`}>
        <rect width={MAP_W} height={OVERVIEW_MAP_H} fill="#fbfbf8" />
        <Counties boundaries={boundaries} frame={frame} fill={(f) => (members.includes(String(f.properties?.county)) ? GROUP_FILL : COUNTY_FILL)} />
        {(boundaries?.features ?? [])
          .filter((f) => members.includes(String(f.properties?.county)))
          .map((f, i) => {
            const [x, y] = anchor(frame, boundsOf(f)!, 0.15);
            return (
              <text key={i} x={x} y={y} text-anchor="middle" font-size="15" font-weight="700" fill="#0d47a1" stroke="#fff" stroke-width="3" paint-order="stroke">
                {String(f.properties?.county ?? '')}
              </text>
            );
          })}
        {groupParks.map((f, i) => (
          <path key={i} d={geometryPath(f.geometry, frame)} fill="rgba(46,125,50,0.35)" stroke={PARK_LINE} stroke-width="1.4" />
        ))}
        {groupParks.map((f, i) => {
          const [x, y] = anchor(frame, boundsOf(f)!);
          return (
            <g key={`n${i}`} transform={`translate(${x} ${y})`}>
              <circle r="9" fill="#1b5e20" stroke="#fff" stroke-width="1.5" />
              <text y="4" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">
                {numberOf(String(f.properties?.park_id))}
              </text>
            </g>
          );
        })}
      </g>
      <rect width={MAP_W} height={OVERVIEW_MAP_H} fill="none" stroke="#90a4ae" stroke-width="1" />
      <NorthArrow x={MAP_W - 24} y={30} />
      <ScaleBarMark frame={frame} x={14} y={OVERVIEW_MAP_H - 14} />
    </svg>
  );
}
