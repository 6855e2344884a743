// The time bar (闲置用地变化): a slider over quarter ends with steps and play, the map coloured
// by the land rules at the chosen date, and a chart of idle and 盘活 area per period. Its date is
// part of the view (`t` in the address): a shared link opens the bar at that date, and closing
// it returns the map to the view's as-of date, which the figures, list and exports keep using.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { asOfDate } from '../../state/app-state';
import { useActions, useAppState } from '../../state/context';
import { timelineCategories } from '../../state/timeline';
import { m2ToMu } from '../../vocab';
import { fmt } from '../format';
import { useT } from '../i18n';
import { TimelineChart } from './TimelineChart';
import './timeline.css';

/** One step a second while playing: long enough to read the date and see the map change. */
const PLAY_STEP_MS = 1000;

/** The stop shown for a date: that stop, else the last stop before it (the first when none). */
export function stopIndex(dates: readonly string[], date: string): number {
  let i = 0;
  while (i + 1 < dates.length && dates[i + 1] <= date) i++;
  return i;
}

export function TimeBar() {
  const { t } = useT();
  const date = useAppState((s) => s.timeline);
  const mode = useAppState((s) => s.mode);
  const series = useAppState((s) => s.time.series);
  const intervals = useAppState((s) => s.time.intervals);
  // The bar opens at the view's as-of date: the map looks as it did, then the planner steps back.
  const asOf = useAppState(asOfDate);
  const { setTimeline } = useActions();
  const [playing, setPlaying] = useState(false);
  // The chart starts on the county the view is filtered to, when it is one.
  const filtered = useAppState((s) => (s.filter.counties.length === 1 ? s.filter.counties[0] : ''));
  const [county, setCounty] = useState(filtered);
  const dates = series?.dates ?? [];
  const at = date === null || dates.length === 0 ? 0 : stopIndex(dates, date);
  const atRef = useRef(at);
  atRef.current = at;

  // Playing steps forward once a second and stops at the last stop.
  useEffect(() => {
    if (!playing || dates.length === 0) return;
    const timer = setInterval(() => {
      const next = atRef.current + 1;
      if (next >= dates.length) setPlaying(false);
      else setTimeline(dates[next]);
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, dates]);

  const idleParcels = useMemo(() => {
    if (date === null || !intervals) return null;
    const c = timelineCategories(date, intervals);
    let n = 0;
    for (let p = 0; p < c.length; p++) if (c[p] !== 0) n++;
    return n;
  }, [date, intervals]);

  if (mode !== 'idle') return null;
  if (date === null) {
    return (
      <button type="button" class="timebar-open" data-testid="timeline-open" title={t('timelineOpenHint')} onClick={() => setTimeline(asOf)}>
        <span aria-hidden="true">◷ </span>
        {t('timelineOpen')}
      </button>
    );
  }
  const go = (i: number) => setTimeline(dates[Math.max(0, Math.min(dates.length - 1, i))]);
  const shown = dates[at] ?? date;
  const counties = [...new Set([...(series?.idle.keys() ?? []), ...(series?.revitalised.keys() ?? []), county])].filter((k) => k !== '').sort((a, b) => a.localeCompare(b, 'zh'));
  const idleM2 = series?.idle.get(county)?.[at] ?? 0;
  const revitalisedM2 = series?.revitalised.get(county)?.[at] ?? 0;
  return (
    <section
      class="timebar"
      data-testid="timebar"
      aria-label={t('timelineTitle')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setPlaying(false);
          setTimeline(null);
        }
      }}
    >
      <div class="timebar-row">
        <h3>{t('timelineTitle')}</h3>
        <button type="button" class="timebar-btn" aria-label={t('timelinePrev')} title={t('timelinePrev')} disabled={!series || at === 0} onClick={() => go(at - 1)} data-testid="timeline-prev">
          ‹
        </button>
        <button
          type="button"
          class="timebar-btn play"
          aria-label={playing ? t('timelinePause') : t('timelinePlay')}
          title={playing ? t('timelinePause') : t('timelinePlay')}
          aria-pressed={playing}
          disabled={!series}
          data-testid="timeline-play"
          onClick={() => {
            // Play from the start when the bar stands at its end.
            if (!playing && at >= dates.length - 1) go(0);
            setPlaying(!playing);
          }}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" class="timebar-btn" aria-label={t('timelineNext')} title={t('timelineNext')} disabled={!series || at >= dates.length - 1} onClick={() => go(at + 1)} data-testid="timeline-next">
          ›
        </button>
        <input
          type="range"
          class="timebar-slider"
          min={0}
          max={Math.max(0, dates.length - 1)}
          step={1}
          value={at}
          disabled={!series}
          aria-label={t('timelineSlider')}
          aria-valuetext={shown}
          data-testid="timeline-slider"
          onInput={(e) => go(Number((e.target as HTMLInputElement).value))}
        />
        <output class="timebar-date" data-testid="timeline-date">
          {shown}
        </output>
        <button type="button" class="timebar-close" aria-label={t('timelineClose')} title={t('timelineClose')} data-testid="timeline-close" onClick={() => { setPlaying(false); setTimeline(null); }}>
          ×
        </button>
      </div>
      {series ? (
        <div class="timebar-body">
          <div class="timebar-figures">
            <label class="small">
              {t('timelineCounty')}{' '}
              <select value={county} onChange={(e) => setCounty((e.target as HTMLSelectElement).value)} data-testid="timeline-county">
                <option value="">{t('timelineAllCounties')}</option>
                {counties.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <div class="timebar-figure idle">
              <span>{t('timelineIdle')}</span>
              <b data-testid="timeline-idle-mu">{fmt(m2ToMu(idleM2), 0)}</b> {t('timelineMu')}
              {county === '' && idleParcels !== null && (
                <span class="small muted">
                  {' '}· <span data-testid="timeline-idle-parcels">{idleParcels}</span> {t('timelineParcels')}
                </span>
              )}
            </div>
            <div class="timebar-figure revitalised">
              <span>{t('timelineRevitalised')}</span>
              <b data-testid="timeline-revitalised-mu">{fmt(m2ToMu(revitalisedM2), 0)}</b> {t('timelineMu')}
            </div>
          </div>
          <TimelineChart series={series} county={county} at={at} onPick={go} />
        </div>
      ) : (
        <div class="timebar-body small muted" role="status">
          {t('timelineLoading')}
        </div>
      )}
      <div class="timebar-note small muted">{t('timelineNote')}</div>
    </section>
  );
}
