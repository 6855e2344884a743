// 分享: the address bar always holds the current view (url-codec.ts); this copies it, or shows
// it selected where the page has no clipboard (plain http).

import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { copyText } from './copy-link';

export function ShareButton() {
  const { t } = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const link = typeof location === 'undefined' ? '' : location.href;
  return (
    <span class="share">
      <button
        class="share-button"
        data-testid="share-link"
        title={t('shareTitle')}
        onClick={async () => {
          setState((await copyText(location.href)) ? 'copied' : 'manual');
          setTimeout(() => setState('idle'), 4000);
        }}
      >
        {state === 'copied' ? `✓ ${t('linkCopied')}` : t('share')}
      </button>
      {state === 'manual' && (
        <input class="share-manual" readOnly value={link} aria-label={t('linkCopyFailed')} ref={(el) => el?.select()} />
      )}
    </span>
  );
}
