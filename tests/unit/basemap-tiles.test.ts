// Basemap tile addresses (src/map/tile-url.ts) and the GCJ-02 resampling plan
// (src/map/gcj-tiles.ts): a known point of a GCJ-02 tile service lands on the pixel where the
// WGS84 data draws it.

import { describe, expect, it } from 'vitest';
import { globalPixel, gcjTilePlan, pixelLngLat, wgs84ToGcj02 } from '../../src/map/gcj-tiles';
import { needsKey, tiandituTemplate, tileLayers, tileUrl } from '../../src/map/tile-url';

describe('tile addresses', () => {
  it('fills an XYZ template, the TMS row counted from the south, and a subdomain that is stable per tile', () => {
    const layer = { template: 'https://{s}.tiles.example/{z}/{x}/{y}.png?row={-y}', subdomains: ['a', 'b', 'c'] };
    expect(tileUrl(layer, 3, 5, 2)).toBe('https://b.tiles.example/3/5/2.png?row=5');
    expect(tileUrl(layer, 3, 5, 3)).toBe('https://c.tiles.example/3/5/3.png?row=4');
    expect(tileUrl(layer, 3, 5, 3)).toBe(tileUrl(layer, 3, 5, 3));
  });

  it('fills a WMTS KVP GetTile template: TileMatrix is the zoom, TileRow the y and TileCol the x', () => {
    const layer = {
      template: 'http://10.1.2.3/geoserver/gwc/service/wmts?REQUEST=GetTile&LAYER=zw:dom&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:{TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
      subdomains: [],
    };
    expect(tileUrl(layer, 12, 3380, 1560)).toBe(
      'http://10.1.2.3/geoserver/gwc/service/wmts?REQUEST=GetTile&LAYER=zw:dom&TILEMATRIXSET=EPSG:900913&TILEMATRIX=EPSG:900913:12&TILEROW=1560&TILECOL=3380',
    );
  });

  it('puts the key in, escaped, and leaves unknown placeholders alone', () => {
    const layer = { template: 'https://x.example/{z}/{x}/{y}?tk={key}&style={style}', subdomains: [] };
    expect(tileUrl(layer, 1, 0, 1, 'a b&c')).toBe('https://x.example/1/0/1?tk=a%20b%26c&style={style}');
  });

  it('builds 天地图 vector as vec_w under cva_w and imagery as img_w under cia_w, with the tk on every tile', () => {
    const vec = tileLayers({ kind: 'tianditu', layer: 'vec', crs: 'wgs84', opacity: 1 });
    expect(vec.map((l) => l.id)).toEqual(['vec', 'cva']);
    const url = tileUrl(vec[1], 10, 843, 388, 'KEY123');
    expect(url).toBe(
      'https://t7.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=10&TILEROW=388&TILECOL=843&tk=KEY123',
    );
    expect(tileLayers({ kind: 'tianditu', layer: 'img', crs: 'wgs84', opacity: 1 }).map((l) => l.id)).toEqual(['img', 'cia']);
    expect(needsKey(tiandituTemplate('img'))).toBe(true);
    expect(needsKey('https://x.example/{z}/{x}/{y}.png')).toBe(false);
  });
});

describe('GCJ-02 tiles under WGS84 data', () => {
  // The data-side fact the resampling must agree with: a place at WGS84 p is drawn by a GCJ-02
  // service at GCJ-02 q = gcj(p).
  it.each([
    ['Dezhou', 116.3594, 37.4347, 16],
    ['Lanzhou', 103.8343, 36.0611, 17],
    ['Shaoguan', 113.5972, 24.8104, 15],
  ])('%s: the GCJ-02 pixel drawn at a WGS84 point shows the GCJ-02 image of that point, within 1 px', (_name, lng, lat, z) => {
    const [gx, gy] = globalPixel(lng, lat, z);
    const tx = Math.floor(gx / 256);
    const ty = Math.floor(gy / 256);
    const u = gx - tx * 256;
    const v = gy - ty * 256;
    const [qx, qy] = globalPixel(...wgs84ToGcj02(lng, lat), z);
    // The shift is real (hundreds of metres, many pixels at these zooms) …
    expect(Math.hypot(qx - gx, qy - gy)).toBeGreaterThan(50);
    // … and the plan undoes it: find the GCJ-02 tile drawn under output pixel (u, v) and the
    // pixel of that tile that lands there.
    const plan = gcjTilePlan(z, tx, ty);
    const d = plan.find((p) => u >= p.dx && u < p.dx + p.width && v >= p.dy && v < p.dy + p.height);
    expect(d).toBeDefined();
    const sourceX = d!.x * 256 + ((u - d!.dx) * 256) / d!.width;
    const sourceY = d!.y * 256 + ((v - d!.dy) * 256) / d!.height;
    expect(Math.abs(sourceX - qx)).toBeLessThan(1);
    expect(Math.abs(sourceY - qy)).toBeLessThan(1);
  });

  it('covers the whole output tile with at most four GCJ-02 tiles of the same zoom', () => {
    const plan = gcjTilePlan(14, 13486, 6270);
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.length).toBeLessThanOrEqual(4);
    expect(Math.min(...plan.map((p) => p.dx))).toBeLessThanOrEqual(0);
    expect(Math.max(...plan.map((p) => p.dx + p.width))).toBeGreaterThanOrEqual(256);
    expect(Math.min(...plan.map((p) => p.dy))).toBeLessThanOrEqual(0);
    expect(Math.max(...plan.map((p) => p.dy + p.height))).toBeGreaterThanOrEqual(256);
  });

  it('leaves tiles outside China as they are (GCJ-02 equals WGS84 there)', () => {
    expect(gcjTilePlan(10, 512, 340)).toEqual([{ z: 10, x: 512, y: 340, dx: 0, dy: 0, width: 256, height: 256 }]);
  });

  it('pixelLngLat inverts globalPixel', () => {
    const [x, y] = globalPixel(116.36, 37.43, 12);
    const [lng, lat] = pixelLngLat(x, y, 12);
    expect(lng).toBeCloseTo(116.36, 9);
    expect(lat).toBeCloseTo(37.43, 9);
  });
});
