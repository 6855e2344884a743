// Changes to a place's presentation work (place-work.ts): each is stored in this browser at once
// and then shown; a refused write (full or blocked storage) is told, and the screen keeps the
// stored version so nothing appears saved that is not.

import { type PromotionGroup, checkGroups } from '../analysis/promotion-groups';
import type { AppState } from './app-state';
import type { BrochureInfo } from './brochure-info';
import type { Effects } from './effects';
import { type PlaceWork, storePlaceWork } from './place-work';
import type { Store } from './store';
import type { AppEvent } from './updaters';

export interface WorkDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  fx: Effects;
}

export function createWorkActions({ store, dispatch, fx }: WorkDeps) {
  /** Stores `next` for the shown place; false (with a notice) when it could not be kept. */
  const setWork = (next: PlaceWork): boolean => {
    const s = store.get();
    if (s.workReadOnly) {
      dispatch({ type: 'noticesAdded', notices: [{ zh: '本地区的场景与组团由更新版本保存，本程序不能修改', en: 'The scenes and groups of this place were saved by a newer ParkAtlas and cannot be changed here' }] });
      return false;
    }
    if (!storePlaceWork(fx.storage, s.region, next)) {
      dispatch({ type: 'noticesAdded', notices: [{ zh: '浏览器拒绝保存（存储已满或被禁用），本次修改未保存', en: 'The browser refused to store it (storage full or blocked); this change was not saved' }] });
      return false;
    }
    dispatch({ type: 'workChanged', work: next });
    return true;
  };
  return {
    setWork,
    /**
     * Replaces the place's promotion groups with the user's list. Returns the problems (group,
     * field, both languages); nothing is stored while there are any.
     */
    setGroups(groups: PromotionGroup[]) {
      const issues = checkGroups(groups, store.get().countyOptions);
      if (issues.length === 0) setWork({ ...store.get().work, groups });
      return issues;
    },
    /** Back to the groups of the place's data (the demo's 宁乐庆, an imported promotion_groups table). */
    resetGroups: () => setWork({ ...store.get().work, groups: null }),
    setBrochure: (brochure: BrochureInfo) => setWork({ ...store.get().work, brochure }),
  };
}
