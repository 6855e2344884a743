// A registry Shapefile (CGCS2000 3-degree Gauss-Krüger zone 39, GBK DBF, Chinese field names)
// goes through the whole import: read, table guessed, mapping and coordinate system proposed,
// converted to WGS84, loaded through Arrow, and judged by the rules.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRows, runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { buildImport, detectTableCrs, guessTable, prepareTable } from '../../src/data/ingest/import-table';
import { readAnyFile } from '../../src/data/ingest/read-file';
import { loadWorkspaceTables } from '../../src/data/workspace/load-db';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db.close());

// Reference: `echo "4168000 39482000" | cs2cs -f %.9f EPSG:4527 EPSG:4490` (PROJ 9.1.1, Debian proj-bin)
// → 37.643963619 116.796046582: the south-west corner of ZD001.
const ZD001_SW = [116.796046582, 37.643963619];

describe('importing a Shapefile from the land registry', () => {
  it('lands each parcel within a metre of PROJ’s position and runs the rules on it', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/formats/parcels-cgcs2000-gk39-gbk.zip'));
    const reading = await readAnyFile('宗地.zip', bytes);
    expect(reading.format).toBe('shapefile-zip');
    const t = reading.table!;
    const { table, proposal } = guessTable(t);
    expect(table).toBe('parcels');
    expect(proposal.mapping.fields.parcel_id?.header).toBe('宗地编号');
    expect(proposal.mapping.fields.area_m2?.header).toBe('用地面积');

    const crs = detectTableCrs(t, proposal.mapping);
    const best = crs!.candidates[0];
    expect(best.status).toBe('ready');
    if (best.status !== 'ready') return;
    expect(best.epsg).toBe(4527);

    const prepared = prepareTable(t, proposal.mapping, best.choice);
    if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.messageZh).join('\n'));
    const built = buildImport(prepared.table);
    const shapes = built.table.shapes!;
    // The shell of ZD001 contains its south-west corner as a vertex.
    let nearest = Infinity;
    for (let v = shapes.ringOffsets[0]; v < shapes.ringOffsets[1]; v++) {
      const dx = (shapes.coords[2 * v] - ZD001_SW[0]) * 111320 * Math.cos((ZD001_SW[1] * Math.PI) / 180);
      const dy = (shapes.coords[2 * v + 1] - ZD001_SW[1]) * 110540;
      nearest = Math.min(nearest, Math.hypot(dx, dy));
    }
    expect(nearest).toBeLessThan(1);

    await loadWorkspaceTables(db, { parcels: built.table, parks: { count: 0, columns: {} } });
    await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
    const report = await reportRows(db);
    expect(report.map((r) => r.parcel_id)).toEqual(['ZD001', 'ZD002', 'ZD003']);
    const areas = rows<{ parcel_id: string; area_m2: number }>(await db.query('SELECT parcel_id, area_m2 FROM parcels ORDER BY pidx'));
    expect(areas.map((r) => r.parcel_id)).toEqual(['ZD001', 'ZD002', 'ZD003']);
  });
});
