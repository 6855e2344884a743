// Scenes (场景) and presenter mode (演示): saving the current view as a scene, editing the list,
// and moving through it. Scenes are stored with the place's work (work-actions.ts); presenting
// shows a scene by decoding its view, so a scene whose park or group has since gone opens the
// nearest valid view with a notice, as an outdated link does.

import type { AppState } from './app-state';
import { copyTitle, moveItem, newScene, sceneSearch, viewOfScene } from './presentation';
import type { Scene } from './scene';
import type { Store } from './store';
import type { AppEvent } from './updaters';
import type { PlaceWork } from './place-work';
import type { Notice } from './notice';

/** A scene's view problems say which scene they come from (the codec speaks of address parameters). */
function ofScene(scene: Scene, issues: Notice[]): Notice[] {
  return issues.map((n) => ({ zh: `场景“${scene.title}”：${n.zh}`, en: `Scene “${scene.title}”: ${n.en}` }));
}

export interface SceneDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  setWork(next: PlaceWork): boolean;
  /** A new scene id (the browser: time + randomness; tests: a counter). */
  newId(): string;
}

export function createSceneActions({ store, dispatch, setWork, newId }: SceneDeps) {
  const scenes = () => store.get().work.scenes;
  const setScenes = (list: Scene[]) => setWork({ ...store.get().work, scenes: list });
  const indexOf = (id: string) => scenes().findIndex((x) => x.id === id);
  const show = (index: number) => {
    const list = scenes();
    if (list.length === 0) return;
    const i = Math.max(0, Math.min(list.length - 1, index));
    const d = viewOfScene(list[i], store.get());
    dispatch({ type: 'presented', index: i, view: d.view, issues: ofScene(list[i], d.issues) });
  };
  return {
    /** Saves the current view as a new scene at the end of the list; returns its id, or null when not stored. */
    addScene(title: string, caption: string): string | null {
      const scene = newScene(store.get(), newId(), title, caption);
      return setScenes([...scenes(), scene]) ? scene.id : null;
    },
    /** Replaces a scene's view by the current one (its title and caption stay). */
    updateSceneView(id: string): boolean {
      const i = indexOf(id);
      if (i < 0) return false;
      const fresh = newScene(store.get(), id, scenes()[i].title, scenes()[i].caption);
      return setScenes(scenes().map((x) => (x.id === id ? fresh : x)));
    },
    editScene(id: string, patch: { title?: string; caption?: string }): boolean {
      const i = indexOf(id);
      if (i < 0) return false;
      const x = scenes()[i];
      const title = patch.title === undefined ? x.title : patch.title.trim() || x.title;
      const caption = patch.caption === undefined ? x.caption : patch.caption.trim();
      return setScenes(scenes().map((y) => (y.id === id ? { ...newScene(store.get(), id, title, caption), view: x.view } : y)));
    },
    moveScene(id: string, to: number): boolean {
      const i = indexOf(id);
      return i >= 0 && i !== to ? setScenes(moveItem(scenes(), i, to)) : false;
    },
    duplicateScene(id: string): string | null {
      const i = indexOf(id);
      if (i < 0) return null;
      const copy = { ...scenes()[i], id: newId(), title: copyTitle(scenes()[i].title, store.get().lang) };
      const list = [...scenes()];
      list.splice(i + 1, 0, copy);
      return setScenes(list) ? copy.id : null;
    },
    deleteScene(id: string): boolean {
      return indexOf(id) >= 0 ? setScenes(scenes().filter((x) => x.id !== id)) : false;
    },
    /** The query string of a scene's share link on the place shown. */
    sceneLink(id: string): string | null {
      const x = scenes().find((y) => y.id === id);
      return x ? sceneSearch(x, store.get()) : null;
    },
    /** Shows one scene without presenting (the list's 查看). */
    showScene(id: string) {
      const i = indexOf(id);
      if (i < 0) return;
      const d = viewOfScene(scenes()[i], store.get());
      dispatch({ type: 'presented', index: i, view: d.view, issues: ofScene(scenes()[i], d.issues) });
      dispatch({ type: 'presentEnded' });
    },
    /** Presenter mode from scene `index` (the first by default). */
    present: (index = 0) => show(index),
    presentNext: () => show((store.get().presenting ?? -1) + 1),
    presentPrevious: () => show((store.get().presenting ?? 1) - 1),
    presentFirst: () => show(0),
    presentLast: () => show(scenes().length - 1),
    stopPresenting: () => dispatch({ type: 'presentEnded' }),
  };
}
