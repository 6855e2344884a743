// The report's CSV on the three demo regions, read as GeoJSON and as a points CSV, has the
// SHA-256 recorded before the report was streamed (scripts/bench-cli-data.ts): reading in
// chunks, paging the result and writing it as a stream changed no byte. The 1,000,000-row
// tiled set is checked the same way by `npm run bench -- --only cli`.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BASELINE_SHA256, writeTiledParcelsCsv } from '../../scripts/bench-cli-data';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-hash-');
afterAll(files.done);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const REGIONS = ['dezhou', 'shaoguan', 'lanzhou'] as const;

describe('the report keeps its recorded output', { timeout: 180_000 }, () => {
  for (const region of REGIONS) {
    it(`${region}: GeoJSON and points CSV give the recorded CSV`, async () => {
      const geo = files.temp(`${region}-geo.csv`);
      const r1 = await report(['--parcels', `data/demo/${region}/parcels.geojson`, '--as-of', '2026-06-30', '--out', geo]);
      expect(r1.stderr).toBe('');
      expect(r1.code).toBe(0);
      expect(sha256(readFileSync(geo))).toBe(BASELINE_SHA256[region]);

      const n = (JSON.parse(readFileSync(`data/demo/${region}/parcels.geojson`, 'utf8')) as { features: unknown[] }).features.length;
      const input = files.temp(`${region}-points.csv`);
      await writeTiledParcelsCsv(input, n, region);
      const out = files.temp(`${region}-points-out.csv`);
      const r2 = await report(['--parcels', input, '--crs', 'wgs84', '--as-of', '2026-06-30', '--out', out]);
      expect(r2.code).toBe(0);
      expect(sha256(readFileSync(out))).toBe(BASELINE_SHA256[region]);
    });
  }
});
