// Every threshold the rules use is a setting with its default and the source of that default.
// Settings are plain, versioned data so they can be saved in the browser and passed to the CLI.

export const SETTINGS_VERSION = 1;

export interface RuleSettings {
  version: typeof SETTINGS_VERSION;
  /** Years without starting (or halted) after which land is idle. */
  idleYears: number;
  /** Years idle after which the land may be recovered without compensation. */
  recoveryYears: number;
  /** Share of the land price charged as idle-land fee. */
  idleFeeRate: number;
  /** Developed area below this share of the parcel counts as a stall. */
  stalledDevelopedRatio: number;
  /** Completed investment below this share of the agreed total counts as a stall. */
  stalledInvestmentRatio: number;
  /** E4: producing below agreed output × this ratio. */
  outputTargetRatio: number;
  /** L1: minimum plot ratio (容积率). */
  minPlotRatio: number;
  /** L2: minimum investment intensity, 万元 per 公顷. */
  minInvestmentIntensity: number;
  /** L3: minimum tax per 亩, 万元. */
  minTaxPerMu: number;
  /** Disposal plan: recovered / idle industrial land up to this many 亩 suits standard factories. */
  standardFactoryMaxMu: number;

  // 亩均效益 evaluation (mujun.ts). Benchmarks are the "1.0" of each indicator's ratio.
  /** 亩均税收 benchmark, 万元/亩. */
  mujunTaxBenchmark: number;
  /** 亩均增加值 benchmark, 万元/亩. */
  mujunValueAddedBenchmark: number;
  /** 全员劳动生产率 benchmark, 万元/人. */
  mujunLabourBenchmark: number;
  /** 单位能耗增加值 benchmark, 万元/吨标煤. */
  mujunEnergyBenchmark: number;
  /** R&D intensity benchmark, share of revenue (0.03 = 3 %). */
  mujunRdBenchmark: number;
  mujunTaxWeight: number;
  mujunValueAddedWeight: number;
  mujunLabourWeight: number;
  mujunEnergyWeight: number;
  mujunRdWeight: number;
  /** Each indicator/benchmark ratio is capped at this value before weighting. */
  mujunRatioCap: number;
  /** Class shares in percent of scored enterprises, best first; they sum to 100. */
  mujunShareA: number;
  mujunShareB: number;
  mujunShareC: number;
  mujunShareD: number;

  // 闲置预警 (warnings.ts).
  /** Days ahead of the as-of date within which a coming legal line is listed. */
  warningWindowDays: number;
}

export type NumericSettingKey = Exclude<keyof RuleSettings, 'version'>;

/** Settings-panel sections. */
export type SettingGroup = 'idle' | 'exit' | 'efficiency' | 'mujun' | 'warning';

export const SETTING_GROUPS: readonly { group: SettingGroup; labelZh: string; labelEn: string }[] = [
  { group: 'idle', labelZh: '闲置土地认定与处置', labelEn: 'Idle land and disposal' },
  { group: 'exit', labelZh: '土地退出条件', labelEn: 'Land exit conditions' },
  { group: 'efficiency', labelZh: '低效用地', labelEn: 'Inefficient land' },
  { group: 'mujun', labelZh: '亩均效益评价', labelEn: 'Per-mu performance evaluation' },
  { group: 'warning', labelZh: '闲置预警', labelEn: 'Early warning' },
];

export interface SettingMeta {
  key: NumericSettingKey;
  /**
   * Settings-panel section. Optional here because other modules describe their own settings
   * with `Omit<SettingMeta, 'key'>`; every rule setting in SETTING_META has one (RuleSettingMeta).
   */
  group?: SettingGroup;
  labelZh: string;
  labelEn: string;
  unitZh: string;
  unitEn: string;
  min: number;
  max: number;
  step: number;
  /** Where the default comes from. */
  sourceZh: string;
  sourceEn: string;
  /** Whole numbers only (years feed DuckDB's to_years). */
  integer?: boolean;
  /**
   * The default is the statute's own figure (《闲置土地处置办法》第二条、第十四条): any other value
   * is a local, non-statutory setting and is announced as such wherever findings are shown.
   */
  statutory?: boolean;
  /** Shown as a percentage (the setting holds a share, 0.2 = 20 %). */
  percent?: boolean;
}

export const DEFAULT_SETTINGS: RuleSettings = {
  version: SETTINGS_VERSION,
  idleYears: 1,
  recoveryYears: 2,
  idleFeeRate: 0.2,
  stalledDevelopedRatio: 1 / 3,
  stalledInvestmentRatio: 0.25,
  outputTargetRatio: 1.0,
  minPlotRatio: 0.8,
  minInvestmentIntensity: 1500,
  minTaxPerMu: 5,
  standardFactoryMaxMu: 50,
  mujunTaxBenchmark: 10,
  mujunValueAddedBenchmark: 60,
  mujunLabourBenchmark: 30,
  mujunEnergyBenchmark: 4,
  mujunRdBenchmark: 0.03,
  // The two per-mu indicators carry the reform's point (output per unit of land): 60 %.
  mujunTaxWeight: 0.3,
  mujunValueAddedWeight: 0.3,
  mujunLabourWeight: 0.15,
  mujunEnergyWeight: 0.15,
  mujunRdWeight: 0.1,
  mujunRatioCap: 3,
  mujunShareA: 25,
  mujunShareB: 45,
  mujunShareC: 25,
  mujunShareD: 5,
  warningWindowDays: 90,
};

// 亩均论英雄: the evaluation method and the A/B/C/D classes follow Zhejiang's reform guideline;
// the guideline leaves indicator weights, benchmarks and class shares to cities and counties,
// so every number below is a demo default, labelled as such.
const MUJUN_ZH = '《浙江省人民政府关于深化“亩均论英雄”改革的指导意见》(浙政发〔2018〕5号)';
const MUJUN_EN = 'Zhejiang Provincial Government guideline on deepening the “per-mu performance” reform (Zhe Zheng Fa [2018] No. 5)';
const BENCH_ZH =
  '评价指标见' + MUJUN_ZH + '；基准值为示例默认值（约为示例数据参评企业的中位水平），实际应取本地区上年度规上工业企业平均值';
const BENCH_EN =
  `Indicator from ${MUJUN_EN}; the benchmark is an illustrative demo default (about the demo data's median), ` +
  'in practice use the local average of above-scale industry for the previous year';
const WEIGHT_ZH = '权重由各地自定；示例默认：亩均税收、亩均增加值各 0.3（体现“亩均”产出），劳动生产率、能耗产出各 0.15，研发强度 0.1';
const WEIGHT_EN =
  'Weights are set locally; demo default: 0.3 each for tax and value added per mu (the reform’s point), ' +
  '0.15 each for labour and energy productivity, 0.1 for R&D intensity';

function mujunMeta(): RuleSettingMeta[] {
  const bench = (
    key: NumericSettingKey,
    labelZh: string,
    labelEn: string,
    unitZh: string,
    unitEn: string,
    max: number,
    step: number,
  ): RuleSettingMeta => ({
    key, group: 'mujun', labelZh: `${labelZh}基准值`, labelEn: `${labelEn} benchmark`, unitZh, unitEn,
    // A benchmark divides the indicator, so it must be positive.
    min: step, max, step, sourceZh: BENCH_ZH, sourceEn: BENCH_EN,
  });
  const weight = (key: NumericSettingKey, labelZh: string, labelEn: string): RuleSettingMeta => ({
    key, group: 'mujun', labelZh: `${labelZh}权重`, labelEn: `${labelEn} weight`, unitZh: '', unitEn: '',
    min: 0, max: 1, step: 0.05, sourceZh: WEIGHT_ZH, sourceEn: WEIGHT_EN,
  });
  const share = (key: NumericSettingKey, cls: string, zh: string, en: string): RuleSettingMeta => ({
    key, group: 'mujun', labelZh: `${cls} 类企业占比（${zh}）`, labelEn: `Class ${cls} share (${en})`, unitZh: '%', unitEn: '%',
    min: 0, max: 100, step: 1,
    sourceZh: `${MUJUN_ZH} 按亩均效益综合评价结果将企业分为 A、B、C、D 四类；各类比例由各地确定，示例默认 25/45/25/5（四项合计须为 100%）`,
    sourceEn: `${MUJUN_EN}: enterprises are graded A–D by the composite score; shares are set locally, demo default 25/45/25/5 (must sum to 100 %)`,
  });
  return [
    bench('mujunTaxBenchmark', '亩均税收', 'Tax per mu', '万元/亩', '10k CNY/mu', 1000, 0.5),
    bench('mujunValueAddedBenchmark', '亩均增加值', 'Value added per mu', '万元/亩', '10k CNY/mu', 5000, 1),
    bench('mujunLabourBenchmark', '全员劳动生产率', 'Labour productivity', '万元/人', '10k CNY/person', 1000, 0.5),
    bench('mujunEnergyBenchmark', '单位能耗增加值', 'Value added per energy', '万元/吨标煤', '10k CNY/tce', 200, 0.1),
    bench('mujunRdBenchmark', '研发经费投入强度', 'R&D intensity', '占营业收入比重', 'share of revenue', 1, 0.005),
    weight('mujunTaxWeight', '亩均税收', 'Tax per mu'),
    weight('mujunValueAddedWeight', '亩均增加值', 'Value added per mu'),
    weight('mujunLabourWeight', '全员劳动生产率', 'Labour productivity'),
    weight('mujunEnergyWeight', '单位能耗增加值', 'Value added per energy'),
    weight('mujunRdWeight', '研发经费投入强度', 'R&D intensity'),
    {
      key: 'mujunRatioCap', group: 'mujun', labelZh: '单项得分上限（指标/基准值）', labelEn: 'Cap per indicator ratio',
      unitZh: '倍', unitEn: '×', min: 1, max: 100, step: 0.5,
      sourceZh: '方法设定（非法规）：单项指标与基准值之比最高计 3 倍，避免一项异常高值（如研发投入极高的小企业）主导综合得分',
      sourceEn: 'Method choice (not a rule): each indicator/benchmark ratio counts at most 3×, so one outlier cannot dominate the score',
    },
    share('mujunShareA', 'A', '优先支持', 'supported'),
    share('mujunShareB', 'B', '提升发展', 'improving'),
    share('mujunShareC', 'C', '转型提升', 'to upgrade'),
    share('mujunShareD', 'D', '整治淘汰', 'to rectify or exit'),
  ];
}

// 闲置预警: which coming lines are listed. It changes no finding, so it is not announced as a
// local rule setting (local-settings.ts skips its group).
function warningMeta(): RuleSettingMeta[] {
  return [
    {
      key: 'warningWindowDays', group: 'warning', labelZh: '预警提前天数', labelEn: 'Warning window', unitZh: '天', unitEn: 'days',
      min: 1, max: 365, step: 1, integer: true,
      sourceZh: '督办做法（非法规）：列出基准日后此天数内将越过的法定节点；默认 90 天，约一个季度，足够约谈和督促开工，界面提供 30/60/90 天',
      sourceEn: 'Supervision practice (not a rule): list the legal lines crossed within this many days after the as-of date; 90 by default, about a quarter, time enough to interview and urge a start; the interface offers 30/60/90',
    },
  ];
}

const IDLE_LAW_ZH = '《闲置土地处置办法》(国土资源部令第53号, 2012)';
const IDLE_LAW_EN = 'Measures on Disposal of Idle Land (MLR Order No. 53, 2012)';

/** A rule setting's metadata: always in a settings-panel group. */
export type RuleSettingMeta = SettingMeta & { group: SettingGroup };

export const SETTING_META: readonly RuleSettingMeta[] = [
  {
    key: 'idleYears', group: 'idle', statutory: true, labelZh: '闲置认定年限', labelEn: 'Years until idle', unitZh: '年', unitEn: 'yr',
    min: 1, max: 5, step: 1, integer: true,
    sourceZh: `${IDLE_LAW_ZH} 第二条：超过约定动工日期满一年未动工`,
    sourceEn: `${IDLE_LAW_EN}, Art. 2: not started one full year after the agreed date`,
  },
  {
    key: 'recoveryYears', group: 'idle', statutory: true, labelZh: '无偿收回年限', labelEn: 'Years until recovery', unitZh: '年', unitEn: 'yr',
    min: 1, max: 10, step: 1, integer: true,
    sourceZh: `${IDLE_LAW_ZH} 第十四条：未动工开发满两年的，无偿收回`,
    sourceEn: `${IDLE_LAW_EN}, Art. 14: idle for two full years → recovered without compensation`,
  },
  {
    key: 'idleFeeRate', group: 'idle', statutory: true, percent: true, labelZh: '闲置费费率', labelEn: 'Idle-land fee rate', unitZh: '× 土地价款', unitEn: '× land price',
    min: 0, max: 1, step: 0.01,
    sourceZh: `${IDLE_LAW_ZH} 第十四条：按土地出让或者划拨价款的百分之二十征缴土地闲置费`,
    sourceEn: `${IDLE_LAW_EN}, Art. 14: fee of 20 % of the land price`,
  },
  {
    key: 'stalledDevelopedRatio', group: 'idle', statutory: true, percent: true, labelZh: '中止开发建设认定·已开发面积占比低于', labelEn: 'Development suspended: developed share below',
    unitZh: '', unitEn: '', min: 0, max: 1, step: 0.01,
    sourceZh: `${IDLE_LAW_ZH} 第二条：已动工开发但开发面积占应动工开发面积不足三分之一`,
    sourceEn: `${IDLE_LAW_EN}, Art. 2: developed area under one third`,
  },
  {
    key: 'stalledInvestmentRatio', group: 'idle', statutory: true, percent: true, labelZh: '中止开发建设认定·已投资额占比低于', labelEn: 'Development suspended: investment share below',
    unitZh: '', unitEn: '', min: 0, max: 1, step: 0.01,
    sourceZh: `${IDLE_LAW_ZH} 第二条：已投资额占总投资额不足百分之二十五，中止开发建设满一年`,
    sourceEn: `${IDLE_LAW_EN}, Art. 2: investment under 25 %, halted for one full year`,
  },
  {
    key: 'outputTargetRatio', group: 'exit', labelZh: '达产考核比例', labelEn: 'Output target ratio', unitZh: '× 约定年产值',
    unitEn: '× agreed output', min: 0, max: 2, step: 0.05,
    sourceZh: '投资协议（土地退出机制）：达产年产值不低于约定值',
    sourceEn: 'Investment agreement (land exit mechanism): output at least as agreed',
  },
  {
    key: 'minPlotRatio', group: 'efficiency', labelZh: '容积率下限', labelEn: 'Minimum plot ratio', unitZh: '', unitEn: '',
    min: 0, max: 5, step: 0.1,
    sourceZh: '《工业项目建设用地控制指标》(国土资发〔2008〕24号)：容积率一般不低于0.6–1.0，取0.8',
    sourceEn: 'Control Indicators for Industrial Land (2008): plot ratio 0.6–1.0 by industry; 0.8 used',
  },
  {
    key: 'minInvestmentIntensity', group: 'efficiency', labelZh: '投资强度下限', labelEn: 'Minimum investment intensity',
    unitZh: '万元/公顷', unitEn: '10k CNY/ha', min: 0, max: 20000, step: 100,
    sourceZh: '《工业项目建设用地控制指标》：按地区与行业分档，示例取1500万元/公顷',
    sourceEn: 'Control Indicators for Industrial Land: tiered by region and industry; 1,500 used',
  },
  {
    key: 'minTaxPerMu', group: 'efficiency', labelZh: '亩均税收下限', labelEn: 'Minimum tax per mu', unitZh: '万元/亩', unitEn: '10k CNY/mu',
    min: 0, max: 100, step: 0.5,
    sourceZh: '各地“亩均论英雄”改革的亩均税收门槛，示例取5万元/亩',
    sourceEn: 'Local “per-mu performance” reforms; 5 used as an example threshold',
  },
  {
    key: 'standardFactoryMaxMu', group: 'idle', labelZh: '宜建标准厂房·地块面积上限', labelEn: 'Standard factories: parcel size up to',
    unitZh: '亩', unitEn: 'mu', min: 0, max: 1000, step: 5,
    sourceZh:
      '处置建议的经验阈值（非法规）：收回或闲置的工业地块不大于此面积时，难以单独吸引大项目，' +
      '宜由园区平台建设或改造标准厂房，分割出租给中小微企业；示例取50亩',
    sourceEn:
      'Rule of thumb for the disposal plan (not a legal threshold): recovered or idle industrial parcels ' +
      'up to this size rarely attract a single large project and suit standard factories for small firms; 50 used',
  },
  ...mujunMeta(),
  ...warningMeta(),
];

/** The 亩均 weight and class-share keys, in indicator / class order. */
export const MUJUN_WEIGHT_KEYS = [
  'mujunTaxWeight',
  'mujunValueAddedWeight',
  'mujunLabourWeight',
  'mujunEnergyWeight',
  'mujunRdWeight',
] as const satisfies readonly NumericSettingKey[];
export const MUJUN_SHARE_KEYS = [
  'mujunShareA',
  'mujunShareB',
  'mujunShareC',
  'mujunShareD',
] as const satisfies readonly NumericSettingKey[];

export function settingMeta(key: NumericSettingKey): RuleSettingMeta {
  const m = SETTING_META.find((x) => x.key === key);
  if (!m) throw new Error(`no metadata for setting ${key}`);
  return m;
}

const sum = (s: RuleSettings, keys: readonly NumericSettingKey[]) => keys.reduce((t, k) => t + s[k], 0);

/**
 * Merges a partial, untrusted settings object (saved state, CLI --settings file) over the
 * defaults. Unknown keys and out-of-range values are reported, never silently used.
 *
 * Settings that only make sense together are checked together after the merge: the recovery
 * period may not be shorter than the idle period, class shares must sum to 100 % and weights
 * must have a positive sum. When a group fails, the whole group
 * keeps the base values (so the result is always usable) and the error says why. A patch that
 * changes one share must therefore change another one with it.
 */
export function mergeSettings(
  partial: unknown,
  base: RuleSettings = DEFAULT_SETTINGS,
): { settings: RuleSettings; errors: string[] } {
  const settings: RuleSettings = { ...base };
  const errors: string[] = [];
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    return { settings, errors: ['设置必须是一个 JSON 对象'] };
  }
  for (const [key, value] of Object.entries(partial as Record<string, unknown>)) {
    if (key === 'version') continue;
    const meta = SETTING_META.find((m) => m.key === key);
    if (!meta) {
      errors.push(`未知的设置项 “${key}”`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push(`设置项 “${key}”（${meta.labelZh}）必须是数字，实际为 ${JSON.stringify(value)}`);
      continue;
    }
    if (value < meta.min || value > meta.max || (meta.integer && !Number.isInteger(value))) {
      errors.push(
        `设置项 “${key}”（${meta.labelZh}）应为 ${meta.min}–${meta.max} 之间的${meta.integer ? '整数' : '数'}，实际为 ${value}`,
      );
      continue;
    }
    settings[meta.key] = value;
  }

  // Art. 14 grades idle land: the fee after `idleYears`, recovery after `recoveryYears`. A
  // recovery threshold below the idle one would recover land before it is even idle.
  if (settings.recoveryYears < settings.idleYears) {
    errors.push(
      `无偿收回年限（${settings.recoveryYears} 年）不能小于闲置认定年限（${settings.idleYears} 年），已保留原年限`,
    );
    settings.idleYears = base.idleYears;
    settings.recoveryYears = base.recoveryYears;
  }

  const shares = sum(settings, MUJUN_SHARE_KEYS);
  // Shares are entered in whole or half percent, so a small tolerance only absorbs float noise.
  if (Math.abs(shares - 100) > 1e-6) {
    errors.push(
      `亩均评价 A/B/C/D 类占比合计应为 100%，实际为 ${round(shares)}%（${MUJUN_SHARE_KEYS.map((k) => settings[k]).join(' + ')}），已保留原占比`,
    );
    for (const k of MUJUN_SHARE_KEYS) settings[k] = base[k];
  }
  if (!(sum(settings, MUJUN_WEIGHT_KEYS) > 0)) {
    errors.push('亩均评价各指标权重不能全为 0，已保留原权重');
    for (const k of MUJUN_WEIGHT_KEYS) settings[k] = base[k];
  }
  return { settings, errors };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A patch that sets one class share and keeps the four summing to 100, for a settings panel
 * that edits one field at a time (mergeSettings rejects a lone share change). The difference
 * is taken from / given to the other classes in the order B, C, A, D (the middle classes
 * first), each kept within 0–100.
 */
export function classSharePatch(
  s: RuleSettings,
  key: (typeof MUJUN_SHARE_KEYS)[number],
  value: number,
): Partial<RuleSettings> {
  const v = Math.min(100, Math.max(0, value));
  const patch: Partial<RuleSettings> = { [key]: v };
  let diff = 100 - v - MUJUN_SHARE_KEYS.filter((k) => k !== key).reduce((t, k) => t + s[k], 0);
  for (const k of (['mujunShareB', 'mujunShareC', 'mujunShareA', 'mujunShareD'] as const).filter((x) => x !== key)) {
    if (round(diff) === 0) break;
    const next = Math.min(100, Math.max(0, s[k] + diff));
    diff -= next - s[k];
    patch[k] = round(next);
  }
  return patch;
}

/** Keys whose value differs from the defaults, in panel order (for “已修改” marks and notes). */
export function changedSettings(s: RuleSettings): NumericSettingKey[] {
  return SETTING_META.filter((m) => s[m.key] !== DEFAULT_SETTINGS[m.key]).map((m) => m.key);
}
