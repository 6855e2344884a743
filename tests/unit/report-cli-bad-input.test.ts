// Bad input to the command-line report, one class of fault per test: every refusal names the
// file, row or feature and field, uses the documented exit code (1 input errors, 2 usage), writes
// nothing, and never shows a stack trace.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failureMessage } from '../../scripts/report';
import { UsageError, parseReportArgs } from '../../scripts/report-args';
import { problemsCsv, writeAll } from '../../scripts/report-output';
import { parseCsv } from '../../src/data/csv';
import { parcelsCsv } from './helpers/parcels';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-bad-');
const { temp, dir } = files;
afterAll(files.done);

const ONE = parcelsCsv([{ agreed_start_date: '2019-01-01', status: 'not_started' }]);
const STACK = /\n\s+at /;

function squareFeature(id: string, props: Record<string, unknown> = {}, ring?: number[][]) {
  const r = ring ?? [[116, 37], [116.001, 37], [116.001, 37.001], [116, 37.001], [116, 37]];
  return { type: 'Feature', properties: { parcel_id: id, area_m2: null, ...props }, geometry: { type: 'Polygon', coordinates: [r] } };
}

describe('the report refuses bad arguments before reading anything (exit 2)', { timeout: 120_000 }, () => {
  it('refuses an output that is one of the inputs, leaving the input unchanged', async () => {
    const input = temp('in.csv', ONE);
    const settings = temp('s.json', '{"idleYears": 2}');
    const mapping = temp('m.json', '{}');
    for (const [flag, target] of [['--parcels', input], ['--settings', settings], ['--mapping', mapping]] as const) {
      const args = ['--parcels', input, '--settings', settings, '--mapping', mapping, '--out', target];
      const r = await report(args);
      expect(r.code, flag).toBe(2);
      expect(r.stderr, flag).toContain(`与输入 ${flag} 是同一个文件`);
    }
    // The same file under another spelling is still the same file.
    const r = await report(['--parcels', input, '--out', path.join(path.dirname(input), '.', path.basename(input))]);
    expect(r.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(ONE);
  });

  it('refuses a repeated single-valued flag instead of taking the last value', async () => {
    const input = temp('rep.csv', ONE);
    for (const flag of ['--out', '--as-of', '--settings', '--crs', '--xlsx']) {
      const value = flag === '--as-of' ? '2021-06-01' : flag === '--crs' ? 'wgs84' : temp(`rep${flag}.x`);
      const args = flag === '--out' ? ['--parcels', input, flag, value, flag, value] : ['--parcels', input, '--out', temp('rep-out.csv'), flag, value, flag, value];
      const r = await report(args);
      expect(r.code, flag).toBe(2);
      expect(r.stderr, flag).toContain(`${flag} 只能给一次`);
    }
    const three = await report(['--parcels', input, '--parcels', input, '--parcels', input, '--out', temp('x.csv')]);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('最多给两次');
  });

  it('checks every output directory first: a missing one is a usage error even when the input does not exist', async () => {
    const missing = path.join(dir, 'no-such-dir');
    const gone = path.join(dir, 'no-such-input.csv');
    for (const [flag, name] of [['--out', 'r.csv'], ['--xlsx', 'r.xlsx'], ['--geojson', 'r.geojson']]) {
      const outputs = { '--out': temp('ok.csv'), [flag]: path.join(missing, name) };
      const r = await report(['--parcels', gone, ...Object.entries(outputs).flat()]);
      expect(r.code, flag).toBe(2);
      expect(r.stderr, flag).toContain(`${flag} ${path.join(missing, name)}：目录 ${missing} 不存在`);
    }
    const asDir = path.join(dir, 'a-directory');
    mkdirSync(asDir);
    const r = await report(['--parcels', gone, '--out', temp('ok.csv'), '--xlsx', asDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是一个目录');
  });

  it('reads --join-key as one field or LEDGER_FIELD=SHAPES_FIELD, contract fields only, with two parcels files', () => {
    const base = ['--parcels', temp('a.zip'), '--parcels', temp('b.xlsx'), '--out', temp('j.csv')];
    expect(parseReportArgs(base)!.joinKey).toEqual({ ledger: 'parcel_id', shapes: 'parcel_id' });
    expect(parseReportArgs([...base, '--join-key', 'parcel_id=holder'])!.joinKey).toEqual({ ledger: 'parcel_id', shapes: 'holder' });
    expect(() => parseReportArgs([...base, '--join-key', '宗地编号'])).toThrow(/“宗地编号” in --join-key is not a parcels field/);
    expect(() => parseReportArgs(['--parcels', temp('a.zip'), '--out', temp('j.csv'), '--join-key', 'parcel_id'])).toThrow(UsageError);
  });

  it('lists the coordinate systems for an explicit choice only: --swap-axes without --crs and an unknown code are refused', async () => {
    const input = temp('crs.csv', ONE);
    for (const extra of [['--swap-axes'], ['--crs', 'EPSG:3857'], ['--crs', 'utm']]) {
      const r = await report(['--parcels', input, '--out', temp('crs-out.csv'), ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain('--crs');
    }
  });
});

describe('the report writes all outputs or none', () => {
  it('leaves no target and no temporary file when a later write fails', () => {
    const sub = path.join(dir, 'set');
    mkdirSync(sub);
    const csv = path.join(sub, 'r.csv');
    expect(() => writeAll([{ path: csv, content: 'a\n' }, { path: path.join(sub, 'missing', 'r.xlsx'), content: new Uint8Array(1) }])).toThrow();
    expect(readdirSync(sub)).toEqual([]);
    writeAll([{ path: csv, content: 'a\n' }, { path: path.join(sub, 'r.geojson'), content: '{}' }]);
    expect(readdirSync(sub).sort()).toEqual(['r.csv', 'r.geojson']);
  });

  it('when the workbook cannot be written after the analysis, the CSV is not left behind either', async () => {
    const out = temp('set-out.csv');
    const xlsx = temp('set-out.xlsx');
    // The workbook's temporary name is taken by a directory, so only that write fails.
    mkdirSync(`${xlsx}.${process.pid}.tmp`);
    const r = await report(['--parcels', temp('set.csv', ONE), '--as-of', '2021-06-01', '--out', out, '--xlsx', xlsx]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^报告失败 \/ report failed: .*EISDIR/);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(xlsx)).toBe(false);
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });

  it('a failure after the arguments prints one clear line, never a stack trace', () => {
    const e = Object.assign(new Error('EACCES: permission denied, open /x/r.csv\n    at Object.openSync (node:fs:573:18)'), { code: 'EACCES' });
    const text = failureMessage(e);
    expect(text).toBe('报告失败 / report failed: EACCES: EACCES: permission denied, open /x/r.csv\n');
    expect(text).not.toMatch(STACK);
  });
});

describe('output cells are formula-safe while numbers and ids round-trip', { timeout: 120_000 }, () => {
  it('writes ids that a spreadsheet would run as text, and keeps idle_days numbers', async () => {
    const input = temp('formula.csv', parcelsCsv([
      { parcel_id: '=HYPERLINK("http://x")', agreed_start_date: '2019-01-01', status: 'not_started' },
      { parcel_id: '@SUM(A1)' },
      { parcel_id: 'ZD-001' },
      { parcel_id: '-12' },
    ]));
    const out = temp('formula-out.csv');
    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out]);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8')).records.map((x) => x.cells.slice(0, 3));
    expect(rows).toEqual([
      [`'=HYPERLINK("http://x")`, 'not_started', '882'],
      ["'@SUM(A1)", 'none', '0'],
      ['ZD-001', 'none', '0'],
      ['-12', 'none', '0'],
    ]);
  });

  it('writes the problems list formula-safe too', () => {
    const text = problemsCsv([{ level: 'error', file: 'a.csv', row: 3, field: '+x', code: 'c', messageZh: '=1+1', messageEn: '' }]);
    expect(parseCsv(text).records[0].cells).toEqual(['a.csv', '', '3', "'+x", 'c', "'=1+1"]);
  });
});

describe('bad files are refused with file, row or feature and field (exit 1), never a stack trace', { timeout: 120_000 }, () => {
  async function refused(name: string, content: string | Uint8Array) {
    const input = temp(name, content);
    const out = temp(`${name}.out.csv`);
    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out]);
    expect(r.code, name).toBe(1);
    expect(r.stderr, name).toContain(input);
    expect(r.stderr, name).not.toMatch(STACK);
    expect(existsSync(out), name).toBe(false);
    return r.stderr;
  }

  it('a file holding only null', async () => {
    expect(await refused('null.geojson', 'null')).toContain('不是 GeoJSON');
  });

  it('degenerate rings: too few points, a bow-tie, zero area', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        squareFeature('A'),
        squareFeature('B', {}, [[116, 37], [116.001, 37], [116, 37]]),
        squareFeature('C', {}, [[116, 37], [116.001, 37.001], [116.001, 37], [116, 37.001], [116, 37]]),
      ],
    };
    const err = await refused('rings.geojson', JSON.stringify(doc));
    expect(err).toMatch(/第 2 个要素.*外环只有 3 个点/);
    expect(err).toMatch(/第 3 个要素.*自相交/);
  });

  it('a NUL inside an id', async () => {
    expect(await refused('nul.csv', parcelsCsv([{ parcel_id: 'A\u0000B' }]))).toMatch(/第 2 行，字段 parcel_id：.*空字符/);
  });

  it('a row with more cells than the header (an unquoted 11,820.5) and a duplicated header', async () => {
    expect(await refused('shift.csv', 'parcel_id,area_m2,land_price_wan\nP1,11,820.5,3\n')).toMatch(/第 2 行，字段 area_m2：.*11,820\.5/);
    expect(await refused('dup.csv', 'parcel_id,area_m2,area_m2\nP1,1,2\n')).toMatch(/表头“area_m2”出现了两次/);
  });

  it('a file cut off inside a quoted cell', async () => {
    expect(await refused('cut.csv', 'parcel_id,area_m2,holder\nP1,100,"甲公')).toMatch(/第 2 行，字段 holder：.*被截断/);
  });
});

describe('large and odd but valid files are read', { timeout: 120_000 }, () => {
  it('a 150 000-vertex parcel and a 3 MB name go through (no CSV line limit on the way to DuckDB)', async () => {
    const n = 150_000;
    const ring: number[][] = [];
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n;
      ring.push([116.5 + 0.01 * Math.cos(a), 37.5 + 0.01 * Math.sin(a)]);
    }
    ring.push(ring[0]);
    const doc = { type: 'FeatureCollection', features: [squareFeature('BIG', {}, ring), squareFeature('NAMED', { holder: '名'.repeat(1_000_000) })] };
    const out = temp('big-out.csv');
    const r = await report(['--parcels', temp('big.geojson', JSON.stringify(doc)), '--as-of', '2021-06-01', '--out', out]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').slice(1, 3).map((l) => l.split(',')[0])).toEqual(['BIG', 'NAMED']);
  });

  it('Latin-1 text is read with a warning naming the encoding', async () => {
    const bytes = Uint8Array.from([...'parcel_id,holder,area_m2\nP1,Caf\xe9 M\xfcller,100\n'].map((c) => c.charCodeAt(0)));
    const input = temp('latin1.csv', bytes);
    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', temp('latin1-out.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`文件 ${input}.*(Windows-1252|Latin-1)`, 'i'));
  });
});
