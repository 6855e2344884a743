// 导出图片: a map control that opens a small dialog — 1×, 2× or 4× the map's size on screen —
// and downloads the map as a PNG with its title, legend, scale bar, north arrow, as-of date,
// data source and the 示例数据 mark. Sizes the graphics card cannot draw are offered no further
// than the largest that fits, and said so; while the picture is drawn the dialog shows the step
// and covers the page, and afterwards the map is as it was.

import type { MapboxOverlay } from '@deck.gl/mapbox';
import type maplibregl from 'maplibre-gl';
import type { RefObject } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../i18n/dict';
import { toPixels } from '../../map/picture-layout';
import { type DrawingLimits, fits, largestFittingScale, pictureSize } from '../../map/picture-size';
import { useApp, useAppState } from '../../state/context';
import { saveBlob } from '../../state/browser-effects';
import { todayLocal } from '../../vocab';
import { useDialog } from '../dialog';
import { useT } from '../i18n';
import { fill, pictureContent, pictureName } from './picture-content';
import { type PictureStep, PictureContextLost, PictureShrunk, drawingLimits, mapCssSize, renderPicture } from './render-picture';
import { type LastPicture, setLastPicture } from './last-picture';
import '../picture.css';

const SCALES = [1, 2, 4] as const;
const STEP_KEYS: Record<PictureStep, MessageKey> = { render: 'pictureStepRender', compose: 'pictureStepCompose', encode: 'pictureStepEncode' };

type Phase =
  | { kind: 'choose' }
  | { kind: 'working'; step: PictureStep; scale: number }
  | { kind: 'done'; name: string; width: number; height: number }
  | { kind: 'error'; message: string; retry: number | null };


function PictureDialog(props: { map: maplibregl.Map; overlay: MapboxOverlay; onClose: () => void }) {
  const { t } = useT();
  const app = useApp();
  const ref = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const working = phase.kind === 'working';
  // Esc and the close button do nothing while the map is being redrawn (it must be restored first).
  useDialog(ref, () => !working && props.onClose());
  const css = useMemo(() => mapCssSize(props.map), [props.map]);
  const limits = useMemo<DrawingLimits>(() => drawingLimits(props.map), [props.map]);
  const largest = largestFittingScale(css.width, css.height, 4, limits);
  // 1×, 2×, 4×, and the largest scale that fits when it is none of them (e.g. 3.5×).
  const options: number[] = (SCALES as readonly number[]).includes(largest) ? [...SCALES] : [...SCALES, largest].sort((a, b) => a - b);
  const [scale, setScale] = useState<number>(() => (fits(css.width, css.height, 2, limits) ? 2 : largest));
  const size = (k: number) => pictureSize(css.width, css.height, k);

  async function run(k: number) {
    setPhase({ kind: 'working', step: 'render', scale: k });
    const s = app.store.get();
    const name = pictureName(s, s.lang, k);
    try {
      const content = pictureContent(s, s.lang, { bearing: props.map.getBearing(), zoom: props.map.getZoom() }, todayLocal());
      const { blob, layout } = await renderPicture({ map: props.map, overlay: props.overlay }, k, content, (step) => setPhase({ kind: 'working', step, scale: k }));
      const last: LastPicture = {
        name,
        width: layout.width,
        height: layout.height,
        scale: k,
        lang: s.lang,
        legendLabels: content.legend?.rows.map((r) => r.label) ?? [],
        legend: layout.legend ? toPixels(layout.legend.box, k) : null,
        swatches: layout.legend?.rows.map((r) => ({ colour: r.colour, kind: r.kind, box: toPixels(r.swatch, k) })) ?? [],
        marks: layout.title.badges.map((b) => toPixels(b, k)),
      };
      setLastPicture(last);
      saveBlob(blob, name);
      setPhase({ kind: 'done', name, width: layout.width, height: layout.height });
    } catch (e) {
      if (e instanceof PictureShrunk) {
        // The browser capped the canvas: offer the largest scale its answer allows.
        const fitK = Math.floor(((k * e.got.width) / e.wanted.width) * 2) / 2;
        const reason = fill(t('pictureShrunk'), { w: e.got.width, h: e.got.height, wantW: e.wanted.width, wantH: e.wanted.height });
        setPhase({ kind: 'error', message: fill(t('pictureFailed'), { reason }), retry: fitK >= 1 && fitK < k ? fitK : null });
      } else if (e instanceof PictureContextLost) {
        // The map cannot be trusted to draw again in this page: say so, and offer nothing larger.
        setPhase({ kind: 'error', message: t('pictureContextLost'), retry: null });
      } else {
        setPhase({ kind: 'error', message: fill(t('pictureFailed'), { reason: e instanceof Error ? e.message : String(e) }), retry: null });
      }
    }
  }

  return (
    <div class="modal-backdrop pic-backdrop" onClick={(e) => e.target === e.currentTarget && !working && props.onClose()}>
      <div class="modal pic-dialog" role="dialog" aria-modal="true" aria-label={t('pictureTitle')} aria-busy={working} ref={ref} tabIndex={-1} data-testid="picture-dialog">
        <header class="modal-head">
          <h2>{t('pictureTitle')}</h2>
          <button type="button" class="close" aria-label={t('pictureClose')} disabled={working} onClick={props.onClose}>
            ×
          </button>
        </header>
        <p class="pic-intro">{t('pictureIntro')}</p>
        <fieldset class="pic-scales" disabled={working}>
          <legend>{t('pictureScale')}</legend>
          {options.map((k) => {
            const ok = fits(css.width, css.height, k, limits);
            const { width, height } = size(k);
            return (
              <label key={k} class={ok ? 'pic-scale' : 'pic-scale off'}>
                <input type="radio" name="pic-scale" value={k} checked={scale === k} disabled={!ok} data-testid={`picture-scale-${k}`} onChange={() => setScale(k)} />
                <span>{fill(t('pictureScaleOption'), { k, w: width, h: height })}</span>
                {!ok && <span class="pic-note">{fill(t('pictureTooLarge'), { k, w: width, h: height })}</span>}
              </label>
            );
          })}
          {options.some((k) => !fits(css.width, css.height, k, limits)) && (
            <p class="pic-note">{fill(t('pictureLargest'), { k: largest, w: size(largest).width, h: size(largest).height })}</p>
          )}
        </fieldset>
        <div class="pic-status" role="status" aria-live="polite" data-testid="picture-status">
          {phase.kind === 'working' && (
            <>
              <div class="spinner" />
              {fill(t(STEP_KEYS[phase.step]), { k: phase.scale })}
            </>
          )}
          {phase.kind === 'done' && fill(t('pictureDone'), { name: phase.name, w: phase.width, h: phase.height })}
          {phase.kind === 'error' && <span class="pic-error">{phase.message}</span>}
        </div>
        <footer class="modal-foot">
          <button type="button" disabled={working} onClick={props.onClose}>
            {phase.kind === 'done' ? t('pictureClose') : t('pictureCancel')}
          </button>
          {phase.kind === 'error' && phase.retry !== null && (
            <button type="button" onClick={() => void run(phase.retry!)} data-testid="picture-retry">
              {fill(t('pictureExportLargest'), { k: phase.retry })}
            </button>
          )}
          <button type="button" class="primary" disabled={working} onClick={() => void run(scale)} data-testid="picture-export">
            {t('pictureExport')}
          </button>
        </footer>
      </div>
    </div>
  );
}

export function PictureExport(props: { mapRef: RefObject<maplibregl.Map | null>; overlayRef: RefObject<MapboxOverlay | null> }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  // A picture is taken of a finished map: data loaded, rules applied, nothing pending.
  const ready = useAppState((s) => s.phase === 'ready' && s.pending === 0 && s.categories !== null);
  const map = props.mapRef.current;
  const overlay = props.overlayRef.current;
  return (
    <>
      <button
        type="button"
        class="pic-button"
        aria-haspopup="dialog"
        disabled={!ready || !map || !overlay}
        title={ready ? t('pictureIntro') : t('pictureNotReady')}
        data-testid="picture-button"
        onClick={() => setOpen(true)}
      >
        {t('pictureButton')}
      </button>
      {open && map && overlay && <PictureDialog map={map} overlay={overlay} onClose={() => setOpen(false)} />}
    </>
  );
}
