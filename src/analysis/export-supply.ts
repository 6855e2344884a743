// The 可供地 workbook exported from 园区布局: one row per park (unsupplied land, land coming back,
// vacant factory floor apart, how the unsupplied land was measured) and one row per candidate
// site. Read from park-availability.ts and `site_candidates`, so the file says what the park
// panel and the map say. Headers carry their units; codes are spelled out in the UI language.

import type { Db } from '../data/db';
import { type Query, join, sql } from '../data/sql';
import { type Lang, SITE_KIND_LABELS, SITE_READINESS_LABELS, muSql } from '../vocab';
import { type Col, type ExportTable, type SheetQuery, col, columnsIn, sheet } from './export-columns';
import { parkAvailabilityQuery } from './park-availability';
import type { UnsuppliedMethod } from './site-candidates';
import { readSheet } from './export-tables';

export const SUPPLY_SHEET_NAMES = {
  zh: { parks: '园区可供地', sites: '候选地块' },
  en: { parks: 'Available land by park', sites: 'Candidate sites' },
} as const;

const METHOD_LABELS: Record<UnsuppliedMethod, readonly [string, string]> = {
  polygon: ['园区边界减已供宗地', 'Outline minus supplied parcels'],
  planned: ['规划面积减已供宗地（无边界）', 'Planned area minus supplied parcels (no outline)'],
  unshaped: ['规划面积减已供宗地（有宗地缺图形）', 'Planned area minus supplied parcels (parcels without shapes)'],
  unknown: ['未知', 'Unknown'],
};

/** `CASE expr WHEN code THEN label … ELSE expr END` over a label table, labels bound as parameters. */
function labelled(expr: Query, labels: Record<string, string>): Query {
  const whens = Object.entries(labels).map(([code, label]) => sql`WHEN ${code} THEN ${label}`);
  return sql`CASE ${expr} ${join(whens, ' ')} ELSE ${expr} END`;
}

const pickLabels = <K extends string>(m: Record<K, { zh: string; en: string } | readonly [string, string]>, lang: Lang): Record<string, string> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Array.isArray(v) ? v[lang === 'zh' ? 0 : 1] : (v as { zh: string; en: string })[lang]]));

/** Parks kept by `parkIds` (all when empty), by county then name. */
export function supplyParksSheet(lang: Lang, parkIds: readonly string[] = []): SheetQuery {
  const c = columnsIn(lang);
  const cols: Col[] = [
    c.text(['园区编号', 'Park ID'], col('a', 'park_id')),
    c.text(['园区', 'Park'], col('a', 'name')),
    c.text(['县区', 'County'], col('a', 'county')),
    c.num(['规划面积(亩)', 'Planned area (mu)'], sql`${col('a', 'planned_area_ha')} * 15.0`, 'mu'),
    c.num(['已供宗地(亩)', 'Supplied parcels (mu)'], col('a', 'parcelAreaMu'), 'mu'),
    c.num(['未供应土地(亩)', 'Unsupplied land (mu)'], col('a', 'unsuppliedAreaMu'), 'mu'),
    c.text(['未供应土地测算方式', 'How unsupplied land was measured'], labelled(col('a', 'unsuppliedMethod'), pickLabels(METHOD_LABELS, lang))),
    c.num(['回收中土地(亩)', 'Land coming back (mu)'], col('a', 'returningAreaMu'), 'mu'),
    c.num(['回收中宗数', 'Parcels coming back'], col('a', 'returningParcels'), 'integer'),
    c.num(['可供地合计(亩)', 'Available land (mu)'], col('a', 'availableAreaMu'), 'mu'),
    c.num(['标准厂房空置(m²建筑面积)', 'Vacant factory floor (m² of floor)'], col('a', 'vacantFloorM2'), 'integer'),
  ];
  const where = parkIds.length === 0 ? sql`TRUE` : sql`a.park_id IN (${join(parkIds.map((id) => sql`${id}`), ', ')})`;
  return sheet(SUPPLY_SHEET_NAMES[lang].parks, cols, sql`(${parkAvailabilityQuery()}) a`, where, sql`a.county, a.name, a.park_id`);
}

/** Every candidate site of the kept parks (returning parcels outside parks only when no park is chosen). */
export function siteCandidatesSheet(lang: Lang, parkIds: readonly string[] = []): SheetQuery {
  const c = columnsIn(lang);
  const cols: Col[] = [
    c.text(['地块编号', 'Site ID'], col('s', 'site_id')),
    c.text(['类型', 'Kind'], labelled(col('s', 'kind'), pickLabels(SITE_KIND_LABELS, lang))),
    c.text(['园区', 'Park'], col('k', 'name')),
    c.text(['县区', 'County'], col('s', 'county')),
    c.num(['面积(亩)', 'Area (mu)'], muSql(col('s', 'area_m2')), 'mu'),
    c.num(['空置建筑面积(m²)', 'Vacant floor (m²)'], col('s', 'vacant_floor_m2'), 'integer'),
    c.text(['可供状态', 'Readiness'], labelled(col('s', 'readiness'), pickLabels(SITE_READINESS_LABELS, lang))),
    c.text(['宗地编号', 'Parcel ID'], col('s', 'parcel_id')),
    c.text(['厂房编号', 'Factory ID'], col('s', 'factory_id')),
    c.num(['经度', 'Longitude'], col('s', 'cx'), 'score'),
    c.num(['纬度', 'Latitude'], col('s', 'cy'), 'score'),
  ];
  const where = parkIds.length === 0 ? sql`TRUE` : sql`s.park_id IN (${join(parkIds.map((id) => sql`${id}`), ', ')})`;
  return sheet(
    SUPPLY_SHEET_NAMES[lang].sites,
    cols,
    sql`site_candidates s LEFT JOIN parks k ON k.park_id = s.park_id`,
    where,
    sql`s.county, k.name, s.kind, s.site_id`,
  );
}

/** Both sheets (buildSiteCandidates must have run). */
export async function readSupplyTables(db: Db, lang: Lang, parkIds: readonly string[] = []): Promise<ExportTable[]> {
  return [await readSheet(db, supplyParksSheet(lang, parkIds)), await readSheet(db, siteCandidatesSheet(lang, parkIds))];
}
