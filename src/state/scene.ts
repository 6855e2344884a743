// A scene (场景): a saved view with a title and a one-line caption (product model, "View"). The
// view is kept in its share-link form — the address bar's query string (url-codec.ts) without
// the region, since scenes belong to a place — so a scene, a share link and Back/Forward all go
// through one codec, and an outdated scene opens the nearest valid view with a notice, as an
// outdated link does.

export interface Scene {
  id: string;
  title: string;
  caption: string;
  /** The view as a query string (`?mode=layout&at=…`), region left out. */
  view: string;
}

export const SCENE_TITLE_MAX = 60;
export const SCENE_CAPTION_MAX = 160;

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

/** Scenes from saved data; entries that are not scenes are counted, not guessed at. */
export function scenesFromSaved(value: unknown): { scenes: Scene[]; dropped: number } {
  if (!Array.isArray(value)) return { scenes: [], dropped: value === undefined || value === null ? 0 : 1 };
  const scenes: Scene[] = [];
  const ids = new Set<string>();
  let dropped = 0;
  for (const v of value) {
    const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
    if (!o || typeof o.id !== 'string' || o.id === '' || ids.has(o.id) || typeof o.view !== 'string' || typeof o.title !== 'string') {
      dropped++;
      continue;
    }
    ids.add(o.id);
    scenes.push({ id: o.id, title: clip(o.title, SCENE_TITLE_MAX), caption: clip(typeof o.caption === 'string' ? o.caption : '', SCENE_CAPTION_MAX), view: o.view });
  }
  return { scenes, dropped };
}
