// Number formatting for planners: 亩 with one decimal, thousands separators. The rules for money,
// dates and times live in the vocabulary (vocab/format.ts); this keeps the short name the
// components use.

import { formatNumber } from '../vocab';

export function fmt(v: number | null | undefined, digits = 1): string {
  return formatNumber(v, digits, 'zh');
}
