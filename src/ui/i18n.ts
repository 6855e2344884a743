import { type Lang, type MessageKey, codeLabel, translate } from '../i18n/dict';
import { useAppState } from '../state/context';

export function useLang(): Lang {
  return useAppState((s) => s.lang);
}

export function useT(): { t: (k: MessageKey) => string; code: (c: string) => string; lang: Lang } {
  const lang = useLang();
  return { t: (k) => translate(lang, k), code: (c) => codeLabel(lang, c), lang };
}
