// The city an import belongs to, searchable by name, pinyin or province (any prefecture-level
// city, municipality district set or province-administered unit of the bundled boundaries).

import { useMemo, useState } from 'preact/hooks';
import { importMessage } from '../../i18n/import-messages';
import { findCity, searchCities } from '../../state/import-session';
import { useLang } from '../i18n';

export function CityPicker(props: { adcode: string; onChange(adcode: string): void }) {
  const lang = useLang();
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchCities(query).slice(0, 12), [query]);
  const current = findCity(props.adcode);
  const name = (h: NonNullable<typeof current>) => (lang === 'zh' ? `${h.province.name} ${h.city.name}` : `${h.city.nameEn}, ${h.province.nameEn}`);
  return (
    <div class="city-picker">
      <label>
        {importMessage(lang, 'city')}{' '}
        <input
          data-testid="city-search"
          type="search"
          placeholder={current ? name(current) : importMessage(lang, 'citySearch')}
          aria-label={importMessage(lang, 'citySearch')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      {current && !query && <b data-testid="city-current">{name(current)}</b>}
      {query && (
        <ul class="city-hits" role="listbox">
          {hits.map((h) => (
            <li key={h.city.adcode}>
              <button
                type="button"
                role="option"
                aria-selected={h.city.adcode === props.adcode}
                data-adcode={h.city.adcode}
                onClick={() => {
                  props.onChange(h.city.adcode);
                  setQuery('');
                }}
              >
                {name(h)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
