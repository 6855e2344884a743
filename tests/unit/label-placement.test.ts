// The map's label hierarchy (src/map/label-placement.ts, map-labels.ts) on the real county
// boundaries of the demo cities: every county name shows without overlapping another, park
// names appear from zoom 10.5, and lower ranks give way to higher ones.

import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type PlacedLabel, placeLabels, textEms, worldPixel } from '../../src/map/label-placement';
import { PARK_LABEL_ZOOM, labelRequests } from '../../src/map/map-labels';
import { cityLabel, placeLabels as namedPoints } from '../../src/state/place-labels';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as FeatureCollection;

/** The box a label occupies on screen, worked out from its anchor, baseline and offset. */
function box(l: PlacedLabel, zoom: number, scale = 1): [number, number, number, number] {
  const [px, py] = worldPixel(l.position[0], l.position[1], zoom);
  const w = textEms(l.text) * l.size * scale;
  const h = l.size * scale * 1.2;
  const x = px + l.offset[0];
  const y = py + l.offset[1];
  const left = l.anchor === 'start' ? x : l.anchor === 'end' ? x - w : x - w / 2;
  const top = l.baseline === 'top' ? y : l.baseline === 'bottom' ? y - h : y - h / 2;
  return [left, top, left + w, top + h];
}

function overlapping(labels: PlacedLabel[], zoom: number): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = box(labels[i], zoom);
      const b = box(labels[j], zoom);
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) pairs.push(`${labels[i].text}/${labels[j].text}`);
    }
  }
  return pairs;
}

function cityRequests(region: string, lang: 'zh' | 'en' = 'zh') {
  const boundaries = read(`data/boundaries/${region}.geojson`);
  const parks = read(`data/demo/${region}/parks.geojson`);
  return labelRequests({
    city: cityLabel(boundaries, region === 'lanzhou' ? 'Lanzhou' : undefined),
    counties: namedPoints(boundaries, 'county'),
    parks: namedPoints(parks, 'name'),
    clusters: [],
    lang,
  });
}

describe('county names at the zoom a whole city is shown at', () => {
  it.each([
    ['lanzhou', 7.5, ['城关区', '西固区', '安宁区', '七里河区']],
    ['lanzhou', 8, ['城关区', '西固区', '安宁区', '七里河区']],
    ['shaoguan', 7.5, ['武江区', '浈江区', '曲江区']],
  ])('%s at zoom %s: every county shows, the crowded districts included, and no two names overlap', (region, zoom, crowded) => {
    const requests = cityRequests(region);
    const placed = placeLabels(requests, zoom);
    const counties = placed.filter((l) => l.rank === 'county').map((l) => l.text);
    expect(counties).toEqual(requests.filter((r) => r.rank === 'county').map((r) => r.text));
    for (const name of crowded) expect(counties).toContain(name);
    expect(overlapping(placed, zoom)).toEqual([]);
  });
});

describe('park names', () => {
  const parks = (zoom: number) => placeLabels(cityRequests('dezhou'), zoom).filter((l) => l.rank === 'park');

  it('are hidden below zoom 10.5 and shown from it', () => {
    expect(parks(PARK_LABEL_ZOOM - 0.25)).toEqual([]);
    const near = parks(PARK_LABEL_ZOOM).map((l) => l.text);
    expect(near).toContain('德州经济技术开发区');
    expect(near.length).toBeGreaterThan(10);
  });

  it('give way to county names around the same spot, and no county name is ever dropped', () => {
    const at: [number, number] = [116.3, 37.45];
    const counties = Array.from({ length: 20 }, (_, i) => ({ key: `c${i}`, rank: 'county' as const, position: at, text: `县区${i}`, size: 16 }));
    const park = { key: 'p', rank: 'park' as const, position: at, text: '某某经济开发区', size: 13 };
    // Listed first, placed last: rank decides, not order.
    const placed = placeLabels([park, ...counties], 9);
    expect(placed.map((l) => l.key)).toEqual(counties.map((c) => c.key));
    // The first county is centred on its point; the next ones moved around it.
    expect(placed[0]).toMatchObject({ anchor: 'middle', baseline: 'center', offset: [0, 0] });
    expect(new Set(placed.slice(0, 5).map((l) => `${l.anchor}/${l.baseline}/${l.offset}`)).size).toBe(5);
    // With a single county the park finds a free place beside it.
    expect(placeLabels([park, counties[0]], 9).map((l) => l.key)).toEqual(['c0', 'p']);
  });
});

describe('the city name', () => {
  it('sits at its first district, shows when zoomed out past the city and gives way to districts at the opening view', () => {
    const requests = cityRequests('dezhou');
    const city = requests.find((r) => r.rank === 'city')!;
    expect(city.text).toBe('德州市');
    expect(city.position).toEqual([116.293698, 37.450047]); // 德城区's seat (371402)
    expect(placeLabels(requests, 6.5).some((l) => l.rank === 'city')).toBe(true);
    expect(placeLabels(requests, 8).some((l) => l.rank === 'city')).toBe(false);
  });

  it('is written in English when the language is English and the name is known; Chinese names stay where the data has no English', () => {
    const requests = cityRequests('lanzhou', 'en');
    expect(requests.find((r) => r.rank === 'city')!.text).toBe('Lanzhou');
    expect(requests.find((r) => r.rank === 'county')!.text).toBe('城关区');
  });
});

it('English county names are read from the data when it has them', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { county: '城关区', county_en: 'Chengguan' , seat: [103.8, 36.05] }, geometry: { type: 'Point', coordinates: [0, 0] } }],
  };
  const req = labelRequests({ city: null, counties: namedPoints(fc, 'county'), parks: [], clusters: [], lang: 'en' });
  expect(req[0].text).toBe('Chengguan');
});
