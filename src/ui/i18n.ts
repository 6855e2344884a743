import { type Lang, type MessageKey, codeLabel, translate } from '../i18n/dict';
import { store } from '../state/app';
import { useStore } from '../state/store';

export function useLang(): Lang {
  return useStore(store, (s) => s.lang);
}

export function useT(): { t: (k: MessageKey) => string; code: (c: string) => string; lang: Lang } {
  const lang = useLang();
  return { t: (k) => translate(lang, k), code: (c) => codeLabel(lang, c), lang };
}
