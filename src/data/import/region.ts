// Loads one region's contract files into DuckDB. It takes file texts, so the browser (fetch),
// the benchmark and tests (fs) share it. All files are validated before any table changes.
//
// The import path, in the order a file travels:
//   sources.ts  file text → rows by field name (GeoJSON, CSV)
//   raw-table-rows.ts  the same for a RawTable from a reader under data/formats/
//   cells.ts    one value → a contract value of its field's type
//   rows.ts     a file's rows checked against the contract fields
//   parcels.ts / records.ts   parcel batch (geometry, areas) / other contract tables
//   store.ts    batches → DuckDB tables
//   this file   all of a region's files, validated together, stored in one transaction
// Every step reports problems as ImportIssue (issues.ts).

import { CHAIN_LINK_FIELDS, CHAIN_NODE_FIELDS, ENTERPRISE_FIELDS, FACTORY_FIELDS, type FieldSpec, PARK_FIELDS, PROJECT_FIELDS } from '../contract';
import { type Db, transaction } from '../db';
import { ImportFailed, type ImportIssue } from './issues';
import { type ParcelBatch, importParcels } from './parcels';
import { type RecordsBatch, importRecords } from './records';
import { loadParcelBatch, loadRows } from './store';

export interface RegionFiles {
  parks: { name: string; text: string };
  parcels: { name: string; text: string };
  enterprises?: { name: string; text: string };
  chainNodes?: { name: string; text: string };
  chainLinks?: { name: string; text: string };
  projects?: { name: string; text: string };
  factories?: { name: string; text: string };
}

export interface LoadedRegion {
  parks: RecordsBatch;
  parcels: ParcelBatch;
}

export interface ParsedRegion extends LoadedRegion {
  others: { table: string; batch: RecordsBatch | null; fields: readonly FieldSpec[] }[];
}

/** Validates every file (pure JS, no database); throws ImportFailed listing all problems. */
export function parseRegionFiles(files: RegionFiles): ParsedRegion {
  const issues: ImportIssue[] = [];
  const parks = importRecords(files.parks.name, files.parks.text, PARK_FIELDS, 'park_id');
  if (!parks.ok) issues.push(...parks.issues);
  const parcels = importParcels(files.parcels.name, files.parcels.text);
  if (!parcels.ok) issues.push(...parcels.issues);
  const optional = [
    ['enterprises', files.enterprises, ENTERPRISE_FIELDS, 'enterprise_id'],
    ['chain_nodes', files.chainNodes, CHAIN_NODE_FIELDS, 'node_id'],
    ['chain_links', files.chainLinks, CHAIN_LINK_FIELDS, undefined],
    ['projects', files.projects, PROJECT_FIELDS, 'project_id'],
    ['factories', files.factories, FACTORY_FIELDS, 'factory_id'],
  ] as const;
  const others: { table: string; batch: RecordsBatch | null; fields: (typeof optional)[number][2] }[] = [];
  for (const [table, file, fields, id] of optional) {
    if (!file) {
      others.push({ table, batch: null, fields });
      continue;
    }
    const r = importRecords(file.name, file.text, fields, id);
    if (!r.ok) issues.push(...r.issues);
    else others.push({ table, batch: r.batch, fields });
  }
  if (issues.some((i) => i.level === 'error') || !parks.ok || !parcels.ok) throw new ImportFailed(issues);
  return { parks: parks.batch, parcels: parcels.batch, others };
}

/** Replaces the region's tables with validated data. */
export async function storeRegion(db: Db, parsed: ParsedRegion): Promise<LoadedRegion> {
  const { parks, parcels, others } = parsed;
  // One transaction: a failure half-way never leaves two regions' tables mixed.
  await transaction(db, async () => {
    await loadParcelBatch(db, parcels);
    await loadRows(db, 'parks', PARK_FIELDS, parks.rows, [
      { name: 'cx', sqlType: 'DOUBLE' },
      { name: 'cy', sqlType: 'DOUBLE' },
    ], (i) => parks.labelPoints[i] ?? [null, null]);
    for (const o of others) {
      // Factories carry a label point in the workspace path (load-db.ts); these text files have none.
      if (o.table === 'factories') {
        await loadRows(db, o.table, o.fields, o.batch?.rows ?? [], [
          { name: 'cx', sqlType: 'DOUBLE' },
          { name: 'cy', sqlType: 'DOUBLE' },
        ], () => [null, null]);
      } else await loadRows(db, o.table, o.fields, o.batch?.rows ?? []);
    }
  });
  return { parks, parcels };
}

export async function loadRegionFiles(db: Db, files: RegionFiles): Promise<LoadedRegion> {
  return storeRegion(db, parseRegionFiles(files));
}
