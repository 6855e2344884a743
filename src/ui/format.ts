// Number formatting for planners: 亩 with one decimal, money in 万元 with thousands separators.

export function fmt(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}
