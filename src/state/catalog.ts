// Reference data the UI shows as it is (regions, setting descriptions, sheet names, the overlap
// method's explanation): re-exported here so components import only the state layer, and the
// modules that define these stay free to move.

export { REGIONS, type RegionId, type RegionInfo, regionById, isWorkspaceId, type WorkspaceId } from '../data/regions';
export { DEFAULT_SETTINGS, SETTING_GROUPS, SETTING_META, type SettingMeta } from '../analysis/settings';
export { CLUSTER_SETTING_META } from '../analysis/review-settings';
export { OVERLAP_EXPLANATION } from '../analysis/county-overlap';
export { SHEET_NAMES, SHEET_NAMES_BY_LANG, type SheetKey } from '../analysis/export-tables';
