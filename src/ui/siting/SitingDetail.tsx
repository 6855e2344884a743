// The 招商选址 mode's right panel: the chosen candidate site in detail — its figures, each score
// with the sentence that explains it, and the suppliers and customers within the distance.

import { useActions, useAppState } from '../../state/context';
import { type SitePartner, type SiteRow, selectSelectedSite } from '../../state/siting-view';
import { pipelineProjects } from '../../state/app-state';
import { ProjectDetail } from '../pipeline/ProjectDetail';
import { M2_PER_MU, formatNumber } from '../../vocab';
import { SITE_READINESS_LABELS, SITE_SCORE_LABELS, type SiteReadiness } from '../../vocab/sites';
import { useT } from '../i18n';
import './siting.css';

const SCORES = ['chain', 'land', 'readiness', 'level', 'mujun'] as const;

function Partners({ title, list, count, km }: { title: string; list: SitePartner[]; count: number; km: string }) {
  const { t, lang, place } = useT();
  // The node is named once in the heading's sentence when all share it.
  const nodes = new Set(list.map((p) => p.node_name)).size > 1;
  return (
    <div class="sd-partners">
      <h4>{lang === 'zh' ? `${title}（${count}）` : `${title} (${count})`}</h4>
      {list.length === 0 ? (
        <p class="sm-note muted">{lang === 'zh' ? `${km} ${t('smNoPartners')}` : `${t('smNoPartners')} ${km} ${t('smKm')}`}</p>
      ) : (
        <table>
          <tbody>
            {list.map((p) => (
              <tr key={p.enterprise_id}>
                <td>{p.name}</td>
                {nodes && <td class="muted">{p.node_name ?? ''}</td>}
                <td class="muted">{p.county ? place(p.county) : ''}</td>
                <td class="num">
                  {formatNumber(p.km, 1, lang)} {t('smKm')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function SitingDetail() {
  const tab = useAppState((s) => s.siting.tab);
  const project = useAppState((s) => s.project);
  // The pipeline tab shows its chosen project; the matching tab its chosen site.
  return tab === 'pipeline' && project !== null ? <ProjectDetail id={project} /> : <SiteDetail />;
}

/** The project the sites were matched for, when it is still in the pipeline: its site can be set from here. */
function ForProject({ site, label }: { site: SiteRow['site']; label: string }) {
  const { t } = useT();
  const actions = useActions();
  const project = useAppState((s) => {
    const id = s.siting.submitted?.projectId ?? null;
    return id === null ? null : (pipelineProjects(s).find((p) => p.project_id === id) ?? null);
  });
  if (!project || !site.county) return null;
  const linked = project.matchedSite?.site_id === site.site_id;
  return (
    <p class="sd-project small">
      {linked ? (
        <span data-testid="site-linked">{t('smLinkedTo').replace('{name}', project.name || project.project_id)}</span>
      ) : (
        <button
          type="button"
          data-testid="link-site"
          onClick={() => actions.linkProjectSite(project.project_id, { site_id: site.site_id, kind: site.kind, park_id: site.park_id, county: site.county!, label })}
        >
          {t('smLinkTo').replace('{name}', project.name || project.project_id)}
        </button>
      )}
    </p>
  );
}

function SiteDetail() {
  const { t, lang, place } = useT();
  const actions = useActions();
  const row = useAppState(selectSelectedSite);
  const km = useAppState((s) => s.siting.match?.input.distanceKm ?? s.siting.settings.matchDistanceKm);
  if (!row) {
    return (
      <section class="panel" data-testid="siting-detail">
        <h3>{t('modeSiting')}</h3>
        <p class="sm-note">{t('smDetailEmpty')}</p>
      </section>
    );
  }
  const s = row.site;
  const scoreOf = (k: (typeof SCORES)[number]) => (k === 'readiness' ? s.readiness_score : k === 'level' ? s.level_score : s[k]);
  return (
    <section class="panel sd" data-testid="siting-detail" data-site={s.site_id}>
      <div class="sd-head">
        <span class="sm-rank">{row.rank}</span>
        <h3>{row.label}</h3>
        <button type="button" class="close" aria-label={t('close')} onClick={() => actions.selectSite(null)}>
          ×
        </button>
      </div>
      <dl class="sd-facts">
        <dt>{t('smTotal')}</dt>
        <dd data-testid="site-total">{s.total === null ? '—' : s.total.toFixed(2)}</dd>
        {s.county && (
          <>
            <dt>{lang === 'zh' ? '县区' : 'County'}</dt>
            <dd>{place(s.county)}</dd>
          </>
        )}
        {s.area_m2 !== null && (
          <>
            <dt>{t('smArea')}</dt>
            <dd>
              {formatNumber(s.area_m2 / M2_PER_MU, 1, lang)} {lang === 'zh' ? '亩' : 'mu'}
            </dd>
          </>
        )}
        {s.vacant_floor_m2 !== null && (
          <>
            <dt>{t('smVacant')}</dt>
            <dd>{formatNumber(s.vacant_floor_m2, 0, lang)} m²</dd>
          </>
        )}
        {s.readiness && (
          <>
            <dt>{t('smReadiness')}</dt>
            <dd>{SITE_READINESS_LABELS[s.readiness as SiteReadiness]?.[lang] ?? s.readiness}</dd>
          </>
        )}
      </dl>
      <ForProject site={s} label={row.label} />
      <table class="sd-scores" data-testid="site-scores">
        <thead>
          <tr>
            <th />
            <th class="num">{t('smScore')}</th>
            <th>{t('smExplain')}</th>
          </tr>
        </thead>
        <tbody>
          {SCORES.map((k) => {
            const v = scoreOf(k);
            return (
              <tr key={k} data-score={k}>
                <th>{SITE_SCORE_LABELS[k][lang]}</th>
                <td class="num">{v === null ? '—' : v.toFixed(2)}</td>
                <td>{row.explanation[k]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Partners title={t('smPeers')} list={row.peers} count={s.peers} km={formatNumber(km, 1, lang)} />
      <Partners title={t('smSuppliers')} list={row.suppliers} count={s.suppliers} km={formatNumber(km, 1, lang)} />
      <Partners title={t('smCustomers')} list={row.customers} count={s.customers} km={formatNumber(km, 1, lang)} />
    </section>
  );
}
