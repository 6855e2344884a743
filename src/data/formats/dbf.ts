// Reads the attribute table (.dbf, dBASE III+ layout as used by Shapefiles).
// Header (little-endian): byte 0 version, 4–7 record count, 8–9 header length, 10–11 record
// length, 29 language driver id; then 32-byte field descriptors (name in bytes 0–10, type at 11,
// length at 16, decimals at 17) until 0x0D. Each record starts with a deletion flag ('*' = deleted).
// Field types read: C (text), N and F (numbers as text), D (YYYYMMDD), L (T/F/Y/N/?).
import type { RawCell, SourceIssue } from './raw-table.ts';
import { featureEn, featureZh, geoIssue } from './geo-issue.ts';
import { decodeChecked, decoderLabelFor, encodingDisplayName, isAscii, isValidUtf8 } from './geo-text.ts';

export interface DbfField {
  name: string;
  type: string;
  length: number;
  offset: number;
}

export interface DbfResult {
  ok: boolean;
  fields: DbfField[];
  /** Unique header names (duplicates suffixed), in field order. */
  headers: string[];
  columns: RawCell[][];
  /** 1 for records flagged deleted, aligned with columns. */
  deleted: Uint8Array;
  recordCount: number;
  /** TextDecoder label used for text fields. */
  encoding: string;
}

/**
 * Language driver ids (byte 29) that name a code page, per the dBASE / ESRI LDID table.
 * 0x57 means "the system's ANSI code page" and 0x00 means nothing; on Chinese Windows both are GBK.
 */
const LDID_CODEPAGE: Record<number, string> = {
  0x01: 'ibm437',
  0x02: 'ibm850',
  0x03: 'windows-1252',
  0x4d: 'gb18030',
  0x7a: 'gb18030',
  0x4f: 'big5',
  0x78: 'big5',
  0x13: 'shift_jis',
  0x7b: 'shift_jis',
  0x4e: 'euc-kr',
  0x79: 'euc-kr',
};

export interface EncodingChoice {
  label: string;
  /** Why, for the warning shown when the choice was a guess; null when the file said so. */
  guessZh: string | null;
  guessEn: string | null;
}

/**
 * `.cpg` wins; then a language driver id naming a code page; then UTF-8 if the bytes are valid
 * UTF-8 and not plain ASCII; else GBK — the usual case for Chinese GIS exports without a `.cpg`.
 */
export function chooseDbfEncoding(bytes: Uint8Array, cpg: string | undefined): EncodingChoice {
  if (cpg !== undefined) {
    const label = decoderLabelFor(cpg);
    if (label) return { label, guessZh: null, guessEn: null };
  }
  const ldid = bytes.length > 29 ? bytes[29] : 0;
  const byLdid = LDID_CODEPAGE[ldid];
  const body = textBytes(bytes);
  if (byLdid && byLdid !== 'gb18030') {
    return {
      label: byLdid,
      guessZh: `按 DBF 语言驱动标记（0x${ldid.toString(16)}）以 ${byLdid} 解码文字；如中文显示为乱码，请改选 GBK`,
      guessEn: `text decoded as ${byLdid} per the DBF language driver (0x${ldid.toString(16)}); choose GBK if Chinese looks garbled`,
    };
  }
  if (byLdid === 'gb18030') return { label: 'gb18030', guessZh: null, guessEn: null };
  if (!isAscii(body) && isValidUtf8(body)) {
    return {
      label: 'utf-8',
      guessZh: '没有 .cpg 文件，文字是合法的 UTF-8，已按 UTF-8 解码',
      guessEn: 'no .cpg file; the text is valid UTF-8 and was decoded as UTF-8',
    };
  }
  return {
    label: 'gb18030',
    guessZh: isAscii(body) ? null : '没有 .cpg 文件，已按 GBK（国内 GIS 软件的默认编码）解码文字',
    guessEn: isAscii(body) ? null : 'no .cpg file; text decoded as GBK (the default of Chinese GIS software)',
  };
}

/**
 * The bytes that hold text: field names and records. Descriptor bytes such as a field length of
 * 200 (0xC8) are binary and would make any file look like non-UTF-8.
 */
function textBytes(bytes: Uint8Array): Uint8Array {
  const headerLength = bytes.length >= 12 ? bytes[8] | (bytes[9] << 8) : bytes.length;
  const names: number[] = [];
  for (let p = 32; p + 32 <= Math.min(headerLength, bytes.length) && bytes[p] !== 0x0d; p += 32) {
    for (let i = p; i < p + 11 && bytes[i] !== 0; i++) names.push(bytes[i]);
    names.push(0x20);
  }
  const records = bytes.subarray(Math.min(headerLength, bytes.length));
  const out = new Uint8Array(names.length + records.length);
  out.set(names);
  out.set(records, names.length);
  return out;
}

export function readDbf(
  bytes: Uint8Array,
  file: string,
  cpg: string | undefined,
  issues: SourceIssue[],
  encodingOverride?: string,
): DbfResult {
  const fail = (code: string, zh: string, en: string): DbfResult => {
    issues.push(geoIssue('error', file, null, null, code, zh, en));
    return { ok: false, fields: [], headers: [], columns: [], deleted: new Uint8Array(0), recordCount: 0, encoding: 'gb18030' };
  };
  if (bytes.length < 32) return fail('dbf.truncated', `${file} 不完整：不足 32 字节的文件头。`, `${file} is truncated: shorter than its 32-byte header.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1 || headerLength > bytes.length) {
    return fail('dbf.bad_header', `${file} 的文件头损坏（头长 ${headerLength}、记录长 ${recordLength}）。`, `${file} has a damaged header (header length ${headerLength}, record length ${recordLength}).`);
  }

  const choice = encodingOverride
    ? { label: decoderLabelFor(encodingOverride) ?? 'gb18030', guessZh: null, guessEn: null }
    : chooseDbfEncoding(bytes, cpg);
  if (cpg !== undefined && !decoderLabelFor(cpg)) {
    issues.push(geoIssue('warning', file, null, null, 'dbf.cpg_unknown',
      `.cpg 写的编码“${cpg.trim()}”无法识别，已改用 ${encodingDisplayName(choice.label)}。`,
      `The .cpg names an unknown encoding "${cpg.trim()}"; ${encodingDisplayName(choice.label)} was used.`));
  }
  if (choice.guessZh && choice.guessEn) {
    issues.push(geoIssue('warning', file, null, null, 'dbf.encoding_guessed', `${file}：${choice.guessZh}。`, `${file}: ${choice.guessEn}.`));
  }
  const decoder = new TextDecoder(choice.label);

  const fields: DbfField[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    let nameEnd = p;
    while (nameEnd < p + 11 && bytes[nameEnd] !== 0) nameEnd++;
    const name = decodeChecked(bytes.subarray(p, nameEnd), choice.label).text.trim();
    const length = bytes[p + 16];
    fields.push({ name, type: String.fromCharCode(bytes[p + 11]).toUpperCase(), length, offset });
    offset += length;
  }
  if (offset !== recordLength) {
    issues.push(geoIssue('warning', file, null, null, 'dbf.record_length',
      `${file} 的字段宽度合计 ${offset} 字节，与记录长度 ${recordLength} 不符，数据可能错位。`,
      `${file}: field widths add up to ${offset} bytes but records are ${recordLength}; values may be shifted.`));
  }
  const headers = uniqueHeaders(fields, file, issues);

  const available = Math.floor((bytes.length - headerLength) / recordLength);
  let recordCount = declaredCount;
  if (available < declaredCount) {
    issues.push(geoIssue('error', file, available + 1, null, 'dbf.truncated',
      `${file} 不完整：应有 ${declaredCount} 条记录，只能读到 ${available} 条（从${featureZh(available + 1)}起缺失）。`,
      `${file} is truncated: ${declaredCount} records declared, ${available} present (missing from ${featureEn(available + 1)}).`));
    recordCount = available;
  }

  const deleted = new Uint8Array(recordCount);
  for (let r = 0; r < recordCount; r++) deleted[r] = bytes[headerLength + r * recordLength] === 0x2a ? 1 : 0;
  const latin1 = new TextDecoder('latin1');
  const columns: RawCell[][] = fields.map((fd, f) => {
    const texts = fieldTexts(bytes, headerLength, recordLength, recordCount, fd, fd.type === 'C' ? decoder : latin1);
    const out = new Array<RawCell>(recordCount);
    const seen = new Set<string>();
    for (let r = 0; r < recordCount; r++) out[r] = readCell(fd, texts[r], decoder.encoding, r + 1, headers[f], file, issues, seen);
    return out;
  });
  return { ok: true, fields, headers, columns, deleted, recordCount, encoding: choice.label };
}

function uniqueHeaders(fields: DbfField[], file: string, issues: SourceIssue[]): string[] {
  const seen = new Set<string>();
  return fields.map((f, i) => {
    let name = f.name || `字段${i + 1}`;
    if (!f.name) {
      issues.push(geoIssue('warning', file, null, name, 'dbf.empty_field_name',
        `${file} 第 ${i + 1} 个字段没有名称，已命名为“${name}”。`, `${file}: field ${i + 1} has no name; called "${name}".`));
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      const renamed = `${name}_${k}`;
      issues.push(geoIssue('error', file, null, name, 'dbf.duplicate_field',
        `${file} 有重复的字段名“${name}”，第 ${i + 1} 个字段已改名为“${renamed}”，请确认映射。`,
        `${file} has the field name "${name}" twice; field ${i + 1} was renamed "${renamed}", check the mapping.`));
      name = renamed;
    }
    seen.add(name);
    return name;
  });
}

/**
 * Decodes one field of every record with a single TextDecoder call (one call per cell costs more
 * than the parsing on 100k-row tables): cells, trailing blanks and NUL padding removed, are
 * joined with a line feed — a byte that occurs inside no GBK or UTF-8 multi-byte sequence.
 */
function fieldTexts(
  bytes: Uint8Array,
  headerLength: number,
  recordLength: number,
  recordCount: number,
  fd: DbfField,
  decoder: TextDecoder,
): string[] {
  const joined = new Uint8Array(recordCount * (fd.length + 1));
  let o = 0;
  let hasLineFeed = false;
  const width = Math.max(0, Math.min(fd.length, recordLength - fd.offset));
  for (let r = 0; r < recordCount; r++) {
    const from = headerLength + r * recordLength + fd.offset;
    let end = from + width;
    while (end > from && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
    for (let i = from; i < end; i++) {
      const b = bytes[i];
      if (b === 0x0a) hasLineFeed = true;
      joined[o++] = b;
    }
    joined[o++] = 0x0a;
  }
  if (!hasLineFeed) return decoder.decode(joined.subarray(0, o)).split('\n');
  const texts: string[] = [];
  for (let r = 0; r < recordCount; r++) {
    const from = headerLength + r * recordLength + fd.offset;
    let end = from + width;
    while (end > from && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
    texts.push(decoder.decode(bytes.subarray(from, end)));
  }
  return texts;
}

/** Turns one decoded cell into a RawCell; `seen` holds the issue codes already reported for this field. */
function readCell(
  fd: DbfField,
  raw: string,
  encoding: string,
  feature: number,
  header: string,
  file: string,
  issues: SourceIssue[],
  seen: Set<string>,
): RawCell {
  const once = (code: string, zh: string, en: string): void => {
    if (seen.has(code)) return;
    seen.add(code);
    issues.push(geoIssue('warning', file, feature, header, code, zh, en));
  };
  switch (fd.type) {
    case 'C': {
      let text = raw.trim();
      if (text.includes('\uFFFD')) {
        once('dbf.undecodable',
          `${file} ${featureZh(feature)}的字段“${header}”有无法按 ${encodingDisplayName(encoding)} 解码的字节，请确认文件编码。`,
          `${file} ${featureEn(feature)}, field "${header}": bytes that are not valid ${encodingDisplayName(encoding)}; check the encoding.`);
      }
      if (text.includes('\u0000')) {
        once('dbf.nul_in_text',
          `${file} ${featureZh(feature)}的字段“${header}”中间含有空字符（NUL），已删除。`,
          `${file} ${featureEn(feature)}, field "${header}" contains NUL characters; they were removed.`);
        text = text.replace(/\u0000/g, '').trim();
      }
      return text === '' ? null : text;
    }
    case 'N':
    case 'F': {
      const s = raw.trim();
      if (s === '' || /^\*+$/.test(s)) return null;
      const v = Number(s);
      if (Number.isFinite(v)) return v;
      issues.push(geoIssue('error', file, feature, header, 'dbf.bad_number',
        `${file} ${featureZh(feature)}的数值字段“${header}”的值“${s}”不是数字。`,
        `${file} ${featureEn(feature)}: numeric field "${header}" holds "${s}", not a number.`));
      return null;
    }
    case 'D': {
      const s = raw.trim();
      if (s === '' || /^0+$/.test(s)) return null;
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
      const ok = m && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= daysIn(+m[1], +m[2]);
      if (m && ok) return `${m[1]}-${m[2]}-${m[3]}`;
      issues.push(geoIssue('error', file, feature, header, 'dbf.bad_date',
        `${file} ${featureZh(feature)}的日期字段“${header}”的值“${s}”不是有效日期（应为 YYYYMMDD）。`,
        `${file} ${featureEn(feature)}: date field "${header}" holds "${s}", not a valid YYYYMMDD date.`));
      return null;
    }
    case 'L': {
      const c = raw.trim().toUpperCase();
      if (c === 'T' || c === 'Y') return 'true';
      if (c === 'F' || c === 'N') return 'false';
      return null;
    }
    default:
      if (!seen.has('dbf.unsupported_type')) {
        seen.add('dbf.unsupported_type');
        issues.push(geoIssue('warning', file, null, header, 'dbf.unsupported_type',
          `${file} 的字段“${header}”类型为 ${fd.type}，无法读取，已留空。`,
          `${file}: field "${header}" has type ${fd.type}, which cannot be read; left empty.`));
      }
      return null;
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
