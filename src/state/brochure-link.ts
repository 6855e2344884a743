// The share link printed as a QR code on a park's brochure: the park-layout view of that park
// (region, as-of date, language, filter parkIds = [park], camera fitted to the park), built by
// the address codec like every other share link (url-codec.ts), so scanning it opens the same
// view the address bar would show after choosing the park.

import { EMPTY_FILTER } from '../analysis/filters';
import type { AppState } from './app-state';
import { type Viewport, cameraForBounds } from './camera';
import { parkBounds } from './navigation';
import { viewToSearch } from './url-codec';
import { DEFAULT_VIEW } from './view';

/** A laptop screen: the link is opened on another device, whose size the brochure cannot know. */
export const SHARE_VIEWPORT: Viewport = { width: 1366, height: 768 };

/** The query string of the park's view (`?region=…&park=…&at=…`). */
export function parkShareSearch(s: Pick<AppState, 'region' | 'asOf' | 'lang' | 'parks'>, parkId: string): string {
  const b = parkBounds(s.parks, parkId);
  return viewToSearch({
    ...DEFAULT_VIEW,
    mode: 'layout',
    region: s.region,
    asOf: s.asOf,
    lang: s.lang,
    filter: { ...EMPTY_FILTER, parkIds: [parkId] },
    parcel: null,
    wall: false,
    camera: b ? cameraForBounds(b, SHARE_VIEWPORT) : null,
  });
}

/** The full link: the page's own address (origin and path, no query) followed by the park's view. */
export function parkShareLink(base: string, s: Pick<AppState, 'region' | 'asOf' | 'lang' | 'parks'>, parkId: string): string {
  return `${base.replace(/[?#].*$/, '')}${parkShareSearch(s, parkId)}`;
}
