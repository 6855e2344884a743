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
}

export type NumericSettingKey = Exclude<keyof RuleSettings, 'version'>;

export interface SettingMeta {
  key: NumericSettingKey;
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
};

const IDLE_LAW_ZH = '《闲置土地处置办法》(国土资源部令第53号, 2012)';
const IDLE_LAW_EN = 'Measures on Disposal of Idle Land (MLR Order No. 53, 2012)';

export const SETTING_META: readonly SettingMeta[] = [
  {
    key: 'idleYears', labelZh: '闲置认定年限', labelEn: 'Years until idle', unitZh: '年', unitEn: 'yr',
    min: 1, max: 5, step: 1, integer: true,
    sourceZh: `${IDLE_LAW_ZH} 第二条：超过约定动工日期满一年未动工`,
    sourceEn: `${IDLE_LAW_EN}, Art. 2: not started one full year after the agreed date`,
  },
  {
    key: 'recoveryYears', labelZh: '无偿收回年限', labelEn: 'Years until recovery', unitZh: '年', unitEn: 'yr',
    min: 1, max: 10, step: 1, integer: true,
    sourceZh: `${IDLE_LAW_ZH} 第十四条：未动工开发满两年的，无偿收回`,
    sourceEn: `${IDLE_LAW_EN}, Art. 14: idle for two full years → recovered without compensation`,
  },
  {
    key: 'idleFeeRate', labelZh: '闲置费费率', labelEn: 'Idle-land fee rate', unitZh: '× 土地价款', unitEn: '× land price',
    min: 0, max: 1, step: 0.01,
    sourceZh: `${IDLE_LAW_ZH} 第十四条：按土地出让或者划拨价款的百分之二十征缴土地闲置费`,
    sourceEn: `${IDLE_LAW_EN}, Art. 14: fee of 20 % of the land price`,
  },
  {
    key: 'stalledDevelopedRatio', labelZh: '停建认定·已开发面积占比低于', labelEn: 'Stalled: developed share below',
    unitZh: '', unitEn: '', min: 0, max: 1, step: 0.01,
    sourceZh: `${IDLE_LAW_ZH} 第二条：已动工开发但开发面积占应动工开发面积不足三分之一`,
    sourceEn: `${IDLE_LAW_EN}, Art. 2: developed area under one third`,
  },
  {
    key: 'stalledInvestmentRatio', labelZh: '停建认定·已投资额占比低于', labelEn: 'Stalled: investment share below',
    unitZh: '', unitEn: '', min: 0, max: 1, step: 0.01,
    sourceZh: `${IDLE_LAW_ZH} 第二条：已投资额占总投资额不足百分之二十五，中止开发建设满一年`,
    sourceEn: `${IDLE_LAW_EN}, Art. 2: investment under 25 %, halted for one full year`,
  },
  {
    key: 'outputTargetRatio', labelZh: '达产考核比例', labelEn: 'Output target ratio', unitZh: '× 约定年产值',
    unitEn: '× agreed output', min: 0, max: 2, step: 0.05,
    sourceZh: '投资协议（土地退出机制）：达产年产值不低于约定值',
    sourceEn: 'Investment agreement (land exit mechanism): output at least as agreed',
  },
  {
    key: 'minPlotRatio', labelZh: '容积率下限', labelEn: 'Minimum plot ratio', unitZh: '', unitEn: '',
    min: 0, max: 5, step: 0.1,
    sourceZh: '《工业项目建设用地控制指标》(国土资发〔2008〕24号)：容积率一般不低于0.6–1.0，取0.8',
    sourceEn: 'Control Indicators for Industrial Land (2008): plot ratio 0.6–1.0 by industry; 0.8 used',
  },
  {
    key: 'minInvestmentIntensity', labelZh: '投资强度下限', labelEn: 'Minimum investment intensity',
    unitZh: '万元/公顷', unitEn: '10k CNY/ha', min: 0, max: 20000, step: 100,
    sourceZh: '《工业项目建设用地控制指标》：按地区与行业分档，示例取1500万元/公顷',
    sourceEn: 'Control Indicators for Industrial Land: tiered by region and industry; 1,500 used',
  },
  {
    key: 'minTaxPerMu', labelZh: '亩均税收下限', labelEn: 'Minimum tax per mu', unitZh: '万元/亩', unitEn: '10k CNY/mu',
    min: 0, max: 100, step: 0.5,
    sourceZh: '各地“亩均论英雄”改革的亩均税收门槛，示例取5万元/亩',
    sourceEn: 'Local “per-mu performance” reforms; 5 used as an example threshold',
  },
];

/**
 * Merges a partial, untrusted settings object (saved state, CLI --settings file) over the
 * defaults. Unknown keys and out-of-range values are reported, never silently used.
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
  return { settings, errors };
}
