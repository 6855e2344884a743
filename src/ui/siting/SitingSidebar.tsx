// The 招商选址 mode's left panel: describe a project and rank sites for it (项目选址), or keep the
// project pipeline (招商项目库). Each tab is its own component.

import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { MatchPanel } from './MatchPanel';
import { PipelinePanel } from '../pipeline/PipelinePanel';

type SitingTab = 'match' | 'pipeline';

export function SitingSidebar() {
  const { t } = useT();
  const [tab, setTab] = useState<SitingTab>('match');
  return (
    <>
      <div class="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'match'} class={tab === 'match' ? 'chip on' : 'chip'} onClick={() => setTab('match')} data-tab="match">
          {t('sitingMatchTab')}
        </button>
        <button role="tab" aria-selected={tab === 'pipeline'} class={tab === 'pipeline' ? 'chip on' : 'chip'} onClick={() => setTab('pipeline')} data-tab="pipeline">
          {t('pipelineTitle')}
        </button>
      </div>
      {tab === 'match' ? <MatchPanel /> : <PipelinePanel />}
    </>
  );
}
