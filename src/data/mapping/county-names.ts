// County names as planners type them (乐陵, 乐陵县, 德州市乐陵市, “乐陵市 ”) normalised to the
// official division name with its code (乐陵市, 371481), so counts per county and joins with the
// boundaries agree. A name that fits no county, or more than one, is listed — never guessed.

export interface OfficialCounty {
  name: string;
  adcode?: string;
}

// Longest first: 自治县 before 县, 自治旗 before 旗.
const SUFFIXES = ['自治县', '自治旗', '林区', '特区', '新区', '县', '市', '区', '旗'];

function stem(name: string): string {
  for (const s of SUFFIXES) if (name.length > s.length + 1 && name.endsWith(s)) return name.slice(0, -s.length);
  return name;
}

export interface CountyNormalisation {
  /** Input value (trimmed) → official county. */
  matched: Map<string, OfficialCounty>;
  /** Input values that fit no county. */
  unknown: string[];
  /** Input values that fit several counties (e.g. a stem shared by 县 and 区). */
  ambiguous: { value: string; candidates: string[] }[];
}

export function normaliseCountyNames(values: Iterable<string>, official: readonly OfficialCounty[], city?: string): CountyNormalisation {
  const exact = new Map(official.map((c) => [c.name, c]));
  const byStem = new Map<string, OfficialCounty[]>();
  for (const c of official) {
    const k = stem(c.name);
    byStem.set(k, [...(byStem.get(k) ?? []), c]);
  }
  const cityStem = city ? stem(city) : null;
  const out: CountyNormalisation = { matched: new Map(), unknown: [], ambiguous: [] };
  const seen = new Set<string>();
  for (const raw of values) {
    const v = raw.replace(/\s+/g, '');
    if (v === '' || seen.has(v)) continue;
    seen.add(v);
    let name = v;
    // “德州市乐陵市” / “德州乐陵”: drop the city in front.
    if (city && name.startsWith(city) && name.length > city.length) name = name.slice(city.length);
    else if (cityStem && name.startsWith(cityStem) && !exact.has(name) && name.length > cityStem.length + 1) name = name.slice(cityStem.length);
    const hit = exact.get(name);
    if (hit) {
      out.matched.set(v, hit);
      continue;
    }
    const cands = byStem.get(stem(name)) ?? [];
    if (cands.length === 1) out.matched.set(v, cands[0]);
    else if (cands.length > 1) out.ambiguous.push({ value: v, candidates: cands.map((c) => c.name) });
    else out.unknown.push(v);
  }
  return out;
}
