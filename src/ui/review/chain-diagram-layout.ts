// Geometry of the industry-chain diagram (产业链图谱): one column per stage, upstream on the
// left and downstream on the right, one box per node, curves for supplier → customer links.
// Pure (no DOM) so the layout is tested in Node: boxes never overlap and every line of text
// fits its box by the width estimate below.

import { CHAIN_STAGES, type ChainStage } from '../../vocab';

export interface DiagramInput {
  id: string;
  stage: ChainStage;
  name: string;
  /** Second block of text under the name (e.g. "12 家 · 3 个园区"). */
  meta: string;
  /** A one-line tag between name and meta (e.g. 补链), drawn as a badge. */
  tag?: string;
}

export interface DiagramOptions {
  /** Total width available (px). */
  width: number;
  colGap: number;
  rowGap: number;
  /** Text size and line height (px). */
  fontPx: number;
  lineHeight: number;
  /** Inner padding of a box (px). */
  pad: number;
}

export const DIAGRAM_DEFAULTS: DiagramOptions = { width: 330, colGap: 18, rowGap: 8, fontPx: 12, lineHeight: 15, pad: 5 };

export interface DiagramBox {
  id: string;
  col: number;
  /** Position in its column, top to bottom. */
  row: number;
  x: number;
  y: number;
  w: number;
  h: number;
  nameLines: string[];
  /** Null when the node has no tag. */
  tag: string | null;
  metaLines: string[];
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** SVG path from the supplier's right edge to the customer's left edge. */
  d: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** Left x and width of each stage column, in CHAIN_STAGES order. */
  columns: { stage: ChainStage; x: number; w: number }[];
  boxes: DiagramBox[];
  edges: DiagramEdge[];
}

/**
 * Estimated width of a string at `fontPx`: CJK and full-width characters take a full em,
 * Latin letters, digits and spaces about 0.6 em. Errs wide so text does not spill out.
 */
export function textWidth(s: string, fontPx: number): number {
  let em = 0;
  for (const ch of s) em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.62;
  return em * fontPx;
}

/**
 * Breaks text into lines no wider than `maxPx`: between words for Latin text, anywhere in CJK
 * text (Chinese has no spaces), never inside a Latin word unless the word alone is too wide.
 * Lines are balanced (控制系统 / 与变频器 rather than 控制系统与变频 / 器); a newline in the
 * text always starts a new line.
 */
export function wrapText(s: string, maxPx: number, fontPx: number): string[] {
  return s.split('\n').flatMap((part) => balanced(part, maxPx, fontPx));
}

function balanced(s: string, maxPx: number, fontPx: number): string[] {
  const greedy = wrapGreedy(s, maxPx, fontPx);
  if (greedy.length < 2) return greedy;
  // The narrowest width that still needs no more lines than the greedy wrap.
  for (let w = textWidth(s, fontPx) / greedy.length; w < maxPx; w += fontPx / 4) {
    const lines = wrapGreedy(s, w, fontPx);
    if (lines.length === greedy.length) return lines;
  }
  return greedy;
}

function wrapGreedy(s: string, maxPx: number, fontPx: number): string[] {
  const tokens = s.match(/[\u2E80-\uFFEF]|[^\s\u2E80-\uFFEF]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) {
      if (line) line += ' ';
      continue;
    }
    if (textWidth(line + tok, fontPx) <= maxPx) {
      line += tok;
      continue;
    }
    push();
    if (textWidth(tok, fontPx) <= maxPx) {
      line = tok;
      continue;
    }
    // A single word wider than the box: cut it by characters.
    for (const ch of tok) {
      if (textWidth(line + ch, fontPx) > maxPx) push();
      line += ch;
    }
  }
  push();
  return lines.length > 0 ? lines : [''];
}

/** Lays nodes out in stage columns; links are [from, to] node ids (ends outside the input are ignored). */
export function chainDiagramLayout(
  nodes: readonly DiagramInput[],
  links: readonly { from: string; to: string }[],
  opts: DiagramOptions = DIAGRAM_DEFAULTS,
): DiagramLayout {
  const nCols = CHAIN_STAGES.length;
  const colW = (opts.width - opts.colGap * (nCols - 1)) / nCols;
  const columns = CHAIN_STAGES.map((stage, i) => ({ stage, x: i * (colW + opts.colGap), w: colW }));
  const textMax = colW - 2 * opts.pad;
  const known = new Set(nodes.map((n) => n.id));
  const inLinks = links.filter((l) => known.has(l.from) && known.has(l.to) && l.from !== l.to);

  // Row order: each column follows the mean position of its suppliers in the columns to the
  // left (barycentre heuristic), so links mostly run straight across instead of crossing.
  const rank = new Map<string, number>();
  const boxes: DiagramBox[] = [];
  const colHeights: number[] = [];
  for (let c = 0; c < nCols; c++) {
    const inCol = nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.stage === CHAIN_STAGES[c]);
    const bary = (id: string) => {
      const ranks = inLinks.filter((l) => l.to === id && rank.has(l.from)).map((l) => rank.get(l.from)!);
      return ranks.length > 0 ? ranks.reduce((a, b) => a + b, 0) / ranks.length : Number.POSITIVE_INFINITY;
    };
    inCol.sort((a, b) => {
      const d = bary(a.n.id) - bary(b.n.id);
      return Number.isNaN(d) || d === 0 ? a.i - b.i : d;
    });
    let y = 0;
    inCol.forEach(({ n }, row) => {
      const nameLines = wrapText(n.name, textMax, opts.fontPx);
      const metaLines = n.meta ? wrapText(n.meta, textMax, opts.fontPx) : [];
      const tag = n.tag ?? null;
      const h = 2 * opts.pad + (nameLines.length + (tag === null ? 0 : 1) + metaLines.length) * opts.lineHeight;
      boxes.push({ id: n.id, col: c, row, x: columns[c].x, y, w: colW, h, nameLines, tag, metaLines });
      rank.set(n.id, row / Math.max(1, inCol.length - 1));
      y += h + opts.rowGap;
    });
    colHeights.push(Math.max(0, y - opts.rowGap));
  }

  // Shorter columns are centred against the tallest.
  const height = Math.max(0, ...colHeights);
  for (const b of boxes) b.y += (height - colHeights[b.col]) / 2;

  const at = new Map(boxes.map((b) => [b.id, b]));
  const edges: DiagramEdge[] = inLinks.map((l) => {
    const s = at.get(l.from)!;
    const t = at.get(l.to)!;
    const sy = s.y + s.h / 2;
    const ty = t.y + t.h / 2;
    if (t.col > s.col) {
      const sx = s.x + s.w;
      const dx = (t.x - sx) / 2;
      return { from: l.from, to: l.to, d: `M${r(sx)},${r(sy)} C${r(sx + dx)},${r(sy)} ${r(t.x - dx)},${r(ty)} ${r(t.x)},${r(ty)}` };
    }
    // Within a column (or against the flow): a loop out of the right edge and back in.
    const sx = s.x + s.w;
    const tx = t.x + t.w;
    const out = Math.min(opts.colGap, 14);
    return { from: l.from, to: l.to, d: `M${r(sx)},${r(sy)} C${r(sx + out)},${r(sy)} ${r(tx + out)},${r(ty)} ${r(tx)},${r(ty)}` };
  });

  return { width: opts.width, height, columns, boxes, edges };
}

const r = (v: number) => Math.round(v * 10) / 10;
