// What kind of file the user dropped, from its first bytes and its name: the extension alone
// lies too often (a CSV saved as .xls by an old system, a zip renamed .parkatlas).

export type FileFormat =
  | 'xlsx'
  | 'xls'
  | 'shapefile-zip'
  | 'workspace'
  | 'geojson'
  | 'bubiao-txt'
  | 'csv'
  | 'zip-other'
  | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

/** Names of the entries of a zip, read from its local headers (enough to tell the kinds apart). */
export function zipEntryNames(b: Uint8Array, max = 200): string[] {
  const names: string[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 0;
  while (at + 30 <= b.length && names.length < max && view.getUint32(at, true) === 0x04034b50) {
    const flags = view.getUint16(at + 6, true);
    const compressed = view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const extraLen = view.getUint16(at + 28, true);
    const nameBytes = b.subarray(at + 30, at + 30 + nameLen);
    // Bit 11: the name is UTF-8; otherwise Windows zips write the local code page (GBK in China).
    names.push(new TextDecoder(flags & 0x800 ? 'utf-8' : 'gb18030').decode(nameBytes));
    // With a data descriptor (bit 3) sizes are unknown here: stop rather than guess.
    if (flags & 0x8) break;
    at += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

export function detectFormat(name: string, bytes: Uint8Array): FileFormat {
  const lower = name.toLowerCase();
  if (startsWith(bytes, OLE2)) return 'xls';
  if (startsWith(bytes, ZIP)) {
    const names = zipEntryNames(bytes).map((n) => n.toLowerCase());
    if (names.includes('manifest.json') || lower.endsWith('.parkatlas')) return 'workspace';
    if (names.some((n) => n.startsWith('xl/')) || names.includes('[content_types].xml')) return 'xlsx';
    if (names.some((n) => n.endsWith('.shp'))) return 'shapefile-zip';
    // Entries after a data-descriptor entry are unknown: fall back on the extension.
    if (lower.endsWith('.xlsx')) return 'xlsx';
    if (lower.endsWith('.zip')) return 'shapefile-zip';
    return 'zip-other';
  }
  // Text: skip a BOM and leading white space, then look at the first characters.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b /* { */ || lower.endsWith('.geojson')) return 'geojson';
  // 部标界址点文件: “[属性描述]” in GBK or UTF-8 near the start.
  const head = bytes.subarray(0, 4096);
  const asUtf8 = new TextDecoder('utf-8').decode(head);
  const asGbk = new TextDecoder('gb18030').decode(head);
  if (/\[(属性描述|地块坐标)\]/.test(asUtf8) || /\[(属性描述|地块坐标)\]/.test(asGbk)) return 'bubiao-txt';
  if (/\.(csv|txt|tsv)$/.test(lower)) return 'csv';
  if (bytes.length === 0) return 'unknown';
  return 'csv';
}
