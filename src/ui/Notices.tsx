// Messages about what the app could not take as given: a saved state it refused or partly
// replaced, address parameters it corrected. Shown until dismissed, in the UI language.

import { useActions, useAppState } from '../state/context';
import { useT } from './i18n';

export function Notices() {
  const { t, lang } = useT();
  const notices = useAppState((s) => s.notices);
  const { dismissNotices } = useActions();
  if (notices.length === 0) return null;
  return (
    <div class="notices warn" role="status" data-testid="notices">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n[lang]}</li>
        ))}
      </ul>
      <button class="close" aria-label={t('close')} onClick={dismissNotices}>
        ×
      </button>
    </div>
  );
}
