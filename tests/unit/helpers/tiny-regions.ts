// Three tiny regions with answers one can check by hand (as of 2026-06-30, default rules):
//   dezhou    宁津县 P1 agreed start 2025-01-01, not started → idle 1.5 years: fee (not idle at idleYears 2)
//             宁津县 P2 agreed start 2023-01-01, not started → idle 3.5 years: recovery
//             乐陵市 P3 producing, plot ratio 0.5                  → not idle; L1 below 0.8
//   shaoguan  始兴县 S1, S2 producing, not idle
//   lanzhou   榆中县 L1 producing, not idle

import type { FeatureCollection } from 'geojson';
import type { RegionFiles } from '../../../src/data/import/region';
import type { RegionId } from '../../../src/data/regions';
import { PARCEL_FIELDS } from '../../../src/data/contract';
import type { ParcelInput } from './parcels';

function square(x: number, y: number): number[][][] {
  return [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]];
}

function counties(names: string[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: names.map((county, i) => ({
      type: 'Feature',
      properties: { county },
      geometry: { type: 'Polygon', coordinates: square(116 + i, 37) },
    })),
  };
}

function parks(id: string, county: string): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { park_id: id, name: `${county}园区`, county, level: 'provincial', leading_chains: '', planned_area_ha: 100 },
        geometry: { type: 'Polygon', coordinates: square(116, 37) },
      },
    ],
  });
}

/** Small squares side by side (the map needs outlines); every parcel states its own area. */
function parcelsGeoJson(list: ParcelInput[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: list.map((p, i) => ({
      type: 'Feature',
      properties: { ...Object.fromEntries(PARCEL_FIELDS.map((f) => [f.name, null])), land_use: 'industrial', area_m2: 30000, ...p },
      geometry: { type: 'Polygon', coordinates: [[[116 + i * 0.01, 37], [116.005 + i * 0.01, 37], [116.005 + i * 0.01, 37.005], [116 + i * 0.01, 37]]] },
    })),
  });
}

const producing: ParcelInput = { status: 'producing', floor_area_m2: 30000, supply_date: '2018-01-01' };

const REGIONS: Record<RegionId, { counties: string[]; park: [string, string]; parcels: ParcelInput[] }> = {
  dezhou: {
    counties: ['宁津县', '乐陵市'],
    park: ['K1', '宁津县'],
    parcels: [
      { parcel_id: 'P1', county: '宁津县', park_id: 'K1', holder: '甲公司', status: 'not_started', agreed_start_date: '2025-01-01', supply_date: '2024-06-01', area_m2: 20000 },
      { parcel_id: 'P2', county: '宁津县', park_id: 'K1', status: 'not_started', agreed_start_date: '2023-01-01', supply_date: '2022-06-01' },
      { ...producing, parcel_id: 'P3', county: '乐陵市', floor_area_m2: 15000 },
    ],
  },
  shaoguan: {
    counties: ['始兴县'],
    park: ['SK1', '始兴县'],
    parcels: [
      { ...producing, parcel_id: 'S1', county: '始兴县' },
      { ...producing, parcel_id: 'S2', county: '始兴县' },
    ],
  },
  lanzhou: {
    counties: ['榆中县'],
    park: ['LK1', '榆中县'],
    parcels: [{ ...producing, parcel_id: 'L1', county: '榆中县' }],
  },
};

export function tinyRegion(region: RegionId): [FeatureCollection, RegionFiles] {
  const r = REGIONS[region];
  return [
    counties(r.counties),
    {
      parks: { name: 'parks.geojson', text: parks(...r.park) },
      parcels: { name: 'parcels.geojson', text: parcelsGeoJson(r.parcels) },
    },
  ];
}
