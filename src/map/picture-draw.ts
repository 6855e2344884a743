// Draws the overlays of a map picture (picture-layout.ts) onto a 2D canvas that already holds
// the map. Text is set in the page's CJK font; boxes are opaque enough to read on print.
// Everything is drawn in CSS pixels of the map, scaled by the picture's pixel ratio.

import { type RGBA, cssColor } from './palette';
import type { PictureLayout, TextLine } from './picture-layout';
import type { FontSpec } from './text-wrap';

/** The page's font stack (styles.css): Noto Sans CJK on Linux, PingFang on macOS, YaHei on Windows. */
export const PICTURE_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

/** The colours of the page's map title, legend and 示例数据 mark (styles.css, legal.css). */
export const PICTURE_COLOURS = {
  navy: '#12324a',
  ink: '#1f2d36',
  muted: '#5a6772',
  panel: 'rgba(255, 255, 255, 0.94)',
  line: '#dfe5ea',
  /** The 示例数据 mark (.demo-tag). */
  mark: '#ffb300',
  markText: '#3e2723',
  statutory: '#b3261e',
  statutoryBg: '#fff4f2',
  localBg: '#f4f6f8',
} as const;

export function cssFont(f: FontSpec): string {
  return `${f.bold ? '700 ' : ''}${f.size}px ${PICTURE_FONT}`;
}

function text(ctx: CanvasRenderingContext2D, l: TextLine, colour: string): void {
  ctx.font = cssFont(l.font);
  ctx.fillStyle = colour;
  ctx.textAlign = l.align ?? 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(l.text, l.x, l.y);
}

function panel(ctx: CanvasRenderingContext2D, b: { x: number; y: number; w: number; h: number }, fill: string, radius = 4): void {
  ctx.save();
  ctx.shadowColor = 'rgba(0, 0, 0, 0.18)';
  ctx.shadowBlur = 4;
  ctx.shadowOffsetY = 1;
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, radius);
  ctx.fill();
  ctx.restore();
}

function swatch(ctx: CanvasRenderingContext2D, kind: 'fill' | 'outline' | 'line', colour: RGBA, b: { x: number; y: number; w: number; h: number }, u: number): void {
  const c = cssColor(colour);
  if (kind === 'fill') {
    ctx.fillStyle = c;
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, b.w, b.h, 2 * u);
    ctx.fill();
  } else if (kind === 'outline') {
    // As the legend on screen: a faint green wash inside a 2 px border of the colour.
    ctx.fillStyle = 'rgba(46, 125, 50, 0.1)';
    ctx.fillRect(b.x, b.y, b.w, b.h);
    ctx.strokeStyle = c;
    ctx.lineWidth = 2 * u;
    ctx.strokeRect(b.x + u, b.y + u, b.w - 2 * u, b.h - 2 * u);
  } else {
    ctx.fillStyle = c;
    ctx.fillRect(b.x, b.y + b.h / 2 - 2 * u, b.w, 4 * u);
  }
}

function northArrow(ctx: CanvasRenderingContext2D, n: PictureLayout['north']): void {
  panel(ctx, { x: n.cx - n.r - 4, y: n.label.y - n.label.font.size - 3, w: 2 * n.r + 8, h: n.cy + n.r + 4 - (n.label.y - n.label.font.size - 3) }, PICTURE_COLOURS.panel, 4);
  text(ctx, n.label, PICTURE_COLOURS.navy);
  ctx.save();
  ctx.translate(n.cx, n.cy);
  ctx.rotate(n.angle);
  const r = n.r * 0.9;
  // A split arrowhead: the dark half on the left, the light half on the right (a common print style).
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(-r * 0.45, r * 0.75);
  ctx.lineTo(0, r * 0.4);
  ctx.closePath();
  ctx.fillStyle = PICTURE_COLOURS.navy;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(r * 0.45, r * 0.75);
  ctx.lineTo(0, r * 0.4);
  ctx.closePath();
  ctx.fillStyle = '#fff';
  ctx.fill();
  ctx.strokeStyle = PICTURE_COLOURS.navy;
  ctx.lineWidth = Math.max(1, r * 0.06);
  ctx.stroke();
  ctx.restore();
}

function scaleBar(ctx: CanvasRenderingContext2D, s: NonNullable<PictureLayout['scale']>, u: number): void {
  const { bar } = s;
  const top = s.labels[0].y - s.labels[0].font.size - 2 * u;
  panel(ctx, { x: bar.x - 10 * u, y: top, w: bar.w + 16 * u, h: bar.y + bar.h + 4 * u - top }, PICTURE_COLOURS.panel, 3);
  // Two segments, dark and light, framed: the usual metric bar of printed maps.
  const half = bar.w / 2;
  ctx.fillStyle = PICTURE_COLOURS.ink;
  ctx.fillRect(bar.x, bar.y, half, bar.h);
  ctx.fillStyle = '#fff';
  ctx.fillRect(bar.x + half, bar.y, half, bar.h);
  ctx.strokeStyle = PICTURE_COLOURS.ink;
  ctx.lineWidth = u;
  ctx.strokeRect(bar.x, bar.y, bar.w, bar.h);
  for (const l of s.labels) text(ctx, l, PICTURE_COLOURS.ink);
}

/** Draws every overlay; `ctx` holds the map already, in picture pixels. */
export function drawPictureOverlays(ctx: CanvasRenderingContext2D, layout: PictureLayout): void {
  const u = layout.unit;
  ctx.save();
  ctx.setTransform(layout.pixelRatio, 0, 0, layout.pixelRatio, 0, 0);

  // Title, with the navy rule on its left as on screen.
  const t = layout.title;
  panel(ctx, t.box, PICTURE_COLOURS.panel, 3);
  ctx.fillStyle = PICTURE_COLOURS.navy;
  ctx.fillRect(t.box.x, t.box.y, 4 * u, t.box.h);
  for (const l of t.heading) text(ctx, l, PICTURE_COLOURS.navy);
  for (const b of t.badges) {
    ctx.fillStyle = PICTURE_COLOURS.mark;
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, b.w, b.h, 3 * u);
    ctx.fill();
  }
  for (const l of t.subtitle) text(ctx, l, l.font.bold ? PICTURE_COLOURS.markText : PICTURE_COLOURS.muted);
  for (const n of t.notices) {
    ctx.fillStyle = n.statutory ? PICTURE_COLOURS.statutoryBg : PICTURE_COLOURS.localBg;
    ctx.fillRect(n.box.x, n.box.y, n.box.w, n.box.h);
    ctx.fillStyle = n.statutory ? PICTURE_COLOURS.statutory : PICTURE_COLOURS.muted;
    ctx.fillRect(n.box.x, n.box.y, 4 * u, n.box.h);
    for (const l of n.lines) text(ctx, l, n.statutory ? '#4a1410' : PICTURE_COLOURS.ink);
  }

  northArrow(ctx, layout.north);
  if (layout.scale) scaleBar(ctx, layout.scale, u);

  const g = layout.legend;
  if (g) {
    panel(ctx, g.box, 'rgba(255, 255, 255, 0.96)', 4);
    text(ctx, g.title, PICTURE_COLOURS.ink);
    for (const r of g.rows) {
      swatch(ctx, r.kind, r.colour, r.swatch, u);
      text(ctx, r.label, PICTURE_COLOURS.ink);
      if (r.count) text(ctx, r.count, PICTURE_COLOURS.muted);
    }
    for (const l of g.notes) text(ctx, l, PICTURE_COLOURS.muted);
  }

  const f = layout.footer;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillRect(f.box.x, f.box.y, f.box.w, f.box.h);
  ctx.fillStyle = PICTURE_COLOURS.line;
  ctx.fillRect(f.box.x, f.box.y, f.box.w, 1);
  for (const l of f.lines) text(ctx, l, PICTURE_COLOURS.muted);
  ctx.restore();
}
