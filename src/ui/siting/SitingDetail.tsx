// The 招商选址 mode's right panel: the chosen candidate site or project in detail.

import { useAppState } from '../../state/context';
import { useT } from '../i18n';
import { ProjectDetail } from '../pipeline/ProjectDetail';

export function SitingDetail() {
  const { t } = useT();
  const project = useAppState((s) => s.project);
  if (project !== null) return <ProjectDetail id={project} />;
  return <section class="panel" data-testid="siting-detail"><h3>{t('modeSiting')}</h3></section>;
}
