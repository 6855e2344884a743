// What the 项目选址 panels read, derived from the stored match on demand (explanations are built
// for the rows shown, in the UI language) and remembered while their inputs keep their identity.

import { type SiteExplanation, explainSite } from '../analysis/site-match-explain';
import { siteLabel } from '../analysis/site-match-export';
import type { SitePartner, SiteScore } from '../analysis/site-match';
import type { ResolvedNodes } from '../analysis/site-match-nodes';
import type { Lang } from '../vocab';
import type { AppState } from './app-state';
import { isCurrent } from './derivation';
import { siteMatch } from './siting';
import { needIssues, resolveNeed } from './siting-need';

export { MATCH_SETTING_META, type MatchSettingKey } from '../analysis/match-settings';
export { INDUSTRIAL_CLASSES } from '../analysis/site-match-need';
export type { SiteExplanation, SitePartner, SiteScore };

/** How many ranked sites the map numbers and the comparison page compares. */
export const TOP_SITES = 10;

export interface SiteRow {
  rank: number;
  site: SiteScore;
  label: string;
  explanation: SiteExplanation;
  suppliers: SitePartner[];
  customers: SitePartner[];
  /** Firms on the project's own node nearby (the cluster). */
  peers: SitePartner[];
}

function memo<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A) => {
    if (last && last.args.every((x, i) => x === args[i])) return last.value;
    const value = f(...args);
    last = { args, value };
    return value;
  };
}

const rowsMemo = memo((match: AppState['siting']['match'], lang: Lang): SiteRow[] => {
  if (!match) return [];
  const { result, input, chainNames } = match;
  const bySite = new Map<string, SitePartner[]>();
  for (const p of result.partners) {
    const list = bySite.get(p.site_id) ?? [];
    list.push(p);
    bySite.set(p.site_id, list);
  }
  // Three names per role in the panels: the detail panel lists every partner below.
  const ctx = { input, chainNames, noData: result.noData, maxNames: 3 };
  return result.ranked.map((site, i) => {
    const partners = bySite.get(site.site_id) ?? [];
    return {
      rank: i + 1,
      site,
      label: siteLabel(site, lang),
      explanation: explainSite(site, partners, ctx, lang),
      suppliers: partners.filter((p) => p.role === 'supplier'),
      customers: partners.filter((p) => p.role === 'customer'),
      peers: partners.filter((p) => p.role === 'peer'),
    };
  });
});

/** The ranked sites with their labels and explanations. */
export const selectSiteRows = (s: AppState): SiteRow[] => rowsMemo(s.siting.match, s.lang);

export const selectSelectedSite = (s: AppState): SiteRow | null =>
  selectSiteRows(s).find((r) => r.site.site_id === s.siting.selectedSite) ?? null;

const resolvedMemo = memo((need: AppState['siting']['need'], nodes: AppState['siting']['nodes']): ResolvedNodes => resolveNeed(need, nodes));
/** What the form's node or text matches now (shown under the keyword as the planner types). */
export const selectResolved = (s: AppState): ResolvedNodes => resolvedMemo(s.siting.need, s.siting.nodes);

const issuesMemo = memo(needIssues);
export const selectNeedIssues = (s: AppState) => issuesMemo(s.siting.need);

/** A need is submitted and its result not in yet. */
export const selectMatching = (s: AppState): boolean => s.siting.submitted !== null && !isCurrent(siteMatch, s);

export { siteLabel };
