import { SitingSidebar } from './siting/SitingSidebar';
import type { GroupSummary } from '../state/app-state';
import { Chips } from './Chips';
import { fmt } from './format';
import { useT } from './i18n';
import { DISPOSALS, IDLE_TYPES, PARCEL_STATUSES, formatMoneyValue } from '../vocab';
import { ActiveFilters } from './ActiveFilters';
import { IdleByCountyChart, IdleBySupplyYearChart } from './WorkbenchCharts';
import { ColorByToggle, ExportBar, MujunMixChart, TrackingKpis } from './WorkbenchPanels';
import { ChainPanel } from './review/ChainPanel';
import { ClusterPanel } from './review/ClusterPanel';
import { GroupPanel } from './brochure/GroupPanel';
import { OverlapPanel } from './review/OverlapPanel';
import { useActions, useAppState } from '../state/context';

function Kpis() {
  const { t, lang } = useT();
  const totals = useAppState((s) => s.totals);
  const items: [string, string, string, string][] = [
    ['kpi-idle', `${t('idleParcels')} / ${fmt(totals?.parcels, 0)}`, fmt(totals?.idle, 0), t('kpiIdleDef')],
    ['kpi-idle-mu', `${t('idleArea')} (${t('mu')})`, fmt(totals?.idleMu), t('kpiIdleMuDef')],
    ['kpi-fee', `${t('feeTotal')} (${t('wan')})`, formatMoneyValue(totals?.feeWan, lang), t('kpiFeeDef')],
    ['kpi-exit', t('exitFlagged'), fmt(totals?.exitFlagged, 0), t('kpiExitDef')],
    ['kpi-ineff', t('inefficient'), fmt(totals?.inefficient, 0), t('kpiIneffDef')],
    ['kpi-missing', t('dataQuality'), fmt(totals?.missingInputs, 0), t('kpiMissingDef')],
  ];
  return (
    <div class="kpis">
      {items.map(([id, label, value, definition]) => (
        <div class="kpi" key={id} title={definition}>
          <div class="kpi-value" data-testid={id}>
            {value}
          </div>
          <div class="kpi-label">{label}</div>
        </div>
      ))}
    </div>
  );
}

function SummaryTable(props: { title: string; rows: GroupSummary[]; testid: string; onPick: (key: string) => void; nameOf: (r: GroupSummary) => string }) {
  const { t } = useT();
  return (
    <section class="summary">
      <h3>{props.title}</h3>
      <table data-testid={props.testid}>
        <thead>
          <tr>
            <th>{props.title.replace(/^按/, '').replace(/^By (\w)/, (_, c: string) => c.toUpperCase())}</th>
            <th class="num">{t('parcels')}</th>
            <th class="num">{t('idleParcels')}</th>
            <th class="num">{`${t('idleArea')}(${t('mu')})`}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} onClick={() => props.onPick(r.key)} data-key={r.key} class="clickable">
              <td>
                {/* The name is the row's keyboard handle; a click anywhere on the row does the same. */}
                <button
                  type="button"
                  class="row-pick"
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onPick(r.key);
                  }}
                >
                  {props.nameOf(r)}
                </button>
              </td>
              <td class="num">{fmt(r.parcels, 0)}</td>
              <td class="num">
                {fmt(r.idle, 0)}
                <span class="mini">
                  {r.fee > 0 && <i class="dot fee" title="fee">{r.fee}</i>}
                  {r.recovery > 0 && <i class="dot recovery" title="recovery">{r.recovery}</i>}
                  {r.negotiate > 0 && <i class="dot negotiate" title="negotiate">{r.negotiate}</i>}
                </span>
              </td>
              <td class="num">{fmt(r.idleMu)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Filters() {
  const actions = useActions();
  const { t, code, place } = useT();
  const filter = useAppState((s) => s.filter);
  const counties = useAppState((s) => s.countyOptions);
  const parks = useAppState((s) => s.parkOptions);
  const visibleParks = filter.counties.length ? parks.filter((p) => filter.counties.includes(p.county)) : parks;
  return (
      <section class="filters">
        <div class="filters-head">
          <h3>{t('filters')}</h3>
          <button class="link" data-testid="clear-filters" onClick={() => actions.clearFilter()}>
            {t('clearFilters')}
          </button>
        </div>
        <label>{t('county')}</label>
        <Chips
          name="county"
          options={counties.map((c) => ({ value: c, label: place(c) }))}
          selected={filter.counties}
          // Choosing one county (from none or another) flies there; adding a second only filters.
          onChange={(v) => (v.length === 1 && !filter.counties.includes(v[0]) ? actions.chooseCounty(v[0]) : actions.setFilter({ counties: v, parkIds: [] }))}
        />
        <label for="park-select">{t('park')}</label>
        <select
          id="park-select"
          data-testid="park-select"
          value={filter.parkIds[0] ?? ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            if (v) actions.choosePark(v);
            else actions.setFilter({ parkIds: [] });
          }}
        >
          <option value="">{t('all')}</option>
          {visibleParks.map((p) => (
            <option key={p.park_id} value={p.park_id}>
              {p.name}
            </option>
          ))}
        </select>
        <label>{t('idleType')}</label>
        <Chips
          name="idle"
          options={[...IDLE_TYPES.filter((v) => v !== 'none'), 'none'].map((v) => ({ value: v, label: code(`idle:${v}`) }))}
          selected={filter.idleTypes}
          onChange={(v) => actions.setFilter({ idleTypes: v })}
        />
        <label>{t('disposal')}</label>
        <Chips
          name="disposal"
          options={DISPOSALS.filter((v) => v !== 'none').map((v) => ({ value: v, label: code(`disposal:${v}`) }))}
          selected={filter.disposals}
          onChange={(v) => actions.setFilter({ disposals: v })}
        />
        <label>{t('status')}</label>
        <Chips
          name="status"
          options={PARCEL_STATUSES.map((v) => ({ value: v, label: code(v) }))}
          selected={filter.statuses}
          onChange={(v) => actions.setFilter({ statuses: v })}
        />
        <label>{t('dataQuality')}</label>
        <Chips
          name="quality"
          options={[{ value: 'missing', label: t('missingOnly') }]}
          selected={filter.quality}
          onChange={(v) => actions.setFilter({ quality: v })}
        />
        {filter.supplyYears.length > 0 && (
          <>
            <label>{t('supplyYear')}</label>
            <Chips
              name="supply-year"
              options={filter.supplyYears.map((y) => ({ value: String(y), label: String(y) }))}
              selected={filter.supplyYears.map(String)}
              onChange={(v) => actions.setFilter({ supplyYears: v.map(Number) })}
            />
          </>
        )}
      </section>
  );
}

/** The layout view's filter: which counties to compare. */
function CountyChips() {
  const actions = useActions();
  const { t, place } = useT();
  const filter = useAppState((s) => s.filter);
  const counties = useAppState((s) => s.countyOptions);
  return (
    <section class="layout-section">
      <label class="small muted">{t('compareCounties')}</label>
      <Chips
        name="county"
        options={counties.map((c) => ({ value: c, label: place(c) }))}
        selected={filter.counties}
        onChange={(v) => actions.setFilter({ counties: v, parkIds: [] })}
      />
    </section>
  );
}

function SummaryTables() {
  const actions = useActions();
  const { t, place } = useT();
  const parks = useAppState((s) => s.parkOptions);
  const byCounty = useAppState((s) => s.byCounty);
  const byPark = useAppState((s) => s.byPark);
  const parkName = (id: string) => parks.find((p) => p.park_id === id)?.name ?? (id === '' ? t('outsidePark') : id);
  return (
    <>
      <SummaryTable
        title={t('byCounty')}
        rows={byCounty}
        testid="county-table"
        nameOf={(r) => place(r.name)}
        onPick={(k) => actions.chooseCounty(k)}
      />
      <SummaryTable
        title={t('byPark')}
        rows={byPark}
        testid="park-table"
        nameOf={(r) => parkName(r.key)}
        onPick={(k) => k && actions.choosePark(k)}
      />
    </>
  );
}

export function Sidebar() {
  const mode = useAppState((s) => s.mode);
  const { t } = useT();
  return (
    <aside class="sidebar" data-testid={`sidebar-${mode}`} tabIndex={0} aria-label={t('sidebarRegion')}>
      {mode === 'layout' && (
        <>
          <ActiveFilters />
          <CountyChips />
          <ClusterPanel />
          <OverlapPanel />
          <ChainPanel />
          <GroupPanel />
        </>
      )}
      {mode === 'siting' && <SitingSidebar />}
      {mode !== 'layout' && mode !== 'siting' && <ActiveFilters />}
      {mode !== 'layout' && mode !== 'siting' && <Kpis />}
      {mode === 'idle' && (
        <>
          <Filters />
          <SummaryTables />
        </>
      )}
      {mode === 'workbench' && (
        <>
          <ColorByToggle />
          <TrackingKpis />
          <IdleByCountyChart />
          <IdleBySupplyYearChart />
          <MujunMixChart />
          <ExportBar />
          <Filters />
        </>
      )}
    </aside>
  );
}
