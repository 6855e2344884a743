// Loading a region: the committed Lanzhou demo files parse and store; a broken file is
// reported by file, row and field and changes no table; the warm-up leaves nothing behind.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { ImportFailed } from '../../src/data/import/issues';
import { loadRegionFiles, parseRegionFiles, storeRegion } from '../../src/data/import/region';
import { warmUpEngine } from '../../src/analysis/warm-up';
import { readDemoFiles } from '../../src/data/demo-files-node';

const regionFiles = readDemoFiles;

/** Records in a CSV without embedded newlines: non-empty lines minus the header. */
const csvRecords = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
const features = (text: string) => (JSON.parse(text) as { features: unknown[] }).features.length;

/** Replaces one cell (by header name) on one CSV line (1-based, header = line 1). */
function breakCell(text: string, line: number, column: string, value: string): string {
  const lines = text.split('\n');
  const col = lines[0].split(',').indexOf(column);
  const cells = lines[line - 1].split(',');
  cells[col] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

let db: Db & { close(): void };

beforeAll(async () => {
  db = await openNodeDb();
});

afterAll(() => db?.close());

const count = async (table: string) =>
  rows<{ n: number }>(await db.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`))[0].n;

const LZ = regionFiles('lanzhou');

describe('parseRegionFiles on the demo data', () => {
  it('accepts every Lanzhou file with the expected counts', () => {
    const parsed = parseRegionFiles(LZ);
    expect(parsed.parcels.count).toBe(features(LZ.parcels.text));
    expect(parsed.parcels.count).toBeGreaterThan(100);
    expect(parsed.parks.rows.length).toBe(features(LZ.parks.text));
    expect(parsed.parks.labelPoints.every((p) => p !== null)).toBe(true);
    const other = Object.fromEntries(parsed.others.map((o) => [o.table, o.batch?.rows.length]));
    expect(other).toEqual({
      enterprises: csvRecords(LZ.enterprises!.text),
      chain_nodes: csvRecords(LZ.chainNodes!.text),
      chain_links: csvRecords(LZ.chainLinks!.text),
    });
    expect(other.enterprises).toBe(1086);
  });

  it('optional files may be absent (stored as empty tables)', () => {
    const parsed = parseRegionFiles({ parks: LZ.parks, parcels: LZ.parcels });
    expect(parsed.others.map((o) => [o.table, o.batch])).toEqual([
      ['enterprises', null],
      ['chain_nodes', null],
      ['chain_links', null],
      ['projects', null],
      ['factories', null],
    ]);
  });
});

describe('a broken file', () => {
  const badEnterprises = { name: 'enterprises.csv', text: breakCell(LZ.enterprises!.text, 3, 'employees', '12x') };

  it('is reported with file, row and field', () => {
    let err: unknown;
    try {
      parseRegionFiles({ ...LZ, enterprises: badEnterprises });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportFailed);
    const issues = (err as ImportFailed).issues;
    expect(issues).toEqual([
      { level: 'error', file: 'enterprises.csv', row: '第 3 行', field: 'employees', message: '“12x” 不是数字' },
    ]);
    expect((err as ImportFailed).message).toBe('导入失败：1 处错误');
  });

  it('problems in several files are all listed', () => {
    const badLinks = { name: 'chain_links.csv', text: 'from_node\nA\n' };
    try {
      parseRegionFiles({ ...LZ, enterprises: badEnterprises, chainLinks: badLinks });
      expect.unreachable();
    } catch (e) {
      const issues = (e as ImportFailed).issues;
      expect(issues.map((i) => [i.file, i.field])).toEqual([
        ['enterprises.csv', 'employees'],
        ['chain_links.csv', 'to_node'],
      ]);
    }
  });

  it('leaves the previously stored region untouched', async () => {
    await storeRegion(db, parseRegionFiles(LZ));
    const parcels = await count('parcels');
    const enterprises = await count('enterprises');
    const parks = await count('parks');
    expect(parcels).toBe(features(LZ.parcels.text));
    expect(enterprises).toBe(1086);

    // Another region, valid apart from its enterprises file: nothing of it may land.
    const DZ = regionFiles('dezhou');
    const dzBad = { name: 'enterprises.csv', text: breakCell(DZ.enterprises!.text, 5, 'revenue_wan', 'n/a') };
    await expect(loadRegionFiles(db, { ...DZ, enterprises: dzBad })).rejects.toBeInstanceOf(ImportFailed);

    expect(await count('parcels')).toBe(parcels);
    expect(await count('enterprises')).toBe(enterprises);
    expect(await count('parks')).toBe(parks);
    const prefixes = rows<{ p: string }>(await db.query('SELECT DISTINCT left(parcel_id, 3) AS p FROM parcels'));
    expect(prefixes).toEqual([{ p: 'LZ-' }]);
    expect(await count('parcel_shapes')).toBeGreaterThanOrEqual(parcels);
  });
});

describe('warmUpEngine', () => {
  it('duckdb_tables() lists temporary tables, so the leftover check below would see one', async () => {
    await db.query('CREATE TEMP TABLE _warm_probe AS SELECT 1 AS a');
    const seen = rows(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%warm%'`));
    await db.query('DROP TABLE _warm_probe');
    expect(seen).toEqual([{ table_name: '_warm_probe' }]);
  });

  it('leaves no _warm tables (nor staging tables) behind and does not touch parcels', async () => {
    await storeRegion(db, parseRegionFiles(LZ));
    const before = await count('parcels');
    await warmUpEngine(db);
    const left = rows<{ table_name: string }>(
      await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%warm%' OR table_name LIKE '%staging%'`),
    );
    expect(left).toEqual([]);
    expect(await count('parcels')).toBe(before);
    // Running it twice must not trip over its own leftovers.
    await warmUpEngine(db);
    expect(
      rows(await db.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%warm%'`)),
    ).toEqual([]);
  });
});
