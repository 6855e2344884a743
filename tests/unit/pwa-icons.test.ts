// The installed app's icons and manifest (scripts/pwa): the committed PNG files are what the
// drawing code makes, and the manifest has what Chromium needs to offer installation.

import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ICONS } from '../../scripts/pwa/icon-list';
import { drawIcon, iconPng } from '../../scripts/pwa/icons';
import { crc32 } from '../../scripts/pwa/png';
import { themeColour, webManifest } from '../../scripts/pwa/web-manifest';

const css = readFileSync('src/styles.css', 'utf8');

/** Width, height and RGBA pixels of an 8-bit RGBA PNG without filters (what encodePng writes). */
function readPng(b: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < b.length) {
    const len = b.readUInt32BE(at);
    const type = b.toString('ascii', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + len);
    expect(b.readUInt32BE(at + 8 + len), `CRC of ${type}`).toBe(crc32(b.subarray(at + 4, at + 8 + len)));
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  return { width, height, rgba };
}

describe('app icons', () => {
  test('CRC-32 gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  test('the committed files are exactly what `npm run icons` draws (rerun it after changing the drawing)', () => {
    for (const spec of ICONS) {
      const committed = readFileSync(`scripts/pwa/icons/${spec.file}`);
      expect(committed.equals(iconPng(spec, themeColour(css))), spec.file).toBe(true);
      const png = readPng(committed);
      expect([png.width, png.height]).toEqual([spec.size, spec.size]);
      expect(Buffer.from(png.rgba).equals(Buffer.from(drawIcon(spec, themeColour(css))))).toBe(true);
    }
  });

  test('a maskable icon fills its square; the others have transparent rounded corners', () => {
    for (const spec of ICONS) {
      const { rgba } = readPng(readFileSync(`scripts/pwa/icons/${spec.file}`));
      expect(rgba[3], spec.file).toBe(spec.maskable ? 255 : 0);
    }
  });
});

describe('web app manifest', () => {
  test('takes the header’s navy from the stylesheet', () => {
    expect(themeColour(':root {\n  --navy: #12AB4a;\n}')).toBe('#12ab4a');
    expect(() => themeColour(':root { --ink: #000000; }')).toThrow(/--navy/);
    expect(webManifest(css).theme_color).toBe(themeColour(css));
  });

  test('has what Chromium needs to offer installation: a name, a standalone display, icons of 192 and 512 px', () => {
    const m = webManifest(css) as { name: string; display: string; start_url: string; icons: { sizes: string; purpose: string; src: string }[] };
    expect(m.name).toContain('园区招商一张图');
    expect(m.name).toContain('ParkAtlas');
    expect(m.display).toBe('standalone');
    const sizes = m.icons.filter((i) => i.purpose === 'any').map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    // Relative: the app may live in any folder of a host; nothing points off the origin.
    for (const i of m.icons) expect(i.src).toMatch(/^icons\/[\w-]+\.png$/);
    expect(m.start_url).toBe('./');
  });
});
