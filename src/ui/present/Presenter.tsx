// Presenter mode (演示): the map full screen with the scene's title and caption, a progress
// indicator and the 示例数据 mark, sized to be read on a projector from the back of a room. The
// keys presentation clickers send (PageDown/PageUp, arrows, space) move between scenes; Home and
// End jump to the ends; Esc leaves (also leaving full screen ends the presentation).

import { useEffect } from 'preact/hooks';
import { useActions, useAppState } from '../../state/context';
import { placeInfo } from '../../state/place-info';
import { useT } from '../i18n';
import './present.css';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/** Full screen where the browser allows it (it needs a click or key press to have started this). */
export function enterFullscreen(): void {
  const el = document.documentElement;
  if (document.fullscreenElement || !el.requestFullscreen) return;
  el.requestFullscreen().catch(() => {
    // Refused (not from a user gesture, or a kiosk policy): presenting works in the window.
  });
}

function leaveFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

export function Presenter() {
  const { t, lang } = useT();
  const actions = useActions();
  const index = useAppState((s) => s.presenting);
  const scenes = useAppState((s) => s.work.scenes);
  const synthetic = useAppState((s) => placeInfo(s, lang).synthetic);
  // A scene saved with the time bar open colours the map at the bar's date: say which.
  const timeline = useAppState((s) => s.timeline);

  useEffect(() => {
    if (index === null) return;
    const onKey = (e: KeyboardEvent) => {
      // A field being typed in (none is shown while presenting, but a dialog could be) keeps its keys.
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      // The keys are the presenter's: the map (focused after a click) must not also pan with
      // the arrows, which would report its own camera over the scene's.
      const take = () => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (e.key === 'Escape') {
        take();
        actions.stopPresenting();
      } else if (NEXT.has(e.key)) {
        take();
        actions.presentNext();
      } else if (PREVIOUS.has(e.key)) {
        take();
        actions.presentPrevious();
      } else if (e.key === 'Home') {
        take();
        actions.presentFirst();
      } else if (e.key === 'End') {
        take();
        actions.presentLast();
      }
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement) actions.stopPresenting();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [index === null]);

  // Leaving presenter mode (Esc, the button, the last scene deleted) leaves full screen too.
  useEffect(() => {
    if (index === null) leaveFullscreen();
  }, [index]);

  if (index === null) return null;
  const scene = scenes[index];
  const n = scenes.length;
  return (
    <div class="presenter" data-testid="presenter" data-index={index} role="region" aria-label={t('present')} aria-live="polite">
      <div class="presenter-bar">
        <div class="presenter-text">
          <h2 data-testid="presenter-title">{scene?.title ?? ''}</h2>
          {scene?.caption && <p data-testid="presenter-caption">{scene.caption}</p>}
        </div>
        <div class="presenter-side">
          {timeline && (
            <span class="presenter-date" data-testid="presenter-date">
              {t('presentTimelineAt').replace('{date}', timeline)}
            </span>
          )}
          {synthetic && (
            <span class="presenter-demo" data-testid="presenter-demo">
              {t('demoBadge')}
            </span>
          )}
          <div class="presenter-progress" data-testid="presenter-progress" aria-label={t('presentProgress').replace('{i}', String(index + 1)).replace('{n}', String(n))}>
            <span class="presenter-count">
              {index + 1} / {n}
            </span>
            <span class="presenter-dots" aria-hidden="true">
              {scenes.map((x, i) => (
                <i key={x.id} class={i === index ? 'on' : i < index ? 'past' : ''} />
              ))}
            </span>
          </div>
          <div class="presenter-nav">
            <button aria-label={t('presentPrevious')} disabled={index === 0} onClick={() => actions.presentPrevious()}>
              ‹
            </button>
            <button aria-label={t('presentNext')} disabled={index === n - 1} onClick={() => actions.presentNext()}>
              ›
            </button>
            <button class="presenter-end" data-testid="presenter-end" onClick={() => actions.stopPresenting()}>
              {t('presentEnd')}
            </button>
          </div>
        </div>
      </div>
      <p class="presenter-keys" aria-hidden="true">
        {t('presentKeys')}
      </p>
    </div>
  );
}
