// The parcels importer on small CSV and GeoJSON files: what the data contract (v1) accepts,
// and that every rejection names the file, the row (第 N 行 / 第 N 个要素) and the field.

import { describe, expect, it } from 'vitest';
import { PARCEL_FIELDS } from '../../src/data/contract';
import { toCsv } from '../../src/data/csv';
import { decodeText } from '../../src/data/decode';
import { type ImportResult, importParcels } from '../../src/data/import/parcels';
import { type ImportIssue, formatIssue } from '../../src/data/import/issues';
import { type ParcelInput, parcelsCsv } from './helpers/parcels';

const NAMES = PARCEL_FIELDS.map((f) => f.name);
const col = (name: string) => NAMES.indexOf(name);

function accepted(r: ImportResult) {
  if (!r.ok) throw new Error(`rejected:\n${r.issues.map(formatIssue).join('\n')}`);
  return r.batch;
}

function errors(r: ImportResult): ImportIssue[] {
  expect(r.ok).toBe(false);
  return r.issues.filter((i) => i.level === 'error');
}

/** CSV with the contract columns plus a `geometry` column; `rows` are given per field name. */
function csvWithGeometry(parcels: (ParcelInput & { geometry?: string })[]): string {
  return toCsv(
    [...NAMES, 'geometry'],
    parcels.map((p, i) => {
      const row: Record<string, unknown> = { parcel_id: `G${i + 1}`, county: '宁津县', land_use: 'industrial', status: 'producing', ...p };
      return [...NAMES, 'geometry'].map((n) => row[n] ?? null);
    }),
  );
}

/** A GeoJSON FeatureCollection of parcels; properties default to a valid minimal parcel. */
function geojson(features: { props?: Record<string, unknown>; geometry?: unknown }[], fill = true): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f, i) => ({
      type: 'Feature',
      properties: {
        ...(fill ? Object.fromEntries(NAMES.map((n) => [n, null])) : {}),
        parcel_id: `F${i + 1}`,
        county: '宁津县',
        land_use: 'industrial',
        area_m2: 30000,
        status: 'producing',
        ...f.props,
      },
      geometry: f.geometry === undefined ? null : f.geometry,
    })),
  });
}

// A 0.001° × 0.001° square at 116°E, 37°N (Shandong / Hebei plain).
const SQUARE = [[[116, 37], [116.001, 37], [116.001, 37.001], [116, 37.001], [116, 37]]];
const SQUARE_WKT = 'POLYGON((116 37, 116.001 37, 116.001 37.001, 116 37.001, 116 37))';

/**
 * Area of that square on the WGS84 ellipsoid, from the meridional (M) and prime-vertical (N)
 * radii of curvature at the middle latitude: A ≈ M·Δφ · N·cos φ·Δλ. Good to far better than
 * 0.1 % for a square this small, so it is an independent check of the importer's area.
 */
function ellipsoidSquareArea(lat0: number, dDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const phi = ((lat0 + dDeg / 2) * Math.PI) / 180;
  const d = (dDeg * Math.PI) / 180;
  const w = 1 - e2 * Math.sin(phi) ** 2;
  const m = (a * (1 - e2)) / w ** 1.5;
  const n = a / Math.sqrt(w);
  return m * d * n * Math.cos(phi) * d;
}

/** Encodes text as GBK, using the platform's GBK decoder to build the reverse table. */
function encodeGbk(text: string): Uint8Array {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

describe('valid files', () => {
  it('reads a CSV with the contract columns into normalised values', () => {
    const batch = accepted(
      importParcels(
        'ok.csv',
        parcelsCsv([
          {
            parcel_id: 'NJ-001',
            park_id: 'PK1',
            holder: '德州某某机械有限公司',
            supply_date: '2019/3/5',
            agreed_start_date: '2019-06-01',
            land_price_wan: '1,200.5',
            agreed_investment_wan: 6000,
            government_delay: 'false',
            policy_compliant: '',
          },
          { parcel_id: 'NJ-002', status: 'not_started', other_breach: 'true' },
        ]),
      ),
    );
    expect(batch.count).toBe(2);
    const [a, b] = batch.rows;
    expect(a[col('parcel_id')]).toBe('NJ-001');
    expect(a[col('park_id')]).toBe('PK1');
    expect(a[col('supply_date')]).toBe('2019-03-05');
    expect(a[col('agreed_start_date')]).toBe('2019-06-01');
    expect(a[col('land_price_wan')]).toBe(1200.5);
    expect(a[col('agreed_investment_wan')]).toBe(6000);
    expect(a[col('area_m2')]).toBe(30000);
    expect(a[col('government_delay')]).toBe(false);
    expect(a[col('policy_compliant')]).toBeNull();
    expect(a[col('halted_since')]).toBeNull();
    expect(b[col('status')]).toBe('not_started');
    expect(b[col('other_breach')]).toBe(true);
    // No geometry column: no label points, no rings, area as given.
    expect(Number.isNaN(batch.cx[0])).toBe(true);
    expect(batch.rings).toEqual([]);
    expect(Array.from(batch.areaFromGeometry)).toEqual([0, 0]);
  });

  it('reads a GeoJSON FeatureCollection', () => {
    const batch = accepted(
      importParcels(
        'ok.geojson',
        geojson([
          { props: { agreed_start_date: '2020-01-01', annual_tax_wan: 12.5 }, geometry: { type: 'Polygon', coordinates: SQUARE } },
          { props: { government_delay: true } },
        ]),
      ),
    );
    expect(batch.count).toBe(2);
    expect(batch.rows[0][col('parcel_id')]).toBe('F1');
    expect(batch.rows[0][col('agreed_start_date')]).toBe('2020-01-01');
    expect(batch.rows[0][col('annual_tax_wan')]).toBe(12.5);
    expect(batch.rows[1][col('government_delay')]).toBe(true);
    expect(batch.cx[0]).toBeCloseTo(116.0005, 9);
    expect(batch.cy[0]).toBeCloseTo(37.0005, 9);
    expect(batch.rings).toHaveLength(1);
    expect(batch.rings[0].pidx).toBe(0);
    expect(batch.rings[0].xy).toHaveLength(10);
  });

  it('accepts Chinese enum aliases (工业, 已投产, …)', () => {
    const batch = accepted(
      importParcels(
        'zh.csv',
        parcelsCsv([
          { land_use: '工业', status: '已投产' },
          { land_use: '仓储用地', status: '建成未投产' },
          { land_use: 'Industrial', status: '未动工' },
        ]),
      ),
    );
    expect(batch.rows.map((r) => [r[col('land_use')], r[col('status')]])).toEqual([
      ['industrial', 'producing'],
      ['warehouse', 'built_no_production'],
      ['industrial', 'not_started'],
    ]);
  });

  it('accepts booleans 是/否/1/0/true/false', () => {
    const batch = accepted(
      importParcels(
        'bool.csv',
        parcelsCsv([
          { government_delay: '是', policy_compliant: '否', other_breach: '1' },
          { government_delay: '0', policy_compliant: 'TRUE', other_breach: 'false' },
        ]),
      ),
    );
    const b = (i: number) => ['government_delay', 'policy_compliant', 'other_breach'].map((n) => batch.rows[i][col(n)]);
    expect(b(0)).toEqual([true, false, true]);
    expect(b(1)).toEqual([false, true, false]);
  });

  it('reads a UTF-8 BOM and CRLF line endings', () => {
    const text = '\ufeff' + parcelsCsv([{ parcel_id: 'A' }, { parcel_id: 'B', supply_date: '2021-02-30' }]).replaceAll('\n', '\r\n');
    const errs = errors(importParcels('bom.csv', text));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: '第 3 行', field: 'supply_date' });
  });
});

describe('file-level errors', () => {
  it('a missing column is one error naming the column, however many rows', () => {
    const csv = parcelsCsv([{}, {}, {}]);
    const lines = csv.split('\n').map((l) => l.split(',').filter((_, i) => i !== col('halted_since')).join(','));
    const errs = errors(importParcels('cols.csv', lines.join('\n')));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ file: 'cols.csv', row: null, field: 'halted_since' });
    expect(errs[0].message).toContain('halted_since');
    expect(errs[0].message).toContain('停工日期');
  });

  it('a missing property in GeoJSON is one error naming the column', () => {
    const doc = JSON.parse(geojson([{}, {}]));
    for (const f of doc.features) delete f.properties.agreed_start_date;
    const errs = errors(importParcels('cols.geojson', JSON.stringify(doc)));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: null, field: 'agreed_start_date' });
  });

  it('an empty file, a header only, broken JSON and a non-FeatureCollection are rejected', () => {
    expect(errors(importParcels('empty.csv', ''))).toHaveLength(1);
    expect(errors(importParcels('head.csv', `${NAMES.join(',')}\n`))[0].message).toContain('没有记录');
    expect(errors(importParcels('bad.geojson', '{"type":'))[0].message).toContain('JSON');
    expect(errors(importParcels('pt.geojson', '{"type":"Feature"}'))[0].message).toContain('FeatureCollection');
  });

  it('an unclosed quote names the line where it opened', () => {
    const text = `${parcelsCsv([{}])}"P2,宁津县\n`;
    const errs = errors(importParcels('q.csv', text));
    expect(errs).toHaveLength(1);
    expect(errs[0].row).toBe('第 3 行');
  });
});

describe('row errors name 第 N 行 and the field', () => {
  it.each(['2021-13-01', '2021-02-30', '2021-2-29', '20210301', '2021-03'])('bad date %s', (bad) => {
    const r = importParcels('d.csv', parcelsCsv([{}, {}, { agreed_start_date: bad }]));
    const errs = errors(r);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ file: 'd.csv', row: '第 4 行', field: 'agreed_start_date' });
    expect(errs[0].message).toContain(bad);
    const text = formatIssue(errs[0]);
    expect(text).toContain('d.csv');
    expect(text).toContain('第 4 行');
    expect(text).toContain('agreed_start_date');
  });

  it('a leap day is a valid date', () => {
    const batch = accepted(importParcels('leap.csv', parcelsCsv([{ agreed_start_date: '2020-02-29' }])));
    expect(batch.rows[0][col('agreed_start_date')]).toBe('2020-02-29');
  });

  it('a bad date in GeoJSON names the feature', () => {
    const errs = errors(importParcels('d.geojson', geojson([{}, { props: { halted_since: '2021-02-30' } }])));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: '第 2 个要素', field: 'halted_since' });
  });

  it('a duplicate parcel_id names both rows', () => {
    const errs = errors(importParcels('dup.csv', parcelsCsv([{ parcel_id: 'X1' }, { parcel_id: 'Y' }, { parcel_id: 'X1' }])));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: '第 4 行', field: 'parcel_id' });
    expect(errs[0].message).toContain('X1');
    expect(errs[0].message).toContain('第 2 行');
  });

  it('a bad enum value lists the allowed values, each with the label that is accepted too', () => {
    const errs = errors(importParcels('e.csv', parcelsCsv([{ land_use: '农用地' }, { status: 'finished' }])));
    expect(errs.map((e) => [e.row, e.field])).toEqual([
      ['第 2 行', 'land_use'],
      ['第 3 行', 'status'],
    ]);
    expect(errs[0].message).toContain('industrial（工业） / warehouse（仓储）');
    expect(errs[1].message).toContain('producing（已投产）');
  });

  it('a bad boolean is an error', () => {
    const errs = errors(importParcels('b.csv', parcelsCsv([{ government_delay: '可能' }])));
    expect(errs[0]).toMatchObject({ row: '第 2 行', field: 'government_delay' });
  });

  it('a negative number is an error; so is text in a number field', () => {
    const errs = errors(importParcels('n.csv', parcelsCsv([{ actual_investment_wan: -5 }, { annual_tax_wan: '十万' }])));
    expect(errs.map((e) => [e.row, e.field])).toEqual([
      ['第 2 行', 'actual_investment_wan'],
      ['第 3 行', 'annual_tax_wan'],
    ]);
    expect(errs[0].message).toContain('负数');
  });

  it('an empty required field is an error', () => {
    const errs = errors(importParcels('r.csv', parcelsCsv([{ county: '' }])));
    expect(errs[0]).toMatchObject({ row: '第 2 行', field: 'county' });
  });

  it('collects every error in the file, not just the first', () => {
    const errs = errors(
      importParcels('many.csv', parcelsCsv([{ supply_date: '2021-13-01' }, { status: 'x', area_m2: -1 }, {}])),
    );
    expect(errs.map((e) => `${e.row}/${e.field}`)).toEqual(['第 2 行/supply_date', '第 3 行/area_m2', '第 3 行/status']);
  });

  it('a quoted cell with a comma and a newline keeps later line numbers right', () => {
    const text = parcelsCsv([{ holder: '德州某某机械有限公司,\n二期项目' }, { supply_date: '2021-02-30' }]);
    // Header is line 1, the first record spans lines 2–3, so the second starts on line 4.
    const errs = errors(importParcels('multi.csv', text));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: '第 4 行', field: 'supply_date' });
    const ok = accepted(importParcels('multi.csv', parcelsCsv([{ holder: '甲公司,\n二期' }])));
    expect(ok.rows[0][col('holder')]).toBe('甲公司,\n二期');
  });
});

describe('geometry and area', () => {
  it('an empty area_m2 is computed from the geometry (geodesic, within 0.5 %)', () => {
    const expected = ellipsoidSquareArea(37, 0.001);
    expect(expected).toBeGreaterThan(9800);
    expect(expected).toBeLessThan(9950);
    const csv = accepted(importParcels('a.csv', csvWithGeometry([{ area_m2: '', geometry: SQUARE_WKT }])));
    const gj = accepted(
      importParcels('a.geojson', geojson([{ props: { area_m2: null }, geometry: { type: 'Polygon', coordinates: SQUARE } }])),
    );
    for (const batch of [csv, gj]) {
      const area = batch.rows[0][col('area_m2')] as number;
      expect(Math.abs(area - expected) / expected).toBeLessThan(0.005);
      expect(batch.areaFromGeometry[0]).toBe(1);
    }
  });

  it('a given area_m2 is kept even when there is a geometry', () => {
    const batch = accepted(importParcels('a.csv', csvWithGeometry([{ area_m2: 12345, geometry: SQUARE_WKT }])));
    expect(batch.rows[0][col('area_m2')]).toBe(12345);
    expect(batch.areaFromGeometry[0]).toBe(0);
  });

  it('an empty area_m2 without geometry is an error', () => {
    const errs = errors(importParcels('a.csv', parcelsCsv([{}, { area_m2: '' }])));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: '第 3 行', field: 'area_m2' });
    const gj = errors(importParcels('a.geojson', geojson([{ props: { area_m2: null } }])));
    expect(gj[0]).toMatchObject({ row: '第 1 个要素', field: 'area_m2' });
  });

  it('an area of 0 is an error', () => {
    const errs = errors(importParcels('a.csv', parcelsCsv([{ area_m2: 0 }])));
    expect(errs[0]).toMatchObject({ row: '第 2 行', field: 'area_m2' });
  });

  it('projected coordinates are rejected with a hint about 投影坐标 (CSV WKT and GeoJSON)', () => {
    const wkt = 'POLYGON((39500000 4100000, 39500100 4100000, 39500100 4100100, 39500000 4100100, 39500000 4100000))';
    const errs = errors(importParcels('gk.csv', csvWithGeometry([{ area_m2: 10000 }, { area_m2: 10000, geometry: wkt }])));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ row: '第 3 行', field: 'geometry' });
    expect(errs[0].message).toContain('投影坐标');
    const ring = [[39500000, 4100000], [39500100, 4100000], [39500100, 4100100], [39500000, 4100000]];
    const gj = errors(importParcels('gk.geojson', geojson([{ geometry: { type: 'Polygon', coordinates: [ring] } }])));
    expect(gj[0]).toMatchObject({ row: '第 1 个要素', field: 'geometry' });
    expect(gj[0].message).toContain('投影坐标');
  });

  it('reads WKT POLYGON and MULTIPOLYGON from a CSV geometry column', () => {
    const multi =
      'MULTIPOLYGON(((116 37, 116.001 37, 116.001 37.001, 116 37.001, 116 37)),' +
      '((116.002 37, 116.003 37, 116.003 37.001, 116.002 37.001, 116.002 37)))';
    const batch = accepted(
      importParcels(
        'wkt.csv',
        csvWithGeometry([
          { area_m2: '', geometry: SQUARE_WKT },
          { area_m2: '', geometry: multi },
          { area_m2: '', geometry: JSON.stringify({ type: 'Polygon', coordinates: SQUARE }) },
        ]),
      ),
    );
    const areas = batch.rows.map((r) => r[col('area_m2')] as number);
    expect(areas[1] / areas[0]).toBeCloseTo(2, 3);
    expect(areas[2]).toBe(areas[0]);
    expect(batch.rings.map((r) => r.pidx)).toEqual([0, 1, 1, 2]);
    for (const r of batch.rings) {
      expect(r.xy.slice(0, 2)).toEqual(r.xy.slice(-2)); // closed
    }
    expect(batch.cx[0]).toBeCloseTo(116.0005, 9);
    expect(batch.cy[0]).toBeCloseTo(37.0005, 9);
  });

  it('a `wkt` column is read like `geometry`', () => {
    const csv = toCsv([...NAMES, 'wkt'], [NAMES.map((n) => ({ parcel_id: 'W1', county: '宁津县', land_use: 'industrial', status: 'producing' })[n] ?? null).concat(SQUARE_WKT)]);
    const batch = accepted(importParcels('w.csv', csv));
    expect(batch.areaFromGeometry[0]).toBe(1);
  });

  it('bad WKT and non-polygon geometry are errors on the geometry field', () => {
    const errs = errors(
      importParcels(
        'g.csv',
        csvWithGeometry([
          { area_m2: 100, geometry: 'POINT(116 37)' },
          { area_m2: 100, geometry: 'POLYGON((116 37, 116.001 abc, 116 37))' },
          { area_m2: 100, geometry: '{"type":"LineString","coordinates":[[116,37],[116.1,37]]}' },
        ]),
      ),
    );
    expect(errs.map((e) => [e.row, e.field])).toEqual([
      ['第 2 行', 'geometry'],
      ['第 3 行', 'geometry'],
      ['第 4 行', 'geometry'],
    ]);
  });
});

describe('encodings', () => {
  it('decodes GBK bytes (Excel on zh-CN Windows) and imports them', () => {
    const text = parcelsCsv([{ parcel_id: '宁津-001', holder: '德州某某机械有限公司', land_use: '工业', status: '已投产', government_delay: '是' }]);
    const bytes = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(text);
    const batch = accepted(importParcels('gbk.csv', decoded.text));
    expect(batch.rows[0][col('parcel_id')]).toBe('宁津-001');
    expect(batch.rows[0][col('county')]).toBe('宁津县');
    expect(batch.rows[0][col('holder')]).toBe('德州某某机械有限公司');
    expect(batch.rows[0][col('land_use')]).toBe('industrial');
    expect(batch.rows[0][col('government_delay')]).toBe(true);
  });

  it('keeps valid UTF-8 as UTF-8', () => {
    const text = parcelsCsv([{ holder: '始兴县某公司' }]);
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });
});
