// The 招商选址 mode's left panel: describe a project and rank sites for it (项目选址), or keep the
// project pipeline (招商项目库). The tab is state: matching a project from the pipeline opens
// the sites found for it.

import { useActions, useAppState } from '../../state/context';
import type { SitingTab } from '../../state/siting-state';
import type { MessageKey } from '../../i18n/dict';
import { useT } from '../i18n';
import { MatchPanel } from './MatchPanel';
import { PipelinePanel } from '../pipeline/PipelinePanel';

const TABS: [SitingTab, MessageKey][] = [
  ['match', 'sitingMatchTab'],
  ['pipeline', 'pipelineTitle'],
];

export function SitingSidebar() {
  const { t } = useT();
  const actions = useActions();
  const tab = useAppState((s) => s.siting.tab);
  return (
    <>
      <div class="tabs" role="tablist">
        {TABS.map(([k, label]) => (
          <button key={k} role="tab" aria-selected={tab === k} class={tab === k ? 'chip on' : 'chip'} onClick={() => actions.setSitingTab(k)} data-tab={k}>
            {t(label)}
          </button>
        ))}
      </div>
      {tab === 'match' ? <MatchPanel /> : <PipelinePanel />}
    </>
  );
}
