// The app icons of the installed app: the header's navy with a 3 × 3 block of parcels in the
// map's colours (not idle, fee, recovery), the same idea as the page's favicon. Drawn here so
// that `npm run icons` reproduces the committed PNG files exactly (tests/unit/pwa-icons.test.ts).

import { IDLE_COLORS } from '../../src/map/palette';
import { type IconSpec } from './icon-list';
import { encodePng } from './png';

/** #rrggbb → [r, g, b]. */
export function hexRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** Inside a rounded rectangle [x0, x1) × [y0, y1) with corner radius r (pixel centres). */
function inRounded(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

export function drawIcon(spec: IconSpec, background: string): Uint8Array {
  const n = spec.size;
  const px = new Uint8Array(n * n * 4);
  const bg = hexRgb(background);
  const [calm, fee, recovery] = IDLE_COLORS;
  // Parcels: which colour each of the 3 × 3 cells takes (0 calm, 1 fee, 2 recovery).
  const cells = [0, 0, 1, 0, 2, 0, 0, 0, 0];
  const colours = [calm, fee, recovery].map((c) => [c[0], c[1], c[2]]);
  const inset = spec.maskable ? 0.25 : 0.2; // drawing area: inside the maskable safe zone
  const area = n * (1 - 2 * inset);
  const gap = area * 0.08;
  const cell = (area - 2 * gap) / 3;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const i = (y * n + x) * 4;
      const sx = x + 0.5;
      const sy = y + 0.5;
      const inside = spec.maskable || inRounded(sx, sy, 0, 0, n, n, n * 0.18);
      if (!inside) continue;
      let rgb = bg;
      const gx = Math.floor((sx - n * inset) / (cell + gap));
      const gy = Math.floor((sy - n * inset) / (cell + gap));
      if (gx >= 0 && gx < 3 && gy >= 0 && gy < 3) {
        const x0 = n * inset + gx * (cell + gap);
        const y0 = n * inset + gy * (cell + gap);
        if (inRounded(sx, sy, x0, y0, x0 + cell, y0 + cell, cell * 0.12)) rgb = colours[cells[gy * 3 + gx]] as [number, number, number];
      }
      px.set([rgb[0], rgb[1], rgb[2], 255], i);
    }
  }
  return px;
}

export function iconPng(spec: IconSpec, background: string): Buffer {
  return encodePng(spec.size, spec.size, drawIcon(spec, background));
}
