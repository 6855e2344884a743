// UI strings — Navigation: camera moves, history, search, measuring, picking. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  navSearch: '搜索',
  navSearchPlaceholder: '搜索宗地编号、权利人、企业或园区',
  navSearching: '正在搜索…',
  navSearchNone: '没有匹配的宗地、权利人或园区',
  navSearchFailed: '搜索失败',
  navKindParcel: '宗地',
  navKindHolder: '土地使用权人 / 企业',
  navKindPark: '园区',
  navParcelsUnit: '宗',
  navMeasure: '测量',
  navMeasureStop: '结束测量',
  navMeasureHint: '单击地图逐点测距；单击起点闭合测面积；Esc 或右键结束',
  navMeasureDistance: '距离',
  navMeasureArea: '面积',
  navMeasureClose: '闭合测面积',
  navMeasureClear: '清除',
  navPickChoose: '此处有多宗地块重叠，请选择',
  navRankingShow: '在地图上显示该企业的宗地',
  navRankingNoParcels: '该企业没有关联的宗地，无法在地图上显示',
  navDetailCard: '宗地摘要',
} as const;

const en: Record<keyof typeof zh, string> = {
  navSearch: 'Search',
  navSearchPlaceholder: 'Search parcel ID, holder, company or park',
  navSearching: 'Searching…',
  navSearchNone: 'No parcel, holder or park matches',
  navSearchFailed: 'Search failed',
  navKindParcel: 'Parcels',
  navKindHolder: 'Holders and companies',
  navKindPark: 'Parks',
  navParcelsUnit: 'parcels',
  navMeasure: 'Measure',
  navMeasureStop: 'Stop measuring',
  navMeasureHint: 'Click the map to measure a distance; click the first point to close the shape and get its area; Esc or right-click ends',
  navMeasureDistance: 'Distance',
  navMeasureArea: 'Area',
  navMeasureClose: 'Close shape',
  navMeasureClear: 'Clear',
  navPickChoose: 'Several parcels overlap here. Choose one',
  navRankingShow: "Show this company's parcels on the map",
  navRankingNoParcels: 'No parcels are linked to this company, so it cannot be shown on the map',
  navDetailCard: 'Parcel summary',
} as const;

export const NAV_MESSAGES = { zh, en };
