// 项目选址: the project description form and the ranked candidate sites. The form edits the
// need in the state (every field is plain typed data); 开始匹配 submits it and the ranking follows.

import { useState } from 'preact/hooks';
import { promotionGroups } from '../../state/app-state';
import { useActions, useAppState } from '../../state/context';
import type { SiteNeed } from '../../state/siting-state';
import { INDUSTRIAL_CLASSES, selectMatching, selectNeedIssues, selectResolved, selectSiteRows } from '../../state/siting-view';
import { INDUSTRIAL_CLASS_LABELS, LAND_USES, LAND_USE_LABELS, PARK_LEVELS, PARK_LEVEL_LABELS, type LandUse, type ParkLevel } from '../../vocab';
import { SITE_EXCLUSION_LABELS, SITE_SCORE_LABELS } from '../../vocab/sites';
import { Chips } from '../Chips';
import { useT } from '../i18n';
import { CompareDialog } from './CompareDialog';
import { MatchWeights } from './MatchWeights';
import './siting.css';

/** A number input holding null while empty; what cannot be read as a number is kept as typed and flagged. */
function NumberField(props: { field: keyof SiteNeed; value: number | null; label: string; placeholder?: string; invalid: boolean; onValue: (v: number | null) => void }) {
  return (
    <label class="sm-field">
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="decimal"
        data-field={props.field}
        value={props.value ?? ''}
        placeholder={props.placeholder}
        aria-invalid={props.invalid}
        onInput={(e) => {
          const raw = (e.target as HTMLInputElement).value.trim();
          const v = raw === '' ? null : Number(raw);
          props.onValue(v === null || Number.isFinite(v) ? v : null);
        }}
      />
    </label>
  );
}

export function MatchPanel() {
  const { t, lang, place } = useT();
  const actions = useActions();
  const need = useAppState((s) => s.siting.need);
  const nodes = useAppState((s) => s.siting.nodes);
  const counties = useAppState((s) => s.countyOptions);
  const groups = useAppState(promotionGroups);
  const resolved = useAppState(selectResolved);
  const issues = useAppState(selectNeedIssues);
  const matching = useAppState(selectMatching);
  const match = useAppState((s) => s.siting.match);
  const rows = useAppState(selectSiteRows);
  const selected = useAppState((s) => s.siting.selectedSite);
  const defaultKm = useAppState((s) => s.siting.settings.matchDistanceKm);
  const [tried, setTried] = useState(false);
  const [comparing, setComparing] = useState(false);
  const set = (patch: Partial<SiteNeed>) => actions.setNeed(patch);
  const bad = (f: keyof SiteNeed) => tried && issues.some((i) => i.field === f);
  const chains = [...new Set(nodes.map((n) => n.chain_id))];
  const sep = lang === 'zh' ? '、' : ', ';
  const paren = (x: string) => (lang === 'zh' ? `（${x}）` : ` (${x})`);
  const run = () => {
    setTried(true);
    actions.submitNeed();
  };

  return (
    <section class="panel match-panel" data-testid="match-panel">
      <h3>{t('sitingMatchTab')}</h3>
      <p class="sm-intro">{t('smIntro')}</p>
      <div
        class="sm-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') run();
        }}
      >
        <label class="sm-field wide">
          <span>{t('smNode')}</span>
          <select data-field="nodeId" value={need.nodeId ?? ''} onChange={(e) => set({ nodeId: (e.target as HTMLSelectElement).value || null })}>
            <option value="">{t('smNodeByText')}</option>
            {chains.map((c) => {
              const list = nodes.filter((n) => n.chain_id === c);
              return (
                <optgroup key={c} label={list[0]?.chain_name ?? c}>
                  {list.map((n) => (
                    <option key={n.node_id} value={n.node_id}>
                      {n.node_name ?? n.node_id}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        {need.nodeId === null && (
          <label class="sm-field wide">
            <span>{t('smText')}</span>
            <input type="text" data-field="text" maxLength={60} value={need.text} placeholder={t('smTextHint')} aria-invalid={bad('text')} onInput={(e) => set({ text: (e.target as HTMLInputElement).value })} />
          </label>
        )}
        {need.nodeId === null && need.text.trim() !== '' && (
          <p class="sm-matched" data-testid="match-nodes" data-by={resolved.by}>
            {resolved.nodes.length === 0
              ? t('smMatchedNone')
              : `${t('smMatchedNodes')}${lang === 'zh' ? '：' : ': '}${resolved.nodes.map((n) => `${n.node_name ?? n.node_id}${paren(n.chain_name ?? n.chain_id)}`).join(sep)}${resolved.by === 'chain_name' ? ` · ${t('smMatchedByChain')}` : ''}`}
          </p>
        )}
        <div class="sm-row">
          <NumberField field="muMin" label={`${t('smLand')} ${t('smLandMin')}`} value={need.muMin} invalid={bad('muMin')} onValue={(v) => set({ muMin: v })} />
          <NumberField field="muMax" label={t('smLandMax')} value={need.muMax} invalid={bad('muMax')} onValue={(v) => set({ muMax: v })} />
        </div>
        <div class="sm-row">
          <label class="sm-field">
            <span>{t('smLandUse')}</span>
            <select data-field="landUse" value={need.landUse ?? ''} onChange={(e) => set({ landUse: ((e.target as HTMLSelectElement).value || null) as LandUse | null })}>
              {LAND_USES.map((u) => (
                <option key={u} value={u}>
                  {LAND_USE_LABELS[u][lang]}
                </option>
              ))}
            </select>
          </label>
          <NumberField field="investmentWan" label={t('smInvestment')} value={need.investmentWan} invalid={bad('investmentWan')} onValue={(v) => set({ investmentWan: v })} />
        </div>
        <div class="sm-row">
          <label class="sm-field" title={t('smClassHint')}>
            <span>{t('smClass')}</span>
            <select data-field="industrialClass" value={need.industrialClass ?? ''} onChange={(e) => set({ industrialClass: ((e.target as HTMLSelectElement).value || null) as SiteNeed['industrialClass'] })}>
              <option value="">{t('smClassAny')}</option>
              {INDUSTRIAL_CLASSES.map((c) => (
                <option key={c} value={c}>
                  {INDUSTRIAL_CLASS_LABELS[c][lang]}
                </option>
              ))}
            </select>
          </label>
          <NumberField field="distanceKm" label={t('smDistance')} value={need.distanceKm} placeholder={String(defaultKm)} invalid={bad('distanceKm')} onValue={(v) => set({ distanceKm: v })} />
        </div>
        <div class="sm-field wide">
          <span>{t('smCounties')}</span>
          <Chips name="sm-counties" options={counties.map((c) => ({ value: c, label: place(c) }))} selected={need.counties} onChange={(v) => set({ counties: v })} />
        </div>
        <div class="sm-field wide">
          <span>{t('smLevels')}</span>
          <Chips name="sm-levels" options={PARK_LEVELS.map((l) => ({ value: l, label: PARK_LEVEL_LABELS[l][lang] }))} selected={need.levels} onChange={(v) => set({ levels: v as ParkLevel[] })} />
        </div>
        {groups.length > 0 && (
          <label class="sm-field wide" title={t('smGroupHint')}>
            <span>{t('smGroup')}</span>
            <select data-field="groupId" value={need.groupId ?? ''} onChange={(e) => set({ groupId: (e.target as HTMLSelectElement).value || null })}>
              <option value="">{t('smGroupNone')}</option>
              {groups.map((g) => (
                <option key={g.group_id} value={g.group_id}>
                  {g.name}
                  {paren(g.counties.map(place).join(sep))}
                </option>
              ))}
            </select>
          </label>
        )}
        {tried && issues.length > 0 && (
          <ul class="sm-issues" role="alert">
            {issues.map((i) => (
              <li key={i.field + i.zh}>{i[lang]}</li>
            ))}
          </ul>
        )}
        <button
          type="button"
          class="primary sm-run"
          data-testid="match-run"
          onClick={run}
        >
          {matching ? t('smRunning') : t('smRun')}
        </button>
      </div>
      <MatchWeights />
      {match && (
        <div class="sm-results" data-testid="match-results" aria-busy={matching}>
          <h3>{t('smResults')}</h3>
          {!match.result.hasCandidates ? (
            <p class="sm-note">{t('smNoCandidates')}</p>
          ) : (
            <>
              <p class="sm-note">
                {t('smSummary')} {rows.length} {t('smSites')}
                {match.result.excluded.length > 0 && ` · ${t('smExcludedTitle')} ${match.result.excluded.length} ${t('smSites')}`}
              </p>
              {!match.result.zoneChecks && <p class="sm-note muted">{t('smNoZones')}</p>}
              {match.result.noData.length > 0 && (
                <p class="sm-note muted" data-testid="match-nodata">
                  {t('smNoData')}
                  {lang === 'zh' ? '：' : ': '}
                  {match.result.noData.map((k) => SITE_SCORE_LABELS[k][lang]).join(sep)}
                </p>
              )}
              {rows.length === 0 && <p class="sm-note">{t('smNoneRanked')}</p>}
              <ol class="sm-list" data-testid="match-list">
                {rows.map((r) => (
                  <li key={r.site.site_id} class={r.site.site_id === selected ? 'on' : ''} data-site={r.site.site_id} data-county={r.site.county ?? ''}>
                    <button type="button" class="sm-site" aria-pressed={r.site.site_id === selected} onClick={() => actions.selectSite(r.site.site_id)}>
                      <span class="sm-rank">{r.rank}</span>
                      <span class="sm-name">
                        <b>{r.label}</b>
                        <small>
                          {r.site.county ? place(r.site.county) : ''} · {t('smTotal')} {r.site.total === null ? '—' : r.site.total.toFixed(2)}
                        </small>
                      </span>
                    </button>
                    <p class="sm-why" data-testid="match-why">
                      {r.explanation.chain}
                    </p>
                  </li>
                ))}
              </ol>
              {rows.length > 0 && (
                <div class="sm-actions">
                  <button type="button" data-testid="match-compare" onClick={() => setComparing(true)}>
                    {t('smCompare')}
                  </button>
                  <button type="button" data-testid="match-export" onClick={() => void actions.exportRanking()}>
                    {t('smExport')}
                  </button>
                </div>
              )}
              {match.result.excluded.length > 0 && (
                <details class="sm-excluded" data-testid="match-excluded">
                  <summary>
                    {t('smExcludedTitle')}
                    {paren(String(match.result.excluded.length))}
                  </summary>
                  <ul>
                    {match.result.excluded.map((x) => (
                      <li key={x.site_id}>
                        {x.site_id} · {x.county ? place(x.county) : ''}
                        {lang === 'zh' ? '：' : ': '}
                        {x.reasons.map((r) => SITE_EXCLUSION_LABELS[r][lang]).join(lang === 'zh' ? '；' : '; ')}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </div>
      )}
      {comparing && <CompareDialog onClose={() => setComparing(false)} />}
    </section>
  );
}
