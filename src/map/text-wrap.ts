// Line breaking for text drawn on a canvas (map pictures): Chinese may break between any two
// characters, Latin text between words; closing punctuation never starts a line (the basic
// rule of 禁则, JIS X 4051 / W3C clreq §3.1.7). Widths come from the caller's `measure`, so the
// same code runs against a real canvas and in tests.

export interface FontSpec {
  /** CSS pixels. */
  size: number;
  bold?: boolean;
}

export type Measure = (text: string, font: FontSpec) => number;

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
/** A Han character or CJK punctuation alone, a Latin word with its trailing spaces, or spaces. */
const TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, 'gu');
/** Punctuation that must stay at the end of the line before it. */
const CLOSING = /^[，。；：、！？）》」』】,.;:!?)\]]/u;

/** Breaks a token wider than the line into pieces that fit (a long file name or address). */
function splitWide(token: string, maxWidth: number, font: FontSpec, measure: Measure): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of token) {
    if (piece && measure(piece + ch, font) > maxWidth) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/** The lines of `text` no wider than `maxWidth` (except a closing mark held on its line). */
export function wrapText(text: string, maxWidth: number, font: FontSpec, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const raw of text.match(TOKENS) ?? []) {
    const tokens = measure(raw.trimEnd(), font) > maxWidth ? splitWide(raw, maxWidth, font, measure) : [raw];
    for (const token of tokens) {
      const next = line + token;
      if (line === '' || CLOSING.test(token) || measure(next.trimEnd(), font) <= maxWidth) {
        line = next;
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
