// A minimal observable store and its Preact hook. State is replaced, never mutated, so a
// component re-renders when the slice it selects changes identity.

import { useEffect, useState } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  set(patch: Partial<T>): void;
  subscribe(fn: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const subs = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      subs.forEach((f) => f());
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

export function useStore<T, U>(store: Store<T>, select: (s: T) => U): U {
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    const update = () => setValue(() => select(store.get()));
    update();
    return store.subscribe(update);
    // The selector is expected to be stable in meaning; re-subscribing each render is wasteful.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return value;
}
