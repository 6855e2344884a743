// Scenes (场景) from and to the state, pure: a scene keeps the view in its share-link form
// (scene.ts), so taking a scene is encoding the current view and showing one is decoding it for
// the place on screen — the same codec, and the same "nearest valid view" rules, as a link.

import type { Lang } from '../i18n/dict';
import { type AppState, viewOf } from './app-state';
import { type Scene, SCENE_CAPTION_MAX, SCENE_TITLE_MAX } from './scene';
import { type DecodedUrl, viewFromSearch, viewToSearch } from './url-codec';

/** The view of `s` as a scene's query string: no region (scenes belong to a place), no 大屏. */
export function sceneView(s: AppState): string {
  const p = new URLSearchParams(viewToSearch({ ...viewOf(s), wall: false }));
  p.delete('region');
  return `?${p.toString()}`;
}

/** The address of a scene (its share link) on the place `s` is on: the region first, as the address bar writes it. */
export function sceneSearch(scene: Scene, s: Pick<AppState, 'region'>): string {
  const p = new URLSearchParams(scene.view);
  p.delete('region');
  return `?${new URLSearchParams([['region', s.region], ...p]).toString()}`;
}

/** The view a scene shows on the place `s` is on (read as its link would be). */
export function viewOfScene(scene: Scene, s: Pick<AppState, 'region' | 'lang'>): DecodedUrl {
  return viewFromSearch(sceneSearch(scene, s), { region: s.region, lang: s.lang });
}

export function newScene(s: AppState, id: string, title: string, caption: string): Scene {
  return { id, title: title.trim().slice(0, SCENE_TITLE_MAX), caption: caption.trim().slice(0, SCENE_CAPTION_MAX), view: sceneView(s) };
}

/** `list` with the item at `from` moved to `to` (both clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const f = Math.max(0, Math.min(list.length - 1, from));
  const t = Math.max(0, Math.min(list.length - 1, to));
  if (f === t) return [...list];
  const out = [...list];
  const [x] = out.splice(f, 1);
  out.splice(t, 0, x);
  return out;
}

/** A copy's title: "… (副本)" / "… (copy)", kept within the title length. */
export function copyTitle(title: string, lang: Lang): string {
  const tail = lang === 'zh' ? '（副本）' : ' (copy)';
  return `${title.slice(0, SCENE_TITLE_MAX - tail.length)}${tail}`;
}
