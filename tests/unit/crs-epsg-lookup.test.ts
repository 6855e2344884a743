// `--crs EPSG:NNNN` on the command line: the reverse of epsgOf over every Gauss-Krüger family.

import { describe, expect, it } from 'vitest';
import { centralMeridians, choiceOfEpsg, epsgOf, type GaussKrugerChoice, type GkDatum } from '../../src/data/crs/choice.ts';

describe('choiceOfEpsg', () => {
  it('inverts epsgOf for every datum, zone width, prefix and meridian', () => {
    let n = 0;
    for (const datum of ['cgcs2000', 'xian80', 'beijing54'] as GkDatum[]) {
      for (const zoneWidth of [3, 6] as const) {
        for (const zonePrefix of [true, false]) {
          for (const centralMeridian of centralMeridians(zoneWidth)) {
            const c: GaussKrugerChoice = { kind: 'gk', datum, zoneWidth, centralMeridian, zonePrefix, swapAxes: false };
            expect(choiceOfEpsg(epsgOf(c)!)).toEqual(c);
            n++;
          }
        }
      }
    }
    expect(n).toBe(3 * 2 * (21 + 11));
  });

  it('reads the codes planners meet, with swapped axes on request', () => {
    // EPSG:4527 = CGCS2000 / 3-degree Gauss-Kruger zone 39 (CM 117°E, zone prefix).
    expect(choiceOfEpsg(4527)).toEqual({ kind: 'gk', datum: 'cgcs2000', zoneWidth: 3, centralMeridian: 117, zonePrefix: true, swapAxes: false });
    // EPSG:4548 = CGCS2000 / 3-degree Gauss-Kruger CM 117E (no prefix).
    expect(choiceOfEpsg(4548, true)).toEqual({ kind: 'gk', datum: 'cgcs2000', zoneWidth: 3, centralMeridian: 117, zonePrefix: false, swapAxes: true });
    expect(choiceOfEpsg(4490)).toEqual({ kind: 'geographic' });
    expect(choiceOfEpsg(4326, true)).toEqual({ kind: 'geographic', swapAxes: true });
  });

  it('refuses codes outside the families', () => {
    for (const code of [3857, 4555, 4490 + 0.5, 2326, 2443, 21412, 0]) expect(choiceOfEpsg(code), String(code)).toBeNull();
  });
});
