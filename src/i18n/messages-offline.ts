// UI strings — Offline use on a venue laptop (installable app). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  offlineStatus: '离线使用',
  /** {n}: whole percent. */
  offlineCaching: '正在缓存… {n}%',
  offlineCachingTitle: '正在把程序、分析引擎与示例数据保存到本浏览器，完成后断网也能打开和演示',
  offlineReady: '可离线使用',
  offlineReadyTitle: '程序、分析引擎与示例数据已保存在本浏览器，断网也能打开和演示；其他城市的县区边界在首次打开时保存',
  offlineFailed: '离线缓存未完成',
  offlineFailedTitle: '部分文件未能保存；下次联网打开时自动继续',
  offlineUpdate: '已更新，重新打开后生效',
  offlineUpdateTitle: '新版本已保存在本浏览器，关闭后重新打开本应用即使用新版本',
  offlineInstall: '安装到桌面',
  offlineInstallTitle: '把本应用安装为桌面应用，断网时从桌面或开始菜单打开',
} as const;

const en: Record<keyof typeof zh, string> = {
  offlineStatus: 'Offline use',
  offlineCaching: 'Saving for offline use… {n}%',
  offlineCachingTitle: 'Saving the app, the analysis engine and the demo data in this browser, so that it opens and presents without a network',
  offlineReady: 'Available offline',
  offlineReadyTitle: 'The app, the analysis engine and the demo data are saved in this browser: it opens and presents without a network. Other cities’ county boundaries are saved when first opened',
  offlineFailed: 'Offline copy incomplete',
  offlineFailedTitle: 'Some files could not be saved; this resumes the next time the app is opened online',
  offlineUpdate: 'Updated: reopen the app to use the new version',
  offlineUpdateTitle: 'A new version is saved in this browser; close the app and open it again to use it',
  offlineInstall: 'Install app',
  offlineInstallTitle: 'Install ParkAtlas as a desktop app, to open it from the desktop or Start menu without a network',
};

export const OFFLINE_MESSAGES = { zh, en };
