// The scenes drawer (场景): save the current view as a scene, edit titles and captions, reorder
// (drag, or the ↑/↓ buttons from the keyboard), duplicate, delete, copy a scene's link, and
// start presenting. Everything is stored at once with the place's work.

import { useRef, useState } from 'preact/hooks';
import { useActions, useAppState } from '../../state/context';
import { promotionGroups } from '../../state/app-state';
import type { Scene } from '../../state/scene';
import { SCENE_CAPTION_MAX, SCENE_TITLE_MAX } from '../../state/scene';
import { useDialog } from '../dialog';
import { useT } from '../i18n';
import { copyText, linkOf } from './copy-link';
import { ShareButton } from './ShareButton';
import './present.css';

export function ScenesPanel(props: { onClose: () => void; onPresent: (index: number) => void }) {
  const { t, lang, place } = useT();
  const actions = useActions();
  const scenes = useAppState((s) => s.work.scenes);
  const readOnly = useAppState((s) => s.workReadOnly);
  const defaultTitle = useAppState((s) => {
    const group = s.group === null ? undefined : promotionGroups(s).find((g) => g.group_id === s.group);
    const park = s.filter.parkIds.length === 1 ? s.parkOptions.find((p) => p.park_id === s.filter.parkIds[0]) : undefined;
    const where = group?.name ?? park?.name ?? (s.filter.counties.length ? s.filter.counties.map(place).join(lang === 'zh' ? '、' : ', ') : null);
    const mode = t(s.mode === 'idle' ? 'modeIdle' : s.mode === 'workbench' ? 'modeWorkbench' : 'modeLayout');
    return where ? t('sceneDefault').replace('{where}', where).replace('{mode}', mode) : mode;
  });
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [copied, setCopied] = useState<{ id: string; ok: boolean; link: string } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useDialog(dialog, props.onClose, { fallbackFocus: () => document.querySelector<HTMLElement>('[data-testid=scenes-open], [data-testid=header-more]') });

  const add = (e: Event) => {
    e.preventDefault();
    if (actions.addScene(title.trim() || defaultTitle, caption)) {
      setTitle('');
      setCaption('');
    }
  };
  const copy = async (x: Scene) => {
    const search = actions.sceneLink(x.id);
    if (!search) return;
    const link = linkOf(search);
    setCopied({ id: x.id, ok: await copyText(link), link });
  };

  return (
    <div class="drawer scenes-drawer" role="dialog" aria-modal="true" aria-labelledby="scenes-title" data-testid="scenes-panel" ref={dialog} tabIndex={-1}>
      <div class="drawer-head">
        <h2 id="scenes-title">{t('scenesTitle')}</h2>
        <button class="close" aria-label={t('close')} title={t('dialogClose')} data-testid="scenes-close" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class="muted small">{t('scenesHint')}</p>
      <ShareButton />
      <form class="scene-add" onSubmit={add}>
        <label>
          <span>{t('sceneTitle')}</span>
          <input data-testid="scene-title" maxLength={SCENE_TITLE_MAX} placeholder={defaultTitle} value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          <span>{t('sceneCaption')}</span>
          <input
            data-testid="scene-caption"
            maxLength={SCENE_CAPTION_MAX}
            placeholder={t('sceneCaptionPlaceholder')}
            value={caption}
            onInput={(e) => setCaption((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="primary" data-testid="scene-add" disabled={readOnly}>
          {t('sceneAdd')}
        </button>
      </form>
      {scenes.length === 0 ? (
        <p class="muted" data-testid="scenes-empty">
          {t('sceneNone')}
        </p>
      ) : (
        <>
          <button class="primary present-start" data-testid="present-start" onClick={() => props.onPresent(0)}>
            ▶ {t('presentStart')}
          </button>
          <ol class="scene-list" data-testid="scene-list">
            {scenes.map((x, i) => (
              <li
                key={x.id}
                data-scene-id={x.id}
                class={dragging === x.id ? 'dragging' : ''}
                draggable={!readOnly}
                onDragStart={(e) => {
                  setDragging(x.id);
                  e.dataTransfer?.setData('text/plain', x.id);
                }}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const id = e.dataTransfer?.getData('text/plain') || dragging;
                  if (id) actions.moveScene(id, i);
                  setDragging(null);
                }}
              >
                <span class="scene-handle" title={t('sceneDrag')} aria-hidden="true">
                  ⋮⋮
                </span>
                <span class="scene-no">{i + 1}</span>
                <div class="scene-fields">
                  <input
                    aria-label={`${t('sceneTitle')} ${i + 1}`}
                    data-testid="scene-edit-title"
                    maxLength={SCENE_TITLE_MAX}
                    value={x.title}
                    onChange={(e) => actions.editScene(x.id, { title: (e.target as HTMLInputElement).value })}
                  />
                  <input
                    aria-label={`${t('sceneCaption')} ${i + 1}`}
                    data-testid="scene-edit-caption"
                    maxLength={SCENE_CAPTION_MAX}
                    placeholder={t('sceneCaptionPlaceholder')}
                    value={x.caption}
                    onChange={(e) => actions.editScene(x.id, { caption: (e.target as HTMLInputElement).value })}
                  />
                  <div class="scene-buttons">
                    <button class="link" data-testid="scene-present" onClick={() => props.onPresent(i)} title={t('presentFromHere')}>
                      ▶ {t('present')}
                    </button>
                    <button class="link" data-testid="scene-show" onClick={() => actions.showScene(x.id)}>
                      {t('sceneShow')}
                    </button>
                    <button class="link" data-testid="scene-update" onClick={() => actions.updateSceneView(x.id)}>
                      {t('sceneUpdate')}
                    </button>
                    <button class="link" data-testid="scene-copy-link" onClick={() => void copy(x)}>
                      {t('sceneCopyLink')}
                    </button>
                    <button class="link" data-testid="scene-duplicate" onClick={() => actions.duplicateScene(x.id)}>
                      {t('sceneDuplicate')}
                    </button>
                    <button class="link" aria-label={`${t('sceneUp')} ${i + 1}`} disabled={i === 0} onClick={() => actions.moveScene(x.id, i - 1)}>
                      ↑
                    </button>
                    <button class="link" aria-label={`${t('sceneDown')} ${i + 1}`} disabled={i === scenes.length - 1} onClick={() => actions.moveScene(x.id, i + 1)}>
                      ↓
                    </button>
                    <button
                      class="link danger"
                      data-testid="scene-delete"
                      onClick={() => window.confirm(t('sceneDeleteConfirm').replace('{title}', x.title)) && actions.deleteScene(x.id)}
                    >
                      {t('sceneDelete')}
                    </button>
                  </div>
                  {copied?.id === x.id &&
                    (copied.ok ? (
                      <p class="small ok" role="status">
                        {t('linkCopied')}
                      </p>
                    ) : (
                      <p class="small" role="status">
                        {t('linkCopyFailed')} <input readOnly class="link-text" value={copied.link} onFocus={(e) => (e.target as HTMLInputElement).select()} />
                      </p>
                    ))}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
