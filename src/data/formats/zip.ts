// Reads the members of a .zip (Shapefiles travel zipped). fflate: small, dependency-free,
// pure JS that runs unchanged in a Web Worker and in Node.
import { unzipSync } from 'fflate';
import { isValidUtf8 } from './geo-text.ts';

export interface ZipMember {
  /** Path inside the archive, '/'-separated, as the user's file manager would show it. */
  path: string;
  bytes: Uint8Array;
}

export type ZipResult = { ok: true; members: ZipMember[] } | { ok: false; reason: string };

/**
 * Zip tools on Chinese Windows store names in GBK without the UTF-8 flag; fflate then hands them
 * back as Latin-1 (one char per byte). Turn those back into bytes and decode them properly.
 */
function fixMemberName(name: string): string {
  let high = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c > 0xff) return name; // already decoded as UTF-8 by fflate
    if (c > 0x7f) high = true;
  }
  if (!high) return name;
  const bytes = new Uint8Array(name.length);
  for (let i = 0; i < name.length; i++) bytes[i] = name.charCodeAt(i);
  return new TextDecoder(isValidUtf8(bytes) ? 'utf-8' : 'gb18030').decode(bytes);
}

export function readZip(bytes: Uint8Array): ZipResult {
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      // macOS archives carry resource-fork copies (__MACOSX/._x.shp) that are not Shapefiles.
      filter: (f) => !f.name.startsWith('__MACOSX/') && !f.name.endsWith('/'),
    });
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const members = Object.entries(raw).map(([path, data]) => ({ path: fixMemberName(path).replace(/\\/g, '/'), bytes: data }));
  return { ok: true, members };
}
