// The chain diagram's geometry: stages as columns left → right, boxes that never overlap,
// text that fits its box, rows ordered so links run across rather than crossing.

import { describe, expect, it } from 'vitest';
import {
  DIAGRAM_DEFAULTS,
  type DiagramBox,
  type DiagramInput,
  chainDiagramLayout,
  textWidth,
  wrapText,
} from '../../src/ui/review/chain-diagram-layout';

const node = (id: string, stage: DiagramInput['stage'], name = id, meta = '3 家 · 1 个园区'): DiagramInput => ({ id, stage, name, meta });

const overlap = (a: DiagramBox, b: DiagramBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('wrapText', () => {
  it('breaks Chinese anywhere and keeps each line within the width', () => {
    const lines = wrapText('新能源汽车轻量化部件', 60, 12);
    expect(lines).toEqual(['新能源汽车', '轻量化部件']);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(60);
  });

  it('breaks English between words, not inside them', () => {
    const lines = wrapText('Smart fitness and online sales', 90, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Smart fitness and online sales');
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(90);
  });

  it('balances the lines instead of leaving one character alone', () => {
    // Greedy at 90 px would give 控制系统与变频 / 器.
    expect(wrapText('控制系统与变频器', 90, 12)).toEqual(['控制系统', '与变频器']);
  });

  it('starts a new line at a newline', () => {
    expect(wrapText('29 家企业\n9 个园区', 200, 12)).toEqual(['29 家企业', '9 个园区']);
  });

  it('cuts a single word wider than the box rather than letting it spill', () => {
    const lines = wrapText('Electroluminescence', 50, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Electroluminescence');
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(50);
  });
});

describe('chainDiagramLayout', () => {
  // Two upstream suppliers, three midstream nodes, one downstream: 钢材 → 结构件 → 整机 etc.
  const nodes = [
    node('U1', 'upstream', '钢材与管材'),
    node('U2', 'upstream', '橡胶与工程塑料'),
    node('M1', 'midstream', '结构件加工与喷涂'),
    node('M2', 'midstream', '新能源汽车轻量化部件'),
    node('M3', 'midstream', '电机与智能电控'),
    node('D1', 'downstream', '健身器材整机'),
  ];
  const links = [
    { from: 'U2', to: 'M2' },
    { from: 'U1', to: 'M1' },
    { from: 'M1', to: 'D1' },
    { from: 'M2', to: 'D1' },
    { from: 'X9', to: 'D1' }, // another chain's node: not drawn
  ];

  it('puts upstream, midstream and downstream in columns left → right', () => {
    const l = chainDiagramLayout(nodes, links);
    const col = (id: string) => l.boxes.find((b) => b.id === id)!;
    expect(col('U1').x).toBeLessThan(col('M1').x);
    expect(col('M1').x).toBeLessThan(col('D1').x);
    expect(new Set(l.boxes.filter((b) => b.col === 1).map((b) => b.x)).size).toBe(1);
    expect(l.boxes.map((b) => [b.id, b.col])).toEqual(
      expect.arrayContaining([['U1', 0], ['U2', 0], ['M1', 1], ['M2', 1], ['M3', 1], ['D1', 2]]),
    );
  });

  it('no two boxes overlap and all lie inside the drawing', () => {
    const many = Array.from({ length: 9 }, (_, i) => node(`N${i}`, (['upstream', 'midstream', 'downstream'] as const)[i % 3], '结构件加工与喷涂服务'.slice(0, 3 + i)));
    for (const input of [nodes, many]) {
      const l = chainDiagramLayout(input, links);
      expect(l.boxes).toHaveLength(input.length);
      for (let i = 0; i < l.boxes.length; i++) {
        const b = l.boxes[i];
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(l.width + 1e-9);
        expect(b.y + b.h).toBeLessThanOrEqual(l.height + 1e-9);
        for (let j = i + 1; j < l.boxes.length; j++) expect(overlap(b, l.boxes[j])).toBe(false);
      }
    }
  });

  it('every text line fits inside its box', () => {
    const l = chainDiagramLayout(nodes, links);
    for (const b of l.boxes) {
      for (const line of [...b.nameLines, ...b.metaLines]) {
        expect(textWidth(line, DIAGRAM_DEFAULTS.fontPx)).toBeLessThanOrEqual(b.w - 2 * DIAGRAM_DEFAULTS.pad);
      }
      expect(b.h).toBe(2 * DIAGRAM_DEFAULTS.pad + (b.nameLines.length + b.metaLines.length) * DIAGRAM_DEFAULTS.lineHeight);
    }
  });

  it('a tagged node (补链) is one line taller, so the badge has its own row', () => {
    const plain = chainDiagramLayout([node('G1', 'upstream', '芯片', '区域内无企业')], []);
    const tagged = chainDiagramLayout([{ ...node('G1', 'upstream', '芯片', '区域内无企业'), tag: '补链' }], []);
    expect(tagged.boxes[0].tag).toBe('补链');
    expect(tagged.boxes[0].h - plain.boxes[0].h).toBe(DIAGRAM_DEFAULTS.lineHeight);
  });

  it('orders a column by its suppliers so links do not cross; nodes without suppliers go last', () => {
    const l = chainDiagramLayout(nodes, links);
    const rows = (col: number) => l.boxes.filter((b) => b.col === col).sort((a, b) => a.row - b.row).map((b) => b.id);
    expect(rows(0)).toEqual(['U1', 'U2']);
    // M1 is fed by U1 (top), M2 by U2 (below), M3 by nobody.
    expect(rows(1)).toEqual(['M1', 'M2', 'M3']);
  });

  it('draws one edge per link between drawn nodes, from the supplier’s right edge to the customer’s left edge', () => {
    const l = chainDiagramLayout(nodes, links);
    expect(l.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['M1>D1', 'M2>D1', 'U1>M1', 'U2>M2']);
    const u1 = l.boxes.find((b) => b.id === 'U1')!;
    const m1 = l.boxes.find((b) => b.id === 'M1')!;
    const e = l.edges.find((x) => x.from === 'U1')!;
    const nums = e.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(nums[0]).toBeCloseTo(u1.x + u1.w, 1);
    expect(nums.at(-2)).toBeCloseTo(m1.x, 1);
  });

  it('an empty chain is an empty drawing', () => {
    expect(chainDiagramLayout([], [])).toMatchObject({ height: 0, boxes: [], edges: [] });
  });
});
