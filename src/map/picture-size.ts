// How large a map picture the graphics card can draw. A WebGL drawing buffer is limited per side
// (MAX_RENDERBUFFER_SIZE, MAX_TEXTURE_SIZE, MAX_VIEWPORT_DIMS) and, in Chromium, in area too (a
// larger request is silently shrunk, keeping its proportions): a 4× picture of a 1920 × 1080 map
// (7680 × 4320) is at the edge. A picture that does not fit is never drawn half-size or blank:
// the largest scale that fits is offered instead.

export interface DrawingLimits {
  /** Longest side of a drawing buffer, in pixels. */
  maxSide: number;
  /** Largest drawing-buffer area in pixels (Infinity when the browser does not cap it). */
  maxArea: number;
}

/** The picture size in pixels of a map `cssWidth` × `cssHeight` at `scale` (rounded down, as the canvases round). */
export function pictureSize(cssWidth: number, cssHeight: number, scale: number): { width: number; height: number } {
  return { width: Math.floor(cssWidth * scale), height: Math.floor(cssHeight * scale) };
}

export function fits(cssWidth: number, cssHeight: number, scale: number, limits: DrawingLimits): boolean {
  const { width, height } = pictureSize(cssWidth, cssHeight, scale);
  return width <= limits.maxSide && height <= limits.maxSide && width * height <= limits.maxArea;
}

/**
 * The largest scale not above `wanted`, in steps of 0.5 (a scale a person can read in a file
 * name), whose picture fits; 1 when even the screen size does not (the screen draws it already).
 */
export function largestFittingScale(cssWidth: number, cssHeight: number, wanted: number, limits: DrawingLimits): number {
  for (let k = Math.floor(wanted * 2) / 2; k > 1; k -= 0.5) {
    if (fits(cssWidth, cssHeight, k, limits)) return k;
  }
  return 1;
}
