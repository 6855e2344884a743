// The measuring tool on the map: a toggle, the measured values beside the last point, and a
// panel with close and clear. While it is on, map clicks place points instead of selecting.

import type maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'preact/hooks';
import { EMPTY_MEASURE, type LngLat, type Measure, measureClick, measureClose, measureEnd, measureOf } from '../map/measure';
import { useT } from './i18n';
import { formatArea, formatDistance } from './measure-format';
import './nav.css';

/** A click this close to the first point (CSS pixels) closes the shape. */
const CLOSE_PX = 10;

export interface MeasureControl {
  active: boolean;
  measure: Measure;
  toggle(): void;
  /** A map click at canvas point (x, y), [lng, lat]. */
  click(map: maplibregl.Map, x: number, y: number, lngLat: LngLat): void;
  end(): void;
  close(): void;
  clear(): void;
}

export function useMeasure(): MeasureControl {
  const [active, setActive] = useState(false);
  const [measure, setMeasure] = useState<Measure>(EMPTY_MEASURE);
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMeasure(measureEnd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
  return {
    active,
    measure,
    toggle() {
      setActive(!active);
      if (active) setMeasure(EMPTY_MEASURE);
    },
    click(map, x, y, lngLat) {
      setMeasure((m) => {
        const first = m.points[0];
        const p = first ? map.project(first) : null;
        return measureClick(m, lngLat, !!p && Math.hypot(p.x - x, p.y - y) <= CLOSE_PX);
      });
    },
    end: () => setMeasure(measureEnd),
    close: () => setMeasure(measureClose),
    clear: () => setMeasure(EMPTY_MEASURE),
  };
}

/** The values, written on the map beside the last point (or the ring's first point). */
function MeasureLabel(props: { map: maplibregl.Map; measure: Measure }) {
  const { lang } = useT();
  const [, setTick] = useState(0);
  useEffect(() => {
    const f = () => setTick((n) => n + 1);
    props.map.on('move', f);
    return () => void props.map.off('move', f);
  }, [props.map]);
  const { points, closed } = props.measure;
  if (points.length < 2) return null;
  const at = closed ? points[0] : points[points.length - 1];
  const p = props.map.project(at);
  const r = measureOf(props.measure);
  return (
    <div class="nav-measure-label" style={{ left: `${p.x + 10}px`, top: `${p.y - 12}px` }} data-testid="measure-label">
      <div>{formatDistance(r.distanceM, lang)}</div>
      {r.areaM2 !== null && <div>{formatArea(r.areaM2, lang)}</div>}
    </div>
  );
}

export function MeasurePanel(props: { control: MeasureControl; map: maplibregl.Map | null }) {
  const { t, lang } = useT();
  const { active, measure } = props.control;
  const r = measureOf(measure);
  return (
    <>
      <button
        class={active ? 'nav-measure-toggle on' : 'nav-measure-toggle'}
        aria-pressed={active}
        data-testid="measure-toggle"
        onClick={props.control.toggle}
        title={t('navMeasureHint')}
      >
        {active ? t('navMeasureStop') : t('navMeasure')}
      </button>
      {active && (
        <div class="nav-measure-panel" data-testid="measure-panel" role="status">
          <p class="small muted">{t('navMeasureHint')}</p>
          <div>
            {t('navMeasureDistance')} <b data-testid="measure-distance" data-m={r.distanceM}>{formatDistance(r.distanceM, lang)}</b>
          </div>
          {r.areaM2 !== null && (
            <div>
              {t('navMeasureArea')} <b data-testid="measure-area" data-m2={r.areaM2}>{formatArea(r.areaM2, lang)}</b>
            </div>
          )}
          <div class="nav-measure-actions">
            <button class="link" disabled={measure.points.length < 3 || measure.closed} onClick={props.control.close}>
              {t('navMeasureClose')}
            </button>
            <button class="link" disabled={!measure.points.length} onClick={props.control.clear} data-testid="measure-clear">
              {t('navMeasureClear')}
            </button>
          </div>
        </div>
      )}
      {active && props.map && <MeasureLabel map={props.map} measure={measure} />}
    </>
  );
}
