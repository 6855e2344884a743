// The embedded demo data set, bundled by Vite as static assets (no network beyond the page's
// own origin). Boundaries are real; everything under data/demo is synthetic (示例数据).

import type { FeatureCollection } from 'geojson';
import type { RegionId } from './regions';
import { type Workspace, readWorkspaceFile } from './workspace/workspace-file';

const boundaryUrls = import.meta.glob('../../data/boundaries/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// The demo regions as binary workspace packs (scripts/demo/pack.ts builds them from the readable
// files beside them): columns as Arrow IPC and shapes as typed arrays, so the map draws parcels
// before the database engine is ready and rows reach it without a text parser.
const packUrls = import.meta.glob('../../data/demo/*/demo.parkatlas', {
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

export async function fetchDemoPack(region: RegionId): Promise<Workspace> {
  const name = `data/demo/${region}/demo.parkatlas`;
  const url = packUrls[`../../${name}`];
  if (!url) throw new Error(`缺少示例数据文件 ${name}\nMissing demo file ${name}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法读取示例数据 ${name}（HTTP ${res.status}）\nCannot read demo file ${name} (HTTP ${res.status})`);
  const opened = readWorkspaceFile(new Uint8Array(await res.arrayBuffer()));
  if (!opened.ok) throw new Error(`示例数据 ${name}：${opened.errorZh}\nDemo file ${name}: ${opened.errorEn}`);
  return opened.workspace;
}
