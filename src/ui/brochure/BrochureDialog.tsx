// The brochure dialog: contact block, 审图号 and language on the left, the A4 pages on the right
// as the preview the presenter checks, and 打印 / 导出 PDF, which prints exactly those pages
// through the browser's print dialogue (brochure.css hides the rest of the app while they
// print; Chromium's "Save as PDF" keeps the Chinese as real, searchable text).

import { createPortal } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { asOfDate } from '../../state/app-state';
import type { BrochureContact, BrochureInfo } from '../../state/brochure-info';
import type { BrochureFigures } from '../../state/brochure-actions';
import { parkShareLink } from '../../state/brochure-link';
import { useActions, useAppState } from '../../state/context';
import type { PromotionGroup } from '../../state/group-edit';
import { placeInfo } from '../../state/place-info';
import { useDialog } from '../dialog';
import { useT } from '../i18n';
import { type BrochureDoc, BrochurePages } from './BrochurePages';
import { brochurePages } from './map-frame';
import '../brochure.css';

export interface BrochureRequest {
  parkIds: string[];
  /** The group of a joint brochure; null for one park. */
  group: PromotionGroup | null;
}

const CONTACT_FIELDS: { key: keyof BrochureContact; label: 'brUnit' | 'brPerson' | 'brPhone' | 'brEmail' | 'brAddress'; type: string }[] = [
  { key: 'unit', label: 'brUnit', type: 'text' },
  { key: 'person', label: 'brPerson', type: 'text' },
  { key: 'phone', label: 'brPhone', type: 'tel' },
  { key: 'email', label: 'brEmail', type: 'email' },
  { key: 'address', label: 'brAddress', type: 'text' },
];

export function BrochureDialog({ request, onClose }: { request: BrochureRequest; onClose: () => void }) {
  const { t, lang } = useT();
  const actions = useActions();
  const ref = useRef<HTMLDivElement>(null);
  useDialog(ref, onClose);
  const saved = useAppState((s) => s.work.brochure);
  const [info, setInfo] = useState<BrochureInfo>(saved);
  const [bilingual, setBilingual] = useState(lang === 'en');
  const [figures, setFigures] = useState<BrochureFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parks = useAppState((s) => s.parks);
  const boundaries = useAppState((s) => s.boundaries);
  const shapes = useAppState((s) => s.shapes);
  const categories = useAppState((s) => s.categories);
  const asOf = useAppState(asOfDate);
  const today = useAppState((s) => s.today);
  const place = useAppState((s) => placeInfo(s, 'zh'));
  const region = useAppState((s) => s.region);
  const viewAsOf = useAppState((s) => s.asOf);
  const key = `${request.parkIds.join(',')}|${request.group?.counties.join(',') ?? ''}|${asOf}`;

  useEffect(() => {
    let live = true;
    setFigures(null);
    setError(null);
    actions
      .brochureFigures(request.parkIds, request.group)
      .then((f) => live && setFigures(f))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [key]);

  const edit = (next: BrochureInfo) => {
    setInfo(next);
    actions.setBrochure(next);
  };

  const pages = brochurePages(request.parkIds, request.group !== null);
  const doc = useMemo(
    (): BrochureDoc | null =>
      figures && {
        pages,
        group: request.group,
        figures,
        parks,
        boundaries,
        shapes,
        categories,
        info,
        bilingual,
        asOf,
        today,
        synthetic: place.synthetic,
        place: place.title,
        // A Chinese brochure links to the Chinese view; a bilingual one, handed to foreign investors, to the English.
        shareLink: (id) => parkShareLink(window.location.href, { region, asOf: viewAsOf, lang: bilingual ? 'en' : 'zh', parks }, id),
      },
    [figures, info, bilingual, parks, boundaries, shapes, categories, asOf, today, region, viewAsOf],
  );
  const title = request.group ? `${request.group.name} · ${t('brDialogGroup')}` : `${figures?.parks[0]?.name ?? ''} · ${t('brDialogPark')}`;

  return createPortal(
    <div class="br-root" data-testid="brochure">
      <div class="br-dialog" ref={ref} role="dialog" aria-modal="true" aria-labelledby="br-title">
        <form class="br-controls" onSubmit={(e) => e.preventDefault()}>
          <div class="br-controls-head">
            <h2 id="br-title">{title}</h2>
            <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
              ×
            </button>
          </div>
          <fieldset>
            <legend>{t('brContact')}</legend>
            {CONTACT_FIELDS.map((f) => (
              <label key={f.key}>
                {t(f.label)}
                <input
                  type={f.type}
                  data-field={f.key}
                  maxLength={120}
                  value={info.contact[f.key]}
                  onInput={(e) => edit({ ...info, contact: { ...info.contact, [f.key]: (e.target as HTMLInputElement).value } })}
                />
              </label>
            ))}
          </fieldset>
          <label>
            {t('brApproval')}
            <input
              type="text"
              data-field="approvalNo"
              maxLength={120}
              value={info.approvalNo}
              placeholder={t('brApprovalHint')}
              onInput={(e) => edit({ ...info, approvalNo: (e.target as HTMLInputElement).value })}
            />
          </label>
          <p class="br-hint">{t('brApprovalWhy')}</p>
          <p class="br-hint">{t('brSaved')}</p>
          <fieldset class="br-lang">
            <legend>{t('brLang')}</legend>
            <label>
              <input type="radio" name="br-lang" value="zh" checked={!bilingual} onChange={() => setBilingual(false)} />
              {t('brLangZh')}
            </label>
            <label>
              <input type="radio" name="br-lang" value="bi" checked={bilingual} onChange={() => setBilingual(true)} />
              {t('brLangBi')}
            </label>
          </fieldset>
          <button type="button" class="primary" data-testid="brochure-print" disabled={!doc} onClick={() => window.print()}>
            {t('brPrint')}
          </button>
          <p class="br-hint">{t('brPrintHint')}</p>
          <p class="br-hint">
            {t('brPreview')}
            {lang === 'zh' ? '：' : ': '}
            {pages.length} {t('brPages')}
          </p>
        </form>
        <div class="br-sheets" data-testid="brochure-pages" data-pages={doc ? pages.length : 0} aria-label={t('brPreview')} tabIndex={0}>
          {!doc && !error && (
            <p class="br-status" role="status">
              {t('brLoading')}
            </p>
          )}
          {error && (
            <p class="br-status" role="alert">
              {t('brFailed')}
              {lang === 'zh' ? '：' : ': '}
              {error}
            </p>
          )}
          {doc && <BrochurePages doc={doc} />}
        </div>
      </div>
    </div>,
    document.body,
  );
}
