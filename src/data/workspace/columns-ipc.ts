// Reading typed columns back from an Arrow IPC stream (stored workspaces and workspace files):
// the inverse of arrow-columns.ts, with Arrow nulls turned back into the app's empty markers.

import { DataType, tableFromIPC } from 'apache-arrow';
import { NULL_BOOL, NULL_DAY, type TypedColumn } from '../arrow-columns';

export function ipcToColumns(ipc: Uint8Array): { count: number; columns: Record<string, TypedColumn> } {
  const t = tableFromIPC(ipc);
  const columns: Record<string, TypedColumn> = {};
  for (const field of t.schema.fields) {
    const v = t.getChild(field.name)!;
    const n = v.length;
    const type = field.type;
    if (DataType.isUtf8(type)) {
      const values = new Array<string | null>(n);
      for (let i = 0; i < n; i++) values[i] = (v.get(i) as string | null) ?? null;
      columns[field.name] = { type: 'string', values };
    } else if (DataType.isFloat(type)) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const x = v.get(i) as number | null;
        values[i] = x === null ? Number.NaN : x;
      }
      columns[field.name] = { type: 'number', values };
    } else if (DataType.isDate(type)) {
      const values = new Int32Array(n);
      // Arrow JS returns dates as epoch milliseconds; whole days are exact in a double.
      for (let i = 0; i < n; i++) {
        const x = v.get(i) as number | Date | null;
        values[i] = x === null ? NULL_DAY : Math.round(Number(x) / 86_400_000);
      }
      columns[field.name] = { type: 'date', values };
    } else if (DataType.isBool(type)) {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const x = v.get(i) as boolean | null;
        values[i] = x === null ? NULL_BOOL : x ? 1 : 0;
      }
      columns[field.name] = { type: 'boolean', values };
    } else if (DataType.isInt(type)) {
      columns[field.name] = { type: 'integer', values: Int32Array.from(v.toArray() as ArrayLike<number>) };
    } else {
      throw new Error(`column ${field.name} has an unsupported Arrow type ${String(type)}`);
    }
  }
  return { count: t.numRows, columns };
}
