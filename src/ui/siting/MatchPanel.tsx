// 项目选址: the project description form and the ranked candidate sites.

import { useT } from '../i18n';

export function MatchPanel() {
  const { t } = useT();
  return <section class="panel" data-testid="match-panel"><h3>{t('sitingMatchTab')}</h3></section>;
}
