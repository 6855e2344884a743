// The report on the three demo regions gives byte for byte the CSV the old text import path
// (src/data/import: CSV text into DuckDB) gives, so moving the command line to the binary
// pipeline changed no finding. Both paths run here, one after the other, on the same files.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { reportRows, runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { REPORT_COLUMNS } from '../../src/data/contract';
import { toCsv } from '../../src/data/csv';
import { decodeText } from '../../src/data/decode';
import { openNodeDb } from '../../src/data/duckdb-node';
import { importParcels } from '../../src/data/import/parcels';
import { loadParcelBatch } from '../../src/data/import/store';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-demo-');
afterAll(files.done);

const AS_OF = '2026-06-30';
const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The CSV as the report computed it before the move: old importer, old loader, same rules. */
async function oldPathCsv(file: string): Promise<string> {
  const imported = importParcels(file, decodeText(new Uint8Array(readFileSync(file))).text);
  if (!imported.ok) throw new Error(`${file}: the old importer refused the demo`);
  const db = await openNodeDb();
  try {
    await loadParcelBatch(db, imported.batch);
    await runLandRules(db, AS_OF, DEFAULT_SETTINGS);
    const rows = await reportRows(db);
    return toCsv(REPORT_COLUMNS, rows.map((r) => REPORT_COLUMNS.map((c) => r[c])));
  } finally {
    db.close();
  }
}

describe('the report on the demo regions', { timeout: 180_000 }, () => {
  for (const region of ['dezhou', 'shaoguan', 'lanzhou']) {
    it(`${region}: the same CSV as through the old import path`, async () => {
      const parcels = `data/demo/${region}/parcels.geojson`;
      const out = files.temp(`${region}.csv`);
      const r = await report(['--parcels', parcels, '--as-of', AS_OF, '--out', out]);
      expect(r.code).toBe(0);
      const before = await oldPathCsv(parcels);
      expect(before.split('\n').length).toBeGreaterThan(100);
      expect(sha256(readFileSync(out))).toBe(sha256(before));
    });
  }
});
