// UI strings — Map pictures (PNG export). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  pictureButton: '导出图片',
  pictureTitle: '导出地图图片',
  pictureIntro: '把当前地图连同标题、图例、比例尺、指北针、评估日期和数据来源导出为 PNG 图片。',
  pictureScale: '图片大小',
  pictureScaleOption: '{k}×：{w} × {h} 像素',
  pictureTooLarge: '{k}× 需要 {w} × {h} 像素，超出本机图形处理能力。',
  pictureLargest: '本机最大可导出 {k}×（{w} × {h} 像素）。',
  pictureExportLargest: '导出 {k}×',
  pictureExport: '导出 PNG',
  pictureCancel: '取消',
  pictureClose: '关闭',
  pictureStepRender: '正在按 {k}× 重新绘制地图…',
  pictureStepCompose: '正在加上标题、图例和比例尺…',
  pictureStepEncode: '正在生成 PNG 文件…',
  pictureDone: '已导出 {name}（{w} × {h} 像素）。',
  pictureFailed: '图片导出失败：{reason}。地图已恢复原样，可重试或选择较小的尺寸。',
  pictureNotReady: '地图尚未绘制完成，请稍候再导出。',
  pictureShrunk: '浏览器只给出 {w} × {h} 像素的画布（需要 {wantW} × {wantH}）',
  pictureWorkspace: '工作区“{name}”，数据导入于 {date}',
  pictureWorkspaceNoDate: '工作区“{name}”',
  pictureExported: '导出于 {date}',
  pictureSchematic: '示意图，不作为权属和界线依据',
} as const;

const en: Record<keyof typeof zh, string> = {
  pictureButton: 'Export picture',
  pictureTitle: 'Export map picture',
  pictureIntro: 'Saves the current map as a PNG picture with its title, legend, scale bar, north arrow, as-of date and data source.',
  pictureScale: 'Picture size',
  pictureScaleOption: '{k}×: {w} × {h} pixels',
  pictureTooLarge: '{k}× needs {w} × {h} pixels, more than this computer’s graphics can draw.',
  pictureLargest: 'The largest this computer can export is {k}× ({w} × {h} pixels).',
  pictureExportLargest: 'Export {k}×',
  pictureExport: 'Export PNG',
  pictureCancel: 'Cancel',
  pictureClose: 'Close',
  pictureStepRender: 'Redrawing the map at {k}×…',
  pictureStepCompose: 'Adding the title, legend and scale bar…',
  pictureStepEncode: 'Writing the PNG file…',
  pictureDone: 'Saved {name} ({w} × {h} pixels).',
  pictureFailed: 'The picture could not be exported ({reason}). The map is as it was; try again or choose a smaller size.',
  pictureNotReady: 'The map is still being drawn; export once it is complete.',
  pictureShrunk: 'the browser gave a {w} × {h} pixel canvas instead of {wantW} × {wantH}',
  pictureWorkspace: 'Workspace “{name}”, data imported on {date}',
  pictureWorkspaceNoDate: 'Workspace “{name}”',
  pictureExported: 'exported on {date}',
  pictureSchematic: 'Schematic map; not evidence of land rights or boundaries',
};

export const PICTURE_MESSAGES = { zh, en };
