// Plain-language reasons for one parcel's findings, with its own dates and ratios, so a
// planner can read *why* a rule fired (or did not) without knowing the SQL. Every date and
// year count here comes from the findings row (land-rules.ts computes them in DuckDB); this
// file does no date arithmetic of its own.

import { DISPOSAL_LABELS, type Lang, formatMoney, isoDate } from '../vocab';
import type { FindingsRow } from './land-rules';
import { statuteNote } from './local-settings';
import type { RuleSettings } from './settings';

/** The fields of a findings row the explanation reads (dates as epoch ms or ISO text). */
export type ExplainInput = Pick<
  FindingsRow,
  | 'as_of' | 'agreed_start_date' | 'actual_start_date' | 'agreed_completion_date' | 'halted_since'
  | 'idle_type' | 'idle_since' | 'idle_from' | 'idle_years' | 'idle_days' | 'disposal' | 'fee_wan'
  | 'land_price_wan' | 'actual_investment_wan' | 'agreed_investment_wan' | 'annual_output_wan' | 'agreed_annual_output_wan'
  | 'exit_reasons' | 'inefficiency' | 'missing_inputs'
  | 'developed_ratio' | 'investment_ratio' | 'plot_ratio' | 'investment_intensity' | 'tax_per_mu'
  | 'recorded_actual_start_date' | 'recorded_halted_since' | 'supplied_after_as_of'
> & Partial<Pick<FindingsRow, 'supply_date'>>;

export interface Explanation {
  /** Headline reason for the idle finding (or why the parcel is not idle). */
  idle: string;
  exits: { code: string; text: string }[];
  inefficiencies: { code: string; text: string }[];
  missing: string[];
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const num = (v: number, digits = 1) => v.toLocaleString('zh-CN', { maximumFractionDigits: digits });
const fractionLabel = (v: number) => (Math.abs(v - 1 / 3) < 1e-9 ? '1/3' : pct(v));

export function explainParcel(p: ExplainInput, s: RuleSettings, lang: Lang): Explanation {
  const zh = lang === 'zh';
  const asOf = isoDate(p.as_of) ?? '';
  const agreed = isoDate(p.agreed_start_date);
  const actual = isoDate(p.actual_start_date);
  const halted = isoDate(p.halted_since);
  const since = isoDate(p.idle_since);
  // The one-year line (第二条), from the rules' own date arithmetic.
  const idleFrom = isoDate(p.idle_from);
  const years = p.idle_years;
  let idle: string;

  // The disposal is named by its vocabulary label, as in the legend, the lists and the export.
  const named = (d: 'fee' | 'recovery' | 'negotiate') =>
    zh ? DISPOSAL_LABELS[d].zh : DISPOSAL_LABELS[d].en.charAt(0).toLowerCase() + DISPOSAL_LABELS[d].en.slice(1);
  const disposalText = (): string => {
    if (p.disposal === 'negotiate') {
      return zh
        ? `属政府原因或不可抗力造成 → ${named('negotiate')}（延长动工期限、调整用途、置换等，第八条）`
        : `caused by government action or force majeure → ${named('negotiate')} (Art. 8)`;
    }
    // 第十四条 in its own words (满一年 / 满两年 / 百分之二十); a local setting beside it, never in it.
    if (p.disposal === 'recovery') {
      return zh
        ? `符合${named('recovery')}情形（第十四条第（二）项：未动工开发满两年的，无偿收回国有建设用地使用权${statuteNote(s, ['recoveryYears'], 'zh')}；须先排除第八条所列政府原因，并依法告知、听证）`
        : `${named('recovery')} (Art. 14(2): not developed for two full years → recovered without compensation${statuteNote(s, ['recoveryYears'], 'en')}; government causes under Art. 8 must be ruled out and the holder notified and heard)`;
    }
    const fee =
      p.fee_wan !== null && p.land_price_wan !== null
        ? zh
          ? `，闲置费 = 土地价款 ${num(p.land_price_wan)} 万元 × ${pct(s.idleFeeRate)} = ${num(p.fee_wan)} 万元`
          : `, fee = land price ${formatMoney(p.land_price_wan, 'en')} × ${pct(s.idleFeeRate)} = ${formatMoney(p.fee_wan, 'en')}`
        : zh
          ? '，土地价款缺失，闲置费金额无法计算'
          : '; land price missing, fee amount unknown';
    const keys = ['idleYears', 'recoveryYears', 'idleFeeRate'] as const;
    return zh
      ? `${named('fee')}（第十四条第（一）项：未动工开发满一年的，按照土地出让或者划拨价款的百分之二十征缴土地闲置费${statuteNote(s, keys, 'zh')}）${fee}`
      : `${named('fee')} (Art. 14(1): not developed for one full year → a fee of 20% of the land price${statuteNote(s, keys, 'en')})${fee}`;
  };

  // The one-year line of 第二条 as the statute says it, with the local setting beside it.
  const yearLine = zh
    ? s.idleYears === 1
      ? '满一年（第二条）'
      : `按本地设置满 ${s.idleYears} 年（非法定；第二条为满一年）`
    : s.idleYears === 1
      ? 'one full year (Art. 2)'
      : `${s.idleYears} full years by local setting (not the statute; Art. 2 says one year)`;

  if (p.idle_type === 'not_started' && agreed && since) {
    idle = zh
      ? `约定动工日期 ${agreed}，截至 ${asOf} 已满 ${years} 年未动工（闲置 ${num(p.idle_days, 0)} 天，第二条）；${disposalText()}`
      : `Agreed start ${agreed}; by ${asOf} not started for ${years} full year(s) (${num(p.idle_days, 0)} days idle, Art. 2); ${disposalText()}`;
  } else if (p.idle_type === 'stalled' && halted && since) {
    const parts: string[] = [];
    if (p.developed_ratio !== null) {
      parts.push(zh ? `已开发面积占 ${pct(p.developed_ratio)}` : `developed ${pct(p.developed_ratio)}`);
    }
    if (p.investment_ratio !== null) {
      parts.push(zh ? `已投资占 ${pct(p.investment_ratio)}` : `invested ${pct(p.investment_ratio)}`);
    }
    const limits = zh
      ? `（标准：面积不足 ${fractionLabel(s.stalledDevelopedRatio)} 或投资不足 ${pct(s.stalledInvestmentRatio)}）`
      : ` (threshold: under ${fractionLabel(s.stalledDevelopedRatio)} developed or ${pct(s.stalledInvestmentRatio)} invested)`;
    idle = zh
      ? `${actual ?? ''} 已动工，${parts.join('，')}${limits}，自 ${halted} 停工，截至 ${asOf} 已满 ${years} 年（闲置 ${num(p.idle_days, 0)} 天，第二条）；${disposalText()}`
      : `Started ${actual ?? ''}, ${parts.join(', ')}${limits}, halted since ${halted}; by ${asOf} ${years} full year(s) (${num(p.idle_days, 0)} days idle, Art. 2); ${disposalText()}`;
  } else if (!actual && agreed) {
    idle =
      asOf < agreed
        ? zh
          ? `约定动工日期 ${agreed} 尚未到期，未闲置`
          : `Agreed start ${agreed} not yet reached; not idle`
        : zh
          ? `约定动工日期 ${agreed}，截至 ${asOf} 未动工，尚未${yearLine}，${idleFrom} 起认定闲置`
          : `Agreed start ${agreed}; not started by ${asOf}, but not yet ${yearLine}: idle from ${idleFrom}`;
  } else if (!actual && !agreed) {
    idle = zh ? '未动工且缺少约定动工日期，无法判定是否闲置' : 'Not started and no agreed start date: idle status cannot be judged';
  } else if (halted && idleFrom) {
    const due = idleFrom;
    idle =
      asOf < due
        ? zh
          ? `自 ${halted} 停工，${due} 起${yearLine}`
          : `Halted since ${halted}; ${yearLine} is reached on ${due}`
        : zh
          ? `自 ${halted} 停工已${yearLine}，但开发面积与投资比例不低于标准（或缺失），不认定闲置`
          : `Halted since ${halted} for ${yearLine}, but development and investment are not below the thresholds (or missing)`;
  } else {
    idle = zh ? `已于 ${actual} 动工，未停工，未闲置` : `Started ${actual}, not halted; not idle`;
  }

  // Data contract v2, as-of rules: events the data records after the as-of date have not happened yet.
  const later = laterEvents(p, asOf, zh);
  if (p.supplied_after_as_of) {
    const supplied = isoDate(p.supply_date ?? null);
    idle = zh
      ? `供地日期 ${supplied ?? ''} 晚于评估日期 ${asOf}：截至评估日期尚未供地，不作判定`
      : `Supplied on ${supplied ?? ''}, after the as-of date ${asOf}: not yet supplied then, not judged`;
  } else if (later) idle = `${idle}${later}`;

  const exits: Explanation['exits'] = [];
  for (const code of p.exit_reasons ? p.exit_reasons.split(';') : []) {
    let text = '';
    if (code === 'E1') text = zh ? `约定 ${agreed} 动工，截至 ${asOf} 仍未动工` : `Agreed to start ${agreed}; not started by ${asOf}`;
    else if (code === 'E2')
      text = zh
        ? `约定 ${isoDate(p.agreed_completion_date)} 竣工，已完成投资 ${num(p.actual_investment_wan ?? 0)} / 约定 ${num(p.agreed_investment_wan ?? 0)} 万元`
        : `Completion due ${isoDate(p.agreed_completion_date)}; invested ${num(p.actual_investment_wan ?? 0)} of ${num(p.agreed_investment_wan ?? 0)}`;
    else if (code === 'E3') text = zh ? '厂房已建成，尚未安装设备投产' : 'Buildings finished, no production yet';
    else if (code === 'E4')
      text = zh
        ? `年产值 ${num(p.annual_output_wan ?? 0)} 万元，低于约定 ${num(p.agreed_annual_output_wan ?? 0)} 万元 × ${num(s.outputTargetRatio, 2)}`
        : `Output ${num(p.annual_output_wan ?? 0)} below agreed ${num(p.agreed_annual_output_wan ?? 0)} × ${num(s.outputTargetRatio, 2)}`;
    else if (code === 'E5') text = zh ? '不符合产业政策或环保标准' : 'Not compliant with industrial policy or environmental standards';
    else if (code === 'E6') text = zh ? '存在投资协议约定的其他违约情形' : 'Other breach of the investment agreement';
    exits.push({ code, text });
  }

  const inefficiencies: Explanation['inefficiencies'] = [];
  for (const code of p.inefficiency ? p.inefficiency.split(';') : []) {
    let text = '';
    if (code === 'L1') text = zh ? `容积率 ${num(p.plot_ratio ?? 0, 2)}，低于 ${num(s.minPlotRatio, 2)}` : `Plot ratio ${num(p.plot_ratio ?? 0, 2)} < ${num(s.minPlotRatio, 2)}`;
    else if (code === 'L2')
      text = zh
        ? `投资强度 ${num(p.investment_intensity ?? 0, 0)} 万元/公顷，低于 ${num(s.minInvestmentIntensity, 0)}`
        : `Investment intensity ${num(p.investment_intensity ?? 0, 0)} /ha < ${num(s.minInvestmentIntensity, 0)}`;
    else if (code === 'L3')
      text = zh
        ? `亩均税收 ${num(p.tax_per_mu ?? 0, 2)} 万元/亩，低于 ${num(s.minTaxPerMu, 2)}`
        : `Tax per mu ${num(p.tax_per_mu ?? 0, 2)} < ${num(s.minTaxPerMu, 2)}`;
    inefficiencies.push({ code, text });
  }

  return { idle, exits, inefficiencies, missing: p.missing_inputs ? p.missing_inputs.split(';') : [] };
}

/** “（实际动工日期 2023-01-01 晚于评估日期，按当时尚未发生判定）” for each recorded event after the as-of date. */
function laterEvents(p: ExplainInput, asOf: string, zh: boolean): string {
  const events: [string, string, string][] = [];
  const actual = isoDate(p.recorded_actual_start_date ?? null);
  const halted = isoDate(p.recorded_halted_since ?? null);
  if (actual && actual > asOf) events.push([actual, '实际动工日期', 'the actual start']);
  if (halted && halted > asOf) events.push([halted, '停工日期', 'the halt']);
  if (events.length === 0) return '';
  return zh
    ? `（${events.map(([d, z]) => `${z} ${d}`).join('、')} 晚于评估日期，按当时尚未发生判定）`
    : ` (${events.map(([d, , e]) => `${e} on ${d}`).join(' and ')} came after the as-of date and is treated as not yet happened)`;
}
