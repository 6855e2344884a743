// What a project needs from a site (项目选址), as the analysis reads it: plain data with the
// free text, preferred places and promotion group already resolved by the caller.

import { INDUSTRIAL_CLASSES, type IndustrialClass, type LandUse, type ParkLevel } from '../vocab';

// 工业用地 classes of 《城市用地分类与规划建设用地标准》(GB 50137-2011), 表 3.3.2 (one home: vocab/codes.ts):
// M1 一类工业用地 (little interference with residence, public environment or safety),
// M2 二类工业用地 (some interference or pollution), M3 三类工业用地 (serious interference).
export { INDUSTRIAL_CLASSES, type IndustrialClass };

/**
 * The 控规 land classes that can host a project of class `c`. Land zoned for heavier industry
 * tolerates lighter industry, not the reverse (GB 50137-2011's classes are graded by the
 * interference they may cause): M3 land takes M1–M3 projects, M2 land M1–M2, M1 land only M1.
 */
export function landClassesFor(c: IndustrialClass): IndustrialClass[] {
  return INDUSTRIAL_CLASSES.filter((l) => l >= c);
}

/** Why a site is excluded before scoring (hard limits and land use). */
export const EXCLUSIONS = ['outside_urban', 'farmland', 'redline', 'land_class', 'land_use'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export interface MatchInput {
  /** Chain nodes the project belongs to (a node chosen, or the nodes free text matched). */
  nodeIds: string[];
  /** Land needed, 亩; either bound may be null. */
  muMin: number | null;
  muMax: number | null;
  landUse: LandUse | null;
  investmentWan: number | null;
  /** Sites only in these counties (preferred counties and a promotion group's members); empty = all. */
  counties: string[];
  /** Sites only in parks of these levels; empty = all. */
  levels: ParkLevel[];
  /** Suppliers, customers and neighbours count within this great-circle distance. */
  distanceKm: number;
  /** The project's industrial class; null = not stated, the 控规 class is not checked. */
  industrialClass: IndustrialClass | null;
}
