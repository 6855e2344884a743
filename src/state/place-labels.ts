// Where the name of a county or park is written on the map: its seat when the boundary file
// gives one (a county's government seat), else the centroid of its largest part. The English
// name is read from the same feature when the data has one (`<name>_en` or `name_en`).

import type { FeatureCollection } from 'geojson';
import { type PolygonGeometry, labelPoint } from '../data/geometry';

export interface PlaceLabel {
  position: [number, number];
  /** The name as the data gives it (Chinese); also the key other layers match on. */
  text: string;
  /** The English name when the data has one. */
  textEn?: string;
}

function englishName(props: Record<string, unknown> | null, nameKey: string): string | undefined {
  const v = props?.[`${nameKey}_en`] ?? props?.name_en;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function placeLabels(fc: FeatureCollection | null, nameKey: string): PlaceLabel[] {
  if (!fc) return [];
  return fc.features.map((f) => {
    const seat = f.properties?.seat as [number, number] | undefined | null;
    const textEn = englishName(f.properties, nameKey);
    return {
      position: seat ?? labelPoint(f.geometry as PolygonGeometry),
      text: String(f.properties?.[nameKey] ?? ''),
      ...(textEn ? { textEn } : {}),
    };
  });
}

/**
 * The city's name and where to write it: at the seat of its first urban district (division code
 * ending in 02, where a prefecture's government sits, GB/T 2260 numbering), else at the first
 * county's label point. Null without boundaries or a city name.
 */
export function cityLabel(fc: FeatureCollection | null, nameEn?: string): PlaceLabel | null {
  if (!fc || fc.features.length === 0) return null;
  const seatOf = fc.features.find((f) => /02$/.test(String(f.properties?.adcode ?? ''))) ?? fc.features[0];
  const name = String(seatOf.properties?.city ?? '');
  if (!name) return null;
  const [label] = placeLabels({ type: 'FeatureCollection', features: [seatOf] }, 'county');
  const own = seatOf.properties?.city_en;
  const en = nameEn ?? (typeof own === 'string' && own.trim() !== '' ? own.trim() : undefined);
  return { position: label.position, text: name, ...(en ? { textEn: en } : {}) };
}
