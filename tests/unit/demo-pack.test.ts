// The demo the browser opens is the binary pack (scripts/demo/pack.ts). It must hold exactly
// what the readable demo files hold: the same rows in every table the analyses read, and map
// shapes equal to the ones read back from the database, indexed the same way — otherwise
// the map would paint one parcel and the rules would colour another.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PACK_NAME, packDemo } from '../../scripts/demo/pack';
import { type Db, rows } from '../../src/data/db';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { readParcelShapes } from '../../src/data/parcel-shapes';
import { REGIONS } from '../../src/data/regions';
import { loadWorkspaceTables } from '../../src/data/workspace/load-db';
import { mapShapesOf } from '../../src/data/workspace/map-shapes';
import { readWorkspaceFile } from '../../src/data/workspace/workspace-file';

const TABLES = ['parcels', 'parcel_shapes', 'parks', 'enterprises', 'chain_nodes', 'chain_links'];

/** Every column of a table, as text in row order, with its type: equal tables give equal dumps. */
async function dump(db: Db, table: string): Promise<string[]> {
  const cols = rows<{ column_name: string; data_type: string }>(
    await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`),
  );
  const out: string[] = [];
  for (const c of cols) {
    const r = rows<{ v: string | null }>(await db.query(`SELECT string_agg(coalesce(CAST("${c.column_name}" AS VARCHAR), '∅'), '|' ORDER BY rowid) AS v FROM ${table}`));
    out.push(`${c.column_name} ${c.data_type}: ${r[0].v}`);
  }
  return out;
}

let fromText: Db & { close(): void };
let fromPack: Db & { close(): void };
beforeAll(async () => {
  [fromText, fromPack] = await Promise.all([openNodeDb(), openNodeDb()]);
});
afterAll(() => {
  fromText.close();
  fromPack.close();
});

describe.each(REGIONS.map((r) => r.id))('demo pack %s', (region) => {
  it('is what packing the demo files gives today (run `npm run generate` after changing them)', async () => {
    const committed = new Uint8Array(readFileSync(`data/demo/${region}/${DEMO_PACK_NAME}`));
    expect(Buffer.from(await packDemo('data/demo', region)).equals(Buffer.from(committed))).toBe(true);
  });

  it('gives the database the same tables as the readable files, column for column', async () => {
    const opened = readWorkspaceFile(new Uint8Array(readFileSync(`data/demo/${region}/${DEMO_PACK_NAME}`)));
    if (!opened.ok) throw new Error(opened.errorEn);
    expect(opened.workspace.manifest.synthetic).toBe(true);
    await loadRegionFiles(fromText, readDemoFiles(region));
    await loadWorkspaceTables(fromPack, opened.workspace.tables);
    for (const t of TABLES) expect(await dump(fromPack, t)).toEqual(await dump(fromText, t));

    // The shapes the map paints before the engine starts are the ones the engine reads back.
    const painted = mapShapesOf(opened.workspace.tables.parcels);
    const read = await readParcelShapes(fromText);
    expect(painted.parcelCount).toBe(read.parcelCount);
    expect(Array.from(painted.pidx)).toEqual(Array.from(read.pidx));
    expect(Array.from(painted.startIndices)).toEqual(Array.from(read.startIndices));
    expect(Array.from(painted.positions)).toEqual(Array.from(read.positions));
    expect(Array.from(painted.centers)).toEqual(Array.from(read.centers));
  });
});

