// 闲置预警: parcels that cross a legal line within the warning window after the as-of date,
// by date, filterable by line; a row selects its parcel on the map as the parcel list does.

import { useMemo, useState } from 'preact/hooks';
import { asOfDate } from '../../state/app-state';
import { useActions, useAppState } from '../../state/context';
import { WARNING_WINDOWS } from '../../state/warning-actions';
import {
  WARNING_ACTION_BASIS, WARNING_ACTION_LABELS, WARNING_LINES, WARNING_LINE_LABELS, WARNING_LINE_SHORT, WARNING_LINE_SOURCES, type WarningLine,
} from '../../vocab';
import { fmt } from '../format';
import { useT } from '../i18n';
import './warnings.css';

/** The tab's label with the number of warnings once they are known. */
export function WarningsTabLabel() {
  const { t } = useT();
  const n = useAppState((s) => (s.workbench.warnings.listKey === null ? null : s.workbench.warnings.list.length));
  return (
    <>
      {t('warningsTab')}
      {n !== null && <span class="warn-count" data-testid="warnings-count"> {fmt(n, 0)}</span>}
    </>
  );
}

export function WarningList() {
  const actions = useActions();
  const { t, place, lang } = useT();
  const list = useAppState((s) => s.workbench.warnings.list);
  const known = useAppState((s) => s.workbench.warnings.listKey !== null);
  const days = useAppState((s) => s.settings.warningWindowDays);
  const asOf = useAppState(asOfDate);
  const parkOptions = useAppState((s) => s.parkOptions);
  const exporting = useAppState((s) => s.workbench.exporting);
  const selected = useAppState((s) => s.parcel);
  const [line, setLine] = useState<WarningLine | null>(null);
  const parkNames = useMemo(() => new Map(parkOptions.map((p) => [p.park_id, p.name])), [parkOptions]);
  const counts = useMemo(() => {
    const c = new Map<WarningLine, number>();
    for (const w of list) c.set(w.line, (c.get(w.line) ?? 0) + 1);
    return c;
  }, [list]);
  const shown = line === null ? list : list.filter((w) => w.line === line);
  return (
    <section class="plist warnings" data-testid="warning-list">
      <h3>{t('warningsTitle')}</h3>
      <div class="toggle" role="radiogroup" aria-label={t('warningsWindow')}>
        <span class="muted small">{t('warningsWindow')}</span>
        {WARNING_WINDOWS.map((n) => (
          <button
            key={n}
            type="button"
            class={n === days ? 'chip on' : 'chip'}
            role="radio"
            aria-checked={n === days}
            data-window={n}
            onClick={() => actions.setWarningWindow(n)}
          >
            {t('warningsWindowDays').replace('{n}', String(n))}
          </button>
        ))}
      </div>
      <p class="muted small">{t('warningsNote').replace('{asOf}', asOf).replace('{days}', String(days))}</p>
      <div class="warn-export">
        <button type="button" class="primary" data-testid="export-warnings" disabled={exporting} onClick={() => actions.exportWarnings()}>
          {exporting ? t('warningsExporting') : t('warningsExport')}
        </button>
      </div>
      <div class="warn-lines" role="group" aria-label={t('warningsAllLines')}>
        <button type="button" class={line === null ? 'chip on' : 'chip'} aria-pressed={line === null} data-line="" onClick={() => setLine(null)}>
          {t('warningsAllLines')} {fmt(list.length, 0)}
        </button>
        {WARNING_LINES.filter((l) => counts.has(l)).map((l) => (
          <button key={l} type="button" class={line === l ? 'chip on' : 'chip'} aria-pressed={line === l} data-line={l} onClick={() => setLine(line === l ? null : l)}>
            {WARNING_LINE_SHORT[l][lang]} {fmt(counts.get(l) ?? 0, 0)}
          </button>
        ))}
      </div>
      {!known && <p class="muted">{t('warningsComputing')}</p>}
      {known && shown.length === 0 && <p class="muted">{t('warningsEmpty')}</p>}
      <ul data-testid="warning-rows">
        {shown.map((w) => {
          const basis = WARNING_ACTION_BASIS[w.action];
          return (
            <li
              key={`${w.pidx}:${w.line}`}
              class={`warn-line-${w.line}${w.parcel_id === selected ? ' selected' : ''}`}
              data-parcel-id={w.parcel_id}
              data-line={w.line}
              data-date={w.line_date}
            >
              <button type="button" class="plist-item" onClick={() => actions.goToParcel(w.parcel_id)}>
                <span class="row1">
                  <b>{w.parcel_id}</b>
                  <span class="warn-date">
                    {w.line_date} · {w.days_left === 1 ? t('warningsOneDayLeft') : t('warningsDaysLeft').replace('{n}', String(w.days_left))}
                  </span>
                </span>
                <span class="row2" title={WARNING_LINE_SOURCES[w.line][lang]}>
                  {WARNING_LINE_LABELS[w.line][lang]}
                </span>
                <span class="row2 muted">
                  {place(w.county)} · {w.park_id === null ? t('outsidePark') : parkNames.get(w.park_id) ?? w.park_id}
                </span>
                <span class="row2 warn-action" title={basis[lang]}>
                  {WARNING_ACTION_LABELS[w.action][lang]}
                  <span class={basis.statute ? 'warn-basis statute' : 'warn-basis local'}>
                    {basis.statute ? t('warningsStatute') : t('warningsLocalPractice')}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
