// Plain explanations of a site's scores, built from its own numbers (site-match.ts), in
// Chinese and English: "上游 铜箔 企业 1 家在 15 公里内：铜箔甲（0 公里）…". The text names the
// figures the score was computed from, so a planner can check it without the SQL.

import { type Lang, M2_PER_MU, PARK_LEVEL_LABELS, PUNCTUATION, type ParkLevel, formatNumber } from '../vocab';
import { NO_DATA, SITE_READINESS_LABELS, type SiteReadiness } from '../vocab/sites';
import type { ScoreKey, SitePartner, SiteScore } from './site-match';
import type { MatchInput } from './site-match-need';

export interface ExplainContext {
  input: Pick<MatchInput, 'muMin' | 'muMax' | 'distanceKm'>;
  /** Names of the project's chains (for the leading-chain sentence). */
  chainNames: string[];
  /** Scores no site has (missing table or column). */
  noData: readonly ScoreKey[];
  /** How many partner names a sentence lists before "等". */
  maxNames?: number;
}

export type SiteExplanation = Record<ScoreKey, string>;

const n = (v: number, lang: Lang, digits = 1) => formatNumber(v, digits, lang);
const score = (v: number) => v.toFixed(2);

/**
 * The partners of one role as "名（距离）、…", nearest first; each names its node only when the
 * role spans several nodes (the sentence names a single one already).
 */
function partnerList(list: readonly SitePartner[], count: number, lang: Lang, max: number): string {
  const p = PUNCTUATION[lang];
  const several = nodeNames(list).length > 1;
  const shown = list.slice(0, max).map((x) => {
    const node = several && x.node_name ? x.node_name : '';
    return lang === 'zh'
      ? `${x.name}（${node ? `${node}，` : ''}${n(x.km, lang)} 公里）`
      : `${x.name} (${node ? `${node}, ` : ''}${n(x.km, lang)} km)`;
  });
  const shownCount = Math.min(max, list.length);
  const more = count > shownCount ? (lang === 'zh' ? ` 等 ${count} 家` : ` and ${count - shownCount} more`) : '';
  return shown.join(p.list) + more;
}

/** Distinct node names of a role's partners, in order of first appearance. */
const nodeNames = (list: readonly SitePartner[]) => [...new Set(list.map((x) => x.node_name).filter((x): x is string => !!x))];

function chainText(s: SiteScore, partners: readonly SitePartner[], ctx: ExplainContext, lang: Lang): string {
  const zh = lang === 'zh';
  const p = PUNCTUATION[lang];
  const d = n(ctx.input.distanceKm, lang);
  const max = ctx.maxNames ?? 5;
  const chains = ctx.chainNames.join(p.list);
  const parts: string[] = [];
  if (s.park_id === null) parts.push(zh ? '不在园区内' : 'Not in a park');
  else if (s.lead === true) parts.push(zh ? `园区主导产业链含 ${chains}` : `The park’s leading chains include ${chains}`);
  else if (s.lead === false) parts.push(zh ? `园区主导产业链不含 ${chains}` : `The park’s leading chains do not include ${chains}`);
  else parts.push(zh ? '园区未填报主导产业链' : 'The park states no leading chains');
  const peers = partners.filter((x) => x.role === 'peer');
  if (s.peers === 0) parts.push(zh ? `${d} 公里内无同环节企业` : `no firms on the same node within ${d} km`);
  else {
    const nodes = nodeNames(peers).join(p.list);
    parts.push(
      zh
        ? `同环节 ${nodes} 企业 ${s.peers} 家在 ${d} 公里内${p.colon}${partnerList(peers, s.peers, lang, max)}`
        : `${s.peers} ${s.peers === 1 ? 'firm' : 'firms'} on the same node${nodes ? ` (${nodes})` : ''} within ${d} km${p.colon}${partnerList(peers, s.peers, lang, max)}`,
    );
  }
  const sup = partners.filter((x) => x.role === 'supplier');
  const cus = partners.filter((x) => x.role === 'customer');
  const role = (list: readonly SitePartner[], count: number, zhRole: string, enOne: string, enMany: string) => {
    const nodes = nodeNames(list).join(p.list);
    if (count === 0) return zh ? `${d} 公里内无${zhRole}企业` : `no ${enMany} within ${d} km`;
    return zh
      ? `${zhRole} ${nodes} 企业 ${count} 家在 ${d} 公里内${p.colon}${partnerList(list, count, lang, max)}`
      : `${count} ${count === 1 ? enOne : enMany}${nodes ? ` (${nodes})` : ''} within ${d} km${p.colon}${partnerList(list, count, lang, max)}`;
  };
  parts.push(role(sup, s.suppliers, '上游', 'supplier', 'suppliers'));
  parts.push(role(cus, s.customers, '下游', 'customer', 'customers'));
  return `${parts.join(p.semicolon)} → ${score(s.chain!)}`;
}

function landText(s: SiteScore, ctx: ExplainContext, lang: Lang): string {
  const zh = lang === 'zh';
  const { muMin, muMax } = ctx.input;
  const range = muMin !== null && muMax !== null ? `${n(muMin, lang)}–${n(muMax, lang)}` : n((muMin ?? muMax)!, lang);
  const unit = zh ? '亩' : 'mu';
  if (s.kind === 'factory') {
    const need = (muMin ?? muMax)! * M2_PER_MU;
    return zh
      ? `空置厂房 ${n(s.vacant_floor_m2!, lang, 0)} m²，项目至少需地 ${n((muMin ?? muMax)!, lang)} 亩（按容积率 1 折合 ${n(need, lang, 0)} m² 厂房）→ ${score(s.land!)}`
      : `Vacant floor ${n(s.vacant_floor_m2!, lang, 0)} m²; the project needs at least ${n((muMin ?? muMax)!, lang)} mu (${n(need, lang, 0)} m² of floor at a plot ratio of 1) → ${score(s.land!)}`;
  }
  const mu = s.area_m2! / M2_PER_MU;
  const area = `${n(mu, lang)} ${unit}`;
  if (muMin !== null && s.area_m2! < muMin * M2_PER_MU) {
    return zh ? `面积 ${area}，小于需求下限 ${n(muMin, lang)} 亩 → ${score(s.land!)}` : `${area}, below the ${n(muMin, lang)} mu needed → ${score(s.land!)}`;
  }
  if (muMax !== null && s.area_m2! > muMax * M2_PER_MU) {
    if (s.kind === 'unsupplied') {
      return zh
        ? `未供应土地 ${area}，大于需求上限 ${n(muMax, lang)} 亩，可按需分割供地 → ${score(s.land!)}`
        : `${area} of unsupplied land, more than the ${n(muMax, lang)} mu wanted; a plot of the right size can be cut from it → ${score(s.land!)}`;
    }
    return zh ? `宗地面积 ${area}，大于需求上限 ${n(muMax, lang)} 亩 → ${score(s.land!)}` : `A ${area} parcel, above the ${n(muMax, lang)} mu wanted → ${score(s.land!)}`;
  }
  return zh ? `面积 ${area}，在需求 ${range} 亩之内 → ${score(s.land!)}` : `${area}, within the ${range} mu needed → ${score(s.land!)}`;
}

function mujunText(s: SiteScore, ctx: ExplainContext, lang: Lang): string {
  const d = n(ctx.input.distanceKm, lang);
  if (s.nearby_classed === 0) return lang === 'zh' ? `${d} 公里内无参评企业` : `No classed enterprises within ${d} km`;
  const pct = n((100 * s.nearby_ab) / s.nearby_classed, lang, 0);
  return lang === 'zh'
    ? `${d} 公里内参评企业 ${s.nearby_classed} 家，A/B 类 ${s.nearby_ab} 家（${pct}%）→ ${score(s.mujun!)}`
    : `${s.nearby_ab} of ${s.nearby_classed} classed enterprises within ${d} km are class A or B (${pct}%) → ${score(s.mujun!)}`;
}

/** One sentence per score; 无数据 / "No data" for a score the data cannot give. */
export function explainSite(s: SiteScore, partners: readonly SitePartner[], ctx: ExplainContext, lang: Lang): SiteExplanation {
  const zh = lang === 'zh';
  const none = NO_DATA[lang];
  const noData = (k: ScoreKey) => ctx.noData.includes(k);
  const chain = noData('chain') || s.chain === null ? none : chainText(s, partners, ctx, lang);
  const noNeed = ctx.input.muMin === null && ctx.input.muMax === null;
  const land = noNeed ? (zh ? '未填用地需求' : 'No land need stated') : noData('land') || s.land === null ? none : landText(s, ctx, lang);
  const readiness =
    noData('readiness') || s.readiness_score === null
      ? none
      : `${SITE_READINESS_LABELS[s.readiness as SiteReadiness][lang]} → ${score(s.readiness_score)}`;
  const level =
    noData('level') || s.level_score === null
      ? none
      : s.park_id === null
        ? `${zh ? '不在园区内' : 'Not in a park'} → ${score(s.level_score)}`
        : `${zh ? `${PARK_LEVEL_LABELS[s.level as ParkLevel].zh}园区` : `${PARK_LEVEL_LABELS[s.level as ParkLevel].en} park`} → ${score(s.level_score)}`;
  const mujun = noData('mujun') ? none : mujunText(s, ctx, lang);
  return { chain, land, readiness, level, mujun };
}
