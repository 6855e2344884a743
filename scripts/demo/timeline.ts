// A parcel's status and its dates (supply, agreed and actual start, completion, halt), drawn
// so that at a 2026 as-of date the demo holds every idle-land case of 《闲置土地处置办法》:
// idle over two years, over one year, just overdue and not yet due.

import type { ParcelStatus } from '../../src/data/contract';
import { FIRST, SNAPSHOT, addMonths, dayOf } from './dates';
import type { Rng } from './random';

export function weightedStatus(rng: Rng, rank: number): ParcelStatus {
  // The core of a park was supplied first and mostly produces; the fringe is newer land where
  // the not-started and idle cases concentrate.
  // Built but never equipped (E3) is a minority case; the idle mix (not started, halted)
  // gives the ~12–15 % idle land of a typical county ledger.
  return rng.weighted([
    ['producing', 0.66 - 0.36 * rank],
    ['built_no_production', 0.018],
    ['halted', 0.08],
    ['under_construction', 0.1 + 0.12 * rank],
    ['not_started', 0.045 + 0.12 * rank],
  ] as const);
}

interface Dates {
  supply: number;
  agreedStart: number;
  actualStart: number | null;
  completion: number;
  halted: number | null;
}

function clampDay(d: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, d));
}

export function datesFor(rng: Rng, status: ParcelStatus): Dates {
  const between = (a: string, b: string) => rng.int(dayOf(a), dayOf(b));
  let supply: number;
  let haltTarget = 0;
  if (status === 'producing') supply = between('2015-01-01', '2021-12-31');
  else if (status === 'built_no_production') supply = between('2016-01-01', '2022-06-30');
  else if (status === 'halted') {
    // Pick when work stopped first: long enough ago for the two-year (无偿收回) and the one-year
    // (闲置费) cases at a 2026 as-of date, plus recent halts that are not idle yet.
    const [from, to] = rng.weighted([
      [['2020-06-01', '2024-03-31'], 0.47],
      [['2024-04-01', '2025-03-31'], 0.33],
      [['2025-04-01', '2026-03-10'], 0.2],
    ] as const);
    haltTarget = between(from, to);
    supply = addMonths(haltTarget, -rng.int(12, 40));
  }
  // Most sites under construction are within their agreed period; the earliest are late (E2).
  else if (status === 'under_construction') supply = between('2023-04-01', '2025-12-31');
  else {
    // not_started: spread so that at a 2026 as-of date some are idle over two years, some over
    // one year, some just overdue (E1 only) and some not yet due.
    const [from, to] = rng.weighted([
      [['2015-06-01', '2022-12-31'], 0.3],
      [['2023-09-01', '2024-12-31'], 0.36],
      [['2025-01-01', '2025-06-30'], 0.03],
      [['2025-10-15', '2026-03-15'], 0.31],
    ] as const);
    supply = between(from, to);
  }
  supply = clampDay(supply, FIRST, SNAPSHOT - 10);
  // 约定动工: typically 3–12 months after the contract; 约定竣工: 2–3 years after that.
  const agreedStart = addMonths(supply, rng.int(3, 12));
  const completion = addMonths(agreedStart, rng.int(24, 36));
  let actualStart: number | null = null;
  let halted: number | null = null;
  if (status !== 'not_started') {
    const late = rng.chance(0.2) ? rng.int(6, 18) : rng.int(-1, 5);
    actualStart = clampDay(addMonths(agreedStart, late) + rng.int(-10, 10), supply + 20, SNAPSHOT - 15);
    if (status === 'halted') {
      // Work ran at least two months before it stopped.
      actualStart = Math.max(supply + 20, Math.min(actualStart, haltTarget - rng.int(60, 400)));
      halted = clampDay(haltTarget, actualStart + 60, SNAPSHOT - 20);
    }
  }
  return { supply, agreedStart, actualStart, completion, halted };
}
