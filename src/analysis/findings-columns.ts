// The findings the map colours and hides parcels by, read from the narrow findings (and, for
// the filter's parts on parcel columns, from `parcels`) as typed arrays indexed by pidx (the
// same index as the parcel shapes in data/parcel-shapes.ts), so a rule run or a filter change
// recolours the map without rebuilding any geometry or decoding any finding.

import { numericColumn } from '../data/columns';
import type { Db } from '../data/db';
import { type Query, TRUE, ident, sql } from '../data/sql';
import { type ParcelFilter, findingsCodePredicate, parcelPredicate } from './filters';
import { NARROW_FINDINGS_TABLE } from './land-rules';

/**
 * `value` of every row of `table` placed at its pidx. The rows come in table order and are
 * placed here: sorting a million rows by pidx in DuckDB cost more than the read itself.
 */
async function byPidx(db: Db, table: string, value: Query): Promise<Uint8Array> {
  const t = await db.query(sql`SELECT pidx, ${value} AS v FROM ${ident(table)}`);
  const pidx = numericColumn(t, 'pidx', Int32Array);
  const v = numericColumn(t, 'v', Uint8Array);
  const out = new Uint8Array(v.length);
  for (let i = 0; i < pidx.length; i++) {
    const at = pidx[i];
    // pidx numbers the parcels 0…n−1 (data/import); anything else would colour the wrong parcel.
    if (!(at >= 0 && at < out.length)) throw new Error(`${table}: pidx ${at} outside 0…${out.length - 1}`);
    out[at] = v[i];
  }
  return out;
}

/** Disposal category per parcel (see IDLE_CATEGORY), indexed by pidx. */
export async function readCategories(db: Db): Promise<Uint8Array> {
  return byPidx(db, NARROW_FINDINGS_TABLE, sql`category`);
}

/** 1 where `predicate` holds on the row of `table`, indexed by pidx. */
function maskOf(db: Db, table: string, predicate: Query): Promise<Uint8Array> {
  return byPidx(db, table, sql`COALESCE(CAST((${predicate}) AS UTINYINT), 0)`);
}

/**
 * 1 where the parcel passes the filter, indexed by pidx. The parts on parcel columns and on
 * findings are read from their own tables and combined here, so no join is needed.
 */
export async function readFilterMask(db: Db, f: ParcelFilter): Promise<Uint8Array> {
  const onParcels = parcelPredicate(f);
  const onFindings = findingsCodePredicate(f);
  if (onFindings === TRUE) return maskOf(db, 'parcels', onParcels);
  const findings = await maskOf(db, NARROW_FINDINGS_TABLE, onFindings);
  if (onParcels === TRUE) return findings;
  const parcels = await maskOf(db, 'parcels', onParcels);
  for (let i = 0; i < findings.length; i++) findings[i] &= parcels[i];
  return findings;
}
