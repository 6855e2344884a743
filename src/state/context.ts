// How components reach the running app: it is provided once at the root (main.tsx) and read
// with these hooks, so no component holds a module-level singleton.

import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
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

/** A slice of the app state; the component re-renders when its identity changes. */
export function useAppState<U>(select: (s: AppState) => U): U {
  return useStore(useApp().store, select);
}

export function useActions(): App['actions'] {
  return useApp().actions;
}
