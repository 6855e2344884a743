// The map's layer switches (图层): part of the view, so a scene or a share link shows the same
// layers. The basemap switch appears only where a basemap has been opted into.

import { useState } from 'preact/hooks';
import { useActions, useAppState } from '../../state/context';
import { LAYER_KEYS, type LayerVisibility } from '../../state/layers';
import { SUPPLY_MODES } from '../../state/supply-state';
import { useT } from '../i18n';
import type { MessageKey } from '../../i18n/dict';
import './present.css';

const LABEL: Record<keyof LayerVisibility, MessageKey> = {
  parcels: 'layerParcels',
  parks: 'layerParks',
  labels: 'layerLabels',
  basemap: 'layerBasemap',
  available: 'layerAvailable',
};

export function LayersControl() {
  const { t } = useT();
  const actions = useActions();
  const layers = useAppState((s) => s.layers);
  const hasBasemap = useAppState((s) => s.basemaps[s.region] !== undefined);
  // Available land is drawn only in the modes that show it (state/supply.ts).
  const hasAvailable = useAppState((s) => SUPPLY_MODES.includes(s.mode));
  const [open, setOpen] = useState(false);
  const hidden = LAYER_KEYS.filter((k) => !layers[k]).length;
  return (
    <div class="layers-control" data-testid="layers-control">
      <button aria-expanded={open} data-testid="layers-toggle" onClick={() => setOpen(!open)}>
        {t('layers')}
        {hidden > 0 ? ` (${hidden})` : ''} {open ? '▴' : '▾'}
      </button>
      {open && (
        <fieldset>
          <legend class="visually-hidden">{t('layers')}</legend>
          {LAYER_KEYS.filter((k) => (k !== 'basemap' || hasBasemap) && (k !== 'available' || hasAvailable)).map((k) => (
            <label key={k}>
              <input type="checkbox" data-layer={k} checked={layers[k]} onChange={(e) => actions.setLayers({ ...layers, [k]: (e.target as HTMLInputElement).checked })} />
              {t(LABEL[k])}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
