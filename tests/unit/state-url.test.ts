// The view ⇄ address codec: every view survives a round trip, bad parameters open the nearest
// valid view with a note, and the old parameters (?region ?lang ?asOf ?mode ?wall ?scale) work.

import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { historyMode, viewFromSearch, viewToSearch } from '../../src/state/url-codec';
import { type View, DEFAULT_VIEW, isIsoDate } from '../../src/state/view';

const FALLBACK = { region: 'dezhou', lang: 'zh' } as const;

const full: View = {
  ...DEFAULT_VIEW,
  mode: 'workbench',
  region: 'shaoguan',
  asOf: '2026-06-30',
  lang: 'en',
  filter: {
    counties: ['始兴县', '仁化县'],
    parkIds: ['K,1&x=2'],
    statuses: ['halted'],
    idleTypes: ['stalled'],
    disposals: ['fee', 'recovery'],
    supplyYears: [2019],
    quality: ['missing'],
  },
  parcel: 'SG-001 #2',
  wall: true,
  camera: { lng: 113.61234, lat: 24.95678, zoom: 11.25, bearing: 15, pitch: 30 },
  group: 'G&1=2',
  cluster: 2,
  chain: 'SG-PCB',
  node: 'SG-PCB-03',
  layers: { parcels: true, parks: false, labels: false, basemap: true, available: true },
};

describe('view → address → view', () => {
  it('restores a view with every field set, including ids with reserved characters', () => {
    const search = viewToSearch(full, { scale: 3 });
    const back = viewFromSearch(search, FALLBACK);
    expect(back.view).toEqual(full);
    expect(back.extras.scale).toBe(3);
    expect(back.issues).toEqual([]);
  });

  it('restores the default view and writes only region and language for it', () => {
    const search = viewToSearch(DEFAULT_VIEW);
    expect(search).toBe('?region=dezhou&lang=zh');
    expect(viewFromSearch(search, { region: 'lanzhou', lang: 'en' }).view).toEqual(DEFAULT_VIEW);
  });

  it('encodes the same view to the same string whatever the filter order', () => {
    const a = viewToSearch({ ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, disposals: ['fee'], counties: ['宁津县'] } });
    const b = viewToSearch({ ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, counties: ['宁津县'], disposals: ['fee'] } });
    expect(a).toBe(b);
  });
});

describe('address → view', () => {
  it('replaces a cluster that is not a positive whole number and an unknown layer, saying so', () => {
    const d = viewFromSearch('?cluster=0&hide=parks,roads', FALLBACK);
    expect(d.view.cluster).toBeNull();
    expect(d.view.layers).toEqual({ parcels: true, parks: false, labels: true, basemap: true, available: true });
    expect(d.issues.map((i) => i.en)).toEqual([expect.stringContaining('cluster="0"'), expect.stringContaining('hide="roads"')]);
  });

  it('reads the existing parameters', () => {
    const d = viewFromSearch('?region=lanzhou&lang=en&asOf=2024-12-31&mode=layout&wall=1&scale=777', FALLBACK);
    expect(d.view).toMatchObject({ region: 'lanzhou', lang: 'en', asOf: '2024-12-31', mode: 'layout', wall: true });
    expect(d.extras.scale).toBe(777);
  });

  it('takes region and language from the saved preferences when the address has none', () => {
    const d = viewFromSearch('?asOf=2026-06-30', { region: 'shaoguan', lang: 'en' });
    expect(d.view).toMatchObject({ region: 'shaoguan', lang: 'en', asOf: '2026-06-30', mode: 'idle' });
  });

  it('opens the nearest valid view for invalid parameters and names each one', () => {
    const d = viewFromSearch(
      '?region=atlantis&lang=fr&asOf=2026-02-30&mode=map&status=flying&status=halted&year=19x&scale=5000',
      FALLBACK,
    );
    expect(d.view).toEqual({ ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, statuses: ['halted'] } });
    expect(d.extras.scale).toBeNull();
    const named = d.issues.map((i) => i.zh).join('\n');
    for (const bad of ['region=“atlantis”', 'lang=“fr”', 'asOf=“2026-02-30”', 'mode=“map”', 'status=“flying”', 'year=“19x”', 'scale=“5000”']) {
      expect(named).toContain(bad);
    }
    expect(d.issues.every((i) => i.en.includes('not valid'))).toBe(true);
  });

  it('treats asOf=today and a missing asOf as today, without a complaint', () => {
    expect(viewFromSearch('?asOf=today', FALLBACK)).toMatchObject({ view: { asOf: 'today' }, issues: [] });
    expect(viewFromSearch('', FALLBACK).view.asOf).toBe('today');
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-6-30')).toBe(false);
  });
});

describe('history entries', () => {
  it('pushes navigations and replaces continuous changes', () => {
    expect(historyMode(DEFAULT_VIEW, { ...DEFAULT_VIEW, mode: 'layout' })).toBe('push');
    expect(historyMode(DEFAULT_VIEW, { ...DEFAULT_VIEW, region: 'lanzhou' })).toBe('push');
    expect(historyMode(DEFAULT_VIEW, { ...DEFAULT_VIEW, parcel: 'P1' })).toBe('push');
    expect(historyMode(DEFAULT_VIEW, { ...DEFAULT_VIEW, asOf: '2025-01-01' })).toBe('replace');
    expect(historyMode(DEFAULT_VIEW, { ...DEFAULT_VIEW, filter: { ...EMPTY_FILTER, counties: ['宁津县'] } })).toBe('replace');
  });
});
