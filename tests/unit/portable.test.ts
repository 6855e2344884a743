// The portable folder's Windows launcher (scripts/portable): the content-type table it is
// generated with, and the properties of the generated scripts that can be checked without
// Windows (the launcher itself is not run here).

import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LAUNCHER_PS1, PORTS, UTF8_BOM, launcherCmd, launcherPs1, portableReadme } from '../../scripts/portable/launcher';
import { MIME_TYPES, extensionOf, mimeOf, missingMimeTypes, psMimeTable, psQuote } from '../../scripts/portable/mime';

/** The files the build copies from the repository and from DuckDB-WASM (src/data/demo-files.ts, cities-files.ts, duckdb-browser.ts). */
function shippedSources(): string[] {
  const dir = (d: string) => readdirSync(d).map((f) => `${d}/${f}`);
  return [
    ...dir('data/boundaries').filter((f) => f.endsWith('.geojson')),
    ...dir('data/boundaries/cities').filter((f) => f.endsWith('.json')),
    ...readdirSync('data/demo').map((r) => `data/demo/${r}/demo.parkatlas`),
    ...dir('node_modules/@duckdb/duckdb-wasm/dist').filter((f) => /duckdb-(eh|coi)\.wasm$|duckdb-browser-(eh|coi)(\.pthread)?\.worker\.js$/.test(f)),
    ...dir('scripts/pwa/icons'),
    'index.html',
    'manifest.webmanifest',
    'assets/index-x.css',
    'assets/index-x.js',
  ];
}

describe('content types', () => {
  test('every kind of file the app ships has one', () => {
    const files = shippedSources();
    expect(files.length).toBeGreaterThan(370);
    expect(missingMimeTypes(files)).toEqual([]);
  });

  test('the types browsers insist on: JavaScript for modules and workers, application/wasm for streaming compilation', () => {
    for (const f of ['a.js', 'b.mjs', 'duckdb-browser-eh.worker.js']) expect(mimeOf(f)).toMatch(/^text\/javascript(;|$)/);
    expect(mimeOf('duckdb-eh.wasm')).toBe('application/wasm');
    expect(mimeOf('x.geojson')).toBe('application/geo+json');
    expect(mimeOf('demo.parkatlas')).toBeDefined();
    expect(mimeOf('index.html')).toMatch(/^text\/html; charset=utf-8$/);
  });

  test('extensions are matched without regard to case, and only after the last dot of the name', () => {
    expect(mimeOf('ENGINE.WASM')).toBe('application/wasm');
    expect(extensionOf('assets/a.b/c')).toBe('');
    expect(extensionOf('.htaccess')).toBe('');
    expect(extensionOf('dir\\x.tar.GZ')).toBe('.gz');
    expect(missingMimeTypes(['a.js', 'b.exe', 'README'])).toEqual(['b.exe', 'README']);
  });
});

describe('the generated launcher', () => {
  const ps1 = launcherPs1();

  test('carries the table as a PowerShell hashtable that reads back to the same entries', () => {
    expect(psQuote("it's")).toBe("'it''s'");
    const table = psMimeTable();
    expect(ps1).toContain(`$mime = ${table}`);
    const read = Object.fromEntries(
      [...table.matchAll(/^\s*'((?:[^']|'')*)' = '((?:[^']|'')*)'\r?$/gm)].map((m) => [m[1].replace(/''/g, "'"), m[2].replace(/''/g, "'")]),
    );
    expect(read).toEqual(MIME_TYPES);
  });

  test('is UTF-8 with a byte-order mark and Windows line ends (PowerShell 5.1 would read it as GBK otherwise)', () => {
    expect(ps1.startsWith(UTF8_BOM)).toBe(true);
    expect(ps1.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('listens on localhost only, answers only local requests and serves nothing outside its folder', () => {
    const prefixes = [...ps1.matchAll(/Prefixes\.Add\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(prefixes).toEqual(['http://localhost:$p/']);
    expect(ps1).toContain(`foreach ($p in ${PORTS.first}..${PORTS.last})`);
    expect(ps1).toMatch(/if \(-not \$req\.IsLocal\) \{ \$res\.StatusCode = 403/);
    expect(ps1).toMatch(/\$path\.StartsWith\(\$rootPrefix/);
  });

  test('the .cmd is plain ASCII with Windows line ends and starts the script beside it', () => {
    const cmd = launcherCmd();
    expect(cmd).toMatch(/^[\x00-\x7f]*$/);
    expect(cmd.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(cmd).toContain(`-File "%~dp0${LAUNCHER_PS1}"`);
  });

  test('the note in the folder names the address the launcher uses first', () => {
    expect(portableReadme('abc')).toContain(`http://localhost:${PORTS.first}`);
    expect(portableReadme('abc')).toContain('abc');
  });
});
