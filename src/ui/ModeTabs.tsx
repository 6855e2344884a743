import type { MessageKey } from '../i18n/dict';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';
import type { Mode } from '../state/view';

const MODES: [Mode, MessageKey][] = [
  ['idle', 'modeIdle'],
  ['workbench', 'modeWorkbench'],
  ['layout', 'modeLayout'],
  ['siting', 'modeSiting'],
];

export function ModeTabs() {
  const actions = useActions();
  const { t } = useT();
  const mode = useAppState((s) => s.mode);
  return (
    <div class="modes" role="tablist">
      {MODES.map(([m, key]) => (
        <button key={m} role="tab" aria-selected={m === mode} class={m === mode ? 'mode active' : 'mode'} data-mode={m} onClick={() => actions.setMode(m)}>
          {t(key)}
        </button>
      ))}
    </div>
  );
}
