// Text decoding shared by the DBF and 界址点 TXT readers. Chinese GIS software writes GBK
// (code page 936) unless told otherwise; GB18030 is a superset of GBK, so it is used to decode
// both. WHATWG TextDecoder supports these labels in browsers, Web Workers and Node (full ICU).

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** True when the bytes are well-formed UTF-8 (pure ASCII counts as UTF-8 too). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

/**
 * Maps what a `.cpg` file (or a code page number) says to a TextDecoder label, or null when it
 * names nothing we can decode. `.cpg` contents seen in the wild: "UTF-8", "GBK", "936", "CP936",
 * "GB2312", "GB18030", "65001", "ANSI 1252", "ISO-8859-1", "1252", "Big5".
 */
export function decoderLabelFor(name: string): string | null {
  const s = name.trim().toLowerCase().replace(/^ansi\s+/, '').replace(/^cp\s*/, '').replace(/^windows-/, '');
  if (s === '') return null;
  if (s === 'utf-8' || s === 'utf8' || s === '65001') return 'utf-8';
  if (s === 'gbk' || s === '936' || s === 'gb2312' || s === 'gb18030' || s === '54936') return 'gb18030';
  if (s === 'big5' || s === '950') return 'big5';
  if (s === '1252' || s === 'iso-8859-1' || s === 'iso8859-1' || s === 'latin1' || s === '88591') return 'windows-1252';
  try {
    return new TextDecoder(s).encoding;
  } catch {
    return null;
  }
}

/** Decodes with the given label; reports whether any byte sequence was invalid for it. */
export function decodeChecked(bytes: Uint8Array, label: string): { text: string; invalid: boolean } {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), invalid: false };
  } catch {
    return { text: new TextDecoder(label).decode(bytes), invalid: true };
  }
}

/** Name shown to the user for a decoder label. */
export function encodingDisplayName(label: string): string {
  if (label === 'gb18030') return 'GBK/GB18030';
  if (label === 'utf-8') return 'UTF-8';
  return label;
}
