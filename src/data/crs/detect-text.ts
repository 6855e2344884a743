// Wording of the detection's reasons and warnings, in both UI languages. Numbers are formatted
// here so that the messages read the same in the import dialog and in the validation report.

import { datumText, type CrsText, type GkDatum } from './choice.ts';

const pct = (share: number): string => `${Math.round(share * 100)}%`;
const num = (v: number): string => (Math.abs(v) >= 1000 ? Math.round(v).toString() : String(Math.round(v * 1e6) / 1e6));

export const T = {
  noCoordinates: {
    zh: '没有可用的坐标值（全部为空或非数字），无法判断坐标系',
    en: 'No usable coordinate values (all empty or not numbers); the coordinate system cannot be detected',
  },
  unknownValues: (xMin: number, xMax: number, yMin: number, yMax: number): CrsText => ({
    zh:
      `坐标值既不像经纬度，也不像高斯-克吕格投影坐标（X ${num(xMin)}～${num(xMax)}，Y ${num(yMin)}～${num(yMax)}）。` +
      '可能是地方独立坐标系、单位不是米，或选错了坐标列；请在 GIS 软件中导出为 CGCS2000 经纬度或 3°带坐标',
    en:
      `The values look neither like longitude/latitude nor like Gauss-Krüger coordinates (X ${num(xMin)}–${num(xMax)}, ` +
      `Y ${num(yMin)}–${num(yMax)}). This may be a local grid, a unit other than metres, or the wrong columns; ` +
      'export CGCS2000 longitude/latitude or 3° zone coordinates from your GIS',
  }),
  misfits: (n: number, total: number): CrsText => ({
    zh: `${total} 个坐标中有 ${n} 个不符合此坐标系的取值范围，导入时会逐条列出`,
    en: `${n} of ${total} coordinates do not fit this system's value ranges; they will be listed on import`,
  }),
  geographic: (share: number): CrsText => ({
    zh: `${pct(share)} 的坐标在中国经纬度范围内（经度 73°～136°，纬度 3°～54°）`,
    en: `${pct(share)} of the coordinates are longitudes/latitudes within China (73°–136°E, 3°–54°N)`,
  }),
  latFirst: {
    zh: '第一列像纬度、第二列像经度：按“纬度, 经度”读取',
    en: 'The first column looks like latitude and the second like longitude: read as latitude, longitude',
  },
  offsetAmbiguity: {
    zh: 'GCJ-02（高德、腾讯地图）和 BD-09（百度地图）坐标与 WGS84 只差几百米，单凭数值无法区分：请根据数据来源选择',
    en: 'GCJ-02 (Amap, Tencent) and BD-09 (Baidu) coordinates differ from WGS84 by a few hundred metres and cannot be told apart by value: choose by where the data came from',
  },
  wgsReason: {
    zh: 'WGS84 / 2000国家大地坐标系经纬度（GPS、天地图、自然资源部门数据通常如此）',
    en: 'WGS84 / CGCS2000 longitude/latitude (GPS, Tianditu and natural-resources data usually are)',
  },
  gcjReason: {
    zh: 'GCJ-02 经纬度：从高德或腾讯地图拾取的坐标',
    en: 'GCJ-02 longitude/latitude: coordinates picked from Amap or Tencent maps',
  },
  bdReason: {
    zh: 'BD-09 经纬度：从百度地图拾取的坐标',
    en: 'BD-09 longitude/latitude: coordinates picked from Baidu maps',
  },
  columnHint: (name: string): CrsText => ({
    zh: `列名或文件名“${name}”提示了这一来源`,
    en: `The column or file name “${name}” points to this source`,
  }),
  gkPrefixed: (zone: number, width: 3 | 6, cm: number, share: number): CrsText => ({
    zh: `${pct(share)} 的东坐标带有带号 ${zone}（${width}°带，中央经线 ${cm}°E），北坐标在中国范围内`,
    en: `${pct(share)} of the eastings carry zone number ${zone} (${width}° zone, central meridian ${cm}°E) and the northings lie within China`,
  }),
  gkPlain: (share: number): CrsText => ({
    zh: `${pct(share)} 的坐标为不带带号的高斯-克吕格坐标（东坐标约 500 000 米，北坐标在中国范围内）`,
    en: `${pct(share)} of the coordinates are Gauss-Krüger values without a zone number (eastings near 500 000 m, northings within China)`,
  }),
  swapped: {
    zh: 'X 列为北坐标、Y 列为东坐标（测量习惯），已按互换读取',
    en: 'The X column holds northings and the Y column eastings (surveyors’ convention): read with axes swapped',
  },
  cmFromCity: (cm: number, share: number): CrsText => ({
    zh: `中央经线 ${cm}°E 由所选城市推断：按此换算后 ${pct(share)} 的坐标落在该城市范围内`,
    en: `Central meridian ${cm}°E inferred from the chosen city: converted this way, ${pct(share)} of the coordinates fall within it`,
  }),
  sameAsSixDegree: (cm: number): CrsText => ({
    zh: `中央经线 ${cm}°E 同时是 6°带的中央经线，两种分带的换算结果相同`,
    en: `${cm}°E is also a 6° zone's central meridian; both zonings give the same result`,
  }),
  cmAmbiguous: {
    zh: '所选城市范围较大，几个中央经线换算后都落在城市内：请核对中央经线',
    en: 'The chosen city is wide enough that several central meridians put the points inside it: check the central meridian',
  },
  askMeridian: (width: 3 | 6): CrsText => ({
    zh: `不带带号的 ${width}°带坐标无法从数值判断中央经线：请选择城市或直接选择中央经线`,
    en: `For ${width}° zone coordinates without a zone number the central meridian cannot be read from the values: choose the city or the central meridian`,
  }),
  mixedZones: (zones: number[]): CrsText => ({
    zh: `东坐标含多个带号（${zones.join('、')}）；每个文件应只用一个投影带`,
    en: `The eastings carry several zone numbers (${zones.join(', ')}); a file should use one zone only`,
  }),
  sameValuesOldDatum: {
    zh: '1980西安、1954北京坐标系的高斯-克吕格坐标在数值上与 2000国家大地坐标系无法区分；若数据来自旧图件或旧测量成果，请改选相应坐标系',
    en: "Xi'an 1980 and Beijing 1954 Gauss-Krüger coordinates cannot be told from CGCS2000 by value; if the data comes from older maps or surveys, choose that system instead",
  },
  oldDatum: (d: GkDatum): CrsText => ({
    zh: `${datumText(d).zh}：需要当地的七参数（或三参数）转换到 WGS84；未填写时只换算椭球，位置可能偏差数十米`,
    en: `${datumText(d).en}: local 7- (or 3-) parameter values are needed to reach WGS84; without them only the ellipsoid is changed and positions may be off by tens of metres`,
  }),
  fromPrj: (name: string): CrsText => ({
    zh: `来自 .prj 文件：${name}`,
    en: `From the .prj file: ${name}`,
  }),
  prjMismatch: (name: string): CrsText => ({
    zh: `.prj 文件声明为“${name}”，但坐标值与之不符；请核对 .prj 是否正确`,
    en: `The .prj file says “${name}” but the coordinate values do not match it; check the .prj`,
  }),
  outsideCity: (share: number): CrsText => ({
    zh: `按此坐标系换算后只有 ${pct(share)} 的坐标落在所选城市范围内`,
    en: `Converted this way, only ${pct(share)} of the coordinates fall within the chosen city`,
  }),
};
