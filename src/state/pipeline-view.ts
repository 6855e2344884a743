// What the pipeline panel shows of the project records: the funnel of the scope chosen (a county,
// a promotion group, or the whole place). Components read it here, never the analysis directly.

import { type Funnel, countyFunnel, groupFunnel, placeFunnel } from '../analysis/pipeline-funnel';
import type { Project } from '../analysis/projects';
import type { PromotionGroup } from '../analysis/promotion-groups';

export type { Funnel };

/** The funnel of one county ('' = none chosen), else of a group, else of every project. */
export function scopeFunnel(projects: readonly Project[], county: string, group: PromotionGroup | null | undefined): Funnel {
  return county !== '' ? countyFunnel(projects, county) : group ? groupFunnel(projects, group) : placeFunnel(projects);
}
