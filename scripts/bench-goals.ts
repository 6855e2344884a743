// The issue's table of speed goals, filled as the bench sections measure: each row is printed
// at the end beside its goal, so one run answers "where do we stand" in one place.

export interface GoalRow {
  row: string;
  measured: number | null;
  goal: number;
  unit: 'ms' | 'MB' | 's';
  /** Why a row is empty or what it covers (machine, engine, skipped). */
  note?: string;
}

const rows: GoalRow[] = [];

export function recordGoal(row: string, measured: number | null, goal: number, unit: GoalRow['unit'] = 'ms', note?: string): void {
  rows.push({ row, measured, goal, unit, note });
}

const show = (v: number, unit: GoalRow['unit']) =>
  unit === 'ms' ? `${v.toFixed(0)} ms` : unit === 's' ? `${v.toFixed(1)} s` : `${v.toFixed(0)} MB`;

export function printGoals(): void {
  if (rows.length === 0) return;
  console.log('\n目标对照 · Goals (measured in this run, beside the goal)');
  const w = Math.max(...rows.map((r) => r.row.length)) + 2;
  for (const r of rows) {
    const measured = r.measured === null ? 'n/a' : show(r.measured, r.unit);
    const verdict = r.measured === null ? '' : r.measured <= r.goal ? 'met' : 'NOT met';
    console.log(`  ${r.row.padEnd(w)} ${measured.padStart(12)}   goal ≤ ${show(r.goal, r.unit).padEnd(10)} ${verdict}${r.note ? `  (${r.note})` : ''}`);
  }
}
