// File names of map pictures and the sizes a graphics card can draw.

import { describe, expect, it } from 'vitest';
import { fileNamePart, pictureFileName, scaleSuffix } from '../../src/map/picture-name';
import { fits, largestFittingScale, pictureSize } from '../../src/map/picture-size';

describe('picture file names', () => {
  it('names place, view, as-of date and scale', () => {
    expect(pictureFileName({ place: '德州', mode: '闲置用地', asOf: '2026-06-30', scale: 2 })).toBe('ParkAtlas-德州-闲置用地-2026-06-30@2x.png');
    expect(pictureFileName({ place: 'Dezhou', mode: 'Idle land', asOf: '2026-06-30', scale: 1 })).toBe('ParkAtlas-Dezhou-Idle_land-2026-06-30@1x.png');
    expect(scaleSuffix(3.5)).toBe('@3.5x');
  });

  it('keeps a workspace name from reaching the file system as a path, a device or hidden text', () => {
    expect(fileNamePart('../../etc/passwd')).toBe('etc_passwd');
    expect(fileNamePart('园区:2026/试点 *副本*')).toBe('园区_2026_试点_副本');
    expect(fileNamePart('a\u202Egnp.exe')).toBe('agnp.exe');
    expect(fileNamePart('乐陵\u0000\u0007市')).toBe('乐陵市');
    expect(fileNamePart('=HYPERLINK("x")')).toBe('=HYPERLINK(_x_)');
    expect(pictureFileName({ place: '  ...  ', mode: '闲置用地', asOf: '2026-06-30', scale: 2 })).toBe('ParkAtlas-闲置用地-2026-06-30@2x.png');
  });

  it('cuts long names and refuses an as-of that is not a date', () => {
    expect([...fileNamePart('宗'.repeat(100))]).toHaveLength(40);
    expect(pictureFileName({ place: '德州', mode: '园区布局', asOf: 'today/../x', scale: 4 })).toBe('ParkAtlas-德州-园区布局@4x.png');
  });
});

describe('what fits on the graphics card', () => {
  const chromium = { maxSide: 8192, maxArea: 7680 * 4320 };

  it('sizes a picture as the canvases do, rounding down', () => {
    expect(pictureSize(746.5, 720, 2)).toEqual({ width: 1493, height: 1440 });
    expect(pictureSize(1920, 1080, 4)).toEqual({ width: 7680, height: 4320 });
  });

  it('fits 4× of a 1920 × 1080 wall screen exactly, but not a pixel more', () => {
    expect(fits(1920, 1080, 4, chromium)).toBe(true);
    expect(fits(1921, 1080, 4, chromium)).toBe(false);
    expect(largestFittingScale(1920, 1080, 4, chromium)).toBe(4);
  });

  it('offers the largest half step that fits by side and by area', () => {
    // 2400 × 1600: 3.5× is 8400 px wide (over 8192); 3× fits the side but is 34.6 Mpx (over the area).
    expect(fits(2400, 1600, 3, { maxSide: 8192, maxArea: Infinity })).toBe(true);
    expect(largestFittingScale(2400, 1600, 4, chromium)).toBe(2.5);
    // A card with a 4096 px limit: a 1190 px map goes to 3×, not 3.5× (4165 px).
    expect(largestFittingScale(1190, 700, 4, { maxSide: 4096, maxArea: Infinity })).toBe(3);
    // Never below the screen's own size.
    expect(largestFittingScale(5000, 5000, 2, { maxSide: 4096, maxArea: Infinity })).toBe(1);
  });
});
