// The file name of an exported map picture, e.g. `ParkAtlas-德州-闲置用地-2026-06-30@2x.png`.
// The place may be a workspace name the user typed: it is reduced to characters every file
// system accepts (no path separators, reserved characters, control or invisible characters,
// leading dots) and cut to a length Windows' paths tolerate — it is only ever text in a name.

/** Characters Windows, macOS or Linux refuse or treat specially in a file name, plus whitespace. */
const UNSAFE = /[\\/:*?"<>|\s]+/gu;
/** Control, format (zero-width, bidi overrides) and unassigned/private characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
/** Longest part kept, in characters (a name stays well under the 255-byte limit in UTF-8). */
const MAX_PART = 40;

/** One part of the name: unsafe runs become `_`, ends trimmed of `_ . -`, cut at MAX_PART characters. */
export function fileNamePart(text: string): string {
  const cleaned = text.normalize('NFC').replace(INVISIBLE, '').replace(UNSAFE, '_');
  const cut = [...cleaned].slice(0, MAX_PART).join('');
  return cut.replace(/^[_.\-]+|[_.\-]+$/gu, '');
}

/** `@2x`, `@1.5x`: the scale without trailing zeros. */
export function scaleSuffix(scale: number): string {
  return `@${Number(scale.toFixed(2))}x`;
}

/**
 * `ParkAtlas-<place>-<mode>-<as-of>@<k>x.png`; a part that is empty after cleaning is left out,
 * and an as-of that is not an ISO date is left out rather than trusted.
 */
export function pictureFileName(p: { place: string; mode: string; asOf: string; scale: number }): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(p.asOf) ? p.asOf : '';
  const parts = ['ParkAtlas', fileNamePart(p.place), fileNamePart(p.mode), date].filter((x) => x !== '');
  return `${parts.join('-')}${scaleSuffix(p.scale)}.png`;
}
