// Where the overlays of an exported map picture go: the title (with the 示例数据 mark and the
// settings notice) top left, the north arrow top right, the legend bottom left, the scale bar
// bottom right, and the data source along the bottom edge — the places readers of printed
// planning maps look for them. Everything is laid out in CSS pixels of the map on screen, so a
// 2× or 4× picture is the same composition drawn sharper; `pixelRatio` only sizes the canvas.

import type { RGBA } from './palette';
import { type ScaleBar, scaleBar } from './scale-bar';
import { type FontSpec, type Measure, wrapText } from './text-wrap';

export type { FontSpec, Measure } from './text-wrap';

export interface LegendRowContent {
  colour: RGBA;
  label: string;
  /** The count shown at the right of the row (already formatted), if any. */
  count?: string;
  swatch: 'fill' | 'outline' | 'line';
}

/** What the picture says, in the UI language (ui/picture/picture-content.ts gathers it). */
export interface PictureContent {
  /** `德州 · 闲置土地认定与处置`, as the map title on screen. */
  heading: string;
  /** Parts of the line under the heading; `badge` parts are drawn as the 示例数据 mark. */
  subtitle: { text: string; badge?: boolean }[];
  /** The non-statutory / local settings notice, one paragraph each. */
  notices: { label: string; text: string; statutory: boolean }[];
  legend: { title: string; rows: LegendRowContent[]; notes: string[] } | null;
  /** Data source, basemap attribution, export date: one paragraph each. */
  footer: string[];
  /** The map's bearing in degrees (clockwise from north to the top of the map). */
  bearing: number;
  zoom: number;
}

export interface TextLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  font: FontSpec;
  align?: 'left' | 'right' | 'center';
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PictureLayout {
  /** The picture in pixels. */
  width: number;
  height: number;
  pixelRatio: number;
  /** Type scale of the overlays (typeScale). */
  unit: number;
  title: { box: Box; heading: TextLine[]; subtitle: TextLine[]; badges: Box[]; notices: { box: Box; lines: TextLine[]; statutory: boolean }[] };
  legend: { box: Box; title: TextLine; rows: { swatch: Box; kind: LegendRowContent['swatch']; colour: RGBA; label: TextLine; count: TextLine | null }[]; notes: TextLine[] } | null;
  /** Centre and radius of the north arrow, and its rotation (radians, clockwise on the picture). */
  north: { cx: number; cy: number; r: number; angle: number; label: TextLine };
  scale: { bar: Box; bar2: ScaleBar; labels: TextLine[] } | null;
  footer: { box: Box; lines: TextLine[] };
}

const LINE = 1.4;

/** Type grows on maps wider than 1400 px so a picture of a wall screen still reads when printed (1 … 1.8). */
export function typeScale(cssWidth: number): number {
  return Math.min(1.8, Math.max(1, cssWidth / 1400));
}

/** North's direction on the picture: the map turned by `bearing` turns its north the other way. */
export function northAngle(bearing: number): number {
  const a = (-bearing * Math.PI) / 180;
  return Number.isFinite(a) ? a : 0;
}

/** The picture's area of one box in picture pixels (what a test reads back). */
export function toPixels(b: Box, pixelRatio: number): Box {
  return { x: b.x * pixelRatio, y: b.y * pixelRatio, w: b.w * pixelRatio, h: b.h * pixelRatio };
}

export function layoutPicture(
  content: PictureContent,
  size: { cssWidth: number; cssHeight: number; pixelRatio: number },
  measure: Measure,
  latAt: (cssY: number) => number,
): PictureLayout {
  const { cssWidth: W, cssHeight: H, pixelRatio } = size;
  const u = typeScale(W);
  const m = 12 * u;
  const pad = 8 * u;

  // Footer: the whole width, lines wrapped.
  const fFont: FontSpec = { size: 11 * u };
  const fLines = content.footer.flatMap((p) => wrapText(p, W - 2 * m, fFont, measure));
  const fLh = fFont.size * LINE;
  const footerH = fLines.length * fLh + 2 * (pad * 0.6);
  const footerY = H - footerH;
  const footer = {
    box: { x: 0, y: footerY, w: W, h: footerH },
    lines: fLines.map((text, i) => ({ text, x: m, y: footerY + pad * 0.6 + fFont.size + i * fLh, font: fFont })),
  };

  // North arrow, top right.
  const r = 18 * u;
  const nFont: FontSpec = { size: 11 * u, bold: true };
  const north = {
    cx: W - m - r,
    cy: m + r + nFont.size * LINE,
    r,
    angle: northAngle(content.bearing),
    label: { text: 'N', x: W - m - r, y: m + nFont.size, font: nFont, align: 'center' as const },
  };

  // Title, top left, as wide as its text up to the space left of the north arrow.
  const titleMax = Math.min(620 * u, W - 2 * m - 2 * r - m) - 2 * pad - 4 * u;
  const hFont: FontSpec = { size: 18 * u, bold: true };
  const sFont: FontSpec = { size: 12 * u };
  const nbFont: FontSpec = { size: 12 * u };
  const left = m + 4 * u + pad;
  let y = m + pad;
  const heading = wrapText(content.heading, titleMax, hFont, measure).map((text) => {
    const line = { text, x: left, y: y + hFont.size, font: hFont };
    y += hFont.size * LINE;
    return line;
  });
  y += 2 * u;
  const subtitle: TextLine[] = [];
  const badges: Box[] = [];
  const sep = ' · ';
  let x = left;
  const sLh = sFont.size * LINE + 2 * u;
  const sBase = () => y + sFont.size + u;
  content.subtitle.forEach((part, i) => {
    const text = i === 0 ? part.text : sep + part.text;
    const badgePad = part.badge ? 5 * u : 0;
    const w = measure(text, { ...sFont, bold: part.badge }) + 2 * badgePad;
    if (x > left && x + w > left + titleMax) {
      x = left;
      y += sLh;
    }
    if (part.badge) {
      const sepW = i === 0 ? 0 : measure(sep, sFont);
      if (i > 0) subtitle.push({ text: sep, x, y: sBase(), font: sFont });
      const bx = x + sepW;
      badges.push({ x: bx, y: y, w: measure(part.text, { ...sFont, bold: true }) + 2 * badgePad, h: sLh });
      subtitle.push({ text: part.text, x: bx + badgePad, y: sBase(), font: { ...sFont, bold: true } });
    } else {
      subtitle.push({ text, x, y: sBase(), font: sFont });
    }
    x += w;
  });
  y += sLh;
  const notices = content.notices.map((n) => {
    y += 4 * u;
    const top = y;
    y += pad * 0.6;
    const lines: TextLine[] = [];
    wrapText(`${n.label} ${n.text}`, titleMax - 2 * pad, nbFont, measure).forEach((text, i) => {
      const base = y + nbFont.size;
      if (i === 0 && text.startsWith(`${n.label} `)) {
        // The label in bold, as on screen, then the text after it on the same line.
        const bold = { ...nbFont, bold: true };
        lines.push({ text: n.label, x: left + pad, y: base, font: bold });
        lines.push({ text: text.slice(n.label.length + 1), x: left + pad + measure(`${n.label} `, bold), y: base, font: nbFont });
      } else {
        lines.push({ text, x: left + pad, y: base, font: nbFont });
      }
      y += nbFont.size * LINE;
    });
    y += pad * 0.4;
    return { box: { x: left, y: top, w: titleMax, h: y - top }, lines, statutory: n.statutory };
  });
  // As wide as the longest line: heading, subtitle, or a notice line with its inset.
  const widest = Math.max(
    ...heading.map((l) => measure(l.text, l.font)),
    x - left,
    ...notices.flatMap((n) => n.lines.map((l) => l.x + measure(l.text, l.font) - left + pad)),
  );
  const title = { box: { x: m, y: m, w: Math.min(widest, titleMax) + 2 * pad + 4 * u, h: y + pad - m }, heading, subtitle, badges, notices };
  if (notices.length) notices.forEach((n) => (n.box.w = title.box.w - 2 * pad - 4 * u));

  // Scale bar, bottom right above the footer.
  const sbFont: FontSpec = { size: 11 * u };
  const barBottom = footerY - m;
  const barY = barBottom - 6 * u;
  const bar2 = scaleBar({ lat: latAt(barY), zoom: content.zoom, maxWidthCss: Math.min(140 * u, W / 4), pixelRatio });
  const scale = bar2
    ? {
        bar: { x: W - m - bar2.widthCss, y: barY, w: bar2.widthCss, h: 6 * u },
        bar2,
        labels: [
          { text: '0', x: W - m - bar2.widthCss, y: barY - 4 * u, font: sbFont, align: 'center' as const },
          { text: bar2.label, x: W - m, y: barY - 4 * u, font: sbFont, align: 'right' as const },
        ],
      }
    : null;

  // Legend, bottom left above the footer, clear of the scale bar.
  let legend: PictureLayout['legend'] = null;
  if (content.legend) {
    const lt: FontSpec = { size: 13 * u, bold: true };
    const rf: FontSpec = { size: 13 * u };
    const cf: FontSpec = { size: 12 * u };
    const noteF: FontSpec = { size: 11 * u };
    const sw = { w: 16 * u, h: 12 * u };
    const rowH = rf.size * LINE + 2 * u;
    const labelW = Math.max(0, ...content.legend.rows.map((row) => measure(row.label, rf)));
    const countW = Math.max(0, ...content.legend.rows.map((row) => (row.count ? measure(row.count, cf) : 0)));
    const maxInner = Math.max(120 * u, W - 2 * m - (scale ? scale.bar.w + 2 * m : 0) - 2 * pad);
    const inner = Math.min(maxInner, Math.max(measure(content.legend.title, lt), sw.w + 8 * u + labelW + (countW ? 16 * u + countW : 0), 180 * u));
    const notes = content.legend.notes.flatMap((n) => wrapText(n, inner, noteF, measure));
    const h = pad + lt.size * LINE + content.legend.rows.length * rowH + notes.length * noteF.size * LINE + (notes.length ? 4 * u : 0) + pad;
    const top = footerY - m - h;
    const lx = m + pad;
    let ly = top + pad + lt.size * LINE;
    const rows = content.legend.rows.map((row) => {
      const mid = ly + rowH / 2;
      ly += rowH;
      return {
        swatch: { x: lx, y: mid - sw.h / 2, w: sw.w, h: sw.h },
        kind: row.swatch,
        colour: row.colour,
        label: { text: row.label, x: lx + sw.w + 8 * u, y: mid + rf.size * 0.36, font: rf },
        count: row.count ? { text: row.count, x: lx + inner, y: mid + rf.size * 0.36, font: cf, align: 'right' as const } : null,
      };
    });
    ly += notes.length ? 4 * u : 0;
    legend = {
      box: { x: m, y: top, w: inner + 2 * pad, h },
      title: { text: content.legend.title, x: lx, y: top + pad + lt.size, font: lt },
      rows,
      notes: notes.map((text) => {
        const line = { text, x: lx, y: ly + noteF.size, font: noteF };
        ly += noteF.size * LINE;
        return line;
      }),
    };
  }

  return { width: Math.floor(W * pixelRatio), height: Math.floor(H * pixelRatio), pixelRatio, unit: u, title, legend, north, scale, footer };
}
