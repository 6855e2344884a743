// The promotion-group panel (组团) of the park-layout review: the groups in force, edited in
// place — add, rename, tick member counties, delete, restore the data's groups — and the way
// into the brochures: a joint brochure per group, a park brochure (园区名片) per park.
// Edits go to a draft; the draft is stored as soon as checkGroups finds nothing wrong, and
// the problems are shown beside the field they concern until then.

import { useEffect, useState } from 'preact/hooks';
import { promotionGroups } from '../../state/app-state';
import { parksOfGroup } from '../../state/brochure-actions';
import { useActions, useAppState } from '../../state/context';
import { type PromotionGroup, addGroup, checkGroups, deleteGroup, fieldIssues, renameGroup, sameGroups, setMember } from '../../state/group-edit';
import { useT } from '../i18n';
import { type BrochureRequest, BrochureDialog } from './BrochureDialog';
import '../brochure.css';
import { FieldProblems as Problems } from '../FieldProblems';

export function GroupPanel() {
  const { t, lang, place } = useT();
  const actions = useActions();
  const stored = useAppState(promotionGroups);
  const edited = useAppState((s) => s.work.groups !== null);
  const readOnly = useAppState((s) => s.workReadOnly);
  const counties = useAppState((s) => s.countyOptions);
  const parks = useAppState((s) => s.parkOptions);
  const chosen = useAppState((s) => s.group);
  const [draft, setDraft] = useState<PromotionGroup[]>(stored);
  const [brochure, setBrochure] = useState<BrochureRequest | null>(null);
  // The park chosen on the map (a one-park filter) is offered first.
  const chosenPark = useAppState((s) => (s.filter.parkIds.length === 1 ? s.filter.parkIds[0] : ''));
  const [parkChoice, setParkChoice] = useState(chosenPark);
  useEffect(() => setParkChoice(chosenPark), [chosenPark]);
  // A stored change from elsewhere (restore, another place, a workspace file) replaces the draft.
  useEffect(() => setDraft(stored), [stored]);
  const issues = checkGroups(draft, counties);

  const edit = (next: PromotionGroup[]) => {
    setDraft(next);
    if (checkGroups(next, counties).length === 0 && !sameGroups(next, stored)) actions.setGroups(next);
  };
  const sep = lang === 'zh' ? '、' : ', ';

  return (
    <section class="layout-section grp-panel" data-testid="group-panel">
      <h3>{t('grpTitle')}</h3>
      <p class="muted small">
        {t('grpIntro')} {t(edited ? 'grpEdited' : 'grpFromData')}
      </p>
      {readOnly && <p class="small grp-warn">{t('grpReadOnly')}</p>}
      {draft.length === 0 && <p class="muted small">{t('grpNone')}</p>}
      <ul class="grp-list">
        {draft.map((g) => {
          const nameId = `grp-name-${g.group_id}`;
          const nameProblems = [...fieldIssues(issues, g.group_id, 'group_id', lang), ...fieldIssues(issues, g.group_id, 'name', lang)];
          const memberProblems = fieldIssues(issues, g.group_id, 'counties', lang);
          const groupParks = parksOfGroup(parks, g);
          const on = chosen === g.group_id;
          return (
            <li key={g.group_id} class={on ? 'grp on' : 'grp'} data-group={g.group_id}>
              <label class="grp-name" for={nameId}>
                {t('grpName')}
              </label>
              <input
                id={nameId}
                type="text"
                value={g.name}
                disabled={readOnly}
                maxLength={60}
                aria-invalid={nameProblems.length > 0}
                aria-describedby={nameProblems.length > 0 ? `${nameId}-p` : undefined}
                onInput={(e) => edit(renameGroup(draft, g.group_id, (e.target as HTMLInputElement).value))}
              />
              <Problems list={nameProblems} id={`${nameId}-p`} />
              <fieldset class="grp-members" aria-invalid={memberProblems.length > 0} aria-describedby={memberProblems.length > 0 ? `${nameId}-m` : undefined}>
                <legend>{t('grpMembers')}</legend>
                {counties.map((c) => (
                  <label key={c}>
                    <input
                      type="checkbox"
                      value={c}
                      disabled={readOnly}
                      checked={g.counties.includes(c)}
                      onChange={(e) => edit(setMember(draft, g.group_id, c, (e.target as HTMLInputElement).checked, counties))}
                    />
                    {place(c)}
                  </label>
                ))}
              </fieldset>
              <Problems list={memberProblems} id={`${nameId}-m`} />
              <div class="grp-actions">
                <button type="button" aria-pressed={on} onClick={() => actions.selectGroup(on ? null : g.group_id)}>
                  {t('grpShowOnMap')}
                </button>
                <button
                  type="button"
                  class="primary"
                  data-testid="group-brochure"
                  disabled={groupParks.length === 0 || fieldIssues(issues, g.group_id, 'counties', lang).length > 0}
                  onClick={() => setBrochure({ parkIds: groupParks.map((p) => p.park_id), group: g })}
                >
                  {t('grpBrochure')}
                </button>
                <button type="button" class="danger" disabled={readOnly} onClick={() => edit(deleteGroup(draft, g.group_id))}>
                  {t('grpDelete')}
                </button>
              </div>
              <div class="grp-parks small">
                <span class="muted">{t('grpParks')}</span>
                {groupParks.length === 0 && <span class="muted"> {t('grpNoParks')}</span>}
                {groupParks.map((p) => (
                  <button
                    key={p.park_id}
                    type="button"
                    class="link"
                    title={t('parkBrochure')}
                    onClick={() => setBrochure({ parkIds: [p.park_id], group: null })}
                  >
                    {p.name}
                  </button>
                ))}
                {groupParks.length > 0 && <span class="muted"> ({[...new Set(groupParks.map((p) => place(p.county)))].join(sep)})</span>}
              </div>
            </li>
          );
        })}
      </ul>
      {issues.length > 0 && <p class="small grp-warn">{t('grpUnsaved')}</p>}
      <div class="grp-actions">
        <button type="button" data-testid="group-add" disabled={readOnly} onClick={() => edit(addGroup(draft, t('grpNewName')))}>
          {t('grpAdd')}
        </button>
        {edited && (
          <button type="button" disabled={readOnly} onClick={() => actions.resetGroups()}>
            {t('grpReset')}
          </button>
        )}
      </div>
      <div class="grp-park-brochure">
        <label>
          {t('parkBrochure')}
          <select value={parkChoice} data-testid="park-brochure-choice" onChange={(e) => setParkChoice((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {parks.map((p) => (
              <option key={p.park_id} value={p.park_id}>
                {lang === 'zh' ? `${p.name}（${place(p.county)}）` : `${p.name} (${place(p.county)})`}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="park-brochure" disabled={parkChoice === ''} onClick={() => setBrochure({ parkIds: [parkChoice], group: null })}>
          {t('parkBrochure')}
        </button>
      </div>
      {brochure && <BrochureDialog request={brochure} onClose={() => setBrochure(null)} />}
    </section>
  );
}
