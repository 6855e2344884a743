// How components reach the running app: it is provided once at the root (main.tsx) and read
// with these hooks, so no component holds a module-level singleton.

import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { AppState } from './app-state';
import type { App } from './runtime';
import type { Store } from './store';

export const AppContext = createContext<App | null>(null);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}

export function useStore<T, U>(store: Store<T>, select: (s: T) => U): U {
  // The value is selected on every render with the selector of that render, so a selector that
  // closes over props or the language (placeInfo(s, lang)) is never answered by a stale one;
  // the subscription only decides when to render again, with the latest selector.
  const latest = useRef(select);
  latest.current = select;
  const [, rerender] = useState(0);
  const value = select(store.get());
  // What this component last rendered: the subscription compares against it, not against the
  // state at subscription time. The effect runs after the render, and a state change in between
  // (a derivation finishing on a loaded machine) would otherwise never be shown.
  const rendered = useRef(value);
  rendered.current = value;
  useEffect(() => {
    const check = () => {
      const next = latest.current(store.get());
      if (next !== rendered.current) {
        rendered.current = next;
        rerender((n) => n + 1);
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
    return unsubscribe;
  }, [store]);
  return value;
}

/** A slice of the app state; the component re-renders when its identity changes. */
export function useAppState<U>(select: (s: AppState) => U): U {
  return useStore(useApp().store, select);
}

export function useActions(): App['actions'] {
  return useApp().actions;
}
