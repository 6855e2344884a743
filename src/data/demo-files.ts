// The embedded demo data set, bundled by Vite as static assets (no network beyond the page's
// own origin). Boundaries are real; everything under data/demo is synthetic (示例数据).

import type { FeatureCollection } from 'geojson';
import { DEMO_FILE_NAMES, type RegionId } from './regions';
import type { RegionFiles } from './import/region';

const boundaryUrls = import.meta.glob('../../data/boundaries/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const demoUrls = import.meta.glob('../../data/demo/*/*.{geojson,csv}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

async function fetchText(url: string, name: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法读取示例数据 ${name}（HTTP ${res.status}）`);
  return res.text();
}

export async function fetchBoundaries(region: RegionId): Promise<FeatureCollection> {
  const url = boundaryUrls[`../../data/boundaries/${region}.geojson`];
  if (!url) throw new Error(`缺少 ${region} 的县区边界文件`);
  return JSON.parse(await fetchText(url, `${region}.geojson`)) as FeatureCollection;
}

export async function fetchDemoFiles(region: RegionId): Promise<RegionFiles> {
  const get = async (file: string) => {
    const url = demoUrls[`../../data/demo/${region}/${file}`];
    if (!url) throw new Error(`缺少示例数据文件 data/demo/${region}/${file}`);
    return { name: file, text: await fetchText(url, file) };
  };
  const [parks, parcels, enterprises, chainNodes, chainLinks] = await Promise.all([
    get(DEMO_FILE_NAMES.parks),
    get(DEMO_FILE_NAMES.parcels),
    get(DEMO_FILE_NAMES.enterprises),
    get(DEMO_FILE_NAMES.chainNodes),
    get(DEMO_FILE_NAMES.chainLinks),
  ]);
  return { parks, parcels, enterprises, chainNodes, chainLinks };
}
