// The search box (WAI-ARIA combobox with a grouped listbox): parcels by 宗地编号, holders and
// enterprises by name, parks; ↑/↓ move, Enter goes, Esc closes. The query runs in the
// database (analysis/search.ts); this component only sends the typed text.

import { useEffect, useRef, useState } from 'preact/hooks';
import { useActions } from '../state/context';
import type { SearchHit, SearchKind } from '../state/nav-actions';
import { useT } from './i18n';
import './nav.css';

/** Typing pauses this long before a query is sent. */
const DEBOUNCE_MS = 180;

const KIND_LABEL = { parcel: 'navKindParcel', holder: 'navKindHolder', park: 'navKindPark' } as const;

export function SearchBox() {
  const actions = useActions();
  const { t } = useT();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'busy' | 'failed'>('idle');
  // Answers to older text arrive late: only the latest request's answer is shown.
  const latest = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const id = ++latest.current;
    if (!q) {
      setHits([]);
      setStatus('idle');
      return;
    }
    setStatus('busy');
    const timer = setTimeout(() => {
      actions.search(q).then(
        (h) => {
          if (id !== latest.current) return;
          setHits(h);
          setActive(-1);
          setStatus('idle');
        },
        () => id === latest.current && setStatus('failed'),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    actions.chooseHit(hit);
    setOpen(false);
    setText(hit.label);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (!hits.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active] ?? hits[0]);
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else setText('');
    }
  };

  const shown = open && text.trim() !== '';
  const groups = (['parcel', 'holder', 'park'] as SearchKind[])
    .map((kind) => ({ kind, items: hits.map((h, i) => ({ h, i })).filter((x) => x.h.kind === kind) }))
    .filter((g) => g.items.length);
  return (
    <div class="nav-search">
      <input
        type="search"
        role="combobox"
        aria-label={t('navSearch')}
        aria-expanded={shown}
        aria-controls="nav-search-list"
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `nav-hit-${active}` : undefined}
        placeholder={t('navSearchPlaceholder')}
        data-testid="search"
        value={text}
        maxLength={64}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // A click on a hit lands before the list closes.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {shown && (
        <div class="nav-search-list" id="nav-search-list" role="listbox" aria-label={t('navSearch')} data-testid="search-list">
          {status === 'busy' && !hits.length && <div class="nav-search-note">{t('navSearching')}</div>}
          {status === 'failed' && <div class="nav-search-note">{t('navSearchFailed')}</div>}
          {status === 'idle' && !hits.length && <div class="nav-search-note">{t('navSearchNone')}</div>}
          {groups.map((g) => (
            <div role="group" aria-labelledby={`nav-group-${g.kind}`} key={g.kind}>
              <div class="nav-search-group" id={`nav-group-${g.kind}`} role="presentation">
                {t(KIND_LABEL[g.kind])}
              </div>
              {g.items.map(({ h, i }) => (
                <div
                  key={`${h.kind}:${h.key}`}
                  id={`nav-hit-${i}`}
                  role="option"
                  aria-selected={i === active}
                  class={i === active ? 'nav-hit on' : 'nav-hit'}
                  data-hit={`${h.kind}:${h.key}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(h)}
                >
                  <span class="nav-hit-label">{h.label}</span>
                  <span class="nav-hit-detail">
                    {h.detail ?? ''}
                    {h.kind === 'holder' && ` · ${h.pidxs.length} ${t('navParcelsUnit')}`}
                  </span>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
