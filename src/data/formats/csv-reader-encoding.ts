// Which text encoding a CSV file is in. Excel on a zh-CN Windows saves "CSV" as GBK, newer
// Excel and WPS offer "CSV UTF-8" (with a byte-order mark), "Unicode text" is UTF-16 with a
// BOM, and files from European tools are Windows-1252. A byte string that is neither valid
// UTF-8 nor plausible Chinese must not be decoded as GB18030 without a word: every decoder
// accepts almost any bytes as GB18030 and turns "Zürich" into mojibake.

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'big5';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'windows-1252', 'big5'];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Set when the bytes do not fit the encoding: `guess` when detection had to guess (neither
   * valid UTF-8 nor plausible GB18030), `invalid` when a forced encoding met bytes it cannot
   * decode. `line` is the 1-based line of the first offending byte when it can be told.
   */
  doubt?: { kind: 'guess' | 'invalid'; line: number | null };
  /** The bytes end inside a multi-byte character: the file was cut off. */
  cutAtEnd?: boolean;
}

interface Utf8Scan {
  /** Byte offset of the first invalid sequence, -1 if none. */
  firstInvalid: number;
  invalid: number;
  multibyte: number;
  /** The text ends with the valid beginning of a multi-byte sequence (not counted as invalid). */
  cutAtEnd: boolean;
}

/** Counts valid multi-byte sequences and invalid bytes (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF). */
function scanUtf8(b: Uint8Array): Utf8Scan {
  let firstInvalid = -1;
  let invalid = 0;
  let multibyte = 0;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let ok = len > 0;
    for (let k = 1; ok && k < len && i + k < n; k++) {
      const t = b[i + k];
      if (k === 1 ? t < lo || t > hi : t < 0x80 || t > 0xbf) ok = false;
    }
    if (ok && i + len > n) return { firstInvalid, invalid, multibyte, cutAtEnd: true };
    if (ok) {
      multibyte++;
      i += len;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, invalid, multibyte, cutAtEnd: false };
}

interface GbScan {
  firstInvalid: number;
  invalid: number;
  /** Two-byte codes in GB2312's hanzi and punctuation rows, which make up nearly all real Chinese text. */
  common: number;
  /** Other valid GBK two-byte codes and GB18030 four-byte codes. */
  rare: number;
  /** Codes that directly follow another code: Chinese words run together, Latin-1 accents sit between ASCII letters. */
  adjacent: number;
  /** The text ends with the valid beginning of a two- or four-byte code (not counted as invalid). */
  cutAtEnd: boolean;
}

/** Byte structure of GB18030 (GB 18030-2005 §6): one byte 00–80, two bytes 81–FE + 40–7E/80–FE, four bytes 81–FE 30–39 81–FE 30–39. */
function scanGb18030(b: Uint8Array): GbScan {
  let firstInvalid = -1;
  let invalid = 0;
  let common = 0;
  let rare = 0;
  let adjacent = 0;
  let prevEnd = -1;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c <= 0x80) {
      i++;
      continue;
    }
    if (i === prevEnd) adjacent++;
    if (c !== 0xff && (i + 1 === n || (i + 3 >= n && b[i + 1] >= 0x30 && b[i + 1] <= 0x39 && (i + 2 === n || b[i + 2] >= 0x81)))) {
      return { firstInvalid, invalid, common, rare, adjacent, cutAtEnd: true };
    }
    const t = i + 1 < n ? b[i + 1] : -1;
    if (c !== 0xff && t >= 0x40 && t <= 0xfe && t !== 0x7f) {
      // GB2312 rows A1–A9 (punctuation, full-width forms) and B0–F7 (hanzi), cells A1–FE.
      if (t >= 0xa1 && ((c >= 0xa1 && c <= 0xa9) || (c >= 0xb0 && c <= 0xf7))) common++;
      else rare++;
      i += 2;
      prevEnd = i;
    } else if (
      c !== 0xff && t >= 0x30 && t <= 0x39 && i + 3 < n &&
      b[i + 2] >= 0x81 && b[i + 2] <= 0xfe && b[i + 3] >= 0x30 && b[i + 3] <= 0x39
    ) {
      rare++;
      i += 4;
      prevEnd = i;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, invalid, common, rare, adjacent, cutAtEnd: false };
}

function lineOf(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

function decode(bytes: Uint8Array, encoding: TextEncodingName, fatal: boolean): string {
  // ignoreBOM: the BOM has been cut off already (and a second one would be data).
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
}

/** Share of GB2312 codes among multi-byte codes above which bytes are taken for Chinese text. */
const GB_PLAUSIBLE_SHARE = 0.8;

/**
 * Decodes CSV bytes. With `forced`, that encoding is used (and bytes it cannot decode are
 * reported); otherwise: a BOM decides (UTF-8, UTF-16 LE/BE), then valid UTF-8, then GB18030
 * when its two-byte codes are mostly common Chinese, else a reported guess.
 */
export function decodeCsvBytes(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  let body = bytes;
  let bom: TextEncodingName | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) bom = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) bom = 'utf-16be';
  const encoding = forced ?? bom;
  if (bom && encoding === bom) body = bytes.subarray(bom === 'utf-8' ? 3 : 2);

  if (encoding) {
    try {
      return { text: decode(body, encoding, true), encoding };
    } catch {
      const scan = encoding === 'utf-8' ? scanUtf8(body) : encoding === 'gb18030' ? scanGb18030(body) : null;
      const text = decode(body, encoding, false);
      if (scan && scan.invalid === 0 && scan.cutAtEnd) return { text, encoding, cutAtEnd: true };
      const line = scan && scan.firstInvalid >= 0 ? lineOf(body, scan.firstInvalid) : null;
      return { text, encoding, doubt: { kind: 'invalid', line }, cutAtEnd: scan?.cutAtEnd };
    }
  }

  try {
    return { text: decode(body, 'utf-8', true), encoding: 'utf-8' };
  } catch {
    // not UTF-8, or UTF-8 cut in the middle of a character: look closer below
  }
  const u8 = scanUtf8(body);
  if (u8.invalid === 0) return { text: decode(body, 'utf-8', false), encoding: 'utf-8', cutAtEnd: u8.cutAtEnd };
  const gb = scanGb18030(body);
  const gbCodes = gb.common + gb.rare;
  if (gb.invalid === 0 && gb.common >= GB_PLAUSIBLE_SHARE * gbCodes) {
    return { text: decode(body, 'gb18030', false), encoding: 'gb18030', cutAtEnd: gb.cutAtEnd };
  }
  const line = lineOf(body, u8.firstInvalid);
  if (u8.multibyte >= 4 * u8.invalid) {
    // Mostly UTF-8 with a few damaged bytes (a file cut and pasted together): keep the Chinese.
    return { text: decode(body, 'utf-8', false), encoding: 'utf-8', doubt: { kind: 'guess', line }, cutAtEnd: u8.cutAtEnd };
  }
  if (gb.invalid === 0 && gb.adjacent * 2 >= gbCodes) {
    // Well-formed GBK but mostly outside GB2312 (traditional characters, rare names): likely
    // Chinese still, since its codes run together; said to be a guess (it may be Big5).
    return { text: decode(body, 'gb18030', false), encoding: 'gb18030', doubt: { kind: 'guess', line }, cutAtEnd: gb.cutAtEnd };
  }
  // Accented Latin letters between ASCII ones (Zürich, Café), whose byte pairs may look like
  // GBK codes but never run together: Windows-1252 decodes every byte.
  return { text: decode(body, 'windows-1252', false), encoding: 'windows-1252', doubt: { kind: 'guess', line } };
}
