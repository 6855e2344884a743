// What a map picture says: the title as on screen, the 示例数据 mark only for the demo, the
// source line (the demo's, or the workspace's name and import date), the basemap's credit, the
// settings notice, the active filters and the file name, in the UI language.

import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { type AppState, initialState } from '../../src/state/app-state';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { DEFAULT_VIEW } from '../../src/state/view';
import { filterLine, pictureContent, pictureName } from '../../src/ui/picture/picture-content';

const demo = (over: Partial<AppState> = {}): AppState => ({
  ...initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30' }, DEFAULT_SAVED_STATE, '2026-11-29', null, []),
  ...over,
});

const workspace = (importedAt: string): AppState =>
  demo({
    region: 'ws-20261129-abc123' as AppState['region'],
    workspaces: [{ id: 'ws-20261129-abc123', name: '宁津县<b>台账</b>', city: '德州市', adcode: '371400', updatedAt: importedAt, importedAt, bytes: 1, parcels: 10 }],
  });

const camera = { bearing: 0, zoom: 8 };

describe('picture content', () => {
  it('the demo: title as on screen, the 示例数据 mark, a past as-of date, the demo source', () => {
    const c = pictureContent(demo(), 'zh', camera, '2026-11-29');
    expect(c.heading).toBe('德州市 · 闲置土地认定与处置');
    expect(c.subtitle).toEqual([{ text: '评估日期 2026-06-30' }, { text: '示例数据', badge: true }, { text: '按历史日期评估' }]);
    expect(c.footer[0]).toContain('园区/宗地/企业为示例数据');
    expect(c.footer.at(-1)).toContain('导出于 2026-11-29');
    expect(c.notices).toEqual([]);
  });

  it('a workspace: no 示例数据 mark, its name (as text) and the local date of its import', () => {
    // Stored in UTC; the date is read on the planner's own clock (here, the test's time zone).
    const imported = new Date(2026, 10, 29, 7, 30).toISOString();
    const c = pictureContent(workspace(imported), 'zh', camera, '2026-11-29');
    expect(c.subtitle.some((p) => p.badge)).toBe(false);
    expect(c.footer[0]).toContain('工作区“宁津县<b>台账</b>”，数据导入于 2026-11-29');
    expect(c.footer[0]).not.toContain('为示例数据');
    const en = pictureContent(workspace(imported), 'en', camera, '2026-11-29');
    expect(en.footer[0]).toContain('Workspace “宁津县<b>台账</b>”, data imported on 29 Nov 2026');
    expect(pictureName(workspace(imported), 'zh', 2)).toBe('ParkAtlas-宁津县_b_台账_b-闲置用地-2026-06-30@2x.png');
  });

  it('credits the basemap and carries the non-statutory notice', () => {
    const s = demo({
      basemaps: { dezhou: { kind: 'tianditu', layer: 'vec', crs: 'wgs84', opacity: 1 } },
      settings: { ...DEFAULT_SAVED_STATE.rules, recoveryYears: 3 },
    });
    const c = pictureContent(s, 'en', camera, '2026-11-29');
    expect(c.footer).toContain('Basemap: © Tianditu · National Platform for Common GeoSpatial Information Services');
    expect(c.notices).toHaveLength(1);
    expect(c.notices[0]).toMatchObject({ statutory: true, label: '⚠ Non-statutory settings' });
    expect(c.notices[0].text).toContain('3');
  });

  it('says which filters are on, in the UI language', () => {
    const s = demo({ filter: { ...EMPTY_FILTER, counties: ['乐陵市'], disposals: ['fee'] } });
    expect(filterLine(s, 'zh')).toBe('已筛选：乐陵市、征缴土地闲置费');
    expect(filterLine(s, 'en')).toBe('Filtered: Leling, Idle-land fee');
    expect(filterLine(demo(), 'zh')).toBeNull();
    expect(pictureContent(s, 'zh', camera, '2026-11-29').subtitle.at(-1)).toEqual({ text: '已筛选：乐陵市、征缴土地闲置费' });
  });

  it('names the file in the UI language', () => {
    expect(pictureName(demo(), 'zh', 2)).toBe('ParkAtlas-德州市-闲置用地-2026-06-30@2x.png');
    expect(pictureName(demo({ mode: 'layout' }), 'en', 4)).toBe('ParkAtlas-Dezhou-Park_layout-2026-06-30@4x.png');
  });
});
