// One place where SQL text is assembled. Values never enter SQL text: the `sql` tag turns
// every interpolated value into a positional parameter ($1, $2, …) that DuckDB binds.
// Identifiers go through `ident`, and trusted fragments through `raw`.

export type SqlValue = string | number | boolean | null;

export interface Query {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

class Raw {
  constructor(readonly text: string) {}
}

/** A fragment inserted verbatim. Only for text built from `ident` or fixed strings. */
export function raw(text: string): Raw {
  return new Raw(text);
}

/** A double-quoted identifier; embedded quotes are doubled. */
export function ident(name: string): Raw {
  if (name.length === 0) throw new Error('empty SQL identifier');
  return new Raw(`"${name.replaceAll('"', '""')}"`);
}

type Part = SqlValue | Query | Raw | readonly Query[];

function isQuery(v: unknown): v is Query {
  return typeof v === 'object' && v !== null && 'text' in v && 'params' in v;
}

/** Tagged template: `sql\`SELECT * FROM t WHERE a = ${x}\`` binds x as a parameter. */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Query {
  let text = strings[0];
  const params: SqlValue[] = [];
  const append = (q: Query) => {
    text += shifted(q.text, params.length);
    params.push(...q.params);
  };
  parts.forEach((part, i) => {
    if (part instanceof Raw) text += part.text;
    else if (Array.isArray(part)) append(join(part, ', '));
    else if (isQuery(part)) append(part);
    else {
      if (typeof part === 'number' && !Number.isFinite(part)) {
        throw new Error(`SQL parameter ${params.length + 1} is not a finite number`);
      }
      params.push(part as SqlValue);
      text += `$${params.length}`;
    }
    text += strings[i + 1];
  });
  return { text, params };
}

/** Joins fragments with a separator (e.g. ' AND '). */
export function join(parts: readonly Query[], separator: string): Query {
  let text = '';
  const params: SqlValue[] = [];
  parts.forEach((q, i) => {
    if (i > 0) text += separator;
    text += shifted(q.text, params.length);
    params.push(...q.params);
  });
  return { text, params };
}

/** A fragment's text with its parameters renumbered to follow `offset` earlier ones. */
function shifted(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/** `col IN ($1, $2, …)`; an empty list matches nothing. */
export function inList(column: string, values: readonly SqlValue[]): Query {
  if (values.length === 0) return sql`FALSE`;
  return sql`${ident(column)} IN (${values.map((v) => sql`${v}`)})`;
}

export const TRUE: Query = { text: 'TRUE', params: [] };

/** The single escaping helper: a value as a DuckDB literal ('' doubles quotes; no backslash escapes). */
export function literal(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('SQL literal is not a finite number');
    // Exponent form keeps every digit of the double; CAST keeps it DOUBLE, not DECIMAL.
    return `CAST(${v.toExponential()} AS DOUBLE)`;
  }
  return `'${v.replaceAll("'", "''")}'`;
}

/**
 * The same query with its parameters written in as escaped literals. DuckDB re-binds a prepared
 * statement whose parameter types are only known at execution, which costs the settings
 * recompute ~25 ms per run; the hot analysis queries therefore go through here.
 */
export function inlined(q: Query): Query {
  if (q.params.length === 0) return q;
  // One pass; \d+ takes the whole index, so $1 never matches the start of $12, and a value
  // containing “$2” is never scanned again.
  const text = q.text.replace(/\$(\d+)/g, (_, n: string) => literal(q.params[Number(n) - 1]));
  return { text, params: [] };
}
