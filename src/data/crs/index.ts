// Coordinate systems of imported files: detection (values, .prj, city), conversion to WGS84,
// and the check that a file lies in the chosen city. Pure functions over typed arrays; the
// import dialog shows the candidates and stores the confirmed CrsChoice with the mapping.

export {
  describeCrs,
  epsgOf,
  parseCrsChoice,
  centralMeridians,
  type CrsChoice,
  type CrsText,
  type GaussKrugerChoice,
  type GkDatum,
} from './choice.ts';
export { toWgs84, fromWgs84, proj4Definition } from './convert.ts';
export {
  detectCrs,
  withCentralMeridian,
  type CrsHints,
  type CrsCandidate,
  type ReadyCandidate,
  type MeridianCandidate,
  type CrsDetection,
} from './detect.ts';
export { readPrj, type PrjReading } from './prj.ts';
export { pointsOutsideCity, shareInsideCity, type CityHint, type LonLatBBox, type OutsideCity } from './city.ts';
export { misfitPoints, type Misfits } from './value-ranges.ts';
