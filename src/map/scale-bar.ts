// The metric scale bar of an exported map picture: a round length (1, 2 or 5 × 10ⁿ m, as on
// printed maps) whose bar is as long as the map shows that distance at the bar's latitude.
//
// Web Mercator stretches east–west distances by 1 / cos(latitude), so a scale bar is only true
// at one latitude; the caller passes the latitude of the place where the bar is drawn. MapLibre's
// world is 512 CSS pixels wide at zoom 0 (its tile size), and the picture is drawn at
// `pixelRatio` picture pixels per CSS pixel.

/** The WGS84 equator (m): web Mercator's world width (EPSG:3857 uses the semi-major axis 6,378,137 m). */
export const EQUATOR_M = 2 * Math.PI * 6_378_137;
/** CSS pixels of MapLibre's world at zoom 0. */
export const WORLD_PX_AT_ZOOM_0 = 512;
/** Web Mercator stops here (maplibre's latitude bound). */
const MAX_LAT = 85.051129;

/** Ground metres per CSS pixel of the map at a latitude and zoom. */
export function metresPerCssPixel(lat: number, zoom: number): number {
  return (EQUATOR_M * Math.cos((lat * Math.PI) / 180)) / (WORLD_PX_AT_ZOOM_0 * 2 ** zoom);
}

/** The longest of 1, 2 or 5 × 10ⁿ metres that is not longer than `maxM` (at least 1 m). */
export function roundLength(maxM: number): number {
  if (!(maxM >= 1)) return 1;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  // Guards against log10 rounding just below an exact power (e.g. 1000 read as 999.99…).
  const base = maxM / pow >= 9.999999 ? pow * 10 : pow;
  const d = maxM / base;
  return (d >= 5 ? 5 : d >= 2 ? 2 : 1) * base;
}

export interface ScaleBar {
  /** The ground length the bar stands for. */
  metres: number;
  /** The bar's length in CSS pixels of the map. */
  widthCss: number;
  /** The bar's length in picture pixels (CSS pixels × pixel ratio). */
  widthPx: number;
  /** `500 m`, `2 km` (the same units as the screen's scale and the measuring tool). */
  label: string;
}

/** The metric length as the bar labels it: metres below a kilometre, then kilometres. */
export function lengthLabel(metres: number): string {
  return metres < 1000 ? `${metres} m` : `${metres / 1000} km`;
}

/**
 * The scale bar for a map at `zoom`, measured at latitude `lat`, at most `maxWidthCss` CSS
 * pixels long; null where web Mercator has no scale (beyond ±85.05°) or the input is not finite.
 */
export function scaleBar(opts: { lat: number; zoom: number; maxWidthCss: number; pixelRatio: number }): ScaleBar | null {
  const { lat, zoom, maxWidthCss, pixelRatio } = opts;
  if (![lat, zoom, maxWidthCss, pixelRatio].every(Number.isFinite) || Math.abs(lat) > MAX_LAT || maxWidthCss <= 0 || pixelRatio <= 0) {
    return null;
  }
  const mpp = metresPerCssPixel(lat, zoom);
  const metres = roundLength(maxWidthCss * mpp);
  const widthCss = metres / mpp;
  return { metres, widthCss, widthPx: widthCss * pixelRatio, label: lengthLabel(metres) };
}
