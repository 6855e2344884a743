// Renders the map on screen k times sharper and composites it into a PNG with its overlays.
// The map is two canvases (MapLibre below, deck.gl above, `interleaved: false`): both are
// re-rendered at k× — MapLibre's `setPixelRatio(k)`, deck.gl's `useDevicePixels: k` — keeping
// their CSS size, so the page looks the same while it happens; once both have drawn a frame at
// the new size they are copied onto a 2D canvas, the pixel ratios are restored at once, and the
// title, legend, scale bar, north arrow and source are drawn in Canvas2D with the page's font.

import type { MapboxOverlay } from '@deck.gl/mapbox';
import type maplibregl from 'maplibre-gl';
import { cssFont, drawPictureOverlays } from '../../map/picture-draw';
import { type PictureContent, type PictureLayout, layoutPicture } from '../../map/picture-layout';
import { type DrawingLimits, pictureSize } from '../../map/picture-size';

export interface PictureTargets {
  map: maplibregl.Map;
  overlay: MapboxOverlay;
}

export type PictureStep = 'render' | 'compose' | 'encode';

/** A canvas came back smaller than asked: the browser capped it (picture-size.ts). */
export class PictureShrunk extends Error {
  constructor(
    readonly got: { width: number; height: number },
    readonly wanted: { width: number; height: number },
  ) {
    super(`drawing buffer ${got.width}×${got.height}, wanted ${wanted.width}×${wanted.height}`);
  }
}

/** The map's size in CSS pixels (the picture at 1×). */
export function mapCssSize(map: maplibregl.Map): { width: number; height: number } {
  const c = map.getCanvas();
  return { width: c.clientWidth, height: c.clientHeight };
}

/**
 * Chromium's cap on a WebGL drawing buffer's area (a larger request is shrunk): 7680 × 4320, a
 * 4× picture of a 1920 × 1080 map. It cannot be queried, and probing it with a throwaway context
 * of that size costs the page's own contexts on a software renderer, so it is taken as known;
 * a canvas shrunk anyway is still caught after drawing (PictureShrunk).
 */
export const DRAWING_BUFFER_AREA = 7680 * 4320;

/** The drawing-buffer limits of this browser and graphics card (per side: WebGL parameters of the map's context). */
export function drawingLimits(map: maplibregl.Map): DrawingLimits {
  const gl = map.getCanvas().getContext('webgl2') as WebGL2RenderingContext | null;
  if (!gl) return { maxSide: 4096, maxArea: 4096 * 4096 };
  const vp = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const maxSide = Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), gl.getParameter(gl.MAX_TEXTURE_SIZE), vp[0], vp[1]);
  return { maxSide, maxArea: DRAWING_BUFFER_AREA };
}

/** MapLibre caps its canvas at `maxCanvasSize` (4096² by default, a private field after construction). */
type MapInternals = { _maxCanvasSize?: [number, number]; _overridePixelRatio?: number | null };
/** deck.gl's Deck behind the overlay, for a forced redraw (its canvas does not redraw on a pixel-ratio change alone). */
type OverlayInternals = { _deck?: { redraw(reason?: string): void } };

/**
 * True while the picture changes the map's pixel ratio. MapLibre's resize fires movestart/moveend
 * synchronously although the camera stays put; MapView leaves those out of the recorded camera
 * (and so the address bar), which a picture must not change.
 */
let resizing = false;
export const pictureResizing = (): boolean => resizing;

function setPixelRatio(map: maplibregl.Map, ratio: number | null): void {
  resizing = true;
  try {
    // null: follow the screen's devicePixelRatio again.
    map.setPixelRatio(ratio as number);
  } finally {
    resizing = false;
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves once MapLibre has drawn everything at the current size (idle: no tiles loading, no animation). */
function mapIdle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

async function deckDrawn(overlay: MapboxOverlay, width: number, height: number): Promise<HTMLCanvasElement> {
  const canvas = overlay.getCanvas();
  if (!canvas) throw new Error('deck.gl canvas missing');
  for (let i = 0; i < 30; i++) {
    (overlay as unknown as OverlayInternals)._deck?.redraw('picture export');
    await nextFrame();
    if (canvas.width !== width || canvas.height !== height) continue;
    // The canvas has the size asked for; the browser may still have given a smaller buffer.
    const gl = canvas.getContext('webgl2');
    if (gl && (gl.drawingBufferWidth !== width || gl.drawingBufferHeight !== height)) {
      throw new PictureShrunk({ width: gl.drawingBufferWidth, height: gl.drawingBufferHeight }, { width, height });
    }
    return canvas;
  }
  throw new Error('deck.gl did not redraw');
}

/** The graphics card dropped a canvas's context while drawing at k× (out of memory, typically). */
export class PictureContextLost extends Error {
  constructor() {
    super('WebGL context lost');
  }
}

function contextLost(canvas: HTMLCanvasElement): boolean {
  return (canvas.getContext('webgl2') as WebGL2RenderingContext | null)?.isContextLost() ?? false;
}

/** How long MapLibre may take to settle at k× (software WebGL on two cores needs seconds at 4×). */
const SETTLE_MS = 120_000;

/**
 * Rejects when either canvas loses its WebGL context or the map does not settle in time, so the
 * dialog never waits on a map that will not draw again; `stop` removes the listeners.
 */
function watchdog(canvases: HTMLCanvasElement[]): { failed: Promise<never>; stop(): void } {
  let reject: (e: Error) => void = () => undefined;
  const failed = new Promise<never>((_, r) => (reject = r));
  failed.catch(() => undefined);
  const onLost = () => reject(new PictureContextLost());
  canvases.forEach((c) => c.addEventListener('webglcontextlost', onLost));
  const timer = setTimeout(() => reject(new Error('the map did not finish drawing')), SETTLE_MS);
  return {
    failed,
    stop() {
      clearTimeout(timer);
      canvases.forEach((c) => c.removeEventListener('webglcontextlost', onLost));
    },
  };
}

export interface RenderedPicture {
  blob: Blob;
  layout: PictureLayout;
}

/**
 * Draws the picture at `scale` (a multiple of the map's CSS size). The screen map is restored
 * whatever happens; a canvas the browser shrinks raises PictureShrunk rather than giving a
 * smaller or half-drawn picture.
 */
export async function renderPicture(
  t: PictureTargets,
  scale: number,
  content: PictureContent,
  onStep: (step: PictureStep) => void,
): Promise<RenderedPicture> {
  const { map, overlay } = t;
  const css = mapCssSize(map);
  const want = pictureSize(css.width, css.height, scale);
  const internals = map as unknown as MapInternals;
  const savedMax = internals._maxCanvasSize;
  const savedRatio = internals._overridePixelRatio ?? null;
  onStep('render');
  // The page's CJK font must be loaded before Canvas2D measures or draws with it.
  await document.fonts.load(cssFont({ size: 16 })).catch(() => undefined);
  const out = document.createElement('canvas');
  const deckCanvasEl = overlay.getCanvas();
  const guard = watchdog([map.getCanvas(), ...(deckCanvasEl ? [deckCanvasEl] : [])]);
  try {
    if (savedMax) internals._maxCanvasSize = [Math.max(want.width, savedMax[0]), Math.max(want.height, savedMax[1])];
    setPixelRatio(map, scale);
    overlay.setProps({ useDevicePixels: scale });
    await Promise.race([mapIdle(map), guard.failed]);
    const mapCanvas = map.getCanvas();
    if (mapCanvas.width !== want.width || mapCanvas.height !== want.height) {
      throw new PictureShrunk({ width: mapCanvas.width, height: mapCanvas.height }, want);
    }
    const deckCanvas = await Promise.race([deckDrawn(overlay, want.width, want.height), guard.failed]);
    onStep('compose');
    out.width = want.width;
    out.height = want.height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(mapCanvas, 0, 0);
    ctx.drawImage(deckCanvas, 0, 0);
    // The loss event arrives later than the loss: a lost context at this point means the pixels
    // just copied may be blank, and a blank picture is never saved.
    if (contextLost(mapCanvas) || contextLost(deckCanvas)) throw new PictureContextLost();
  } finally {
    guard.stop();
    if (savedMax) internals._maxCanvasSize = savedMax;
    setPixelRatio(map, savedRatio);
    overlay.setProps({ useDevicePixels: true });
    map.triggerRepaint();
    (overlay as unknown as OverlayInternals)._deck?.redraw('picture export done');
  }
  const ctx = out.getContext('2d')!;
  const measure = (text: string, font: { size: number; bold?: boolean }) => {
    ctx.font = cssFont(font);
    return ctx.measureText(text).width;
  };
  const layout = layoutPicture(content, { cssWidth: css.width, cssHeight: css.height, pixelRatio: scale }, measure, (y) => map.unproject([css.width / 2, y]).lat);
  drawPictureOverlays(ctx, layout);
  onStep('encode');
  await nextFrame();
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  out.width = out.height = 1;
  if (!blob) throw new Error('PNG encoding failed');
  return { blob, layout };
}

