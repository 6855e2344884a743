// A minimal observable store. State is replaced, never mutated, so a subscriber can tell what
// changed by identity.

export interface Store<T> {
  get(): T;
  /** Replaces the whole state. */
  replace(next: T): void;
  subscribe(fn: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const subs = new Set<() => void>();
  return {
    get: () => state,
    replace(next) {
      state = next;
      subs.forEach((f) => f());
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
