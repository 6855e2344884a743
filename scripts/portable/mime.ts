// Content types of the files the built app consists of: one table, written into the Windows
// launcher (launcher.ts) and checked against every file packaged (package.ts). A browser refuses
// a module script or a worker served as anything but JavaScript, and compiles WebAssembly while
// it downloads only when the type is application/wasm (WebAssembly Web API, instantiateStreaming);
// Windows' own registry types cannot be trusted for either on an office laptop.

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // RFC 7946 §12.
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  // Workspace files and demo packs: a zip of Arrow tables (src/data/workspace/workspace-file.ts), read as bytes.
  '.parkatlas': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The extension as the table keys it: lower case with its dot, '' when there is none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function mimeOf(fileName: string): string | undefined {
  return MIME_TYPES[extensionOf(fileName)];
}

/** Files whose type the table does not know (the packaging stops on any). */
export function missingMimeTypes(fileNames: readonly string[]): string[] {
  return fileNames.filter((f) => mimeOf(f) === undefined);
}

/** A PowerShell single-quoted string: only the quote itself is special, written twice. */
export function psQuote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The table as a PowerShell hashtable literal, one entry a line. */
export function psMimeTable(indent = '  '): string {
  const rows = Object.entries(MIME_TYPES).map(([ext, type]) => `${indent}${psQuote(ext)} = ${psQuote(type)}`);
  return `@{\r\n${rows.join('\r\n')}\r\n}`;
}
