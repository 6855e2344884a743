// Matching the source's 2017 county names and codes to the current division table, on a tiny
// table with obvious answers.

import { describe, expect, it } from 'vitest';
import { createMatcher, stem, type DivisionTable } from '../../scripts/boundaries/match-divisions';

const table: DivisionTable = {
  provinces: [
    { code: '13', name: '河北省' },
    { code: '37', name: '山东省' },
    { code: '50', name: '重庆市' },
  ],
  cities: [
    { code: '1305', name: '邢台市', provinceCode: '13' },
    { code: '1307', name: '张家口市', provinceCode: '13' },
    { code: '3701', name: '济南市', provinceCode: '37' },
    { code: '3714', name: '德州市', provinceCode: '37' },
    { code: '5001', name: '市辖区', provinceCode: '50' },
    { code: '5002', name: '县', provinceCode: '50' },
  ],
  areas: [
    { code: '130502', name: '襄都区', cityCode: '1305', provinceCode: '13' },
    { code: '130505', name: '任泽区', cityCode: '1305', provinceCode: '13' },
    { code: '130571', name: '河北邢台经济开发区', cityCode: '1305', provinceCode: '13' },
    { code: '130702', name: '桥东区', cityCode: '1307', provinceCode: '13' },
    { code: '370116', name: '莱芜区', cityCode: '3701', provinceCode: '37' },
    { code: '370117', name: '钢城区', cityCode: '3701', provinceCode: '37' },
    { code: '371403', name: '陵城区', cityCode: '3714', provinceCode: '37' },
    { code: '371428', name: '武城县', cityCode: '3714', provinceCode: '37' },
    { code: '500155', name: '梁平区', cityCode: '5001', provinceCode: '50' },
  ],
};
const { match } = createMatcher(table);

describe('stem', () => {
  it('drops the administrative and autonomous suffixes', () => {
    expect(stem('陵县')).toBe('陵');
    expect(stem('陵城区')).toBe('陵城');
    expect(stem('白沙黎族自治县')).toBe('白沙');
    expect(stem('陵水黎族自治县')).toBe('陵水');
    expect(stem('城区')).toBe('城');
  });
});

describe('match', () => {
  it('keeps an unchanged county', () => {
    expect(match('371428', '武城县', 11)).toMatchObject({ ok: true, how: 'exact', unit: { adcode: '371428' } });
  });

  it('follows 撤县设区 by name stem within the city (陵县 → 陵城区)', () => {
    expect(match('371421', '陵县', 11)).toMatchObject({ ok: true, how: 'stem', unit: { adcode: '371403', name: '陵城区' } });
    expect(match('130526', '任县', 11)).toMatchObject({ ok: true, unit: { adcode: '130505' } });
  });

  it('takes a renamed county under its unchanged code (桥东区 → 襄都区)', () => {
    expect(match('130502', '桥东区', 11)).toMatchObject({ ok: true, how: 'renamed', unit: { name: '襄都区' } });
  });

  it('does not send a common name to another city while the source city still exists', () => {
    // A 邢台 桥东区 under a code this table no longer has must not become 张家口's 桥东区.
    const r = match('130503', '桥东区', 11);
    expect(r.ok && r.unit.cityCode).not.toBe('1307');
  });

  it('moves counties of an abolished city by name, and uses documented successors', () => {
    expect(match('371203', '钢城区', 2)).toMatchObject({ ok: true, how: 'moved', unit: { adcode: '370117' } });
    expect(match('371202', '莱城区', 2)).toMatchObject({ ok: true, how: 'successor', unit: { adcode: '370116' } });
  });

  it("matches a municipality's county that became a district under its other code", () => {
    expect(match('500228', '梁平县', 38)).toMatchObject({ ok: true, unit: { adcode: '500155' } });
  });

  it('never matches a statistical development zone', () => {
    const r = match('130599', '河北邢台经济开发区', 11);
    expect(r.ok).toBe(false);
  });

  it('explains what it cannot match', () => {
    const r = match('130521', '邢台县', 11);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toContain('130521');
    const tw = match('710100', '臺北市', 12);
    expect(!tw.ok && tw.reason).toContain('港澳台');
  });

  it('places a feature without a code by name, with the file’s province and city', () => {
    expect(match('', '武城县', 11, '37', '3714')).toMatchObject({ ok: true, unit: { adcode: '371428' } });
  });
});
