// Builds the located, bilingual issues the Shapefile, 界址点 TXT and GeoJSON readers and the
// geometry check report.
import type { SourceIssue } from './raw-table.ts';

export function geoIssue(
  level: SourceIssue['level'],
  file: string,
  row: number | null,
  field: string | null,
  code: string,
  messageZh: string,
  messageEn: string,
): SourceIssue {
  return { level, file, row, field, code, messageZh, messageEn };
}

/** "第 3 个要素" / "feature 3", the way messages name a feature. */
export function featureZh(n: number): string {
  return `第 ${n} 个要素`;
}
export function featureEn(n: number): string {
  return `feature ${n}`;
}
