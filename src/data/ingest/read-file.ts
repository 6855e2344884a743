// One entry for every file a planner drops: the format is told from the bytes, the right reader
// runs, and the result is a RawTable plus what the user may choose next (sheet, Shapefile layer,
// text encoding). Formats the app cannot read get a message saying what to do instead.

import type { CsvDelimiter } from '../formats/csv-reader';
import { readCsv } from '../formats/csv-reader';
import type { TextEncodingName } from '../formats/csv-reader-encoding';
import { readBubiaoTxt } from '../formats/bubiao-txt-reader';
import { readGeoJson } from '../formats/geojson-reader';
import type { RawTable, SourceIssue } from '../formats/raw-table';
import { type ShapefileLayerInfo, openShapefileZip } from '../formats/shapefile-reader';
import { type XlsxSheetInfo, defaultSheet, openXlsx, readXlsxSheet } from '../formats/xlsx-reader';
import { type FileFormat, detectFormat } from './detect-format';

export interface ReadChoice {
  sheet?: string;
  layer?: string;
  encoding?: string;
  delimiter?: CsvDelimiter;
}

export interface FileReading {
  name: string;
  format: FileFormat;
  /** Null when the file could not be read as a table (see issues) or is a workspace file. */
  table: RawTable | null;
  sheets?: XlsxSheetInfo[];
  layers?: ShapefileLayerInfo[];
  /** Units from a unit row under the header (Excel), by header. */
  unitHints?: Record<string, string>;
  issues: SourceIssue[];
}

function fileIssue(file: string, code: string, zh: string, en: string): SourceIssue {
  return { level: 'error', file, row: null, field: null, code, messageZh: zh, messageEn: en };
}

export async function readAnyFile(name: string, bytes: Uint8Array, choice: ReadChoice = {}): Promise<FileReading> {
  const format = detectFormat(name, bytes);
  const done = (table: RawTable | null, extra: Partial<FileReading> = {}): FileReading => ({
    name,
    format,
    table,
    issues: table ? table.issues : (extra.issues ?? []),
    ...extra,
  });
  switch (format) {
    case 'csv':
      return done(readCsv(bytes, name, { encoding: choice.encoding as TextEncodingName | undefined, delimiter: choice.delimiter }));
    case 'geojson':
      return done(readGeoJson(bytes, name));
    case 'bubiao-txt':
      return done(readBubiaoTxt(bytes, name, { encoding: choice.encoding }));
    case 'xls':
    case 'xlsx': {
      const wb = await openXlsx(bytes, name);
      if (!wb.book) return done(null, { issues: wb.issues, sheets: wb.sheets });
      const sheet = choice.sheet ?? defaultSheet(wb.sheets) ?? undefined;
      const t = readXlsxSheet(wb, sheet);
      const unitHints: Record<string, string> = {};
      t.headers.forEach((h, i) => {
        const u = t.units[i];
        if (u) unitHints[h] = u;
      });
      return done(t, { sheets: wb.sheets, unitHints });
    }
    case 'shapefile-zip': {
      const archive = openShapefileZip(bytes, name);
      if (archive.layers.length === 0) return done(null, { issues: archive.issues, layers: [] });
      const layer = choice.layer ?? archive.layers.find((l) => l.hasShp)?.name ?? archive.layers[0].name;
      return done(archive.read(layer, { encoding: choice.encoding }), { layers: archive.layers });
    }
    case 'workspace':
      return done(null);
    case 'zip-other':
      return done(null, {
        issues: [
          fileIssue(
            name,
            'file.zip_unknown',
            '压缩包中既没有 Shapefile（.shp），也不是 Excel 或工作区文件',
            'the zip holds no Shapefile (.shp) and is neither a workbook nor a workspace file',
          ),
        ],
      });
    default:
      return done(null, {
        issues: [
          fileIssue(
            name,
            'file.unknown',
            '无法识别的文件：支持 Excel (.xlsx)、CSV、Shapefile (.zip)、GeoJSON、界址点 TXT 和工作区文件',
            'unrecognised file: Excel (.xlsx), CSV, Shapefile (.zip), GeoJSON, boundary-point TXT and workspace files are supported',
          ),
        ],
      });
  }
}
