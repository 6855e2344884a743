// UI strings — 可供地 (available land per park). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  supplyTitle: '可供地',
  layerAvailable: '可供地（未供应土地）',
  legendAvailable: '未供应土地（可供地）',
  legendAvailableNote: '园区边界内未被已供应宗地覆盖的土地，小于 1 亩的碎片不计',
  supplyUnsupplied: '未供应土地',
  supplyReturning: '回收中土地',
  supplyFactories: '标准厂房空置',
  supplyTotal: '可供地合计',
  supplyPieces: '{n} 块',
  supplyParcels: '{n} 宗',
  supplyFloorUnit: 'm² 建筑面积',
  supplyNoFactories: '无厂房记录',
  supplyUnknown: '未知',
  supplyExplain:
    '可供地 = 园区边界内的未供应土地（边界减去评估日已供应的宗地；无供地日期但在台账中的宗地视为已供应）+ 无偿收回、协议处置中或已收回的已供应宗地。标准厂房空置面积按建筑面积单列，不计入土地。',
  supplyMethodPlanned: '该园区没有边界，未供应土地按规划面积减已供应宗地面积计算。',
  supplyMethodUnshaped: '该园区有已供应宗地缺少图形，无法从边界中扣除，未供应土地按规划面积减已供应宗地面积计算。',
  supplyMethodUnknown: '该园区既无边界也无规划面积，未供应土地未知。',
  supplySliver: '另有 {mu} 亩小于 1 亩的零碎边角未计入。',
  supplyPending: '正在计算可供地…',
} as const;

const en: Record<keyof typeof zh, string> = {
  supplyTitle: 'Available land',
  layerAvailable: 'Available land (unsupplied)',
  legendAvailable: 'Unsupplied park land (available)',
  legendAvailableNote: 'Land inside the park outline not covered by supplied parcels; pieces under 1 mu left out',
  supplyUnsupplied: 'Unsupplied land',
  supplyReturning: 'Land coming back',
  supplyFactories: 'Vacant factory floor',
  supplyTotal: 'Available land in all',
  supplyPieces: '{n} pieces',
  supplyParcels: '{n} parcels',
  supplyFloorUnit: 'm² of floor',
  supplyNoFactories: 'no factories on record',
  supplyUnknown: 'unknown',
  supplyExplain:
    'Available land = unsupplied land inside the park outline (the outline minus the parcels supplied by the as-of date; a parcel in the ledger without a supply date counts as supplied) + supplied parcels being recovered, under negotiated disposal or already recovered. Vacant standard-factory floor is listed apart, in m² of floor, and never added to land.',
  supplyMethodPlanned: 'This park has no outline: unsupplied land is its planned area minus the supplied parcels.',
  supplyMethodUnshaped: 'Some supplied parcels of this park have no shape and cannot be cut out of its outline: unsupplied land is its planned area minus the supplied parcels.',
  supplyMethodUnknown: 'This park has neither an outline nor a planned area: its unsupplied land is unknown.',
  supplySliver: 'A further {mu} mu in slivers under 1 mu each is left out.',
  supplyPending: 'Working out available land…',
};

export const SUPPLY_MESSAGES = { zh, en };
