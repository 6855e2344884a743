// 招商项目库: the projects in force (the user's, else the data's), filtered by county, stage and
// promotion group, with the funnel of the chosen scope (county, group or the whole place), a
// form to add a project and the Excel export. A project opens in the right panel (ProjectDetail).

import { useMemo, useState } from 'preact/hooks';
import { scopeFunnel } from '../../state/pipeline-view';
import { pipelineProjects, promotionGroups } from '../../state/app-state';
import { useActions, useAppState } from '../../state/context';
import { type Project, hostCounty } from '../../state/pipeline';
import { PROJECT_STAGES, type ProjectStage } from '../../vocab';
import { useT } from '../i18n';
import { fill } from './fill';
import { FunnelChart } from './FunnelChart';
import { ProjectForm } from './ProjectForm';
import './pipeline.css';

function RowFlow({ p, county }: { p: Project; county: string }) {
  const { t, place } = useT();
  if (!p.referred_from) return null;
  if (county !== '' && p.referred_from === county && hostCounty(p) !== county) {
    return <span class="pl-badge out">{fill(t('plOutflowTo'), { to: place(hostCounty(p)), pct: p.share_out_pct ?? '—' })}</span>;
  }
  return <span class="pl-badge in">{fill(t('plInflowFrom'), { from: place(p.referred_from) })}</span>;
}

export function PipelinePanel() {
  const { t, code, lang, place } = useT();
  const actions = useActions();
  const projects = useAppState(pipelineProjects);
  const groups = useAppState(promotionGroups);
  const counties = useAppState((s) => s.countyOptions);
  const edited = useAppState((s) => s.work.projects !== null);
  const readOnly = useAppState((s) => s.workReadOnly);
  const selected = useAppState((s) => s.project);
  const [county, setCounty] = useState('');
  const [stage, setStage] = useState<ProjectStage | ''>('');
  const [groupId, setGroupId] = useState('');
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const group = groups.find((g) => g.group_id === groupId) ?? null;

  const shown = useMemo(
    () =>
      projects.filter(
        (p) =>
          (county === '' || hostCounty(p) === county || p.referred_from === county) &&
          (group === null || group.counties.includes(hostCounty(p)) || (p.referred_from !== null && group.counties.includes(p.referred_from))) &&
          (stage === '' || p.stage === stage),
      ),
    [projects, county, group, stage],
  );
  const funnel = useMemo(() => scopeFunnel(projects, county, group), [projects, county, group]);
  const scope = county !== '' ? place(county) : group ? group.name : t('plFunnelAll');
  const wan = (v: number | null) => (v === null ? '' : lang === 'zh' ? `${v.toLocaleString('zh-CN')} 万元` : `CNY ${(v / 100).toLocaleString('en', { maximumFractionDigits: 1 })}m`);

  const exportXlsx = async () => {
    setBusy(true);
    try {
      await actions.exportPipeline();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel pl-panel" data-testid="pipeline-panel">
      <h3>{t('pipelineTitle')}</h3>
      <p class="muted small">
        {t('plIntro')} {t(edited ? 'plEdited' : 'plFromData')}
      </p>
      {readOnly && <p class="small pl-warn">{t('plReadOnly')}</p>}
      <div class="pl-filters">
        <label>
          {t('plFilterCounty')}
          <select value={county} data-testid="pl-filter-county" onChange={(e) => setCounty((e.target as HTMLSelectElement).value)}>
            <option value="">{t('plAll')}</option>
            {counties.map((c) => (
              <option key={c} value={c}>
                {place(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plFilterGroup')}
          <select value={groupId} data-testid="pl-filter-group" onChange={(e) => setGroupId((e.target as HTMLSelectElement).value)}>
            <option value="">{t('plAll')}</option>
            {groups.map((g) => (
              <option key={g.group_id} value={g.group_id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('plFilterStage')}
          <select value={stage} data-testid="pl-filter-stage" onChange={(e) => setStage((e.target as HTMLSelectElement).value as ProjectStage | '')}>
            <option value="">{t('plAll')}</option>
            {PROJECT_STAGES.map((s) => (
              <option key={s} value={s}>
                {code(`project:${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FunnelChart funnel={funnel} scope={scope} testid="pl-funnel" onProject={(id) => actions.selectProject(id)} />
      <div class="pl-actions">
        <button type="button" class="primary" data-testid="pl-add" disabled={readOnly || adding} onClick={() => setAdding(true)}>
          {t('plAdd')}
        </button>
        <button type="button" data-testid="pl-export" disabled={busy} onClick={exportXlsx}>
          {t('plExport')}
        </button>
        {edited && (
          <button type="button" disabled={readOnly} onClick={() => actions.resetProjects()}>
            {t('plReset')}
          </button>
        )}
      </div>
      {adding && (
        <ProjectForm
          onDone={(id) => {
            setAdding(false);
            if (id) actions.selectProject(id);
          }}
        />
      )}
      <p class="muted small" data-testid="pl-count">
        {fill(t('plCount'), { n: shown.length })}
      </p>
      {shown.length === 0 && <p class="muted small">{t('plNone')}</p>}
      <ul class="pl-list" data-testid="pl-list">
        {shown.map((p) => (
          <li key={p.project_id} class={selected === p.project_id ? 'on' : ''} data-project={p.project_id}>
            <button type="button" class="pl-row" aria-pressed={selected === p.project_id} onClick={() => actions.selectProject(selected === p.project_id ? null : p.project_id)}>
              <span class="pl-row-name">{p.name}</span>
              <span class="pl-row-meta">
                <span class={`pl-stage s-${p.stage}`}>{code(`project:${p.stage}`)}</span>
                <span>{place(hostCounty(p))}</span>
                {p.investment_wan !== null && <span class="muted">{wan(p.investment_wan)}</span>}
                <RowFlow p={p} county={county} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
