// SQL for findings stored as integer codes and bit masks (src/vocab/codes.ts says which code
// and which bit each finding has): building a mask from flags, decoding codes and masks back
// to the text the contract's outputs use, and predicates on them. The integers written here
// come from the vocabulary's lists, never from user input; code strings are bound values.

import { type Query, join, raw, sql } from '../data/sql';
import { bitOf, codeOf } from '../vocab';

/** The integer literal of a code or bit. */
function int(n: number): Query {
  if (!Number.isInteger(n)) throw new Error(`not an integer code: ${n}`);
  return sql`${raw(String(n))}`;
}

/** The integer code of `v` in `codes`, as a SQL literal (throws for a code the list lacks). */
export function codeSql(codes: readonly string[], v: string): Query {
  const i = codeOf(codes, v);
  if (i < 0) throw new Error(`unknown code ${v}`);
  return int(i);
}

/**
 * A mask over `codes` with each code's bit set where its condition is true (NULL counts as not
 * set); codes without a condition add nothing.
 */
export function maskSql<T extends string>(codes: readonly T[], when: Partial<Record<T, Query>>): Query {
  const parts = codes.flatMap((c) => {
    const cond = when[c];
    return cond ? [sql`CASE WHEN ${cond} THEN ${int(bitOf(codes, c))} ELSE 0 END`] : [];
  });
  return parts.length ? join(parts, ' + ') : int(0);
}

/**
 * maskSql of conditions that all require `guard`: they are tested only on the rows where the
 * guard holds (DuckDB evaluates a CASE branch on the selected rows alone).
 */
export function guardedMaskSql<T extends string>(guard: Query, codes: readonly T[], when: Partial<Record<T, Query>>): Query {
  return sql`CASE WHEN ${guard} THEN ${maskSql(codes, when)} ELSE 0 END`;
}

/** The code at position `code` of `codes` (NULL for a position outside the list). */
export function decodeSql(code: Query, codes: readonly string[]): Query {
  return sql`CASE ${code} ${join(codes.map((c, i) => sql`WHEN ${int(i)} THEN ${c}`), ' ')} END`;
}

/** True where bit `i` of `mask` is set. */
export function bitSetSql(mask: Query, i: number): Query {
  return sql`((${mask} & ${int(1 << i)}) <> 0)`;
}

/** The codes of a mask's set bits, `;`-separated in list order ('' for none), as the report writes them. */
export function maskTextSql(mask: Query, codes: readonly string[]): Query {
  return sql`concat_ws(';', ${codes.map((c, i) => sql`CASE WHEN ${bitSetSql(mask, i)} THEN ${c} END`)})`;
}

/**
 * `code` is one of `values` (strings of the list `codes`); strings that are not codes match
 * nothing, as they would when compared with the decoded text.
 */
export function codeInSql(code: Query, codes: readonly string[], values: readonly string[]): Query {
  const known = [...new Set(values.map((v) => codeOf(codes, v)).filter((i) => i >= 0))];
  if (known.length === 0) return sql`FALSE`;
  return sql`${code} IN (${known.map(int)})`;
}

/** The mask has any of the bits of `values` (strings of `codes`). */
export function maskAnySql(mask: Query, codes: readonly string[], values: readonly string[]): Query {
  const bits = values.reduce((m, v) => m | bitOf(codes, v), 0);
  return bits === 0 ? sql`FALSE` : sql`((${mask} & ${int(bits)}) <> 0)`;
}
