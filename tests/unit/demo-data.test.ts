// Checks the COMMITTED demo data set (data/demo, data/boundaries) against the data contract
// and the product owner's requirements, and that the seeded generator still reproduces it.
// Geometry predicates use Turf so they do not share code with the generator they check.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox, booleanIntersects, booleanPointInPolygon, booleanWithin, centroid, distance } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  CHAIN_LINK_FIELDS,
  CHAIN_NODE_FIELDS,
  ENTERPRISE_FIELDS,
  type FieldSpec,
  M2_PER_MU,
  PARCEL_FIELDS,
  PARCEL_STATUSES,
  PARK_FIELDS,
  PARK_LEVELS,
} from '../../src/data/contract';
import { parseCsv } from '../../src/data/csv';
import { generateRegionDemo } from '../../scripts/demo/generate';
import type { CountyCollection } from '../../scripts/demo/types';
import { REGIONS, type RegionId } from '../../src/data/regions';

const ROOT = join(__dirname, '..', '..');
const PREFIX: Record<RegionId, string> = { dezhou: 'DZ', shaoguan: 'SG', lanzhou: 'LZ' };

type Props = Record<string, string | number | boolean | null>;
type Poly = Feature<Polygon, Props>;
type Rec = Record<string, string>;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

function readCsv(path: string, fields: readonly FieldSpec[]): Rec[] {
  const t = parseCsv(readFileSync(join(ROOT, path), 'utf8'));
  expect(t.header, path).toEqual(fields.map((f) => f.name));
  return t.records.map((r) => {
    expect(r.cells.length, `${path}:${r.line}`).toBe(t.header.length);
    return Object.fromEntries(t.header.map((h, i) => [h, r.cells[i]]));
  });
}

interface RegionData {
  counties: CountyCollection;
  parks: Poly[];
  parcels: Poly[];
  parcelsRaw: FeatureCollection;
  enterprises: Rec[];
  nodes: Rec[];
  links: Rec[];
}

const data = new Map<RegionId, RegionData>();
for (const r of REGIONS) {
  const parcelsRaw = readJson<FeatureCollection>(`data/demo/${r.id}/parcels.geojson`);
  data.set(r.id, {
    counties: readJson<CountyCollection>(`data/boundaries/${r.id}.geojson`),
    parks: readJson<FeatureCollection<Polygon, Props>>(`data/demo/${r.id}/parks.geojson`).features,
    parcels: parcelsRaw.features as Poly[],
    parcelsRaw,
    enterprises: readCsv(`data/demo/${r.id}/enterprises.csv`, ENTERPRISE_FIELDS),
    nodes: readCsv(`data/demo/${r.id}/chain_nodes.csv`, CHAIN_NODE_FIELDS),
    links: readCsv(`data/demo/${r.id}/chain_links.csv`, CHAIN_LINK_FIELDS),
  });
}
const get = (id: RegionId) => data.get(id)!;
const countyOf = (d: RegionData, name: unknown) => {
  const c = d.counties.features.find((f) => f.properties.county === name);
  if (!c) throw new Error(`no county ${String(name)}`);
  return c;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Why a GeoJSON property or CSV cell is not a valid value of its contract field, or null.
 *  Problems are collected and asserted once per table: one expect per cell is too slow. */
function badValue(f: FieldSpec, v: unknown, csv: boolean): string | null {
  const empty = v === null || v === '';
  if (empty) return f.required ? `${f.name} is required` : null;
  let ok: boolean;
  switch (f.type) {
    case 'number':
      ok = csv ? /^-?\d+(\.\d+)?$/.test(String(v)) : typeof v === 'number' && Number.isFinite(v);
      break;
    case 'date':
      ok = validDate(String(v));
      break;
    case 'boolean':
      ok = csv ? v === 'true' || v === 'false' : typeof v === 'boolean';
      break;
    case 'enum':
      ok = (f.values ?? []).includes(String(v));
      break;
    default:
      ok = typeof v === 'string';
  }
  return ok ? null : `${f.name}=${JSON.stringify(v)}`;
}

function badRecord(fields: readonly FieldSpec[], rec: Record<string, unknown>, where: string, csv: boolean): string[] {
  const out: string[] = [];
  if (!csv && Object.keys(rec).join() !== fields.map((f) => f.name).join()) out.push(`${where}: fields differ from the contract`);
  for (const f of fields) {
    const bad = badValue(f, rec[f.name], csv);
    if (bad) out.push(`${where}: ${bad}`);
  }
  return out;
}

/** Closed, ≥4 points, 6 decimals, counter-clockwise outer ring. */
function badRing(ring: Position[], where: string): string[] {
  const out: string[] = [];
  if (ring.length < 4) out.push(`${where}: ring too short`);
  const [a, b] = [ring[0], ring[ring.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) out.push(`${where}: ring not closed`);
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    if (ring[i].some((c) => Math.round(c * 1e6) / 1e6 !== c)) out.push(`${where}: more than 6 decimals`);
  }
  if (!(s > 0)) out.push(`${where}: outer ring not counter-clockwise`);
  return out;
}

/** `inner` lies within a large county polygon: all its vertices are inside and no boundary
 *  segment near it touches it. Same answer as booleanWithin, but it tests only the few county
 *  segments whose box meets the shape's box instead of the whole ~5,000-vertex boundary. */
function withinCounty(inner: Poly, county: CountyCollection['features'][number]): boolean {
  const ring = inner.geometry.coordinates[0];
  if (!ring.every((v) => booleanPointInPolygon(v, county))) return false;
  const [x0, y0, x1, y1] = bbox(inner);
  const polys = county.geometry.type === 'Polygon' ? [county.geometry.coordinates] : county.geometry.coordinates;
  for (const poly of polys) {
    for (const r of poly) {
      for (let i = 0; i + 1 < r.length; i++) {
        const [a, b] = [r[i], r[i + 1]];
        if (Math.max(a[0], b[0]) < x0 || Math.min(a[0], b[0]) > x1 || Math.max(a[1], b[1]) < y0 || Math.min(a[1], b[1]) > y1) continue;
        if (booleanIntersects({ type: 'LineString', coordinates: [a, b] }, inner)) return false;
      }
    }
  }
  return true;
}

function addYears(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return `${y + n}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

describe('county boundaries', () => {
  it.each(REGIONS.map((r) => [r.id, r.city] as const))('%s: counties with city, adcode and seat', (id, city) => {
    const d = get(id);
    expect(d.counties.features.length).toBeGreaterThanOrEqual(8);
    for (const f of d.counties.features) {
      expect(f.properties.city).toBe(city);
      expect(f.properties.adcode).toMatch(/^\d{6}$/);
      expect(booleanIntersects({ type: 'Point', coordinates: f.properties.seat }, f)).toBe(true);
    }
  });
});

describe.each(REGIONS.map((r) => r.id))('demo data: %s', (id) => {
  const d = get(id);
  const P = PREFIX[id];

  it('parks: ≥8 with ≥3 levels, contract fields, inside their county, not overlapping', () => {
    expect(d.parks.length).toBeGreaterThanOrEqual(8);
    expect(new Set(d.parks.map((p) => p.properties.level)).size).toBeGreaterThanOrEqual(3);
    const chainIds = new Set(d.nodes.map((n) => n.chain_id));
    for (const p of d.parks) {
      const where = String(p.properties.park_id);
      expect([...badRecord(PARK_FIELDS, p.properties, where, false), ...badRing(p.geometry.coordinates[0], where)]).toEqual([]);
      expect(where).toMatch(new RegExp(`^${P}-P\\d{2}$`));
      expect(PARK_LEVELS).toContain(p.properties.level);
      for (const c of String(p.properties.leading_chains).split(';')) expect(chainIds).toContain(c);
      const ha = Number(p.properties.planned_area_ha);
      expect(ha).toBeGreaterThanOrEqual(250);
      expect(ha).toBeLessThanOrEqual(3000);
      expect(withinCounty(p, countyOf(d, p.properties.county)), `${where} within its county`).toBe(true);
    }
    expect(new Set(d.parks.map((p) => p.properties.park_id)).size).toBe(d.parks.length);
    for (let i = 0; i < d.parks.length; i++) {
      for (let j = i + 1; j < d.parks.length; j++) {
        expect(booleanIntersects(d.parks[i], d.parks[j]), `${d.parks[i].properties.park_id}/${d.parks[j].properties.park_id}`).toBe(false);
      }
    }
  });

  it('parcels: ≥1000, contract fields, unique ids, 5–200 亩, area_m2 from geometry', () => {
    expect(d.parcels.length).toBeGreaterThanOrEqual(1000);
    const ids = new Set<unknown>();
    const problems: string[] = [];
    const idPattern = new RegExp(`^${P}-\\d{6}$`);
    for (const p of d.parcels) {
      const where = String(p.properties.parcel_id);
      problems.push(...badRecord(PARCEL_FIELDS, p.properties, where, false), ...badRing(p.geometry.coordinates[0], where));
      if (!idPattern.test(where)) problems.push(`${where}: id pattern`);
      ids.add(where);
      const mu = area(p) / M2_PER_MU;
      if (mu < 5 || mu > 200) problems.push(`${where}: ${mu.toFixed(1)} 亩`);
      if (p.properties.area_m2 !== null && Math.abs(Number(p.properties.area_m2) - mu * M2_PER_MU) > 0.06) {
        problems.push(`${where}: area_m2 differs from geometry`);
      }
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBe(d.parcels.length);
  });

  it('parcels lie inside their park (or, without a park, inside their county and outside every park)', () => {
    const parks = new Map(d.parks.map((p) => [p.properties.park_id, p]));
    let outside = 0;
    for (const p of d.parcels) {
      const where = String(p.properties.parcel_id);
      if (p.properties.park_id) {
        const park = parks.get(p.properties.park_id);
        expect(park, where).toBeDefined();
        expect(p.properties.county, where).toBe(park!.properties.county);
        expect(booleanWithin(p, park!), where).toBe(true);
      } else {
        outside++;
        expect(withinCounty(p, countyOf(d, p.properties.county)), where).toBe(true);
        for (const park of d.parks) expect(booleanIntersects(p, park), `${where} / ${park.properties.park_id}`).toBe(false);
      }
    }
    expect(outside / d.parcels.length).toBeGreaterThan(0.02);
    expect(outside / d.parcels.length).toBeLessThan(0.05);
  });

  it('parcels do not overlap', () => {
    // Sweep over bounding boxes sorted by west edge; only boxes that overlap are tested exactly.
    const boxes = d.parcels.map((p) => ({ p, b: bbox(p) })).sort((a, b) => a.b[0] - b.b[0]);
    let pairs = 0;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      for (let j = i + 1; j < boxes.length && boxes[j].b[0] <= a.b[2]; j++) {
        const b = boxes[j];
        if (b.b[1] > a.b[3] || b.b[3] < a.b[1]) continue;
        pairs++;
        expect(booleanIntersects(a.p, b.p), `${a.p.properties.parcel_id} / ${b.p.properties.parcel_id}`).toBe(false);
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('statuses and dates are consistent; every status and each idle case occurs', () => {
    const seen = new Set<unknown>();
    const idle = { ns2: 0, ns1: 0, stalled: 0, govDelay: 0 };
    const asOf = '2026-06-30';
    const problems: string[] = [];
    const ok = (cond: boolean, msg: string) => {
      if (!cond) problems.push(msg);
    };
    for (const { properties: p } of d.parcels) {
      const w = String(p.parcel_id);
      seen.add(p.status);
      const supply = String(p.supply_date);
      ok(supply >= '2015-01-01' && supply <= '2026-12-31', `${w}: supply date`);
      if (p.status === 'not_started') ok(p.actual_start_date === null, `${w}: not started but has a start date`);
      else ok(p.actual_start_date !== null && String(p.actual_start_date) <= '2026-03-31', `${w}: actual start`);
      if (p.status === 'halted') ok(p.halted_since !== null && String(p.halted_since) > String(p.actual_start_date), `${w}: halted_since`);
      else ok(p.halted_since === null, `${w}: halted_since without halt`);
      if (p.status === 'producing') ok(Number(p.annual_output_wan) > 0 && Number(p.annual_tax_wan) > 0, `${w}: producing without output/tax`);
      if (p.agreed_start_date) {
        ok(String(p.agreed_start_date) > supply && String(p.agreed_start_date) <= addYears(supply, 1), `${w}: agreed start 0–12 months after supply`);
        ok(String(p.agreed_completion_date) >= addYears(String(p.agreed_start_date), 2), `${w}: completion ≥ 2 years after start`);
        if (!p.actual_start_date) {
          if (addYears(String(p.agreed_start_date), 2) <= asOf) idle.ns2++;
          else if (addYears(String(p.agreed_start_date), 1) <= asOf) idle.ns1++;
        }
      }
      if (p.halted_since && addYears(String(p.halted_since), 1) <= asOf) {
        const dev = Number(p.developed_area_m2) / Number(p.area_m2);
        const inv = Number(p.actual_investment_wan) / Number(p.agreed_investment_wan);
        if (dev < 1 / 3 || inv < 0.25) idle.stalled++;
      }
      if (p.government_delay === true) idle.govDelay++;
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([...PARCEL_STATUSES].sort());
    expect(idle.ns2).toBeGreaterThan(10);
    expect(idle.ns1).toBeGreaterThan(10);
    expect(idle.stalled).toBeGreaterThan(10);
    expect(idle.govDelay).toBeGreaterThan(10);
    const props = d.parcels.map((f) => f.properties);
    expect(props.filter((p) => p.policy_compliant === false).length).toBeGreaterThan(5);
    expect(props.filter((p) => p.other_breach === true).length).toBeGreaterThan(5);
    expect(props.filter((p) => p.status === 'producing' && Number(p.annual_output_wan) < Number(p.agreed_annual_output_wan)).length).toBeGreaterThan(20);
    const missing = props.filter((p) => ['land_price_wan', 'agreed_investment_wan', 'agreed_start_date', 'area_m2'].some((k) => p[k] === null));
    expect(missing.length).toBeGreaterThan(5);
    expect(new Set(props.map((p) => p.land_use)).size).toBeGreaterThanOrEqual(4);
  });

  it('enterprises and chains: contract fields, unique ids, references resolve', () => {
    const nodeIds = new Set(d.nodes.map((n) => n.node_id));
    const entIds = new Set(d.enterprises.map((e) => e.enterprise_id));
    expect(nodeIds.size).toBe(d.nodes.length);
    expect(entIds.size).toBe(d.enterprises.length);
    const perChain = new Map<string, number>();
    const problems: string[] = [];
    for (const n of d.nodes) {
      problems.push(...badRecord(CHAIN_NODE_FIELDS, n, n.node_id, true));
      expect(n.node_id).toMatch(new RegExp(`^${n.chain_id}-\\d{2}$`));
      expect(n.chain_id).toMatch(new RegExp(`^${P}-[A-Z]+$`));
      perChain.set(n.chain_id, (perChain.get(n.chain_id) ?? 0) + 1);
    }
    for (const count of perChain.values()) expect(count >= 5 && count <= 9).toBe(true);
    for (const l of d.links) {
      if (!nodeIds.has(l.from_node) || !nodeIds.has(l.to_node)) problems.push(`link ${l.from_node} → ${l.to_node}`);
    }
    const parkIds = new Set(d.parks.map((p) => p.properties.park_id));
    const entPattern = new RegExp(`^${P}-E\\d{4}$`);
    for (const e of d.enterprises) {
      problems.push(...badRecord(ENTERPRISE_FIELDS, e, e.enterprise_id, true));
      if (!entPattern.test(e.enterprise_id)) problems.push(`${e.enterprise_id}: id pattern`);
      if (e.park_id && !parkIds.has(e.park_id)) problems.push(`${e.enterprise_id}: unknown park`);
      if (!nodeIds.has(e.chain_node)) problems.push(`${e.enterprise_id}: unknown chain node`);
    }
    const landOf = new Map<string, number>();
    for (const { properties: p } of d.parcels) {
      if (p.enterprise_id) {
        if (!entIds.has(String(p.enterprise_id))) problems.push(`${p.parcel_id}: unknown enterprise`);
        landOf.set(String(p.enterprise_id), (landOf.get(String(p.enterprise_id)) ?? 0) + 1);
      }
      if (p.chain_node && !nodeIds.has(String(p.chain_node))) problems.push(`${p.parcel_id}: unknown chain node`);
    }
    expect(problems).toEqual([]);
    // Every enterprise holds land; some hold two or three parcels.
    expect(landOf.size).toBe(entIds.size);
    expect([...landOf.values()].filter((n) => n >= 2).length).toBeGreaterThan(20);
    // 补链 gaps: some chain nodes have no enterprise in the region.
    const used = new Set(d.enterprises.map((e) => e.chain_node));
    expect([...nodeIds].filter((n) => !used.has(n)).length).toBeGreaterThanOrEqual(2);
    // 同质化: some node is present in at least three counties.
    const counties = new Map<string, Set<string>>();
    for (const e of d.enterprises) counties.set(e.chain_node, (counties.get(e.chain_node) ?? new Set()).add(e.county));
    expect(Math.max(...[...counties.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3);
  });

  // What a leader sees on the dashboard must look like a real county ledger (review of the demo):
  // the shares below are recomputed here from the contract rules, independently of the generator.
  it('credible figures at 2026-06-30: idle ~12–15 %, any exit ~25–35 %, E4 ~10–15 % of producing', () => {
    const asOf = '2026-06-30';
    const num = (v: unknown) => (v === null || v === '' ? NaN : Number(v));
    let idle = 0;
    let anyExit = 0;
    let producing = 0;
    let e4 = 0;
    for (const { properties: p } of d.parcels) {
      const notStarted = p.actual_start_date === null;
      const ns = notStarted && p.agreed_start_date !== null && addYears(String(p.agreed_start_date), 1) <= asOf;
      const dev = num(p.developed_area_m2) / num(p.area_m2);
      const inv = num(p.actual_investment_wan) / num(p.agreed_investment_wan);
      const stalled = !notStarted && p.halted_since !== null && addYears(String(p.halted_since), 1) <= asOf && (dev < 1 / 3 || inv < 0.25);
      if (ns || stalled) idle++;
      const exits = [
        notStarted && p.agreed_start_date !== null && asOf > String(p.agreed_start_date),
        p.agreed_completion_date !== null && asOf > String(p.agreed_completion_date) && num(p.actual_investment_wan) < num(p.agreed_investment_wan),
        p.status === 'built_no_production',
        p.status === 'producing' && num(p.annual_output_wan) < num(p.agreed_annual_output_wan),
        p.policy_compliant === false,
        p.other_breach === true,
      ];
      if (exits.some(Boolean)) anyExit++;
      if (p.status === 'producing') {
        producing++;
        if (exits[3]) e4++;
      }
    }
    const n = d.parcels.length;
    expect(idle / n).toBeGreaterThan(0.11);
    expect(idle / n).toBeLessThan(0.16);
    expect(anyExit / n).toBeGreaterThan(0.25);
    expect(anyExit / n).toBeLessThan(0.35);
    expect(e4 / producing).toBeGreaterThan(0.08);
    expect(e4 / producing).toBeLessThan(0.16);
  });

  it('planned area is the polygon area, and parcels cover a plausible share of it', () => {
    const covered = new Map<unknown, number>();
    for (const { properties: p } of d.parcels) {
      if (p.park_id) covered.set(p.park_id, (covered.get(p.park_id) ?? 0) + Number(p.area_m2 ?? 0));
    }
    const shares = d.parks.map((k) => {
      const planned = Number(k.properties.planned_area_ha) * 10_000;
      expect(Math.abs(planned - area(k)) / area(k), String(k.properties.park_id)).toBeLessThan(0.005);
      return (covered.get(k.properties.park_id) ?? 0) / planned;
    });
    // Parcels (plus roads and green space) fill most of an established park; newer parks less.
    for (const s of shares) expect(s).toBeGreaterThan(0.3);
    for (const s of shares) expect(s).toBeLessThan(0.8);
    expect(shares.filter((s) => s >= 0.55).length / shares.length).toBeGreaterThanOrEqual(0.75);
  });

  it('park match: most parks 70–95 % on their declared chains, at least one clearly off-profile', () => {
    const chainOf = new Map(d.nodes.map((n) => [n.node_id, n.chain_id]));
    const byPark = new Map<unknown, { matched: number; tagged: number }>();
    const declared = new Map(d.parks.map((k) => [k.properties.park_id, String(k.properties.leading_chains).split(';')]));
    for (const { properties: p } of d.parcels) {
      const chain = chainOf.get(String(p.chain_node));
      if (!p.park_id || !chain) continue;
      const m = byPark.get(p.park_id) ?? { matched: 0, tagged: 0 };
      m.tagged += Number(p.area_m2 ?? 0);
      if (declared.get(p.park_id)!.includes(chain)) m.matched += Number(p.area_m2 ?? 0);
      byPark.set(p.park_id, m);
    }
    const shares = [...byPark.values()].map((m) => m.matched / m.tagged);
    expect(shares.length).toBe(d.parks.length);
    expect(shares.filter((s) => s >= 0.7 && s <= 0.96).length / shares.length).toBeGreaterThanOrEqual(0.7);
    expect(shares.some((s) => s >= 0.35 && s <= 0.62)).toBe(true);
    expect(shares.every((s) => s < 0.999)).toBe(true);
  });

  it('regenerating with the default seed reproduces the committed files', () => {
    const demo = generateRegionDemo(id, d.counties);
    expect(JSON.parse(JSON.stringify(demo.parcels))).toEqual(d.parcelsRaw);
    expect(demo.parks.features.map((f) => f.properties)).toEqual(d.parks.map((f) => f.properties));
    expect(demo.enterprises.map((e) => e.enterprise_id)).toEqual(d.enterprises.map((e) => e.enterprise_id));
  });
});

describe('storylines', () => {
  it('德州: 宁津 parks east of the seat; 宁津–乐陵–庆云 chain within 30 km, 德城区 over 40 km away', () => {
    const d = get('dezhou');
    const seat = countyOf(d, '宁津县').properties.seat;
    const at = (county: string) => d.parks.filter((p) => p.properties.county === county).map((p) => centroid(p));
    for (const c of at('宁津县')) expect(c.geometry.coordinates[0]).toBeGreaterThan(seat[0] + 0.05);
    const near = (a: ReturnType<typeof at>, b: ReturnType<typeof at>) => Math.min(...a.flatMap((x) => b.map((y) => distance(x, y))));
    expect(near(at('宁津县'), at('乐陵市'))).toBeLessThan(30);
    expect(near(at('乐陵市'), at('庆云县'))).toBeLessThan(30);
    const group = [...at('宁津县'), ...at('乐陵市'), ...at('庆云县')];
    expect(near(at('德城区'), group)).toBeGreaterThan(40);
  });

  it('韶关: PCB in 始兴 supplies the terminals in 武江/浈江/曲江', () => {
    const d = get('shaoguan');
    const countiesOf = (node: string) => new Set(d.enterprises.filter((e) => e.chain_node === node).map((e) => e.county));
    const link = d.links.find((l) => {
      const from = countiesOf(l.from_node);
      const to = countiesOf(l.to_node);
      return from.size > 0 && [...from].every((c) => c === '始兴县') && to.size > 0 && [...to].every((c) => ['武江区', '浈江区', '曲江区'].includes(c));
    });
    expect(link).toBeDefined();
  });

  it('≥3000 parcels in all, and the cities differ in size', () => {
    expect(REGIONS.reduce((s, r) => s + get(r.id).parcels.length, 0)).toBeGreaterThanOrEqual(3000);
    expect(new Set(REGIONS.map((r) => get(r.id).parcels.length)).size).toBe(REGIONS.length);
  });

  it('德州 同质化: the finished-equipment node DZ-FIT-05 is built in four or more counties', () => {
    const counties = new Set(get('dezhou').enterprises.filter((e) => e.chain_node === 'DZ-FIT-05').map((e) => e.county));
    expect(counties.size).toBeGreaterThanOrEqual(4);
  });

  it('补链 gaps stay empty: one node per chain without any enterprise', () => {
    for (const [id, gap] of [['dezhou', 'DZ-FIT-03'], ['shaoguan', 'SG-ELE-01'], ['lanzhou', 'LZ-BIO-05']] as const) {
      expect(get(id).enterprises.some((e) => e.chain_node === gap), gap).toBe(false);
      expect(get(id).parcels.some((p) => p.properties.chain_node === gap), gap).toBe(false);
    }
  });
});

describe('generator options', () => {
  it('parcelScale multiplies the number of parcels; another seed gives other data', () => {
    const counties = get('lanzhou').counties;
    const scaled = generateRegionDemo('lanzhou', counties, { parcelScale: 2 });
    expect(scaled.parcels.features.length).toBeGreaterThan(1.8 * get('lanzhou').parcels.length);
    const other = generateRegionDemo('lanzhou', counties, { seed: 7 });
    expect(other.parcels.features[0].geometry).not.toEqual(get('lanzhou').parcels[0].geometry);
  });
});
