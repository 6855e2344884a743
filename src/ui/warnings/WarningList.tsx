// 闲置预警: parcels that cross a legal line within the warning window after the as-of date.

import { useT } from '../i18n';

export function WarningList() {
  const { t } = useT();
  return <section class="panel" data-testid="warning-list"><h3>{t('warningsTab')}</h3></section>;
}
