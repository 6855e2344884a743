// Runs the land rules and reads their results. Small, so the SQL stays in land-rules.ts and
// findings-view.ts.

import { type Db, rows } from '../data/db';
import { REPORT_COLUMNS } from '../data/contract';
import { inlined } from '../data/sql';
import { REPORT_QUERY } from './land-rules';
import { createFindingsStatements } from './findings-view';
import type { RuleSettings } from './settings';

export async function runLandRules(db: Db, asOf: string, settings: RuleSettings): Promise<void> {
  for (const q of createFindingsStatements(asOf, settings)) await db.query(inlined(q));
}

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number>;

export async function reportRows(db: Db): Promise<ReportRow[]> {
  return rows<ReportRow>(await db.query(REPORT_QUERY));
}
