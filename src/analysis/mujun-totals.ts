// Totals per 亩均 class for the map legend (A/B/C/D and 未评级): enterprises and land under the
// current filter, summed from the per-county class mix (mujun.ts) so the legend, the county
// chart and the ranking count the same enterprises.

import type { MujunClass } from '../vocab';
import type { MujunMixRow } from './mujun';

export type MujunLegendKey = MujunClass | 'unclassed';

export interface MujunClassTotal {
  enterprises: number;
  landMu: number;
}

export function mujunClassTotals(rows: readonly MujunMixRow[]): Record<MujunLegendKey, MujunClassTotal> {
  const zero = (): MujunClassTotal => ({ enterprises: 0, landMu: 0 });
  const out: Record<MujunLegendKey, MujunClassTotal> = { A: zero(), B: zero(), C: zero(), D: zero(), unclassed: zero() };
  for (const r of rows) {
    const add = (k: MujunLegendKey, n: number, mu: number) => {
      out[k].enterprises += n;
      out[k].landMu += mu;
    };
    add('A', r.a, r.aMu);
    add('B', r.b, r.bMu);
    add('C', r.c, r.cMu);
    add('D', r.d, r.dMu);
    add('unclassed', r.unclassed, r.unclassedMu);
  }
  return out;
}
