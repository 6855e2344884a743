// `parcel_findings`: every parcel column with its findings spelled out, as a VIEW over
// `parcels`, the narrow findings (land-rules.ts) and the one-row params of the run. Its columns,
// types and values are those of the wide findings table it replaces, so the detail panel,
// explanations, disposal plans, exports and the report read it unchanged. Dated events are as
// they stood at the as-of date; the recorded ones and a supplied-later flag come last. Being a
// view, a reader pays for the decoding only on the rows and columns it reads.

import { type Query, ident, inlined, sql } from '../data/sql';
import { DISPOSALS, EXIT_CODES, IDLE_TYPES, INEFFICIENCY_CODES, MISSING_INPUTS } from '../vocab';
import { bitSetSql, codeSql, decodeSql, maskTextSql } from './findings-codes';
import {
  AS_OF_EVENTS, NARROW_FINDINGS_TABLE, RULE_PARAMS_TABLE, clockStartSql, efficiencyAppliesSql, fullYearsSql, idleSinceSql, narrowFindingsQuery,
  datedParcelsSql, parcelRatiosSql, ruleParamsQuery,
} from './land-rules';
import type { RuleSettings } from './settings';

const bits = (mask: string, codes: readonly string[]): Query[] =>
  codes.map((c, i) => sql`${bitSetSql(sql`n.${ident(mask)}`, i)} AS ${ident(c.toLowerCase())}`);

/** Columns the as-of rules add to the parcels (land-rules.ts datedParcelsSql), listed last in the view. */
const DATED_EXTRAS = [...AS_OF_EVENTS.map((c) => `recorded_${c}`), 'supplied_after_as_of'];

/** The SELECT behind the view; column order as the wide table had it. */
export function findingsViewQuery(): Query {
  const [e, l] = [bits('exits', EXIT_CODES), bits('ineff', INEFFICIENCY_CODES)];
  return sql`
SELECT p.* EXCLUDE (${DATED_EXTRAS.map((c) => sql`${ident(c)}`)}), k.as_of, k.idle_iv, k.recovery_iv, k.dev_min, k.inv_min,
  COALESCE(p.government_delay, FALSE) AS gov_delay,
  ${parcelRatiosSql('p')},
  ${clockStartSql('p')} + k.idle_iv AS idle_from,
  ${clockStartSql('p')} + k.recovery_iv AS recovery_from,
  ${decodeSql(sql`n.idle_code`, IDLE_TYPES)} AS idle_type,
  ${idleSinceSql(sql`n.idle_code`, 'p')} AS idle_since,
  CAST(n.idle_days AS BIGINT) AS idle_days,
  CAST(COALESCE(${fullYearsSql(sql`${idleSinceSql(sql`n.idle_code`, 'p')}`, sql`k.as_of`)}, 0) AS INTEGER) AS idle_years,
  ${decodeSql(sql`n.category`, DISPOSALS)} AS disposal,
  ${e},
  ${efficiencyAppliesSql('p')} AS efficiency_applies,
  ${l},
  CASE WHEN n.category = ${codeSql(DISPOSALS, 'fee')} THEN p.land_price_wan * k.fee_rate END AS fee_wan,
  ${maskTextSql(sql`n.exits`, EXIT_CODES)} AS exit_reasons,
  ${maskTextSql(sql`n.ineff`, INEFFICIENCY_CODES)} AS inefficiency,
  ${maskTextSql(sql`n.missing`, MISSING_INPUTS)} AS missing_inputs,
  n.category,
  -- The as-of rules' traces: what the data records, and whether the parcel was supplied later.
  ${DATED_EXTRAS.map((c) => sql`p.${ident(c)}`)}
FROM (${datedParcelsSql('parcels', RULE_PARAMS_TABLE)}) p
JOIN ${ident(NARROW_FINDINGS_TABLE)} n ON n.pidx = p.pidx
CROSS JOIN ${ident(RULE_PARAMS_TABLE)} k`;
}

/** A view's text cannot hold bound parameters: the vocabulary's codes are written in as literals. */
export function createFindingsView(): Query {
  return inlined(sql`CREATE OR REPLACE VIEW parcel_findings AS ${findingsViewQuery()}`);
}

/**
 * The statements of one rule run, in order: the values judged with, the narrow findings, and
 * the parcel_findings view over both (re-created each run so it follows the parcels' columns).
 */
export function createFindingsStatements(asOf: string, s: RuleSettings): Query[] {
  return [
    sql`CREATE OR REPLACE TABLE ${ident(RULE_PARAMS_TABLE)} AS ${ruleParamsQuery(asOf, s)}`,
    sql`CREATE OR REPLACE TABLE ${ident(NARROW_FINDINGS_TABLE)} AS ${narrowFindingsQuery(asOf, s)}`,
    createFindingsView(),
  ];
}
