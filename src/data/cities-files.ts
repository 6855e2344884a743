// Browser fetcher for the per-city county boundary files: each file is its own static asset
// (`?url&no-inline`: never inlined into the bundle, even the 2 KB ones), fetched from the page's
// own origin only when that city is opened. Import it through cities-fetch.ts, which loads this
// URL table (~40 KB) as a separate chunk on first use.

import type { CityFileFetcher } from './cities';

const urls = import.meta.glob(['../../data/boundaries/cities/*.json', '!../../data/boundaries/cities/index.json'], {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const fetchCityFile: CityFileFetcher = async (file) => {
  const url = urls[`../../data/boundaries/cities/${file}`];
  if (!url) throw new Error(`缺少县区边界文件 data/boundaries/cities/${file}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法读取县区边界文件 ${file}（HTTP ${res.status}）`);
  return res.text();
};
