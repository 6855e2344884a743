// 项目流转: refer a project to another member of a promotion group its county belongs to, with
// the referring county's share (0–100 %) of output and tax statistics, a date and a note.
// Problems (not a member, same county, bad %) show next to their field.

import { useState } from 'preact/hooks';
import { promotionGroups } from '../../state/app-state';
import { useActions, useAppState } from '../../state/context';
import { type Project, type ProjectIssue, hostCounty, projectFieldIssues } from '../../state/pipeline';
import { useT } from '../i18n';
import { fill } from './fill';
import { FieldProblems as Problems } from '../FieldProblems';

export function ReferForm(props: { project: Project; onDone: () => void }) {
  const { t, lang, place } = useT();
  const actions = useActions();
  const groups = useAppState(promotionGroups);
  const today = useAppState((s) => s.today);
  const from = hostCounty(props.project);
  // Only members of this county's groups are offered; checkReferral still refuses anything else.
  const members = [...new Set(groups.filter((g) => g.counties.includes(from)).flatMap((g) => g.counties))].filter((c) => c !== from);
  const [to, setTo] = useState(members[0] ?? '');
  const [pct, setPct] = useState('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<ProjectIssue[]>([]);
  if (members.length === 0) return <p class="muted small">{fill(t('plNoGroup'), { county: place(from) })}</p>;
  const of = (f: ProjectIssue['field']) => projectFieldIssues(issues, f, lang);
  const submit = (e: Event) => {
    e.preventDefault();
    const r = actions.referProject(props.project.project_id, { to, share_out_pct: pct.trim() === '' ? Number.NaN : Number(pct), date, note });
    setIssues(r);
    if (r.length === 0) props.onDone();
  };
  const toP = of('referred_to');
  const pctP = of('share_out_pct');
  const dateP = of('referred_date');
  return (
    <form class="pl-form" onSubmit={submit} data-testid="refer-form" noValidate>
      <label class="pl-field">
        <span>{t('plReferTo')}</span>
        <select value={to} name="referred_to" onChange={(e) => setTo((e.target as HTMLSelectElement).value)} aria-invalid={toP.length > 0} aria-describedby={toP.length ? 'pl-refer-to-p' : undefined}>
          {members.map((c) => (
            <option key={c} value={c}>
              {place(c)}
            </option>
          ))}
        </select>
        <Problems list={toP} id="pl-refer-to-p" />
      </label>
      <label class="pl-field">
        <span>{t('plShare')}</span>
        <input type="number" min={0} max={100} step="any" name="share_out_pct" value={pct} onInput={(e) => setPct((e.target as HTMLInputElement).value)} aria-invalid={pctP.length > 0} aria-describedby={pctP.length ? 'pl-refer-pct-p' : 'pl-refer-pct-h'} />
        <small class="muted" id="pl-refer-pct-h">
          {t('plShareHint')}
        </small>
        <Problems list={pctP} id="pl-refer-pct-p" />
      </label>
      <label class="pl-field">
        <span>{t('plReferDate')}</span>
        <input type="date" name="referred_date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} aria-invalid={dateP.length > 0} aria-describedby={dateP.length ? 'pl-refer-date-p' : undefined} />
        <Problems list={dateP} id="pl-refer-date-p" />
      </label>
      <label class="pl-field">
        <span>{t('plReferNote')}</span>
        <input type="text" name="referral_note" maxLength={200} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </label>
      <div class="pl-actions">
        <button type="submit" class="primary" data-testid="refer-submit">
          {t('plReferSubmit')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('plCancel')}
        </button>
      </div>
    </form>
  );
}
