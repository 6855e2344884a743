// A place's work — scenes (场景), the promotion groups (组团) as the user edited them, the
// brochure's contact block and the project pipeline (招商项目库) — saved per place in this browser, for demo regions and
// workspaces alike, and carried inside a workspace file (workspace-actions.ts). Versioned and
// validated on read (product model, "Saved state rules"): a malformed part is dropped with a
// notice, never guessed at; a newer version is refused and left untouched in storage.

import { type PromotionGroup, groupsFromSaved } from '../analysis/promotion-groups';
import { type BrochureInfo, EMPTY_BROCHURE, brochureFromSaved } from './brochure-info';
import type { Notice } from './notice';
import type { KeyValueStorage } from './saved-state';
import { type Scene, scenesFromSaved } from './scene';
import { type Project, projectsFromSaved } from '../analysis/projects';

/** 1: scenes, groups, brochure. 2: adds `projects` (a version-1 record has none: the data's apply). */
export const PLACE_WORK_VERSION = 2;

export interface PlaceWork {
  scenes: Scene[];
  /** The user's groups; null = none edited yet, the place's data (promotion_groups table) applies. */
  groups: PromotionGroup[] | null;
  brochure: BrochureInfo;
  /** The user's pipeline; null = none edited yet, the place's data (projects table) applies. */
  projects: Project[] | null;
}

export const EMPTY_PLACE_WORK: PlaceWork = { scenes: [], groups: null, brochure: EMPTY_BROCHURE, projects: null };

export const placeWorkKey = (place: string) => `parkatlas:work:${place}`;

/** The saved form (also a workspace manifest's `work`). */
export function placeWorkToData(w: PlaceWork): Record<string, unknown> {
  return { version: PLACE_WORK_VERSION, scenes: w.scenes, groups: w.groups, brochure: w.brochure, projects: w.projects };
}

export interface PlaceWorkRead {
  work: PlaceWork;
  issues: Notice[];
  /** A newer version: shown as empty, and must not be overwritten by this app. */
  readOnly: boolean;
}

export function placeWorkFromData(value: unknown, where: Notice): PlaceWorkRead {
  if (value === null || value === undefined) return { work: EMPTY_PLACE_WORK, issues: [], readOnly: false };
  if (typeof value !== 'object') {
    return { work: EMPTY_PLACE_WORK, issues: [{ zh: `${where.zh}中的场景与组团无法读取，已忽略`, en: `The scenes and groups in ${where.en} could not be read and were ignored` }], readOnly: false };
  }
  const o = value as Record<string, unknown>;
  const version = typeof o.version === 'number' ? o.version : 1;
  if (version > PLACE_WORK_VERSION) {
    return {
      work: EMPTY_PLACE_WORK,
      issues: [{ zh: `${where.zh}中的场景与组团由更新版本的 ParkAtlas 保存（版本 ${version}），本程序不读取也不覆盖`, en: `The scenes and groups in ${where.en} were saved by a newer ParkAtlas (version ${version}); this app neither reads nor overwrites them` }],
      readOnly: true,
    };
  }
  const scenes = scenesFromSaved(o.scenes);
  const groups = o.groups === null || o.groups === undefined ? null : groupsFromSaved(o.groups);
  // Migration 1 → 2: version 1 had no pipeline, so the place's data applies (projects null).
  const projects = version < 2 ? { projects: null, dropped: 0 } : projectsFromSaved(o.projects);
  const issues: Notice[] = [];
  if (scenes.dropped > 0) issues.push({ zh: `${where.zh}中有 ${scenes.dropped} 个场景无法读取，已略去`, en: `${scenes.dropped} scene(s) in ${where.en} could not be read and were left out` });
  if (projects.dropped > 0) issues.push({ zh: `${where.zh}中有 ${projects.dropped} 个招商项目无法读取，已略去`, en: `${projects.dropped} pipeline project(s) in ${where.en} could not be read and were left out` });
  return { work: { scenes: scenes.scenes, groups, brochure: brochureFromSaved(o.brochure), projects: projects.projects }, issues, readOnly: false };
}

export function loadPlaceWork(storage: KeyValueStorage, place: string): PlaceWorkRead {
  let text: string | null = null;
  try {
    text = storage.getItem(placeWorkKey(place));
  } catch {
    // Storage blocked: nothing saved to read.
  }
  if (text === null) return { work: EMPTY_PLACE_WORK, issues: [], readOnly: false };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = '';
  }
  return placeWorkFromData(data, { zh: '本浏览器保存的数据', en: 'this browser' });
}

/** False when the browser refused to store it (full or blocked storage): the caller tells the user. */
export function storePlaceWork(storage: KeyValueStorage, place: string, w: PlaceWork): boolean {
  try {
    storage.setItem(placeWorkKey(place), JSON.stringify(placeWorkToData(w)));
    return true;
  } catch {
    return false;
  }
}
