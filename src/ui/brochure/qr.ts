// QR code of a share link, drawn as one SVG path (crisp at any print resolution, real vector in
// the PDF). qrcode-generator picks the smallest version that holds the text at level M (15 %
// of the code may be damaged, e.g. by a fold, and it still reads). Links are ASCII: the address
// codec percent-encodes every non-ASCII character, so byte mode carries them unchanged.

import qrcode from 'qrcode-generator';

export interface QrShape {
  /** Modules per side (21 for version 1, +4 per version). */
  size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module, in module units. */
  path: string;
}

export function qrShape(text: string): QrShape {
  if (/[^\x20-\x7e]/.test(text)) throw new Error('QR payload must be ASCII (percent-encode the link first)');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (qr.isDark(r, c)) parts.push(`M${c} ${r}h1v1h-1z`);
  }
  return { size, path: parts.join('') };
}
