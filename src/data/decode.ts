// Chinese spreadsheets are often saved as GBK (Excel's “CSV” on a zh-CN Windows). Decode
// UTF-8 when the bytes are valid UTF-8, otherwise fall back to GB18030 (a superset of GBK).

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
