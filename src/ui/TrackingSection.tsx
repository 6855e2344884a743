// Recording progress on a parcel (待核查 → 已约谈 → 限期整改 → 已收回 / 已盘活) and reading its history.

import { useState } from 'preact/hooks';
import { useT } from './i18n';
import { useActions, useAppState } from '../state/context';
import { TRACKING_STAGES, TRACKING_STAGE_LABELS, formatDate, formatDateTime } from '../vocab';

export function TrackingSection(props: { parcelId: string }) {
  const actions = useActions();
  const { t, lang } = useT();
  const history = useAppState((s) => s.workbench.history);
  const error = useAppState((s) => s.workbench.error);
  const [stage, setStage] = useState<string>(TRACKING_STAGES[0]);
  const today = useAppState((s) => s.today);
  const [date, setDate] = useState(today);
  const [person, setPerson] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    const errors = await actions.addTrackingStep({ parcel_id: props.parcelId, stage, date, person, note });
    setSaving(false);
    if (errors.length === 0) setNote('');
  };
  return (
    <section class="tracking" data-testid="tracking">
      <h3>{t('tracking')}</h3>
      {history.length === 0 ? (
        <p class="muted small">{t('noTracking')}</p>
      ) : (
        <ol class="history" data-testid="tracking-history">
          {history.map((r) => (
            <li key={r.id}>
              <b>{TRACKING_STAGE_LABELS[r.stage][lang]}</b> · {formatDate(r.date, lang)} · {r.person}
              <div class="small muted">
                {t('recordedAt')} {formatDateTime(r.recorded_at, lang)}
              </div>
              {r.note && <div class="small muted">{r.note}</div>}
            </li>
          ))}
        </ol>
      )}
      <form class="tracking-form" onSubmit={submit}>
        <select aria-label={t('trackingStage')} data-testid="tracking-stage" value={stage} onChange={(e) => setStage((e.target as HTMLSelectElement).value)}>
          {TRACKING_STAGES.map((s) => (
            <option key={s} value={s}>
              {TRACKING_STAGE_LABELS[s][lang]}
            </option>
          ))}
        </select>
        <input type="date" aria-label={t('trackingDate')} data-testid="tracking-date" value={date} onChange={(e) => setDate((e.target as HTMLInputElement).value)} />
        <input
          type="text"
          placeholder={t('trackingPerson')}
          aria-label={t('trackingPerson')}
          data-testid="tracking-person"
          value={person}
          onInput={(e) => setPerson((e.target as HTMLInputElement).value)}
        />
        <input
          type="text"
          placeholder={t('trackingNote')}
          aria-label={t('trackingNote')}
          data-testid="tracking-note"
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="primary" data-testid="tracking-add" disabled={saving}>
          {t('trackingAdd')}
        </button>
      </form>
      {error && (
        <p class="warn" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
