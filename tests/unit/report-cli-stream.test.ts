// The streamed report: a CSV read in pieces (src/data/formats/csv-chunks.ts) gives the rows the
// whole-file reader gives, with the same line numbers, and the report written page by page is
// byte for byte the whole-file report. Pieces are shrunk to a few hundred bytes here so that
// small files cross many cuts; bad input in any piece gets the whole-file messages.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTiledParcelsCsv } from '../../scripts/bench-cli-data';
import { type CsvChunk, readCsvChunks } from '../../src/data/formats/csv-chunks';
import { readCsv } from '../../src/data/formats/csv-reader';
import { parcelsCsv } from './helpers/parcels';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-stream-');
afterAll(files.done);

async function* blocksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function chunks(bytes: Uint8Array, chunkBytes: number, blockBytes = 7): Promise<CsvChunk[]> {
  const out: CsvChunk[] = [];
  for await (const c of readCsvChunks(blocksOf(bytes, blockBytes), 'x.csv', chunkBytes)) out.push(c);
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('reading a CSV in pieces', () => {
  // Quoted cells with separators, doubled quotes and line breaks (LF and CRLF), Chinese text.
  const rows = Array.from({ length: 40 }, (_, i) =>
    i % 7 === 3 ? `Z${i},"多行\r\n备注 ""${i}""",${i * 1.5}` : i % 5 === 0 ? `Z${i},"a,b\nc",${i}` : `Z${i},宁津县,${i}`,
  );
  const text = `\ufeffid,note,value\r\n${rows.join('\r\n')}\r\n`;

  it('gives the whole-file rows and line numbers, however the bytes arrive', async () => {
    const whole = readCsv(enc(text), 'x.csv');
    expect(whole.issues).toEqual([]);
    for (const [chunkBytes, blockBytes] of [[64, 7], [100, 1], [333, 50], [1 << 20, 4096]]) {
      const got = await chunks(enc(text), chunkBytes, blockBytes);
      expect(got.every((c) => c.kind === 'rows')).toBe(true);
      const tables = got.map((c) => (c.kind === 'rows' ? c.table : null)!);
      if (chunkBytes <= 100) expect(tables.length).toBeGreaterThan(5);
      expect(tables.every((t) => t.headers.join() === 'id,note,value')).toBe(true);
      expect(tables.flatMap((t) => [...t.rowNumbers])).toEqual([...whole.rowNumbers]);
      for (let c = 0; c < 3; c++) expect(tables.flatMap((t) => t.columns[c])).toEqual(whole.columns[c]);
    }
  });

  it('stops at a piece with a problem, so that the file is read whole', async () => {
    const bad = `${text}Z99,"unclosed,1\n`;
    const got = await chunks(enc(bad), 64);
    expect(got.slice(0, -1).every((c) => c.kind === 'rows')).toBe(true);
    expect(got.at(-1)).toMatchObject({ kind: 'unchunkable' });
  });

  it('stops when a later piece is in another encoding than the first', async () => {
    const gbk = new Uint8Array([...enc('id,note\n'), ...enc('A1,plain\n'.repeat(20)), ...[0x41, 0x32, 0x2c, 0xc4, 0xfe, 0xbd, 0xf2, 0x0a]]);
    const got = await chunks(gbk, 64);
    expect(got.at(-1)).toMatchObject({ kind: 'unchunkable' });
  });
});

describe('the streamed report', { timeout: 240_000 }, () => {
  const small = { chunkBytes: 2048, pageRows: 100 };

  it('writes the whole-file report byte for byte, and the same summary', async () => {
    const input = files.temp('dezhou.csv');
    await writeTiledParcelsCsv(input, 1321, 'dezhou');
    const args = (out: string) => ['--parcels', input, '--crs', 'wgs84', '--as-of', '2026-06-30', '--out', out];
    const outA = files.temp('streamed.csv');
    const paths: string[] = [];
    const streamed = await report(args(outA), { ...small, onInputPath: (p) => paths.push(p) });
    expect(paths).toEqual(['streamed']);
    // --geojson needs the shapes, so it takes the whole-file path.
    const outB = files.temp('whole.csv');
    const whole = await report([...args(outB), '--geojson', files.temp('whole.geojson')]);
    expect(streamed.code).toBe(0);
    expect(readFileSync(outA, 'utf8')).toBe(readFileSync(outB, 'utf8'));
    const summary = (s: string, out: string) => s.replaceAll(out, 'OUT').split('\n').filter((l) => !l.includes('geojson'));
    expect(summary(streamed.stdout, outA)).toEqual(summary(whole.stdout, outB));
    // No temporary file is left beside the output.
    expect(readdirSync(files.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('bad cells or a repeated id in a later piece: the whole-file messages, nothing written', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ parcel_id: `P${i}`, agreed_start_date: '2019-01-01' }));
    const badDate = parcelsCsv([...many.slice(0, 50), { parcel_id: 'B1', agreed_start_date: '2019-02-30' }, ...many.slice(50)]);
    const dupId = parcelsCsv([...many, { parcel_id: 'P3' }]);
    for (const [name, text, expected] of [
      ['bad-date.csv', badDate, /第 52 行.*agreed_start_date.*2019-02-30/],
      ['dup-id.csv', dupId, /第 62 行.*parcel_id.*第 5 行/],
    ] as const) {
      const input = files.temp(name, text);
      const outA = files.temp(`a-${name}`);
      const outB = files.temp(`b-${name}`);
      const paths: string[] = [];
      const streamed = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', outA], { chunkBytes: 1024, pageRows: 7, onInputPath: (p) => paths.push(p) });
      expect(paths).toEqual(['whole']);
      const whole = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', outB], { chunkBytes: 1 << 30 });
      expect(streamed.code).toBe(1);
      expect(streamed.stderr).toMatch(expected);
      expect(streamed.stderr.replaceAll(outA, 'OUT')).toBe(whole.stderr.replaceAll(outB, 'OUT'));
      expect(readdirSync(path.dirname(outA)).filter((f) => f.includes(path.basename(outA)))).toEqual([]);
    }
  });
});
