// Proposed actions for one parcel, from its findings: which lever a planner pulls first and
// the rule that points there. Pure (no database), so the detail panel, the export and the tests
// share it.
//
// Order (most binding first):
//   1. the legal idle-land disposal — 《闲置土地处置办法》(国土资源部令第53号, 2012):
//      协议处置/置换 (第八条 government or force-majeure delay, options of 第十二条),
//      无偿收回 (第十四条(二)), 征缴闲置费 (第十四条(一));
//   2. 退出 under the investment agreement's 土地退出机制 (E2/E4/E5/E6);
//   3. 督促开工 (E1, or not started and not yet idle);
//   4. 厂房租赁给新签约企业 (E3: buildings finished, no production) — 盘活闲置厂房;
//   5. 增容技改 (L1/L2/L3 while producing) — 低效用地再开发
//      (《关于深入推进城镇低效用地再开发的指导意见（试行）》, 国土资发〔2016〕147号);
//   6. 建设或改造标准厂房 on recovered or idle land suited to small firms.
//
// The standard-factory heuristic (a rule of thumb, not a legal test; the size is a setting):
// an industrial parcel of at most `standardFactoryMaxMu` 亩 that is being recovered (disposal
// `recovery`, or tracking stage 已收回) or is idle for the holder's own reasons. Such parcels
// rarely attract one large project on their own, while a park platform can build multi-storey
// standard factories on them and let them floor by floor to small and micro firms.
//
// Deliberately not proposed: exit when the land is being recovered anyway under the law (the
// recovery already ends the holder's right); 督促开工 when the land is recovered or negotiated;
// anything once tracking says the parcel is 已盘活.

import {
  DISPOSAL_ACTION_LABELS,
  type DisposalAction,
  EXIT_CODES,
  type ExitCode,
  INEFFICIENCY_CODES,
  type InefficiencyCode,
  type TrackingStage,
  displayLabel,
  formatMoney,
  isCode,
  m2ToMu,
} from '../vocab';
import type { FindingsRow } from './land-rules';
import { statuteNote } from './local-settings';
import type { NumericSettingKey, RuleSettings } from './settings';

export type { DisposalAction } from '../vocab';

export interface ProposedAction {
  action: DisposalAction;
  labelZh: string;
  labelEn: string;
  /** The rule (with its source) that led here, with this parcel's own figures. */
  ruleZh: string;
  ruleEn: string;
  /** Money involved, 万元: the idle-land fee when the land price is known. */
  amountWan?: number;
  /** The finding codes behind the action (E1…E6, L1…L3), when any. */
  codes?: string[];
}

/** The fields of a parcel_findings row the plan reads (dates as ISO text or epoch ms). */
export type DisposalInput = Pick<
  FindingsRow,
  | 'status' | 'land_use' | 'area_m2' | 'actual_start_date' | 'floor_area_m2' | 'land_price_wan'
  | 'idle_type' | 'idle_days' | 'disposal' | 'fee_wan' | 'exit_reasons' | 'inefficiency'
> & {
  /** Latest tracking stage as of the as-of date (data/tracking.ts latestRecord), when tracked. */
  tracking_stage?: TrackingStage | null;
};

// Legal text quotes the statute's own figures (第二条: 一年; 第十四条: 满一年征缴百分之二十的闲置费,
// 满两年无偿收回); a different setting is named beside the quotation (statuteNote), never in it.
const localYearsZh = (s: RuleSettings, keys: NumericSettingKey[]) => statuteNote(s, keys, 'zh');
const localYearsEn = (s: RuleSettings, keys: NumericSettingKey[]) => statuteNote(s, keys, 'en');

const LAW_ZH = '《闲置土地处置办法》';
const LAW_EN = 'Measures on Disposal of Idle Land';
const EXIT_ZH = '投资协议·土地退出机制';
const EXIT_EN = 'investment agreement, land exit mechanism';
const RENEWAL_ZH = '低效用地再开发（国土资发〔2016〕147号）';
const RENEWAL_EN = 'redevelopment of inefficient land (MLR 2016 No. 147)';

/** Exit conditions that lead to exit under the agreement (E1 → urge a start, E3 → lease). */
const EXIT_FOR_EXIT: readonly ExitCode[] = ['E2', 'E4', 'E5', 'E6'];
const exitList = (cs: readonly string[], lang: 'zh' | 'en') => cs.map((c) => displayLabel('exit', c, lang));
const ineffList = (cs: readonly string[], lang: 'zh' | 'en') => cs.map((c) => displayLabel('inefficiency', c, lang));

const codes = (s: string) => (s ? s.split(';') : []);
const fmt = (v: number, digits = 1) => v.toLocaleString('zh-CN', { maximumFractionDigits: digits });
const fmtEn = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

function make(action: DisposalAction, ruleZh: string, ruleEn: string, extra: Partial<ProposedAction> = {}): ProposedAction {
  return { action, labelZh: DISPOSAL_ACTION_LABELS[action].zh, labelEn: DISPOSAL_ACTION_LABELS[action].en, ruleZh, ruleEn, ...extra };
}

export function proposeActions(f: DisposalInput, s: RuleSettings): ProposedAction[] {
  if (f.tracking_stage === 'revitalised') return [];
  const out: ProposedAction[] = [];
  const exits = codes(f.exit_reasons);
  const ineff = codes(f.inefficiency);
  const idle = f.idle_type !== 'none';
  const recovered = f.tracking_stage === 'recovered';
  const notStarted = f.actual_start_date === null || f.actual_start_date === '';

  // 1. The legal disposal of idle land (the rules already chose one of the three).
  if (!recovered) {
    if (f.disposal === 'negotiate') {
      out.push(
        make(
          'negotiate',
          `${LAW_ZH}第八条：因政府原因或不可抗力造成闲置（已闲置 ${f.idle_days} 天），不征缴闲置费、不无偿收回；` +
            '按第十二条与权利人协商：延长动工期限、调整用途或规划条件、临时使用、协议有偿收回或置换土地',
          `${LAW_EN}, Art. 8: idle (${f.idle_days} days) because of government action or force majeure, so no fee or ` +
            'recovery; per Art. 12 negotiate an extension, a change of use, temporary use, paid recovery or a land swap',
        ),
      );
    } else if (f.disposal === 'recovery') {
      out.push(
        make(
          'recover',
          `${LAW_ZH}第十四条第（二）项：未动工开发满两年的，报经有批准权的人民政府批准后，无偿收回国有建设用地使用权（已闲置 ${f.idle_days} 天）` +
            localYearsZh(s, ['recoveryYears']),
          `${LAW_EN}, Art. 14(2): not developed for two full years → recovered without compensation once approved (${f.idle_days} days idle)` +
            localYearsEn(s, ['recoveryYears']),
        ),
      );
    } else if (f.disposal === 'fee') {
      const amount = f.fee_wan ?? (f.land_price_wan !== null ? f.land_price_wan * s.idleFeeRate : null);
      const pct = `${fmt(s.idleFeeRate * 100, 2)}%`;
      out.push(
        make(
          'collect_fee',
          `${LAW_ZH}第十四条第（一）项：未动工开发满一年的，按照土地出让或者划拨价款的百分之二十征缴土地闲置费（已闲置 ${f.idle_days} 天）` +
            localYearsZh(s, ['idleYears', 'recoveryYears', 'idleFeeRate']) +
            (amount !== null && f.land_price_wan !== null
              ? `：${fmt(f.land_price_wan)} 万元 × ${pct} = ${fmt(amount)} 万元`
              : '；土地价款缺失，金额待核实'),
          `${LAW_EN}, Art. 14(1): not developed for one full year → a fee of 20% of the land price (${f.idle_days} days idle)` +
            localYearsEn(s, ['idleYears', 'recoveryYears', 'idleFeeRate']) +
            (amount !== null && f.land_price_wan !== null
              ? `: ${formatMoney(f.land_price_wan, 'en')} × ${pct} = ${formatMoney(amount, 'en')}`
              : '; land price missing, amount to be confirmed'),
          amount !== null ? { amountWan: amount } : {},
        ),
      );
    }
  }

  // 2. Exit under the agreement, unless the law already takes the land back.
  const exitCodes = exits.filter((c): c is ExitCode => isCode(EXIT_CODES, c) && EXIT_FOR_EXIT.includes(c));
  if (exitCodes.length > 0 && f.disposal !== 'recovery' && !recovered) {
    out.push(
      make(
        'exit',
        `${EXIT_ZH}：${exitList(exitCodes, 'zh').join('；')}，按协议约定启动土地退出（收回、回购或转让给符合条件的企业）`,
        `${EXIT_EN}: ${exitList(exitCodes, 'en').join('; ')}; start the agreed exit (recovery, buy-back or transfer)`,
        { codes: exitCodes },
      ),
    );
  }

  // 3. Not started: urge a start before the land becomes idle (or, after the fee, before recovery).
  if (notStarted && !recovered && (f.disposal === 'none' || f.disposal === 'fee')) {
    const e1 = exits.includes('E1');
    let ruleZh: string;
    let ruleEn: string;
    if (f.disposal === 'fee') {
      ruleZh = `${LAW_ZH}第十四条：已征缴闲置费仍须开工，未动工开发满两年的将无偿收回${localYearsZh(s, ['recoveryYears'])}；督促限期开工`;
      ruleEn = `${LAW_EN}, Art. 14: after the fee the holder must still start; at two full years the land is recovered${localYearsEn(s, ['recoveryYears'])}`;
    } else if (e1) {
      ruleZh = `${EXIT_ZH} E1：超过约定动工日期仍未动工，未满 ${s.idleYears} 年尚不构成闲置（${LAW_ZH}第二条）；督促开工，避免形成闲置`;
      ruleEn = `${EXIT_EN} E1: past the agreed start date, not yet idle (under ${s.idleYears} year, Art. 2); urge a start`;
    } else {
      ruleZh = '约定动工日期未到：跟踪项目前期工作，督促按期开工';
      ruleEn = 'Agreed start date not reached: follow up and urge a start on time';
    }
    out.push(make('urge_start', ruleZh, ruleEn, e1 ? { codes: ['E1'] } : {}));
  }

  // 4. Finished buildings without production: let them to newly signed firms.
  const built = exits.includes('E3') || f.status === 'built_no_production';
  if (built && f.floor_area_m2 !== 0 && !recovered) {
    const floor = f.floor_area_m2 !== null ? `（建筑面积 ${fmt(f.floor_area_m2, 0)} m²）` : '';
    const floorEn = f.floor_area_m2 !== null ? ` (${fmtEn(f.floor_area_m2, 0)} m² of floor space)` : '';
    out.push(
      make(
        'lease_to_new',
        `${EXIT_ZH} E3：厂房已建成未投产${floor}；盘活闲置厂房，引导权利人将厂房租赁给新签约企业，或按协议由园区回购后招商`,
        `${EXIT_EN} E3: buildings finished but no production${floorEn}; lease them to newly signed firms, or buy back per the agreement`,
        { codes: ['E3'] },
      ),
    );
  }

  // 5. Producing but inefficient: densify and upgrade in place.
  const ineffCodes = ineff.filter((c): c is InefficiencyCode => isCode(INEFFICIENCY_CODES, c));
  if (ineffCodes.length > 0 && f.status === 'producing' && !recovered) {
    out.push(
      make(
        'upgrade',
        `${RENEWAL_ZH}：${ineffList(ineffCodes, 'zh').join('；')}；在符合规划的前提下鼓励原权利人增资扩产、加建厂房提高容积率、技术改造提升亩均效益`,
        `${RENEWAL_EN}: ${ineffList(ineffCodes, 'en').join('; ')}; encourage more floor space, investment and technical upgrading in place`,
        { codes: ineffCodes },
      ),
    );
  }

  // 6. Small recovered or idle industrial land: standard factories for small firms.
  const mu = f.area_m2 !== null ? m2ToMu(f.area_m2) : null;
  const beingRecovered = recovered || f.disposal === 'recovery';
  const ownIdle = idle && f.disposal !== 'negotiate';
  if (f.land_use === 'industrial' && mu !== null && mu <= s.standardFactoryMaxMu && (beingRecovered || ownIdle)) {
    out.push(
      make(
        'standard_factory',
        `${beingRecovered ? '收回后' : '闲置'}工业用地 ${fmt(mu)} 亩，不大于 ${fmt(s.standardFactoryMaxMu)} 亩（经验阈值，可在设置中调整），难以单独吸引大项目；` +
          `${beingRecovered ? '由园区平台' : '可引导权利人或园区平台'}建设或改造多层标准厂房，分割出租给中小微企业（${RENEWAL_ZH}）`,
        `${beingRecovered ? 'Recovered' : 'Idle'} industrial land of ${fmtEn(mu)} mu, at most ${fmtEn(s.standardFactoryMaxMu)} mu (a rule of thumb, see settings); ` +
          `multi-storey standard factories let to small firms suit it better than one large project (${RENEWAL_EN})`,
      ),
    );
  }
  return out;
}
