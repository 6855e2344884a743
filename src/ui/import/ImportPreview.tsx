// Where the imported parcels land, before anything is stored: their label points over the
// chosen city's county outlines, in a simple equirectangular sketch. Points outside the city
// are counted and drawn red — the usual sign of a wrong coordinate system.

import type { FeatureCollection, Position } from 'geojson';
import { importMessage } from '../../i18n/import-messages';
import { findCity } from '../../state/import-session';
import { useLang } from '../i18n';

const W = 360;
const H = 220;

export function ImportPreview(props: { points: Float64Array; boundaries: FeatureCollection | null; adcode: string }) {
  const lang = useLang();
  const bbox = findCity(props.adcode)?.city.bbox;
  if (!bbox || props.points.length === 0) return null;
  const [w, s, e, n] = bbox;
  const k = Math.min(W / (e - w), H / (n - s));
  const x = (lon: number) => (lon - w) * k;
  const y = (lat: number) => H - (lat - s) * k;
  const rings: string[] = [];
  for (const f of props.boundaries?.features ?? []) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][];
    for (const p of polys) rings.push(p[0].map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('') + 'Z');
  }
  let outside = 0;
  const dots: { cx: number; cy: number; out: boolean }[] = [];
  const step = Math.max(1, Math.floor(props.points.length / 2 / 3000));
  for (let i = 0; i < props.points.length / 2; i += step) {
    const lon = props.points[2 * i];
    const lat = props.points[2 * i + 1];
    if (Number.isNaN(lon)) continue;
    const out = lon < w || lon > e || lat < s || lat > n;
    if (out) outside += step;
    dots.push({ cx: Math.max(0, Math.min(W, x(lon))), cy: Math.max(0, Math.min(H, y(lat))), out });
  }
  return (
    <figure class="import-preview" data-testid="import-preview" data-outside={outside}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={importMessage(lang, 'preview')}>
        {rings.map((d, i) => (
          <path key={i} d={d} class="preview-county" />
        ))}
        {dots.map((d, i) => (
          <circle key={i} cx={d.cx} cy={d.cy} r={2} class={d.out ? 'preview-out' : 'preview-in'} />
        ))}
      </svg>
      <figcaption>
        {importMessage(lang, 'preview')}
        {outside > 0 && <span class="warn"> · {importMessage(lang, 'outsideCity', { n: outside })}</span>}
      </figcaption>
    </figure>
  );
}
