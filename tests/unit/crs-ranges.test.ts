import { describe, expect, it } from 'vitest';
import { misfitPoints, zonePrefixOf } from '../../src/data/crs/value-ranges.ts';
import type { GaussKrugerChoice } from '../../src/data/crs/choice.ts';

const zone39: GaussKrugerChoice = { kind: 'gk', datum: 'cgcs2000', zoneWidth: 3, centralMeridian: 117, zonePrefix: true, swapAxes: false };

describe('zone number in an easting', () => {
  it('reads 3° and 6° zone numbers and rejects what is not one', () => {
    expect(zonePrefixOf(39_544_500)).toBe(39);
    expect(zonePrefixOf(20_455_000)).toBe(20);
    expect(zonePrefixOf(544_500)).toBeNull();
    // 24 is between the 6° (13–23) and 3° (25–45) numbering: no Chinese zone.
    expect(zonePrefixOf(24_500_000)).toBeNull();
    // Zone 39 but 50 km from the meridian's false origin: not an easting of that zone.
    expect(zonePrefixOf(39_050_000)).toBeNull();
  });
});

describe('points that cannot be in the chosen system', () => {
  it('lists placeholders, other zones and empty cells by index', () => {
    const coords = new Float64Array([
      39_544_500, 4_163_000, // 0 fits
      0, 0, // 1 placeholder
      38_544_500, 4_163_000, // 2 zone 38
      NaN, 4_163_000, // 3 empty
      544_500, 4_163_000, // 4 prefix missing
      39_455_000, 4_100_000, // 5 fits
    ]);
    const r = misfitPoints(coords, zone39);
    expect(Array.from(r.indices)).toEqual([1, 2, 3, 4]);
    expect(r.nonFinite).toBe(1);
  });

  it('honours swapped axes and plain eastings', () => {
    const coords = new Float64Array([4_163_000, 544_500, 544_500, 4_163_000]);
    const r = misfitPoints(coords, { ...zone39, zonePrefix: false, swapAxes: true });
    expect(Array.from(r.indices)).toEqual([1]);
  });

  it('checks longitude/latitude against China', () => {
    const coords = new Float64Array([116.9, 37.45, 37.45, 116.9, 2.35, 48.85]);
    expect(Array.from(misfitPoints(coords, { kind: 'gcj02' }).indices)).toEqual([1, 2]);
    expect(Array.from(misfitPoints(coords, { kind: 'geographic', swapAxes: true }).indices)).toEqual([0, 2]);
  });
});
