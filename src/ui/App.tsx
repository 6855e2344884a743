import { DetailPanel } from './DetailPanel';
import { Header } from './Header';
import { Legend } from './Legend';
import { MapView } from './MapView';
import { ParcelList } from './ParcelList';
import { Sidebar } from './Sidebar';
import { useT } from './i18n';
import { SettingsPanel } from './SettingsPanel';
import { ReviewDetail } from './review/ReviewDetail';
import { MujunRanking } from './MujunRanking';
import { MapTitle } from './MapTitle';
import { WallStats } from './WallStats';
import { Notices } from './Notices';
import { ImportDialog } from './import/ImportDialog';
import { useState } from 'preact/hooks';
import { WallDetailCard } from './WallDetailCard';
import { OfflineStatus } from './OfflineStatus';
import { useActions, useAppState } from '../state/context';
import { ScenesPanel } from './present/ScenesPanel';
import { Presenter, enterFullscreen } from './present/Presenter';
import { SitingDetail } from './siting/SitingDetail';
import { WarningList, WarningsTabLabel } from './warnings/WarningList';
import { TimeBar } from './timeline/TimeBar';

export function App() {
  const { t } = useT();
  const phase = useAppState((s) => s.phase);
  const painted = useAppState((s) => s.shapes !== null);
  const message = useAppState((s) => s.message);
  const selected = useAppState((s) => s.selected);
  const mode = useAppState((s) => s.mode);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  // Files dropped on the map open the import dialog with them.
  const [dropped, setDropped] = useState<File[]>([]);
  const [rightTab, setRightTab] = useState<'list' | 'ranking' | 'warnings'>('list');
  // 大屏: map, title and legend only, larger type — for a leader's wall screen.
  const wallChosen = useAppState((s) => s.wall);
  // Presenter mode (演示) shows the wall screen's map with the scene bar instead of its figures.
  const presenting = useAppState((s) => s.presenting !== null);
  const wall = wallChosen || presenting;
  const { setWall, present } = useActions();
  const [scenesOpen, setScenesOpen] = useState(false);
  const startPresenting = (index: number) => {
    setScenesOpen(false);
    enterFullscreen();
    present(index);
  };
  return (
    <div class={presenting ? 'app wall presenting' : wall ? 'app wall' : 'app'}>
      <Header
        onSettings={() => setSettingsOpen(!settingsOpen)}
        wall={wallChosen}
        onWall={() => setWall(!wallChosen)}
        onImport={() => setImportOpen(true)}
        onScenes={() => setScenesOpen(!scenesOpen)}
      />
      {scenesOpen && !presenting && <ScenesPanel onClose={() => setScenesOpen(false)} onPresent={startPresenting} />}
      <Presenter />
      {importOpen && (
        <ImportDialog
          initialFiles={dropped}
          onClose={() => {
            setImportOpen(false);
            setDropped([]);
          }}
        />
      )}
      <main class="body">
        <Sidebar />
        <div
          class="center"
          onDragOver={(e) => e.dataTransfer?.types.includes('Files') && e.preventDefault()}
          onDrop={(e) => {
            if (!e.dataTransfer?.files.length) return;
            e.preventDefault();
            setDropped(Array.from(e.dataTransfer.files));
            setImportOpen(true);
          }}
        >
          <MapView wall={wall} />
          <MapTitle />
          <Notices />
          {wall && !presenting && <WallStats />}
          {wall && selected && <WallDetailCard parcel={selected} />}
          <Legend />
          {!presenting && <TimeBar />}
          {phase === 'loading' && (
            // Once the place is painted, the wait for the rules is a small note, not a veil over the map.
            <div class={painted ? 'loading compact' : 'loading'} data-testid="loading" role="status">
              <div class="spinner" />
              {painted ? t('judging') : t('loading')}
            </div>
          )}
          {phase === 'error' && (
            <div class="error" role="alert" data-testid="error">
              <b>{t('loadError')}</b>
              <pre>{message}</pre>
            </div>
          )}
        </div>
        <aside class="right" tabIndex={0} aria-label={t('panelRegion')}>
          {selected ? (
            <DetailPanel parcel={selected} />
          ) : mode === 'layout' ? (
            <ReviewDetail />
          ) : mode === 'siting' ? (
            <SitingDetail />
          ) : mode === 'workbench' ? (
            <>
              <div class="tabs">
                <button class={rightTab === 'list' ? 'chip on' : 'chip'} onClick={() => setRightTab('list')} data-tab="list">
                  {t('tabList')}
                </button>
                <button class={rightTab === 'ranking' ? 'chip on' : 'chip'} onClick={() => setRightTab('ranking')} data-tab="ranking">
                  {t('tabRanking')}
                </button>
                <button class={rightTab === 'warnings' ? 'chip on' : 'chip'} onClick={() => setRightTab('warnings')} data-tab="warnings">
                  <WarningsTabLabel />
                </button>
              </div>
              {rightTab === 'list' ? <ParcelList /> : rightTab === 'ranking' ? <MujunRanking /> : <WarningList />}
            </>
          ) : (
            <ParcelList />
          )}
        </aside>
        {settingsOpen && <SettingsPanel onClose={() => setSettingsOpen(false)} />}
      </main>
      <OfflineStatus />
    </div>
  );
}
