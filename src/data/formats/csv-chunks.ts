// A CSV file read in pieces of a few megabytes, so that a province's parcels (10 million
// rows, gigabytes of text) never sit in memory at once. Each piece goes through the whole-file
// reader (csv-reader.ts) unchanged, so cells are parsed and checked by the same code and every
// message names the same file, line and column as a whole-file read would.
//
// How a piece keeps its line numbers: it is cut at a line feed outside quotes (a byte 0x0A or
// 0x22 never occurs inside a UTF-8 or GB18030 character, so bytes can be cut without decoding),
// and handed to the reader as the header line followed by the piece, with the file line the
// piece starts on (`rowsFromLine`), so row N of the file is row N of the piece.
//
// The pieces are only equivalent to the whole file when nothing in them needs the whole file to
// judge: a problem in any piece (including a different encoding than the first piece's, or a
// header the cut cannot repeat exactly) ends the chunked read with `unchunkable`, and the caller
// reads the file whole, which then reports exactly what it always did.

import { type CsvTable, readCsv } from './csv-reader';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export type CsvChunk = { kind: 'rows'; table: CsvTable } | { kind: 'unchunkable'; reason: string };

/** Default piece size: ~32k rows of a typical ledger, well under 100 MB of cells in memory. */
export const CSV_CHUNK_BYTES = 8 << 20;

/** Where the last line feed outside quotes is in `b` (quote parity carried in), or -1. */
function lastRecordEnd(b: Uint8Array, inQuotes: boolean): { end: number; inQuotes: boolean } {
  if (!inQuotes && b.indexOf(QUOTE) < 0) return { end: b.lastIndexOf(LF), inQuotes: false };
  let end = -1;
  let q = inQuotes;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) q = !q;
    else if (c === LF && !q) end = i;
  }
  return { end, inQuotes: q };
}

/** Line breaks as csv-reader counts them: LF, and CR not followed by LF. */
function lineBreaks(b: Uint8Array): number {
  let n = 0;
  if (b.indexOf(CR) < 0) {
    for (let i = b.indexOf(LF); i >= 0; i = b.indexOf(LF, i + 1)) n++;
    return n;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === LF || (c === CR && b[i + 1] !== LF)) n++;
  }
  return n;
}

function concatAll(parts: Uint8Array[]): Uint8Array {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0];
  const out = new Uint8Array(nonEmpty.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of nonEmpty) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The header line's bytes (BOM excluded, line feed included), or a reason it cannot be repeated. */
function headerBytes(first: Uint8Array): Uint8Array | string {
  const start = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  const lf = first.indexOf(LF, start);
  if (lf < 0) return 'no line feed after the header';
  const line = first.subarray(start, lf + 1);
  if (line.includes(QUOTE) || (line.includes(CR) && line.indexOf(CR) !== line.length - 2)) return 'quoted or CR-separated header';
  if (/^\s*(sep=|$)/i.test(new TextDecoder('latin1').decode(line.subarray(0, 8)))) return 'blank or sep= first line';
  return line;
}

/**
 * Reads CSV bytes arriving in any blocks (a file stream) as tables of whole rows. Stops with an
 * `unchunkable` item at the first piece that has any problem or that the cut could change.
 */
export async function* readCsvChunks(blocks: AsyncIterable<Uint8Array>, file: string, chunkBytes = CSV_CHUNK_BYTES): AsyncGenerator<CsvChunk> {
  let pending: Uint8Array = new Uint8Array(0);
  let inQuotes = false;
  /** Quote parity of `pending` from its start. */
  let scannedTo = 0;
  let header: Uint8Array | null = null;
  let encoding: CsvTable['encoding'] | null = null;
  let delimiter: CsvTable['delimiter'] | null = null;
  let linesBefore = 0;

  const piece = (bytes: Uint8Array): CsvChunk => {
    let table: CsvTable;
    if (!header) {
      const h = headerBytes(bytes);
      if (typeof h === 'string') return { kind: 'unchunkable', reason: h };
      header = h;
      table = readCsv(bytes, file);
      // Two-byte units: a 0x0A byte may be half of a character there.
      if (table.encoding.startsWith('utf-16')) return { kind: 'unchunkable', reason: table.encoding };
      encoding = table.encoding;
      delimiter = table.delimiter;
      // The first piece's lines, header included.
      linesBefore = lineBreaks(bytes);
    } else {
      table = readCsv(concat(header, bytes), file, { encoding: encoding!, delimiter: delimiter!, rowsFromLine: linesBefore + 1 });
      linesBefore += lineBreaks(bytes);
    }
    if (table.issues.length > 0) return { kind: 'unchunkable', reason: `${table.issues[0].code} in the piece ending at line ${linesBefore}` };
    return { kind: 'rows', table };
  };

  // Blocks are gathered and joined once per piece, not copied again with every block.
  let gathered: Uint8Array[] = [];
  let gatheredBytes = 0;
  for await (const block of blocks) {
    gathered.push(block);
    gatheredBytes += block.length;
    if (pending.length + gatheredBytes < chunkBytes) continue;
    pending = concatAll([pending, ...gathered]);
    gathered = [];
    gatheredBytes = 0;
    const scan = lastRecordEnd(pending.subarray(scannedTo), inQuotes);
    if (scan.end < 0) {
      scannedTo = pending.length;
      inQuotes = scan.inQuotes;
      continue;
    }
    const cut = scannedTo + scan.end + 1;
    const out = piece(pending.subarray(0, cut));
    yield out;
    if (out.kind === 'unchunkable') return;
    pending = pending.slice(cut);
    // The rest starts on a record boundary, outside quotes.
    inQuotes = false;
    scannedTo = 0;
  }
  pending = concatAll([pending, ...gathered]);
  if (pending.length > 0 || !header) {
    const out = piece(pending);
    yield out;
  }
}
