// Runs the land rules and reads their results. Small, so the SQL stays in land-rules.ts.

import { type Db, rows } from '../data/db';
import { REPORT_COLUMNS } from '../data/contract';
import { inlined } from '../data/sql';
import { REPORT_QUERY, createFindingsTable } from './land-rules';
import type { RuleSettings } from './settings';

export async function runLandRules(db: Db, asOf: string, settings: RuleSettings): Promise<void> {
  await db.query(inlined(createFindingsTable(asOf, settings)));
}

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number>;

export async function reportRows(db: Db): Promise<ReportRow[]> {
  return rows<ReportRow>(await db.query(REPORT_QUERY));
}
