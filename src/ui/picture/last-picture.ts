// The last picture exported in this page, as the end-to-end tests read it (test-hook.ts): its
// size, the legend's labels and where the legend swatches and the 示例数据 mark are, in picture
// pixels, so a test can look at those pixels of the downloaded PNG.

import type { RGBA } from '../../map/palette';
import type { Box } from '../../map/picture-layout';

export interface LastPicture {
  name: string;
  width: number;
  height: number;
  scale: number;
  lang: string;
  legendLabels: string[];
  legend: Box | null;
  swatches: { colour: RGBA; kind: 'fill' | 'outline' | 'line'; box: Box }[];
  marks: Box[];
}

let last: LastPicture | null = null;

export function setLastPicture(p: LastPicture): void {
  last = p;
}

export function lastPicture(): LastPicture | null {
  return last;
}
