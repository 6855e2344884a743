import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../src/data/crs/convert.ts';

// An independent implementation of the published GCJ-02 forward formula (Krasovsky ellipsoid
// constants, polynomial + sine perturbation around 105°E 35°N) and of the BD-09 rotation
// (Baidu's 0.0065/0.006 offset), used to check the app's conversions.
const A = 6378245.0;
const EE = 0.00669342162296594323;

function perturbLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * Math.PI * x) + 20 * Math.sin(2 * Math.PI * x)) * 2) / 3;
  r += ((20 * Math.sin(Math.PI * y) + 40 * Math.sin((Math.PI * y) / 3)) * 2) / 3;
  r += ((160 * Math.sin((Math.PI * y) / 12) + 320 * Math.sin((Math.PI * y) / 30)) * 2) / 3;
  return r;
}

function perturbLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * Math.PI * x) + 20 * Math.sin(2 * Math.PI * x)) * 2) / 3;
  r += ((20 * Math.sin(Math.PI * x) + 40 * Math.sin((Math.PI * x) / 3)) * 2) / 3;
  r += ((150 * Math.sin((Math.PI * x) / 12) + 300 * Math.sin((Math.PI * x) / 30)) * 2) / 3;
  return r;
}

function wgsToGcj(lon: number, lat: number): [number, number] {
  const rad = (lat * Math.PI) / 180;
  const s = 1 - EE * Math.sin(rad) ** 2;
  const dLat = (perturbLat(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (s * Math.sqrt(s))) * Math.PI);
  const dLon = (perturbLon(lon - 105, lat - 35) * 180) / ((A / Math.sqrt(s)) * Math.cos(rad) * Math.PI);
  return [lon + dLon, lat + dLat];
}

function gcjToBd(lon: number, lat: number): [number, number] {
  const k = (Math.PI * 3000) / 180;
  const z = Math.hypot(lon, lat) + 0.00002 * Math.sin(lat * k);
  const t = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * k);
  return [z * Math.cos(t) + 0.0065, z * Math.sin(t) + 0.006];
}

function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return Math.hypot((lon1 - lon2) * 111_320 * Math.cos((lat1 * Math.PI) / 180), (lat1 - lat2) * 110_574);
}

// 德州, 韶关, 兰州, 喀什, 抚远
const WGS = [116.9, 37.45, 113.6, 24.8, 103.83, 36.06, 75.99, 39.47, 134.29, 48.36];

describe('GCJ-02 (高德/腾讯)', () => {
  it('WGS84 → GCJ-02 matches the published formula', () => {
    const gcj = fromWgs84(new Float64Array(WGS), { kind: 'gcj02' });
    for (let i = 0; i < WGS.length; i += 2) {
      const [lon, lat] = wgsToGcj(WGS[i], WGS[i + 1]);
      expect(metres(gcj[i], gcj[i + 1], lon, lat)).toBeLessThan(0.01);
      // The offset itself is hundreds of metres: a no-op conversion cannot pass.
      expect(metres(gcj[i], gcj[i + 1], WGS[i], WGS[i + 1])).toBeGreaterThan(50);
    }
  });

  it('GCJ-02 → WGS84 lands within 1 m of the original point', () => {
    const gcj = new Float64Array(WGS.length);
    for (let i = 0; i < WGS.length; i += 2) [gcj[i], gcj[i + 1]] = wgsToGcj(WGS[i], WGS[i + 1]);
    const back = toWgs84(gcj, { kind: 'gcj02' });
    for (let i = 0; i < WGS.length; i += 2) expect(metres(back[i], back[i + 1], WGS[i], WGS[i + 1])).toBeLessThan(1);
  });

  it('reads latitude-first GCJ-02 columns when axes are swapped', () => {
    const [lon, lat] = wgsToGcj(116.9, 37.45);
    const back = toWgs84(new Float64Array([lat, lon]), { kind: 'gcj02', swapAxes: true });
    expect(metres(back[0], back[1], 116.9, 37.45)).toBeLessThan(1);
  });
});

describe('BD-09 (百度)', () => {
  it('WGS84 → BD-09 matches GCJ-02 followed by the Baidu rotation', () => {
    const bd = fromWgs84(new Float64Array(WGS), { kind: 'bd09' });
    for (let i = 0; i < WGS.length; i += 2) {
      const [lon, lat] = gcjToBd(...wgsToGcj(WGS[i], WGS[i + 1]));
      expect(metres(bd[i], bd[i + 1], lon, lat)).toBeLessThan(0.01);
    }
  });

  it('BD-09 → WGS84 lands within 1 m of the original point', () => {
    const bd = new Float64Array(WGS.length);
    for (let i = 0; i < WGS.length; i += 2) [bd[i], bd[i + 1]] = gcjToBd(...wgsToGcj(WGS[i], WGS[i + 1]));
    const back = toWgs84(bd, { kind: 'bd09' });
    for (let i = 0; i < WGS.length; i += 2) expect(metres(back[i], back[i + 1], WGS[i], WGS[i + 1])).toBeLessThan(1);
  });

  it('keeps empty cells empty instead of inventing a position', () => {
    const back = toWgs84(new Float64Array([NaN, 37.45, 116.9, 37.45]), { kind: 'bd09' });
    expect(Number.isNaN(back[0]) && Number.isNaN(back[1])).toBe(true);
    expect(back[2]).toBeLessThan(116.9);
  });

  it('keeps every point at its own index across large inputs with gaps', () => {
    // More points than one gcoord batch, with empty pairs scattered through them.
    const n = 70_000;
    const wgs = new Float64Array(2 * n);
    const bd = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      wgs[2 * i] = 113 + (i % 500) / 250;
      wgs[2 * i + 1] = 24 + Math.floor(i / 500) / 100;
      if (i % 997 === 0) bd[2 * i] = bd[2 * i + 1] = NaN;
      else [bd[2 * i], bd[2 * i + 1]] = gcjToBd(...wgsToGcj(wgs[2 * i], wgs[2 * i + 1]));
    }
    const back = toWgs84(bd, { kind: 'bd09' }, bd);
    for (const i of [1, 996, 997, 998, 65_535, 65_536, 65_537, 66_799, n - 1]) {
      if (i % 997 === 0) expect(Number.isNaN(back[2 * i])).toBe(true);
      else expect(metres(back[2 * i], back[2 * i + 1], wgs[2 * i], wgs[2 * i + 1])).toBeLessThan(1);
    }
  });
});
