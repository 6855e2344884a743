// The demo's 招商项目库 (data/demo/<region>/projects.csv) as the app reads it from the pack: every
// project fits the region (counties, chain nodes), its stage dates run forward and end by the
// snapshot date, a landed project points at a real parcel of its county and chain node, and
// 德州 ships a referral 宁津县 → 乐陵市 inside 宁乐庆组团.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packDemoTables } from '../../scripts/demo/pack';
import { SNAPSHOT_DATE } from '../../scripts/demo/dates';
import { checkStageDates } from '../../src/analysis/project-checks';
import { hostCounty, projectsFromTable } from '../../src/analysis/projects';
import { groupsFromTable } from '../../src/analysis/promotion-groups';
import { REGIONS } from '../../src/data/regions';
import { PROJECT_STAGES } from '../../src/vocab';

const text = (t: { columns: Record<string, { type: string; values: unknown }> }, field: string, r: number) => String((t.columns[field].values as ArrayLike<unknown>)[r] ?? '');

describe.each(REGIONS.map((r) => r.id))('demo projects: %s', (id) => {
  it('fit the region, run forward in time and land on parcels of their county and node', async () => {
    const tables = await packDemoTables('data/demo', id);
    const projects = projectsFromTable(tables.projects);
    expect(projects.length).toBeGreaterThanOrEqual(15);
    const boundaries = JSON.parse(readFileSync(`data/boundaries/${id}.geojson`, 'utf8')) as { features: { properties: { county: string } }[] };
    const counties = new Set(boundaries.features.map((f) => f.properties.county));
    const parcels = new Map<string, { county: string; node: string; supply: string }>();
    for (let r = 0; r < tables.parcels.count; r++) parcels.set(text(tables.parcels, 'parcel_id', r), { county: text(tables.parcels, 'county', r), node: text(tables.parcels, 'chain_node', r), supply: '' });
    const nodes = new Set<string>();
    for (let r = 0; r < tables.chain_nodes!.count; r++) nodes.add(text(tables.chain_nodes!, 'node_id', r));
    const stages = new Set(projects.map((p) => p.stage));
    expect([...stages].sort()).toEqual([...PROJECT_STAGES].filter((s) => stages.has(s)).sort());
    expect(stages.has('negotiating') && stages.has('land_supplied') && stages.has('started')).toBe(true);
    for (const p of projects) {
      const where = `${p.project_id}`;
      expect(counties.has(p.county), where).toBe(true);
      expect(nodes.has(p.chain_node), where).toBe(true);
      expect(checkStageDates(p), where).toEqual([]);
      expect(p.dates[p.stage], where).toBeDefined();
      for (const d of Object.values(p.dates)) expect(d <= SNAPSHOT_DATE, where).toBe(true);
      const landed = PROJECT_STAGES.indexOf(p.stage) >= PROJECT_STAGES.indexOf('land_supplied');
      expect(p.site_parcel_id !== null, where).toBe(landed);
      if (p.site_parcel_id) {
        const parcel = parcels.get(p.site_parcel_id);
        expect(parcel, where).toBeDefined();
        expect([parcel!.county, parcel!.node], where).toEqual([hostCounty(p), p.chain_node]);
      }
    }
  });
});

describe('demo referral', () => {
  it('德州 refers a project from 宁津县 to 乐陵市 inside 宁乐庆组团 with a share', async () => {
    const tables = await packDemoTables('data/demo', 'dezhou');
    const group = groupsFromTable(tables.promotion_groups).find((g) => g.name === '宁乐庆组团')!;
    const referred = projectsFromTable(tables.projects).filter((p) => p.referred_from === '宁津县' && p.referred_to === '乐陵市');
    expect(referred).toHaveLength(1);
    expect(group.counties).toEqual(expect.arrayContaining(['宁津县', '乐陵市']));
    expect(referred[0].share_out_pct).toBe(30);
    expect(hostCounty(referred[0])).toBe('乐陵市');
  });
});
