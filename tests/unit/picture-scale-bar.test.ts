// The scale bar of a map picture: a round metric length, true at the bar's latitude for the
// map's zoom, as long in picture pixels as the pixel ratio makes it.

import { describe, expect, it } from 'vitest';
import { lengthLabel, metresPerCssPixel, roundLength, scaleBar } from '../../src/map/scale-bar';

describe('round lengths', () => {
  it('takes the longest 1, 2 or 5 × 10ⁿ m that fits', () => {
    expect(roundLength(1)).toBe(1);
    expect(roundLength(1.9)).toBe(1);
    expect(roundLength(4.99)).toBe(2);
    expect(roundLength(7)).toBe(5);
    expect(roundLength(999)).toBe(500);
    expect(roundLength(1000)).toBe(1000);
    expect(roundLength(1999.9)).toBe(1000);
    expect(roundLength(23_456)).toBe(20_000);
    expect(roundLength(60_000)).toBe(50_000);
  });

  it('never gives a length under a metre', () => {
    expect(roundLength(0.3)).toBe(1);
    expect(roundLength(Number.NaN)).toBe(1);
  });

  it('labels metres below a kilometre and kilometres from there', () => {
    expect(lengthLabel(500)).toBe('500 m');
    expect(lengthLabel(1000)).toBe('1 km');
    expect(lengthLabel(20_000)).toBe('20 km');
  });
});

describe('the bar', () => {
  it('at the equator and zoom 0 a CSS pixel is the equator over 512', () => {
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(40_075_016.686 / 512, 0);
    // Each zoom level halves it.
    expect(metresPerCssPixel(0, 10)).toBeCloseTo(40_075_016.686 / 512 / 1024, 3);
  });

  it('is true at its latitude: at 60° a pixel covers half the ground it covers at the equator', () => {
    expect(metresPerCssPixel(60, 8) / metresPerCssPixel(0, 8)).toBeCloseTo(0.5, 9);
    // 德州 (37.4° N), zoom 8: the same 100-pixel bar stands for more metres near the equator.
    const dezhou = scaleBar({ lat: 37.4, zoom: 8, maxWidthCss: 100, pixelRatio: 1 })!;
    const north = scaleBar({ lat: 60, zoom: 8, maxWidthCss: 100, pixelRatio: 1 })!;
    expect(dezhou.metres).toBe(20_000);
    expect(north.metres).toBe(10_000);
    // Its length in pixels is the length on the ground over the metres per pixel there.
    expect(dezhou.widthCss).toBeCloseTo(20_000 / metresPerCssPixel(37.4, 8), 6);
    expect(dezhou.widthCss).toBeLessThanOrEqual(100);
    expect(dezhou.label).toBe('20 km');
  });

  it('is the same ground length at any pixel ratio, drawn with that many more pixels', () => {
    const one = scaleBar({ lat: 37.4, zoom: 11.3, maxWidthCss: 140, pixelRatio: 1 })!;
    const four = scaleBar({ lat: 37.4, zoom: 11.3, maxWidthCss: 140, pixelRatio: 4 })!;
    expect(four.metres).toBe(one.metres);
    expect(four.widthPx).toBeCloseTo(4 * one.widthPx, 9);
    expect(one.label).toBe(lengthLabel(one.metres));
  });

  it('has no scale beyond web Mercator or for a broken camera', () => {
    expect(scaleBar({ lat: 88, zoom: 5, maxWidthCss: 100, pixelRatio: 1 })).toBeNull();
    expect(scaleBar({ lat: 30, zoom: Number.NaN, maxWidthCss: 100, pixelRatio: 1 })).toBeNull();
    expect(scaleBar({ lat: 30, zoom: 5, maxWidthCss: 100, pixelRatio: 0 })).toBeNull();
  });
});
