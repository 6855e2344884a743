// UI strings — Keyboard, accessibility and responsive layout. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  // MapLibre's own controls (its `locale` table, src/ui/default_locale in maplibre-gl).
  mapZoomIn: '放大',
  mapZoomOut: '缩小',
  mapResetBearing: '拖动旋转地图，点击恢复正北',
  mapTitle: '地图',
  mapAttribution: '显示或隐藏数据来源',
  // The header's overflow menu at narrow widths.
  moreMenu: '更多',
  legendToggle: '展开或收起图例',
  dialogClose: '关闭（Esc）',
  exportCsvLabel: '导出单张 CSV',
  sidebarRegion: '统计与筛选',
  panelRegion: '宗地清单与详情',
  selectParcel: '查看宗地详情',
  recordedAt: '记录于',
} as const;

const en: Record<keyof typeof zh, string> = {
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapResetBearing: 'Drag to rotate the map, click to reset north',
  mapTitle: 'Map',
  mapAttribution: 'Show or hide data sources',
  moreMenu: 'More',
  legendToggle: 'Show or hide the legend',
  dialogClose: 'Close (Esc)',
  exportCsvLabel: 'Export one sheet as CSV',
  sidebarRegion: 'Figures and filters',
  panelRegion: 'Parcel list and details',
  selectParcel: 'Show parcel details',
  recordedAt: 'Recorded',
};

export const ACCESS_MESSAGES = { zh, en };
