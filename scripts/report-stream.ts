// The command-line report's streamed input: one parcels CSV read in pieces
// (src/data/formats/csv-chunks.ts), each piece mapped, checked and converted by the same import
// pipeline as a whole file (report-input.ts), loaded into DuckDB through Arrow and appended to
// the parcels table, then dropped. Memory stays flat as files grow, and positions and shapes the
// report does not need are never kept: they leave with their piece.
//
// A file is streamed only where that cannot change a word of the outcome. Anything that needs
// the whole file to judge returns null, and the caller reads the file whole as before, so its
// messages stay exactly what they were: a problem in any row (the whole-file reader lists and
// caps them per column), an id repeated across pieces, a coordinate system to detect (the
// detection weighs every position), a second parcels file, or outputs built from shapes.

import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { CrsChoice } from '../src/data/crs/choice';
import type { Db } from '../src/data/db';
import { rows } from '../src/data/db';
import { readCsvChunks } from '../src/data/formats/csv-chunks';
import { detectFormat } from '../src/data/ingest/detect-format';
import type { TableMapping } from '../src/data/mapping/propose';
import { loadWorkspaceTables } from '../src/data/workspace/load-db';
import type { ReportOptions } from './report-args';
import { InputRefused, type MappedInput, checkFields, decideCrs, describeMapping, importParcels, mapInputs } from './report-input';

export interface StreamedParcels {
  /** Mapping and coordinate-system lines for standard output, as the whole-file path prints them. */
  notes: string[];
  /** Warnings for standard error (missing optional columns). */
  warnings: string[];
  /** The text encoding, when not UTF-8. */
  encoding: string | null;
  count: number;
  mapped: MappedInput;
}

const EMPTY = { count: 0, columns: {} };

async function* fileBlocks(file: string): AsyncGenerator<Uint8Array> {
  for await (const b of createReadStream(file, { highWaterMark: 4 << 20 })) yield new Uint8Array(b as Buffer);
}

function sniff(file: string): Uint8Array | null {
  try {
    const fd = openSync(file, 'r');
    try {
      const b = new Uint8Array(65536);
      return b.subarray(0, readSync(fd, b, 0, b.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Unreadable: the whole-file path says why, in its words.
    return null;
  }
}

/** Whether this run may stream its input at all (see the header comment). */
export function streamable(o: ReportOptions): boolean {
  if (o.parcels.length !== 1 || o.geojson || o.xlsx) return false;
  const head = sniff(o.parcels[0]);
  return head !== null && detectFormat(o.parcels[0], head) === 'csv';
}

/**
 * Streams the parcels file into `db` (tables `parcels`, `parcel_shapes` empty, `parks`…), or
 * returns null when the file must be read whole; `db` may then hold partial tables.
 * Refusals that depend only on the header (a saved mapping that does not fit, no id column)
 * are thrown as InputRefused exactly as the whole-file path throws them.
 */
export async function streamParcels(o: ReportOptions, saved: readonly { file: string; mapping: TableMapping }[], db: Db, chunkBytes?: number): Promise<StreamedParcels | null> {
  const file = o.parcels[0];
  let first: StreamedParcels | null = null;
  let crsByFile = new Map<string, CrsChoice | null>();
  let count = 0;
  for await (const chunk of readCsvChunks(fileBlocks(file), file, chunkBytes)) {
    if (chunk.kind === 'unchunkable') return null;
    const raw = chunk.table;
    if (!first) {
      const [m] = mapInputs([{ file, raw, format: 'csv', geometryFile: false }], saved);
      // Detection from the first piece could differ from the whole file's.
      if (m.mapping.geometry.kind !== 'none' && o.crs.kind === 'auto') return null;
      const notes = describeMapping(m);
      const warnings = checkFields([m]);
      const d = decideCrs(m, o.crs);
      crsByFile = new Map([[file, d.choice]]);
      notes.push(...d.lines);
      first = { notes, warnings, encoding: raw.encoding && raw.encoding !== 'utf-8' ? raw.encoding : null, count: 0, mapped: m };
    }
    let built;
    try {
      built = importParcels([{ ...first.mapped, raw }], crsByFile, o.joinKey, o.skipInvalid).built;
    } catch (e) {
      if (e instanceof InputRefused) return null;
      throw e;
    }
    if (built.issues.length > 0 || built.skipped.some((s) => s.rows.length > 0)) return null;
    await loadWorkspaceTables(db, { parcels: built.table, parks: EMPTY });
    await db.query(
      count === 0
        ? 'CREATE OR REPLACE TABLE parcels__streamed AS SELECT * FROM parcels'
        : `INSERT INTO parcels__streamed SELECT * REPLACE (CAST(pidx + ${count} AS INTEGER) AS pidx) FROM parcels`,
    );
    count += built.table.count;
  }
  if (!first) return null;
  // An id repeated in two pieces: the whole-file check names both rows.
  const dup = rows<{ n: number }>(await db.query('SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT parcel_id FROM parcels__streamed WHERE parcel_id IS NOT NULL GROUP BY parcel_id HAVING count(*) > 1)'));
  if (dup[0].n > 0) return null;
  await db.query('DROP TABLE parcels');
  await db.query('ALTER TABLE parcels__streamed RENAME TO parcels');
  // The report reads no shapes; the last piece's are not the file's.
  await db.query('CREATE OR REPLACE TABLE parcel_shapes AS SELECT * FROM parcel_shapes LIMIT 0');
  return { ...first, count };
}
