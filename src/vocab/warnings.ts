// 闲置预警 (early warning): the legal lines a parcel can cross soon and the action to take
// before it does, with their labels and where each comes from. Only the statute's own steps
// cite 《闲置土地处置办法》(国土资源部令第53号, 2012); the steps taken ahead of a line are local
// supervision practice (督办) and say so, so no list presents a local habit as law.

import type { Label } from './labels';

/**
 * The lines, in the order a list groups them:
 * - becomes_idle: the clock's start + the idle period (第二条: 满一年), from then on the land is idle;
 * - recovery: the clock's start + the recovery period (第十四条(二): 满两年 → 无偿收回);
 * - E1: the day after the agreed start date without a start (investment agreement, 土地退出机制);
 * - E2: the day after the agreed completion date with the investment short (same source).
 */
export const WARNING_LINES = ['becomes_idle', 'recovery', 'E1', 'E2'] as const;
export type WarningLine = (typeof WARNING_LINES)[number];

/** What to do now, before the line is crossed. */
export const WARNING_ACTIONS = ['urge_start', 'interview', 'notify', 'negotiate'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

export const WARNING_LINE_LABELS: Record<WarningLine, Label> = {
  becomes_idle: { zh: '将认定为闲置土地', en: 'Becomes idle land' },
  recovery: { zh: '将满无偿收回年限', en: 'Reaches the recovery line' },
  E1: { zh: '将触发退出条件 E1（逾期未动工）', en: 'Exit condition E1 (start overdue)' },
  E2: { zh: '将触发退出条件 E2（投资未达约定）', en: 'Exit condition E2 (investment short)' },
};

/** Short names, for filter chips. */
export const WARNING_LINE_SHORT: Record<WarningLine, Label> = {
  becomes_idle: { zh: '将闲置', en: 'Becomes idle' },
  recovery: { zh: '将满收回年限', en: 'Recovery line' },
  E1: { zh: 'E1 逾期未动工', en: 'E1 start overdue' },
  E2: { zh: 'E2 投资未达约定', en: 'E2 investment short' },
};

export const WARNING_LINE_SOURCES: Record<WarningLine, Label> = {
  becomes_idle: { zh: '《闲置土地处置办法》第二条', en: 'Measures on Disposal of Idle Land, Art. 2' },
  recovery: { zh: '《闲置土地处置办法》第十四条', en: 'Measures on Disposal of Idle Land, Art. 14' },
  E1: { zh: '投资协议·土地退出机制', en: 'Investment agreement, land exit mechanism' },
  E2: { zh: '投资协议·土地退出机制', en: 'Investment agreement, land exit mechanism' },
};

export const WARNING_ACTION_LABELS: Record<WarningAction, Label> = {
  urge_start: { zh: '督促开工', en: 'Urge a start' },
  interview: { zh: '约谈', en: 'Interview the holder' },
  notify: { zh: '告知', en: 'Notify in writing' },
  negotiate: { zh: '协商处置', en: 'Negotiate a disposal' },
};

/**
 * What each action rests on. `statute` marks the two that the Measures prescribe; the others
 * are local supervision practice taken before any statutory step is due.
 */
export const WARNING_ACTION_BASIS: Record<WarningAction, Label & { statute: boolean }> = {
  urge_start: {
    statute: false,
    zh: '地方督办做法（非法定程序）：在约定动工日期前书面督促开工，避免触发投资协议的退出条件',
    en: 'Local supervision practice (not a statutory step): urge the holder in writing to start before the agreed date, so the agreement’s exit condition is not triggered',
  },
  interview: {
    statute: false,
    zh: '地方督办做法（非法定程序）：约谈使用权人，限期动工或补足投资；闲置土地满一年后方按《闲置土地处置办法》第九条起调查认定，退出条件按投资协议处理',
    en: 'Local supervision practice (not a statutory step): interview the holder and set a deadline to start or to complete the investment; for idle land the statutory investigation (Measures, Art. 9 onwards) only starts once the year is full, and exit conditions follow the investment agreement',
  },
  notify: {
    statute: true,
    zh: '《闲置土地处置办法》第十五条：作出收回国有建设用地使用权决定前，书面告知使用权人有申请听证的权利',
    en: 'Measures on Disposal of Idle Land, Art. 15: before deciding to recover the land, notify the holder in writing of the right to a hearing',
  },
  negotiate: {
    statute: true,
    zh: '《闲置土地处置办法》第八条、第十二条：政府原因造成的闲置，与使用权人协商处置（延长动工期限、调整用途、置换等），不无偿收回',
    en: 'Measures on Disposal of Idle Land, Art. 8 and 12: idleness caused by the government is settled by negotiation (longer deadline, change of use, land swap), not recovered',
  },
};

/** Bins of the map's “days until idle” colouring, in legend order (codes 1…; 0 is no parcel). */
export const DAYS_TO_IDLE_BINS = ['within_30', 'within_60', 'within_90', 'later', 'idle', 'none'] as const;
export type DaysToIdleBin = (typeof DAYS_TO_IDLE_BINS)[number];

export const DAYS_TO_IDLE_LABELS: Record<DaysToIdleBin, Label> = {
  within_30: { zh: '30 天内', en: 'Within 30 days' },
  within_60: { zh: '31–60 天', en: '31–60 days' },
  within_90: { zh: '61–90 天', en: '61–90 days' },
  later: { zh: '90 天以后', en: 'After 90 days' },
  idle: { zh: '已闲置', en: 'Already idle' },
  none: { zh: '不适用（已开工或无日期）', en: 'Not applicable (started or undated)' },
};
