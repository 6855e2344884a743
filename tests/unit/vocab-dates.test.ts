// "Today" for the as-of date and tracking forms is the planner's local calendar day, which in
// China (UTC+8) is a day ahead of UTC every evening after 16:00 UTC.

import { afterEach, describe, expect, it } from 'vitest';
import { todayLocal } from '../../src/vocab';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('todayLocal', () => {
  it('is the local date, not the UTC date', () => {
    process.env.TZ = 'Asia/Shanghai';
    // 17:30 UTC on 1 January is 01:30 on 2 January in Beijing.
    expect(todayLocal(new Date('2024-01-01T17:30:00Z'))).toBe('2024-01-02');
    process.env.TZ = 'America/New_York';
    expect(todayLocal(new Date('2024-01-01T03:00:00Z'))).toBe('2023-12-31');
  });

  it('pads month and day to YYYY-MM-DD', () => {
    process.env.TZ = 'UTC';
    expect(todayLocal(new Date('2026-03-05T12:00:00Z'))).toBe('2026-03-05');
  });
});
