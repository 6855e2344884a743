// Ranks the coordinate systems a file may be in, from a sample of its coordinates, its .prj
// (Shapefiles) and the chosen city. The result is advice shown to the user, who confirms or
// changes it; nothing here converts the file. What cannot be told from values (the datum of
// Gauss-Krüger numbers, GCJ-02/BD-09 versus WGS84) is said in the reasons, not guessed silently.

import {
  centralMeridianOfZone,
  centralMeridians,
  epsgOf,
  type CrsChoice,
  type CrsText,
  type GaussKrugerChoice,
  type GkDatum,
} from './choice.ts';
import { centreLonOf, shareInsideCity, type CityHint } from './city.ts';
import { toWgs84 } from './convert.ts';
import { T } from './detect-text.ts';
import { readPrj } from './prj.ts';
import { fitValues, type ValueFit } from './value-ranges.ts';

export interface CrsHints {
  /** Text of a Shapefile's .prj. */
  prj?: string;
  /** The city the user is importing for. */
  city?: CityHint;
  /** Header texts of the coordinate columns and/or the file name (e.g. `gcj_lng`, `百度经度`). */
  columnNames?: string[];
}

interface CandidateBase {
  /** 0…1; candidates are sorted by it, highest first. */
  score: number;
  reason: CrsText;
  warnings: CrsText[];
  /** Share of converted sample points inside the chosen city, when a city was given. */
  insideCity?: number;
}

export interface ReadyCandidate extends CandidateBase {
  status: 'ready';
  choice: CrsChoice;
  epsg: number | null;
  /** Xi'an 1980 / Beijing 1954 without local parameters: usable, but tens of metres off. */
  needsTowgs84: boolean;
}

/** Gauss-Krüger without zone number and without a city: the user must pick the meridian. */
export interface MeridianCandidate extends CandidateBase {
  status: 'needs-central-meridian';
  template: Omit<GaussKrugerChoice, 'centralMeridian'>;
  centralMeridians: number[];
}

export type CrsCandidate = ReadyCandidate | MeridianCandidate;

export interface CrsDetection {
  candidates: CrsCandidate[];
  /** Set when no candidate could be proposed. */
  problem?: CrsText;
  /** Pairs looked at, and how many of them were empty or not numbers. */
  sampled: number;
  nonFinite: number;
}

/** Completes a meridian candidate with the user's choice of central meridian. */
export function withCentralMeridian(c: MeridianCandidate, centralMeridian: number): GaussKrugerChoice {
  if (!c.centralMeridians.includes(centralMeridian)) {
    throw new RangeError(`central meridian ${centralMeridian} is not one of ${c.centralMeridians.join(', ')}`);
  }
  return { ...c.template, centralMeridian };
}

/** Share of sample points that must fit a reading for it to be proposed. */
const MIN_SHARE = 0.5;
/** Points this far outside the city bbox (degrees, ~10 km) still count as inside. */
const CITY_MARGIN_DEG = 0.1;
/** Sample points converted for the city check. */
const CITY_SAMPLE = 2000;

type OffsetKind = 'gcj02' | 'bd09' | 'geographic';

/** Which lon/lat flavour the column or file names point to, and the name that says so. */
export function offsetHint(names: readonly string[]): { kind: OffsetKind; name: string } | null {
  for (const name of names) {
    const n = name.toLowerCase();
    if (/百度|baidu|bmap|(^|[^a-z])bd[-_ ]?(09)?(?![a-z])|(^|[^a-z])bd(?=lng|lat|lon|x|y)/.test(n)) return { kind: 'bd09', name };
    if (/高德|腾讯|火星|amap|gaode|tencent|(^|[^a-z])gcj/.test(n)) return { kind: 'gcj02', name };
    if (/wgs|gps|cgcs|天地图|2000/.test(n)) return { kind: 'geographic', name };
  }
  return null;
}

function thinSample(sample: Float64Array, limit: number): Float64Array {
  const pairs = sample.length >> 1;
  if (pairs <= limit) return sample;
  const step = pairs / limit;
  const out = new Float64Array(limit * 2);
  for (let k = 0; k < limit; k++) {
    const i = Math.floor(k * step);
    out[2 * k] = sample[2 * i];
    out[2 * k + 1] = sample[2 * i + 1];
  }
  return out;
}

function ready(choice: CrsChoice, score: number, reason: CrsText, warnings: CrsText[] = []): ReadyCandidate {
  const needsTowgs84 = choice.kind === 'gk' && choice.datum !== 'cgcs2000' && !choice.towgs84;
  return { status: 'ready', choice, epsg: epsgOf(choice), needsTowgs84, score, reason, warnings };
}

function join(...parts: CrsText[]): CrsText {
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

function geographicCandidates(share: number, swapped: boolean, hints: CrsHints): CrsCandidate[] {
  const hint = offsetHint(hints.columnNames ?? []);
  const base = swapped ? join(T.geographic(share), T.latFirst) : T.geographic(share);
  const flavours: [OffsetKind, CrsText, number][] = [
    ['geographic', T.wgsReason, 0.6],
    ['gcj02', T.gcjReason, 0.3],
    ['bd09', T.bdReason, 0.2],
  ];
  return flavours.map(([kind, text, prior]) => {
    const hinted = hint?.kind === kind;
    const reason = hinted ? join(text, T.columnHint(hint.name), base) : join(text, base);
    const choice: CrsChoice = swapped ? { kind, swapAxes: true } : { kind };
    return ready(choice, share * (hinted ? 0.95 : prior), reason, [T.offsetAmbiguity]);
  });
}

function gkChoice(datum: GkDatum, width: 3 | 6, cm: number, zonePrefix: boolean, swapAxes: boolean): GaussKrugerChoice {
  return { kind: 'gk', datum, zoneWidth: width, centralMeridian: cm, zonePrefix, swapAxes };
}

/** The CGCS2000 candidate followed by the same numbers read as Xi'an 1980 and Beijing 1954. */
function withOldDatums(c: GaussKrugerChoice, score: number, reason: CrsText, warnings: CrsText[]): ReadyCandidate[] {
  return [
    ready(c, score, reason, [...warnings, T.sameValuesOldDatum]),
    ready({ ...c, datum: 'xian80' as const }, score * 0.3, reason, [...warnings, T.oldDatum('xian80')]),
    ready({ ...c, datum: 'beijing54' as const }, score * 0.25, reason, [...warnings, T.oldDatum('beijing54')]),
  ];
}

function prefixedCandidates(zones: Map<number, number>, finite: number, swapped: boolean): CrsCandidate[] {
  const sorted = [...zones.entries()].sort((a, b) => b[1] - a[1]);
  const mixed = sorted.length > 1 ? [T.mixedZones(sorted.map(([z]) => z))] : [];
  return sorted.flatMap(([zone, count]) => {
    const width: 3 | 6 = zone >= 25 ? 3 : 6;
    const cm = centralMeridianOfZone(width, zone);
    const share = count / finite;
    const reason = swapped ? join(T.gkPrefixed(zone, width, cm, share), T.swapped) : T.gkPrefixed(zone, width, cm, share);
    return withOldDatums(gkChoice('cgcs2000', width, cm, true, swapped), share, reason, mixed);
  });
}

/** Central meridians worth trying for a city: those of the zones its bbox touches. */
function meridiansNear(city: CityHint, width: 3 | 6): number[] {
  const all = centralMeridians(width);
  const [west, , east] = city.bbox;
  const half = width / 2;
  const near = all.filter((cm) => cm + half >= west && cm - half <= east);
  const centre = centreLonOf(city);
  return near.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
}

function plainCandidates(share: number, swapped: boolean, sample: Float64Array, hints: CrsHints): CrsCandidate[] {
  const head = swapped ? join(T.gkPlain(share), T.swapped) : T.gkPlain(share);
  const city = hints.city;
  if (!city) {
    return ([3, 6] as const).map((width) => ({
      status: 'needs-central-meridian' as const,
      template: { kind: 'gk' as const, datum: 'cgcs2000' as const, zoneWidth: width, zonePrefix: false, swapAxes: swapped },
      centralMeridians: centralMeridians(width),
      score: share * (width === 3 ? 0.6 : 0.4),
      reason: join(head, T.askMeridian(width)),
      warnings: [T.sameValuesOldDatum],
    }));
  }
  const thin = thinSample(sample, CITY_SAMPLE);
  const centre = centreLonOf(city);
  const near3 = meridiansNear(city, 3);
  const near6 = meridiansNear(city, 6);
  // Every 6° meridian is also a 3° one, so each meridian is tried once; it is labelled 6° only
  // when the city lies in that 6° zone but not in the 3° zone of the same meridian.
  const tried = [...new Set([...near3, ...near6])];
  const scored = tried.map((cm) => {
    const width: 3 | 6 = near3.includes(cm) ? 3 : 6;
    const choice = gkChoice('cgcs2000', width, cm, false, swapped);
    const inside = shareInsideCity(toWgs84(thin, choice), city.bbox, CITY_MARGIN_DEG);
    // 3° zones are the norm for county-scale surveys (1:500–1:10 000), 6° for small scales;
    // among equally good meridians the one nearest the city centre comes first.
    const score = share * inside * (width === 3 ? 1 : 0.8) * (1 - 0.01 * Math.abs(cm - centre));
    return { cm, width, choice, inside, score };
  });
  const plausible = scored.filter((s) => s.inside >= 0.9).length;
  // Meridians that put (almost) nothing in the city are noise once one of them fits.
  const best = Math.max(...scored.map((s) => s.inside));
  const shown = best >= 0.5 ? scored.filter((s) => s.inside >= 0.1) : scored;
  return shown.flatMap(({ cm, width, choice, inside, score }) => {
    const notes = [head, T.cmFromCity(cm, inside)];
    if (width === 3 && near6.includes(cm)) notes.push(T.sameAsSixDegree(cm));
    const warnings = plausible > 1 && inside >= 0.9 ? [T.cmAmbiguous] : [];
    return withOldDatums(choice, score, join(...notes), warnings);
  });
}

function valueCandidates(fit: ValueFit, sample: Float64Array, hints: CrsHints): CrsCandidate[] {
  const n = fit.finite;
  const sum = (m: Map<number, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const readings: [number, () => CrsCandidate[]][] = [
    [fit.geographic, () => geographicCandidates(fit.geographic / n, false, hints)],
    [fit.geographicSwapped, () => geographicCandidates(fit.geographicSwapped / n, true, hints)],
    [sum(fit.zones), () => prefixedCandidates(fit.zones, n, false)],
    [sum(fit.zonesSwapped), () => prefixedCandidates(fit.zonesSwapped, n, true)],
    [fit.gk, () => plainCandidates(fit.gk / n, false, sample, hints)],
    [fit.gkSwapped, () => plainCandidates(fit.gkSwapped / n, true, sample, hints)],
  ];
  return readings.filter(([count]) => count / n >= MIN_SHARE).flatMap(([count, make]) => {
    const misfit = n - count;
    return make().map((c) => (misfit > 0 ? { ...c, warnings: [T.misfits(misfit, n), ...c.warnings] } : c));
  });
}

/** Whether value-based candidate `v` is the .prj's system read from the numbers. */
function agreesWithPrj(prj: CrsChoice, v: CrsCandidate): boolean {
  if (v.status === 'needs-central-meridian') return prj.kind === 'gk' && !prj.zonePrefix && v.template.zonePrefix === false;
  const c = v.choice;
  if (prj.kind === 'geographic') return c.kind === 'geographic';
  if (prj.kind !== 'gk' || c.kind !== 'gk') return false;
  return prj.zonePrefix === c.zonePrefix && (prj.centralMeridian === c.centralMeridian || !prj.zonePrefix);
}

/** Same kind, zoning and meridian; datum and axis order aside. */
function sameSystem(a: CrsChoice, b: CrsChoice): boolean {
  if (a.kind !== 'gk' || b.kind !== 'gk') return a.kind === b.kind;
  return a.zonePrefix === b.zonePrefix && a.centralMeridian === b.centralMeridian;
}

function cityCheck(c: CrsCandidate, thin: Float64Array, city: CityHint): CrsCandidate {
  if (c.status !== 'ready') return c;
  const inside = shareInsideCity(toWgs84(thin, c.choice), city.bbox, CITY_MARGIN_DEG);
  const warnings = inside < 0.9 ? [T.outsideCity(inside), ...c.warnings] : c.warnings;
  return { ...c, insideCity: inside, warnings };
}

/**
 * Proposes coordinate systems for `sample` (x, y pairs as the file writes them), best first.
 * @param sample a few thousand pairs are plenty; larger samples are thinned evenly.
 */
export function detectCrs(sample: Float64Array, hints: CrsHints = {}): CrsDetection {
  const fit = fitValues(sample);
  const sampled = fit.finite + fit.nonFinite;
  const prj = hints.prj !== undefined ? readPrj(hints.prj) : null;
  let candidates = fit.finite > 0 ? valueCandidates(fit, sample, hints) : [];

  if (prj?.choice) {
    const agreeing = candidates.filter((c) => agreesWithPrj(prj.choice!, c));
    const swapAxes = agreeing.some((c) => (c.status === 'ready' ? c.choice.swapAxes : c.template.swapAxes) === true);
    const choice: CrsChoice = swapAxes ? { ...prj.choice, swapAxes: true } : prj.choice;
    const warnings = prj.note ? [prj.note] : [];
    if (agreeing.length > 0 || fit.finite === 0) {
      // Quote what the values said only when they said the same thing (plain eastings read with
      // another meridian would contradict the .prj's).
      const same = agreeing.find((c) => c.status === 'ready' && sameSystem(c.choice, prj.choice!));
      const reason = same ? join(T.fromPrj(prj.name), same.reason) : T.fromPrj(prj.name);
      // The .prj names the datum and meridian the values could only guess: it replaces them.
      const keep = candidates.filter((c) => !agreeing.includes(c));
      candidates = [ready(choice, 1, reason, warnings), ...keep.map((c) => ({ ...c, score: c.score * 0.5 }))];
    } else {
      candidates.push(ready(choice, 0.1, T.fromPrj(prj.name), [T.prjMismatch(prj.name), ...warnings]));
    }
  } else if (prj?.note) {
    candidates = candidates.map((c) => ({ ...c, warnings: [prj.note!, ...c.warnings] }));
  }

  if (hints.city) {
    const thin = thinSample(sample, CITY_SAMPLE);
    candidates = candidates.map((c) => cityCheck(c, thin, hints.city!));
  }
  candidates.sort((a, b) => b.score - a.score);

  let problem: CrsText | undefined;
  if (fit.finite === 0 && !prj?.choice) problem = T.noCoordinates;
  else if (candidates.length === 0) problem = prj?.note ?? T.unknownValues(fit.xMin, fit.xMax, fit.yMin, fit.yMax);
  return { candidates, problem, sampled, nonFinite: fit.nonFinite };
}
