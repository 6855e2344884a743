// 招商项目库: projects under negotiation with their stage, site and referral.

import { useT } from '../i18n';

export function PipelinePanel() {
  const { t } = useT();
  return <section class="panel" data-testid="pipeline-panel"><h3>{t('pipelineTitle')}</h3></section>;
}
