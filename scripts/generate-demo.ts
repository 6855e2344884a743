// Writes the synthetic demo data set (示例数据) to data/demo/<region>/ from the real county
// boundaries in data/boundaries/. Deterministic: the same seed gives byte-identical files.
//
// Usage: npm run generate [-- --seed 20260331 --scale 1 --out data/demo]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { CHAIN_LINK_FIELDS, CHAIN_NODE_FIELDS, ENTERPRISE_FIELDS, type FieldSpec, PROMOTION_GROUP_FIELDS } from '../src/data/contract';
import { toCsv } from '../src/data/csv';
import { DEFAULT_SEED, generateRegionDemo, plannedGapNodes } from './demo/generate';
import type { CountyCollection, Row } from './demo/types';
import { DEMO_FILE_NAMES, REGIONS } from '../src/data/regions';
import { DEMO_PACK_NAME, packDemo } from './demo/pack';
import { SPECS } from './demo/region-specs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One feature per line: readable diffs, still plain GeoJSON. */
function geojson(fc: FeatureCollection): string {
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function csv(fields: readonly FieldSpec[], rows: readonly Row[]): string {
  const header = fields.map((f) => f.name);
  return toCsv(header, rows.map((r) => header.map((h) => r[h])));
}

// A rough idle-land count for the console summary only; the real rules live in src/analysis.
function plusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
function idleKind(p: Row, asOf: string): string {
  const area = Number(p.area_m2);
  if (!p.actual_start_date) {
    if (!p.agreed_start_date) return 'unknown';
    if (plusYears(String(p.agreed_start_date), 2) <= asOf) return 'not_started≥2y';
    if (plusYears(String(p.agreed_start_date), 1) <= asOf) return 'not_started≥1y';
    return 'none';
  }
  if (!p.halted_since) return 'none';
  const dev = p.developed_area_m2 === null ? NaN : Number(p.developed_area_m2) / area;
  const inv = p.agreed_investment_wan === null || p.actual_investment_wan === null ? NaN : Number(p.actual_investment_wan) / Number(p.agreed_investment_wan);
  if (!(dev < 1 / 3 || inv < 0.25)) return 'none';
  if (plusYears(String(p.halted_since), 2) <= asOf) return 'stalled≥2y';
  if (plusYears(String(p.halted_since), 1) <= asOf) return 'stalled≥1y';
  return 'none';
}

async function main() {
  const seed = Number(arg('seed') ?? DEFAULT_SEED);
  const scale = Number(arg('scale') ?? 1);
  const outRoot = resolve(ROOT, arg('out') ?? join('data', 'demo'));
  for (const region of REGIONS) {
    const counties = JSON.parse(readFileSync(join(ROOT, 'data', 'boundaries', `${region.id}.geojson`), 'utf8')) as CountyCollection;
    const demo = generateRegionDemo(region.id, counties, { seed, parcelScale: scale });
    const dir = join(outRoot, region.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, DEMO_FILE_NAMES.parks), geojson(demo.parks));
    writeFileSync(join(dir, DEMO_FILE_NAMES.parcels), geojson(demo.parcels));
    writeFileSync(join(dir, DEMO_FILE_NAMES.enterprises), csv(ENTERPRISE_FIELDS, demo.enterprises));
    writeFileSync(join(dir, DEMO_FILE_NAMES.chainNodes), csv(CHAIN_NODE_FIELDS, demo.chainNodes));
    writeFileSync(join(dir, DEMO_FILE_NAMES.chainLinks), csv(CHAIN_LINK_FIELDS, demo.chainLinks));
    writeFileSync(join(dir, DEMO_FILE_NAMES.factories), geojson(demo.factories));
    const groups = SPECS[region.id].promotionGroups ?? [];
    if (groups.length > 0) {
      const rows = groups.map((g) => ({ group_id: g.group_id, name: g.name, counties: g.counties.join(';') }));
      writeFileSync(join(dir, DEMO_FILE_NAMES.promotionGroups), csv(PROMOTION_GROUP_FIELDS, rows));
    }

    const parcels = demo.parcels.features.map((f) => f.properties);
    const count = (xs: string[]) => Object.entries(xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {}))
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const used = new Set(demo.enterprises.map((e) => String(e.chain_node)));
    const empty = demo.chainNodes.map((n) => String(n.node_id)).filter((id) => !used.has(id));
    console.log(`${region.id}: ${demo.parks.features.length} parks, ${parcels.length} parcels (${parcels.filter((p) => !p.park_id).length} outside parks), ${demo.enterprises.length} enterprises, ${demo.chainNodes.length} chain nodes`);
    console.log(`  status: ${count(parcels.map((p) => String(p.status)))}`);
    console.log(`  idle at 2026-06-30: ${count(parcels.map((p) => idleKind(p, '2026-06-30')))}`);
    console.log(`  chain nodes without enterprises: ${empty.join(' ')} (planned gaps: ${plannedGapNodes(region.id).join(' ')})`);
    // The binary pack the browser opens (scripts/demo/pack.ts), from the files just written.
    const pack = await packDemo(outRoot, region.id);
    writeFileSync(join(dir, DEMO_PACK_NAME), pack);
    console.log(`  ${DEMO_PACK_NAME}: ${(pack.byteLength / 1024).toFixed(0)} KB`);
  }
}

await main();
