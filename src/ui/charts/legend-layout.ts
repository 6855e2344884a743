// Room for a chart's legend. ECharts wraps a long horizontal legend onto more lines but does not
// move the plot down, so English labels ("Recover without compensation") ran over the bars. The
// legend's lines are counted here from the label widths and the plot starts below them.

/** The narrowest the sidebar's charts get (styles.css narrows the sidebar at smaller widths). */
export const CHART_WIDTH = 300;

/** Width of a label at `fontSize` px: CJK characters are square, Latin ones about 0.58 em. */
export function labelWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? fontSize : fontSize * 0.58;
  return w;
}

export interface LegendLayout {
  /** Lines the legend takes. */
  lines: number;
  /** Where the plot (grid) starts, px from the top. */
  gridTop: number;
}

/**
 * Lines a horizontal legend needs in `width` px, laid out as ECharts does (icon, 5 px, label,
 * then `itemGap` to the next item; an item that does not fit starts a new line).
 */
export function legendLayout(
  labels: readonly string[],
  width: number,
  opts: { fontSize?: number; itemWidth?: number; itemGap?: number; lineHeight?: number; padding?: number } = {},
): LegendLayout {
  const { fontSize = 11, itemWidth = 12, itemGap = 10, lineHeight = 18, padding = 10 } = opts;
  const usable = width - 2 * 5;
  let lines = labels.length ? 1 : 0;
  let x = 0;
  for (const label of labels) {
    const w = itemWidth + 5 + labelWidth(label, fontSize);
    if (x > 0 && x + w > usable) {
      lines++;
      x = 0;
    }
    x += w + itemGap;
  }
  return { lines, gridTop: lines * lineHeight + padding };
}
