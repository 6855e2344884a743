// Glyphs for the map's names, drawn as signed-distance fields (so the halo can be wide).
//
// Why our own renderer: deck.gl 9.4's built-in SDF renderer places each TinySDF bitmap as if the
// glyph's ink began at the pen position, but TinySDF crops the bitmap to the ink, which begins
// `glyphLeft` pixels from the pen (negative for 'j' and 'y', non-zero for many Chinese
// characters). Names were drawn with gaps inside them ("Zhen jiang", "乳源瑶族自 治县"). Telling
// deck.gl where the pen origin lies in each bitmap (`left`) puts every glyph back on its advance.

import TinySDF from '@mapbox/tiny-sdf';

/** The map's font stack for every name it writes (CJK first; bundled Noto in the app, system fonts as fallback). */
export const LABEL_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export interface GlyphFontSettings {
  fontFamily: string;
  fontWeight: string | number;
  fontSize: number;
  buffer: number;
  radius: number;
  cutoff: number;
}

interface GlyphMetrics {
  advance: number;
  width: number;
  ascent: number;
  descent: number;
}

/** Where the pen origin lies in a glyph bitmap whose ink starts `glyphLeft` px from the pen. */
export function penOffset(buffer: number, glyphLeft: number): number {
  return buffer - glyphLeft;
}

/** A font renderer for deck.gl's TextLayer (`_getFontRenderer`): measure as deck.gl does, draw with the true origin. */
export function sdfLabelRenderer(s: GlyphFontSettings) {
  const sdf = new TinySDF({
    fontSize: s.fontSize,
    buffer: s.buffer,
    radius: s.radius,
    cutoff: s.cutoff,
    fontFamily: s.fontFamily,
    fontWeight: String(s.fontWeight),
  });
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = `${s.fontWeight} ${s.fontSize}px ${s.fontFamily}`;
  return {
    measure(char?: string): GlyphMetrics {
      const m = ctx.measureText(char ?? 'A');
      const ascent = Math.ceil(char === undefined ? m.fontBoundingBoxAscent : m.actualBoundingBoxAscent);
      const descent = Math.ceil(char === undefined ? m.fontBoundingBoxDescent : m.actualBoundingBoxDescent);
      if (char === undefined) return { advance: 0, width: 0, ascent, descent };
      return { advance: m.width, width: Math.ceil(m.actualBoundingBoxRight - m.actualBoundingBoxLeft), ascent, descent };
    },
    draw(char: string): { data: ImageData; left: number; top: number } {
      const g = sdf.draw(char);
      const image = new ImageData(Math.max(1, g.width), Math.max(1, g.height));
      // The distance field goes into the alpha channel, as deck.gl's SDF shader reads it.
      for (let i = 0; i < g.data.length; i++) image.data[4 * i + 3] = g.data[i];
      return { data: image, left: penOffset(s.buffer, g.glyphLeft), top: s.buffer };
    },
  };
}
