// The map's numbered candidate sites in the 招商选址 mode: the top ranked sites of the match,
// the chosen one ringed (map/layers.ts draws them).

import { useMemo } from 'preact/hooks';
import type { SiteMarker } from '../../map/layers';
import { useAppState } from '../../state/context';
import { TOP_SITES, selectSiteRows } from '../../state/siting-view';

export function useSiteMarkers(): SiteMarker[] | undefined {
  const mode = useAppState((s) => s.mode);
  const rows = useAppState(selectSiteRows);
  const selected = useAppState((s) => s.siting.selectedSite);
  const shapes = useAppState((s) => s.supply.shapes);
  return useMemo(() => {
    if (mode !== 'siting') return undefined;
    return rows
      .slice(0, TOP_SITES)
      .filter((r) => r.site.cx !== null && r.site.cy !== null)
      .map((r) => ({
        site_id: r.site.site_id,
        rank: r.rank,
        position: [r.site.cx!, r.site.cy!],
        // The site's outline (unsupplied pieces and returning parcels; factories have none).
        rings: (shapes.get(r.site.site_id) ?? []).flatMap((poly) => poly.map((ring) => ring.map((p) => [p[0], p[1]] as [number, number]))),
        selected: r.site.site_id === selected,
      }));
  }, [mode, rows, selected, shapes]);
}
