// The 招商选址 mode's right panel: the chosen candidate site or project in detail.

import { useT } from '../i18n';

export function SitingDetail() {
  const { t } = useT();
  return <section class="panel" data-testid="siting-detail"><h3>{t('modeSiting')}</h3></section>;
}
