// Keyboard behaviour shared by the app's dialogs (settings drawer, import dialog) and popups
// (header menu), after the WAI-ARIA Authoring Practices' dialog pattern: focus moves into the
// dialog when it opens, Tab and Shift+Tab stay inside it, Esc closes it, and focus returns to
// the control that opened it.

import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `root`, in order (hidden ones left out). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * Makes the element behind `ref` behave as a modal dialog while mounted. `trap: false` for a
 * non-modal popup: focus moves in and Esc closes it, but Tab may leave it.
 */
export function useDialog(
  ref: RefObject<HTMLElement>,
  onClose: () => void,
  opts: { trap?: boolean; fallbackFocus?: () => HTMLElement | null } = {},
): void {
  const close = useRef(onClose);
  close.current = onClose;
  const trap = opts.trap ?? true;
  const fallback = useRef(opts.fallbackFocus);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!root.contains(document.activeElement)) (focusables(root)[0] ?? root).focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // preventDefault marks the key as taken: the detail panel below leaves it alone.
        e.preventDefault();
        e.stopImmediatePropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab' || !trap) return;
      const items = focusables(root);
      if (items.length === 0) {
        e.preventDefault();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (e.shiftKey && (active === first || !root.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !root.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    // On the document, so Esc works wherever focus is (e.g. on the map after a click).
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      // Focus goes back only if it is still here: a dialog opened from this one keeps it.
      const active = document.activeElement;
      if (active && active !== document.body && !root.contains(active) && active.isConnected) return;
      const target = opener?.isConnected ? opener : fallback.current?.();
      target?.focus();
    };
  }, []);
}

/** Enter and Space activate a non-button element that acts as one (role="button", tabindex=0). */
export function onActivate(action: () => void): { onKeyDown: (e: KeyboardEvent) => void; onClick: () => void } {
  return {
    onClick: action,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        action();
      }
    },
  };
}
