// Damaged files must end in issues, never in an exception (which the user would see as a stack
// trace). Each reader gets the GDAL-made fixtures with bytes overwritten and tails cut off, from a
// fixed seed so a failure is reproducible.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readShapefileZip } from '../../src/data/formats/shapefile-reader.ts';
import { readShp } from '../../src/data/formats/shp.ts';
import { readDbf } from '../../src/data/formats/dbf.ts';
import { readGeoJson } from '../../src/data/formats/geojson-reader.ts';
import { readBubiaoTxt } from '../../src/data/formats/bubiao-txt-reader.ts';
import { checkGeometry } from '../../src/data/formats/geometry-check.ts';
import { GeometryBuilder } from '../../src/data/formats/geometry-builder.ts';
import type { SourceIssue } from '../../src/data/formats/raw-table.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));
const zip = fixture('parcels-gbk-no-cpg.zip');
const members = Object.entries(unzipSync(zip));
const shp = members.find(([k]) => k.endsWith('.shp'))![1];
const dbf = members.find(([k]) => k.endsWith('.dbf'))![1];

let seed = 20240501;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

function damage(bytes: Uint8Array): Uint8Array {
  const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
  const out = bytes.slice(0, cut);
  const flips = 1 + Math.floor(random() * 8);
  for (let i = 0; i < flips && out.length > 0; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
  return out;
}

const wellFormed = (issues: SourceIssue[]) =>
  issues.every((i) => i.file !== '' && i.code.includes('.') && i.messageZh.length > 0 && i.messageEn.length > 0);

describe('damaged files give issues, not exceptions', () => {
  it('Shapefile parts, whole archives, GeoJSON and 界址点 TXT, 300 damaged copies each', () => {
    const geojson = fixture('parcels-gk39.geojson');
    const txt = fixture('bubiao-sample.txt');
    for (let n = 0; n < 300; n++) {
      const issues: SourceIssue[] = [];
      const builder = new GeometryBuilder();
      readShp(damage(shp), 'a.shp', builder, issues);
      issues.push(...checkGeometry(builder.finish(), { file: 'a.shp', geographic: n % 2 === 0 }).issues);
      readDbf(damage(dbf), 'a.dbf', undefined, issues);
      const tables = [readShapefileZip(damage(zip), 'a.zip'), readGeoJson(damage(geojson), 'a.geojson'), readBubiaoTxt(damage(txt), 'a.txt')];
      for (const t of tables) {
        issues.push(...t.issues);
        if (t.geometry) issues.push(...checkGeometry(t.geometry, { file: t.file, geographic: false }).issues);
        for (const c of t.columns) expect(c.length).toBe(t.rowNumbers.length);
        if (t.geometry) expect(t.geometry.featureOffsets.length - 1).toBe(t.rowNumbers.length);
      }
      expect(wellFormed(issues)).toBe(true);
    }
  });
});
