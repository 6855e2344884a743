import { describe, expect, it } from 'vitest';
import { readPrj, scanWkt } from '../../src/data/crs/prj.ts';

// ESRI WKT exactly as ArcGIS writes it into a Shapefile's .prj (`projinfo EPSG:n -o WKT1_ESRI`,
// see tests/fixtures/crs/README.md).
const PRJ = {
  // EPSG:4527
  zone39:
    'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:4548
  cm117:
    'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:4508
  gk6cm111:
    'PROJCS["CGCS2000_GK_CM_111E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:4498
  gk6zone20:
    'PROJCS["CGCS2000_GK_Zone_20",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",20500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:2383
  xian114:
    'PROJCS["Xian_1980_3_Degree_GK_CM_114E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:2415
  beijing39:
    'PROJCS["Beijing_1954_3_Degree_GK_Zone_39",GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:4490
  geo2000:
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  // EPSG:4326
  wgs84:
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  // EPSG:32650
  utm50:
    'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  // EPSG:3857
  webMercator:
    'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]',
  // EPSG:4527 as QGIS / GDAL write it (OGC WKT1)
  ogc39:
    'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",117],PARAMETER["scale_factor",1],PARAMETER["false_easting",39500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","4527"]]',
};

const gk = (datum: string, zoneWidth: number, centralMeridian: number, zonePrefix: boolean) => ({
  kind: 'gk',
  datum,
  zoneWidth,
  centralMeridian,
  zonePrefix,
  swapAxes: false,
});

describe('.prj of Gauss-Krüger zones', () => {
  it('CGCS2000 3° zone with prefix (CGCS2000_3_Degree_GK_Zone_39)', () => {
    const r = readPrj(PRJ.zone39);
    expect(r).toMatchObject({ name: 'CGCS2000_3_Degree_GK_Zone_39', via: 'proj4' });
    expect(r.choice).toEqual(gk('cgcs2000', 3, 117, true));
    expect(r.needsTowgs84).toBeUndefined();
  });

  it('CGCS2000 3° zone without prefix (CGCS2000_3_Degree_GK_CM_117E)', () => {
    expect(readPrj(PRJ.cm117).choice).toEqual(gk('cgcs2000', 3, 117, false));
  });

  it('CGCS2000 6° zones with and without prefix', () => {
    expect(readPrj(PRJ.gk6zone20).choice).toEqual(gk('cgcs2000', 6, 117, true));
    expect(readPrj(PRJ.gk6cm111).choice).toEqual(gk('cgcs2000', 6, 111, false));
  });

  it('the same zone written by QGIS (OGC WKT1) gives the same choice', () => {
    expect(readPrj(PRJ.ogc39).choice).toEqual(gk('cgcs2000', 3, 117, true));
  });

  it('and as newer QGIS writes it (WKT2)', () => {
    // `projinfo EPSG:4527 -o WKT2_2019 --single-line -q`
    const wkt2 =
      'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger zone 39",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger zone 39",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",117,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",39500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Cadastre, engineering survey, topographic mapping (large scale)."],AREA["China - onshore between 115°30\'E and 118°30\'E."],BBOX[22.6,115.5,49.88,118.5]],ID["EPSG",4527]]';
    expect(readPrj(wkt2).choice).toEqual(gk('cgcs2000', 3, 117, true));
  });

  it("Xi'an 1980 and Beijing 1954 are recognised and ask for local parameters", () => {
    const xian = readPrj(PRJ.xian114);
    expect(xian.choice).toEqual(gk('xian80', 3, 114, false));
    expect(xian.needsTowgs84).toBe(true);
    expect(xian.note?.zh).toContain('数十米');
    const bj = readPrj(PRJ.beijing39);
    expect(bj.choice).toEqual(gk('beijing54', 3, 117, true));
    expect(bj.note?.en).toContain('tens of metres');
  });
});

describe('local transformation parameters written in the .prj', () => {
  // OGC WKT1 as GDAL writes it when the datum carries TOWGS84 (illustrative parameters).
  const xianWithParams =
    'PROJCS["Xian 1980 / 3-degree Gauss-Kruger CM 114E",GEOGCS["Xian 1980",DATUM["Xian_1980",SPHEROID["IAG 1975",6378140,298.257,AUTHORITY["EPSG","7049"]],TOWGS84[24,-123,-94,0.02,-0.25,-0.13,1.1],AUTHORITY["EPSG","6610"]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",114],PARAMETER["scale_factor",1],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","2383"]]';

  it('are taken over, so no warning is needed', () => {
    const r = readPrj(xianWithParams);
    expect(r.choice).toEqual({ ...gk('xian80', 3, 114, false), towgs84: [24, -123, -94, 0.02, -0.25, -0.13, 1.1] });
    expect(r.needsTowgs84).toBeUndefined();
    expect(r.note).toBeUndefined();
  });

  it('are also read by the fallback scan', () => {
    const r = readPrj(xianWithParams.slice(0, -1));
    expect(r.via).toBe('fallback');
    expect(r.choice).toMatchObject({ datum: 'xian80', towgs84: [24, -123, -94, 0.02, -0.25, -0.13, 1.1] });
  });

  it('all-zero parameters are no parameters', () => {
    const r = readPrj(xianWithParams.replace('TOWGS84[24,-123,-94,0.02,-0.25,-0.13,1.1]', 'TOWGS84[0,0,0,0,0,0,0]'));
    expect(r.choice).toEqual(gk('xian80', 3, 114, false));
    expect(r.needsTowgs84).toBe(true);
  });
});

describe('.prj of other systems', () => {
  it('CGCS2000 and WGS84 geographic are longitude/latitude', () => {
    expect(readPrj(PRJ.geo2000).choice).toEqual({ kind: 'geographic' });
    expect(readPrj(PRJ.wgs84).choice).toEqual({ kind: 'geographic' });
  });

  it('UTM and Web Mercator are refused with a message naming the system', () => {
    for (const wkt of [PRJ.utm50, PRJ.webMercator]) {
      const r = readPrj(wkt);
      expect(r.choice).toBeNull();
      expect(r.note?.zh).toContain(r.name);
      expect(r.note?.zh).toContain('不是高斯-克吕格');
    }
    expect(readPrj(PRJ.utm50).name).toBe('WGS_1984_UTM_Zone_50N');
  });

  it('an unreadable file says so instead of guessing', () => {
    for (const text of ['', 'hello', '\uFEFF  ']) {
      const r = readPrj(text);
      expect(r.choice).toBeNull();
      expect(r.note?.zh).toContain('.prj');
    }
  });
});

describe('fallback scan when the WKT parser gives up', () => {
  it('reads a truncated ESRI string (missing closing brackets) with a BOM and line breaks', () => {
    const damaged = '\uFEFF' + PRJ.zone39.slice(0, -2).replace(/,PARAMETER/g, ',\r\nPARAMETER');
    const r = readPrj(damaged);
    expect(r.via).toBe('fallback');
    expect(r.choice).toEqual(gk('cgcs2000', 3, 117, true));
  });

  it('reads the ellipsoid, projection and every parameter', () => {
    expect(scanWkt(PRJ.xian114)).toEqual({
      name: 'Xian_1980_3_Degree_GK_CM_114E',
      projection: 'Gauss_Kruger',
      datumName: 'D_Xian_1980',
      semiMajorAxis: 6378140,
      inverseFlattening: 298.257,
      centralMeridian: 114,
      falseEasting: 500000,
      falseNorthing: 0,
      scaleFactor: 1,
      latitudeOfOrigin: 0,
      unitToMetre: 1,
      towgs84: null,
    });
  });

  it('a false easting that is neither 500 000 m nor a zone prefix is refused (local grid)', () => {
    const local = PRJ.cm117.slice(0, -2).replace('"False_Easting",500000.0', '"False_Easting",50000.0');
    expect(readPrj(local).choice).toBeNull();
    const wrongZone = PRJ.zone39.slice(0, -2).replace('"Central_Meridian",117.0', '"Central_Meridian",114.0');
    expect(readPrj(wrongZone).choice).toBeNull();
  });
});
