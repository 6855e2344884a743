import { type Lang, type MessageKey, codeLabel, translate } from '../i18n/dict';
import { useAppState } from '../state/context';
import { countyName } from '../vocab';

export function useLang(): Lang {
  return useAppState((s) => s.lang);
}

export function useT(): {
  t: (k: MessageKey) => string;
  code: (c: string) => string;
  /** A county or district's name in the UI language (pinyin in English, vocab/places.ts). */
  place: (county: string) => string;
  lang: Lang;
} {
  const lang = useLang();
  return { t: (k) => translate(lang, k), code: (c) => codeLabel(lang, c), place: (c) => countyName(c, lang), lang };
}
