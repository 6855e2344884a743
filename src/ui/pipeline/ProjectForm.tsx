// The add/edit form of a pipeline project. The record is stored only when nothing is wrong;
// otherwise each problem shows next to its field (state/pipeline.ts, analysis/project-checks.ts).

import { useState } from 'preact/hooks';
import { useActions, useAppState } from '../../state/context';
import { type Project, type ProjectFields, type ProjectIssue, projectFieldIssues } from '../../state/pipeline';
import { LAND_USES, type LandUse } from '../../vocab';
import { useT } from '../i18n';
import { FieldProblems as Problems } from '../FieldProblems';

const num = (v: string): number | null => (v.trim() === '' ? null : Number(v));

export function ProjectForm(props: { project?: Project; onDone: (id: string | null) => void }) {
  const { t, code, lang, place } = useT();
  const actions = useActions();
  const counties = useAppState((s) => s.countyOptions);
  const today = useAppState((s) => s.today);
  const p = props.project;
  const [f, setF] = useState({
    name: p?.name ?? '',
    chain_node: p?.chain_node ?? '',
    investment_wan: p?.investment_wan?.toString() ?? '',
    land_need_mu_min: p?.land_need_mu_min?.toString() ?? '',
    land_need_mu_max: p?.land_need_mu_max?.toString() ?? '',
    land_use: (p?.land_use ?? 'industrial') as LandUse,
    county: p?.county ?? '',
    team: p?.team ?? '',
    date: today,
  });
  const [issues, setIssues] = useState<ProjectIssue[]>([]);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const of = (field: ProjectIssue['field']) => projectFieldIssues(issues, field, lang);
  const idp = p ? `pl-edit-${p.project_id}` : 'pl-new';
  const nodes = useAppState((s) => s.siting.nodes);

  const submit = (e: Event) => {
    e.preventDefault();
    const fields: ProjectFields = {
      name: f.name.trim(),
      chain_node: f.chain_node.trim(),
      investment_wan: num(f.investment_wan),
      land_need_mu_min: num(f.land_need_mu_min),
      land_need_mu_max: num(f.land_need_mu_max),
      land_use: f.land_use,
      county: f.county,
      team: f.team.trim(),
    };
    if (p) {
      const r = actions.editProject(p.project_id, fields);
      setIssues(r);
      if (r.length === 0) props.onDone(p.project_id);
    } else {
      const r = actions.addProject(fields, f.date);
      setIssues(r.issues);
      if (r.id) props.onDone(r.id);
    }
  };
  const field = (k: 'name' | 'chain_node' | 'team' | 'investment_wan', label: string, issue: ProjectIssue['field'] | null, type = 'text') => {
    const list = issue ? of(issue) : [];
    return (
      <label class="pl-field">
        <span>{label}</span>
        <input type={type} value={f[k]} name={k} data-field={k} onInput={set(k)} list={k === 'chain_node' && nodes.length > 0 ? `${idp}-nodes` : undefined} aria-invalid={list.length > 0} aria-describedby={list.length ? `${idp}-${k}-p` : undefined} min={type === 'number' ? 0 : undefined} maxLength={80} />
        <Problems list={list} id={`${idp}-${k}-p`} />
      </label>
    );
  };
  const landProblems = of('land_need');
  const countyProblems = of('county');
  const dateProblems = of('dates');
  return (
    <form class="pl-form" onSubmit={submit} data-testid="project-form" noValidate>
      {field('name', t('plName'), 'name')}
      {field('chain_node', t('plChainNode'), null)}
      {/* The region's chain nodes to pick from; an id typed by hand is kept as it is. */}
      <datalist id={`${idp}-nodes`}>
        {nodes.map((n) => (
          <option key={n.node_id} value={n.node_id}>{`${n.chain_name ?? n.chain_id} · ${n.node_name ?? n.node_id}`}</option>
        ))}
      </datalist>
      {field('investment_wan', t('plInvestment'), 'investment_wan', 'number')}
      <fieldset class="pl-range" aria-invalid={landProblems.length > 0} aria-describedby={landProblems.length ? `${idp}-land-p` : undefined}>
        <legend>{t('plLandNeed')}</legend>
        <input type="number" min={0} aria-label={t('plLandMin')} placeholder={t('plLandMin')} name="land_need_mu_min" value={f.land_need_mu_min} onInput={set('land_need_mu_min')} />
        <span>–</span>
        <input type="number" min={0} aria-label={t('plLandMax')} placeholder={t('plLandMax')} name="land_need_mu_max" value={f.land_need_mu_max} onInput={set('land_need_mu_max')} />
      </fieldset>
      <Problems list={landProblems} id={`${idp}-land-p`} />
      <label class="pl-field">
        <span>{t('plLandUse')}</span>
        <select value={f.land_use} onChange={set('land_use')} name="land_use">
          {LAND_USES.map((u) => (
            <option key={u} value={u}>
              {code(u)}
            </option>
          ))}
        </select>
      </label>
      <label class="pl-field">
        <span>{t('plCounty')}</span>
        <select value={f.county} onChange={set('county')} name="county" disabled={!!p?.referred_to} aria-invalid={countyProblems.length > 0} aria-describedby={countyProblems.length ? `${idp}-county-p` : undefined}>
          <option value="">{t('plChooseCounty')}</option>
          {counties.map((c) => (
            <option key={c} value={c}>
              {place(c)}
            </option>
          ))}
        </select>
        <Problems list={countyProblems} id={`${idp}-county-p`} />
      </label>
      {field('team', t('plTeam'), null)}
      {!p && (
        <label class="pl-field">
          <span>{t('plDate')}</span>
          <input type="date" value={f.date} name="date" onInput={set('date')} aria-invalid={dateProblems.length > 0} />
          <Problems list={dateProblems} id={`${idp}-date-p`} />
        </label>
      )}
      <div class="pl-actions">
        <button type="submit" class="primary" data-testid="project-save">
          {t('plSave')}
        </button>
        <button type="button" onClick={() => props.onDone(null)}>
          {t('plCancel')}
        </button>
      </div>
    </form>
  );
}
