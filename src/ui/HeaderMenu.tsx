// The header's “更多 / More” menu: where the less-used header items go when the row is too narrow
// for them (Header.tsx decides which). A popup, not a modal: focus moves in, Esc or a click
// outside closes it, and focus returns to the button.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDialog } from './dialog';
import { useT } from './i18n';

function MenuPopup(props: { onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, props.onClose, { trap: false });
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const menu = ref.current?.parentElement;
      if (menu && !menu.contains(e.target as Node)) props.onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, []);
  return (
    // An item chosen closes the menu; the workspaces button opens its own list in place.
    <div
      class="header-more-popup"
      ref={ref}
      data-testid="header-more-popup"
      onClick={(e) => {
        const b = (e.target as Element).closest('button');
        if (b && !b.hasAttribute('aria-expanded')) props.onClose();
      }}
    >
      {props.children}
    </div>
  );
}

export function HeaderMenu(props: { children: ComponentChildren }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <div class="header-more">
      <button type="button" class="lang" aria-expanded={open} aria-haspopup="true" data-testid="header-more" onClick={() => setOpen(!open)}>
        {t('moreMenu')} <span aria-hidden="true">▾</span>
      </button>
      {open && <MenuPopup onClose={() => setOpen(false)}>{props.children}</MenuPopup>}
    </div>
  );
}
