// Units of the data contract (v2, conventions): areas in m², money in 万元; 1 亩 = 10000/15 m²,
// 1 公顷 = 10,000 m². This is the one place the conversions are written, in TypeScript and as
// SQL fragments for the analyses that convert inside DuckDB.

/** 1 亩 = 10000/15 m² ≈ 666.67 m² (data contract v2). */
export const M2_PER_MU = 10000 / 15;
/** 1 公顷 = 10,000 m². */
export const M2_PER_HA = 10000;

/** m² → 亩, the same arithmetic as the SQL below (multiply, then divide). */
export function m2ToMu(m2: number): number {
  return (m2 * 15) / 10000;
}

/** 公顷 → m². */
export function haToM2(ha: number): number {
  return ha * M2_PER_HA;
}

/**
 * A SQL fragment as the `sql` tag of data/sql.ts makes and accepts it. Declared here by shape so
 * the vocabulary stays at the bottom of the layers and imports nothing.
 */
export interface SqlFragment {
  readonly text: string;
  readonly params: readonly (string | number | boolean | null)[];
}

/**
 * SQL: the factor m² → 亩 (`15.0 / 10000.0`), for `expr * factor`; prefer muSql(expr), which
 * cannot be misplaced after a division.
 */
export const MU_PER_M2_SQL: SqlFragment = { text: '15.0 / 10000.0', params: [] };

// A constant suffix adds no parameters, so the expression's own $n numbering stays valid.
const suffixed = (expr: SqlFragment, suffix: string): SqlFragment => ({ text: `(${expr.text})${suffix}`, params: expr.params });

/** SQL: `expr` (m²) in 亩, computed as `expr * 15.0 / 10000.0` in every analysis. */
export function muSql(expr: SqlFragment): SqlFragment {
  return suffixed(expr, ` * ${MU_PER_M2_SQL.text}`);
}

/** SQL: `expr` (m²) in 公顷. */
export function haSql(expr: SqlFragment): SqlFragment {
  return suffixed(expr, ' / 10000.0');
}

/** SQL: `expr` (公顷) in m². */
export function haToM2Sql(expr: SqlFragment): SqlFragment {
  return suffixed(expr, ' * 10000.0');
}

/** Unit names as the UI, exports and the report write them (data contract v2 conventions). */
export const UNIT_LABELS = {
  m2: { zh: 'm²', en: 'm²' },
  mu: { zh: '亩', en: 'mu' },
  ha: { zh: '公顷', en: 'ha' },
  wan: { zh: '万元', en: '10k CNY' },
  yi: { zh: '亿元', en: '100M CNY' },
} as const;

/** The 亩 conversion as written in notes and exports. */
export const MU_DEFINITION = {
  zh: `1 亩 = 10000/15 m² ≈ ${M2_PER_MU.toFixed(2)} m²`,
  en: `1 mu = 10000/15 m² ≈ ${M2_PER_MU.toFixed(2)} m²`,
} as const;
