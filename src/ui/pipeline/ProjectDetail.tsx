// One pipeline project in the 招商选址 right panel: its facts, the stage stepper with dates, the
// matched site and the supplied parcel (shown on the map with its findings: the idle-land
// rules watch it), the referral, edit and delete.

import { useState } from 'preact/hooks';
import { pipelineProjects } from '../../state/app-state';
import { useActions, useAppState } from '../../state/context';
import { type Project, type ProjectIssue, hostCounty, projectFieldIssues } from '../../state/pipeline';
import { PROJECT_STAGES, type ProjectStage } from '../../vocab';
import { useT } from '../i18n';
import { fill } from './fill';
import { FieldProblems as Problems } from '../FieldProblems';
import { ProjectForm } from './ProjectForm';
import { ReferForm } from './ReferForm';
import './pipeline.css';

function StageStepper({ p }: { p: Project }) {
  const { t, code, lang } = useT();
  const actions = useActions();
  const today = useAppState((s) => s.today);
  const at = PROJECT_STAGES.indexOf(p.stage);
  const [stage, setStage] = useState<ProjectStage>(PROJECT_STAGES[Math.min(at + 1, PROJECT_STAGES.length - 1)]);
  const [date, setDate] = useState(today);
  const [issues, setIssues] = useState<ProjectIssue[]>([]);
  const problems = projectFieldIssues(issues, 'dates', lang);
  return (
    <section class="pl-section">
      <h4>{t('plStage')}</h4>
      <ol class="pl-stepper" data-testid="stage-stepper">
        {PROJECT_STAGES.map((s, i) => (
          <li key={s} class={i < at ? 'done' : i === at ? 'now' : ''} aria-current={i === at ? 'step' : undefined}>
            <span class="pl-step-name">{code(`project:${s}`)}</span>
            <span class="pl-step-date">{p.dates[s] ?? (i <= at ? '—' : t('plNotReached'))}</span>
          </li>
        ))}
      </ol>
      <form
        class="pl-inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setIssues(actions.setProjectStage(p.project_id, stage, date));
        }}
      >
        <select aria-label={t('plStage')} value={stage} name="stage" onChange={(e) => setStage((e.target as HTMLSelectElement).value as ProjectStage)}>
          {PROJECT_STAGES.map((s) => (
            <option key={s} value={s}>
              {code(`project:${s}`)}
            </option>
          ))}
        </select>
        <input type="date" aria-label={t('plStageDate')} name="stage_date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} aria-invalid={problems.length > 0} aria-describedby={problems.length ? 'pl-stage-p' : undefined} />
        <button type="submit" data-testid="stage-set">
          {t('plSetStage')}
        </button>
      </form>
      <Problems list={problems} id="pl-stage-p" />
    </section>
  );
}

function SiteSection({ p }: { p: Project }) {
  const { t, lang } = useT();
  const actions = useActions();
  const [parcel, setParcel] = useState(p.site_parcel_id ?? '');
  const [issues, setIssues] = useState<ProjectIssue[]>([]);
  const problems = projectFieldIssues(issues, 'dates', lang);
  const landed = PROJECT_STAGES.indexOf(p.stage) >= PROJECT_STAGES.indexOf('land_supplied');
  return (
    <section class="pl-section">
      <h4>{t('plSite')}</h4>
      <p class="small">
        <span class="muted">{t('plMatchedSite')}{lang === 'zh' ? '：' : ': '}</span>
        {p.matchedSite ? <span data-testid="matched-site">{p.matchedSite.label}</span> : <span class="muted">{t('plNoSite')}</span>}{' '}
        {!landed && (
          <button type="button" class="link" data-testid="match-project" onClick={() => actions.matchProject(p)}>
            {t('plFindSites')}
          </button>
        )}
      </p>
      {p.site_parcel_id && (
        <p class="small">
          <span class="muted">{t('plParcel')}{lang === 'zh' ? '：' : ': '}</span>
          <b>{p.site_parcel_id}</b>{' '}
          <button type="button" class="link" data-testid="show-parcel" onClick={() => actions.showProjectParcel(p.project_id)}>
            {t('plShowParcel')}
          </button>
        </p>
      )}
      {landed && (
        <form
          class="pl-inline"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setIssues(await actions.linkProjectParcel(p.project_id, parcel));
          }}
        >
          <input type="text" aria-label={t('plParcelId')} placeholder={t('plParcelId')} name="site_parcel_id" value={parcel} maxLength={60} onInput={(e) => setParcel((e.target as HTMLInputElement).value)} aria-invalid={problems.length > 0} aria-describedby={problems.length ? 'pl-parcel-p' : undefined} />
          <button type="submit">{t('plLinkParcel')}</button>
          {p.site_parcel_id && (
            <button type="button" onClick={async () => setIssues(await actions.linkProjectParcel(p.project_id, null))}>
              {t('plUnlinkParcel')}
            </button>
          )}
        </form>
      )}
      <Problems list={problems} id="pl-parcel-p" />
      <p class="muted small">{t('plParcelHint')}</p>
    </section>
  );
}

function ReferralSection({ p }: { p: Project }) {
  const { t, place } = useT();
  const actions = useActions();
  const [open, setOpen] = useState(false);
  return (
    <section class="pl-section" data-testid="referral">
      <h4>{t('plReferral')}</h4>
      {p.referred_from ? (
        <>
          <p class="small" data-testid="referral-text">
            {fill(t('plReferred'), { from: place(p.referred_from), to: place(hostCounty(p)), pct: p.share_out_pct ?? '—', date: p.referred_date ?? '—' })}
          </p>
          {p.referral_note && <p class="small muted">{p.referral_note}</p>}
          <button type="button" onClick={() => actions.cancelReferral(p.project_id)}>
            {t('plReferCancel')}
          </button>
        </>
      ) : open ? (
        <ReferForm project={p} onDone={() => setOpen(false)} />
      ) : (
        <>
          <p class="muted small">{t('plNotReferred')}</p>
          <button type="button" data-testid="refer-open" onClick={() => setOpen(true)}>
            {t('plRefer')}
          </button>
        </>
      )}
    </section>
  );
}

export function ProjectDetail({ id }: { id: string }) {
  const { t, code, lang, place } = useT();
  const actions = useActions();
  const p = useAppState((s) => pipelineProjects(s).find((x) => x.project_id === id) ?? null);
  const readOnly = useAppState((s) => s.workReadOnly);
  // The node's name where the region's chain nodes know it (a typed id may not be one of them).
  const node = useAppState((s) => s.siting.nodes.find((n) => n.node_id === p?.chain_node) ?? null);
  const [editing, setEditing] = useState(false);
  if (!p) return null;
  const wan = (v: number | null) => (v === null ? '—' : lang === 'zh' ? `${v.toLocaleString('zh-CN')} 万元` : `CNY ${(v / 100).toLocaleString('en', { maximumFractionDigits: 1 })}m`);
  const mu = (a: number | null, b: number | null) => (a === null && b === null ? '—' : `${a ?? '?'}–${b ?? '?'} ${lang === 'zh' ? '亩' : 'mu'}`);
  return (
    <section class="panel pl-detail" data-testid="project-detail" data-project={p.project_id} key={p.project_id}>
      <div class="pl-detail-head">
        <h3>{p.name}</h3>
        <button type="button" class="close" aria-label={t('plClose')} onClick={() => actions.selectProject(null)}>
          ×
        </button>
      </div>
      {editing ? (
        <ProjectForm project={p} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl class="pl-facts">
            <dt>{t('plCounty')}</dt>
            <dd>{place(hostCounty(p))}</dd>
            <dt>{t('plChainNode')}</dt>
            <dd data-testid="project-node">{node ? `${node.node_name ?? node.node_id}${lang === 'zh' ? '（' : ' ('}${node.chain_name ?? node.chain_id}${lang === 'zh' ? '）' : ')'}` : p.chain_node || '—'}</dd>
            <dt>{t('plInvestmentLabel')}</dt>
            <dd>{wan(p.investment_wan)}</dd>
            <dt>{t('plLandNeedLabel')}</dt>
            <dd>{mu(p.land_need_mu_min, p.land_need_mu_max)}</dd>
            <dt>{t('plLandUse')}</dt>
            <dd>{p.land_use ? code(p.land_use) : '—'}</dd>
            <dt>{t('plTeam')}</dt>
            <dd>{p.team || '—'}</dd>
          </dl>
          <button type="button" disabled={readOnly} onClick={() => setEditing(true)}>
            {t('plEdit')}
          </button>
        </>
      )}
      {!readOnly && <StageStepper p={p} key={`${p.project_id}:${p.stage}`} />}
      {readOnly && <p class="small">{code(`project:${p.stage}`)}</p>}
      <SiteSection p={p} key={`${p.project_id}:${p.site_parcel_id}`} />
      {!readOnly && <ReferralSection p={p} />}
      {!readOnly && (
        <div class="pl-actions">
          <button
            type="button"
            class="danger"
            data-testid="project-delete"
            onClick={() => {
              if (window.confirm(t('plDeleteConfirm'))) actions.deleteProject(p.project_id);
            }}
          >
            {t('plDelete')}
          </button>
        </div>
      )}
    </section>
  );
}
