import type { MessageKey } from '../i18n/dict';
import { type Mode, setMode, store } from '../state/app';
import { useStore } from '../state/store';
import { useT } from './i18n';

const MODES: [Mode, MessageKey][] = [
  ['idle', 'modeIdle'],
  ['workbench', 'modeWorkbench'],
  ['layout', 'modeLayout'],
];

export function ModeTabs() {
  const { t } = useT();
  const mode = useStore(store, (s) => s.mode);
  return (
    <div class="modes" role="tablist">
      {MODES.map(([m, key]) => (
        <button key={m} role="tab" aria-selected={m === mode} class={m === mode ? 'mode active' : 'mode'} data-mode={m} onClick={() => setMode(m)}>
          {t(key)}
        </button>
      ))}
    </div>
  );
}
