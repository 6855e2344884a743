// Seeded generator of the synthetic demo data (示例数据) for the three demo cities.
//
// Pure: it takes the (real) county boundaries and returns parks, parcels, enterprises and
// industry chains as plain objects; scripts/generate-demo.ts writes them to data/demo/. The
// same seed always gives the same data (no Math.random, no current date), so the committed
// files can be checked by regenerating them in a test.
//
// Everything here is invented. Park names follow real naming patterns so the demo reads
// naturally, but boundaries, parcels, enterprises and figures are not real records.

import { area as turfArea, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  CHAIN_LINK_FIELDS,
  CHAIN_NODE_FIELDS,
  ENTERPRISE_FIELDS,
  type FieldSpec,
  type LandUse,
  M2_PER_HA,
  M2_PER_MU,
  PARCEL_FIELDS,
  PARK_FIELDS,
  type ParcelStatus,
  type ParkLevel,
} from '../../src/data/contract';
import { type RegionId, regionById } from '../../src/data/regions';

// ---------------------------------------------------------------------------------------------
// Public types

export interface CountyProps {
  county: string;
  city: string;
  adcode: string;
  /** County seat (县政府驻地), WGS84. */
  seat: [number, number];
}
export type CountyCollection = FeatureCollection<Polygon | MultiPolygon, CountyProps>;

export type Cell = string | number | boolean | null;
/** A record keyed by contract field names; every contract field is present (null = empty). */
export type Row = Record<string, Cell>;

export interface DemoOptions {
  seed?: number;
  /** Multiplies the number of parcels (smaller parcels, same parks); for benchmarks. */
  parcelScale?: number;
}

export interface RegionDemo {
  parks: FeatureCollection<Polygon, Row>;
  parcels: FeatureCollection<Polygon, Row>;
  enterprises: Row[];
  chainNodes: Row[];
  chainLinks: Row[];
}

export const DEFAULT_SEED = 20260331;
/** The data set describes the land as of this date (数据截至): nothing happens after it. */
export const SNAPSHOT_DATE = '2026-03-31';
/** Earliest supply date in the demo. */
const FIRST_SUPPLY = '2015-01-01';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny 32-bit PRNG, good enough for demo data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive independent streams from one seed and a label. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An independent stream: drawing more numbers in one stream does not shift another. */
  static derive(seed: number, label: string): Rng {
    return new Rng((hash32(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }
  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates as UTC day numbers

const DAY_MS = 86_400_000;
function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** Adds calendar months, clamping the day to the month's length (as SQL interval arithmetic does). */
function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}

const SNAPSHOT = dayOf(SNAPSHOT_DATE);
const FIRST = dayOf(FIRST_SUPPLY);

// ---------------------------------------------------------------------------------------------
// Region specifications: chains and parks

interface NodeSpec {
  name: string;
  stage: 'upstream' | 'midstream' | 'downstream';
  /** Product word used in synthetic enterprise names. */
  product: string;
  /** Relative share of enterprises; high weights in many counties make 同质化 visible. */
  weight?: number;
  /** 补链 gap: the region has no enterprise at this node. */
  gap?: boolean;
  /** Only parks in these counties host this node. */
  onlyIn?: readonly string[];
}

interface ChainSpec {
  code: string;
  name: string;
  /** Energy use, 吨标煤 per 万元 of revenue. */
  energy: number;
  /** R&D spending as a share of revenue. */
  rd: readonly [number, number];
  nodes: readonly NodeSpec[];
  /** Supplier → customer, as node numbers within the chain ("03") or full node ids. */
  links: readonly (readonly [string, string])[];
}

interface ParkSpec {
  name: string;
  county: string;
  level: ParkLevel;
  chains: readonly string[];
  /** Preferred centre, km east and km north of the county seat. */
  at: readonly [number, number];
  /** Rough radius in km (planned area ≈ 2.8 r² km²). */
  r: number;
  /** A newer park (新设/扩区): most of its planned area is not yet supplied. */
  young?: boolean;
  /** Off-profile park: this share of its projects is on `chain`, a chain of the region the park
   *  does not declare (招商 took what came). Other parks get a small random stray share. */
  offChain?: { chain: string; share: number };
}

interface RegionSpec {
  prefix: string;
  /** Industrial land price, 万元 per 亩. */
  landPrice: number;
  /** Rough number of parcels at parcelScale 1 (the generated count lands near it, not on it:
   *  cities differ, and a round figure repeated across cities would look made up). */
  parcels: number;
  chains: readonly ChainSpec[];
  parks: readonly ParkSpec[];
}

const DEZHOU: RegionSpec = {
  prefix: 'DZ',
  landPrice: 18,
  parcels: 1300,
  chains: [
    {
      code: 'FIT',
      name: '体育器材（健身器材）',
      energy: 0.04,
      rd: [0.01, 0.04],
      nodes: [
        { name: '钢材与管材', stage: 'upstream', product: '管业' },
        { name: '橡胶与工程塑料', stage: 'upstream', product: '塑胶制品' },
        { name: '电机与智能电控', stage: 'upstream', product: '电控', gap: true },
        { name: '结构件加工与喷涂', stage: 'midstream', product: '金属制品', weight: 2 },
        // Every county's plan lists the same finished-equipment node: the 同质化 the demo shows.
        { name: '健身器材整机', stage: 'midstream', product: '健身器材', weight: 6 },
        { name: '体育场馆设施', stage: 'downstream', product: '体育设施', weight: 2 },
        { name: '智能健身与电商销售', stage: 'downstream', product: '体育用品' },
      ],
      links: [['01', '04'], ['02', '05'], ['03', '05'], ['03', '07'], ['04', '05'], ['04', '06'], ['05', '07']],
    },
    {
      code: 'ELV',
      name: '电梯',
      energy: 0.03,
      rd: [0.015, 0.05],
      nodes: [
        { name: '钢材与型材', stage: 'upstream', product: '型材' },
        { name: '曳引机与电机', stage: 'upstream', product: '机电' },
        { name: '控制系统与变频器', stage: 'upstream', product: '电气', gap: true },
        { name: '门系统与导轨', stage: 'midstream', product: '电梯部件', weight: 2 },
        { name: '电梯整机制造', stage: 'midstream', product: '电梯', weight: 3 },
        { name: '安装维保服务', stage: 'downstream', product: '电梯工程' },
      ],
      links: [['01', '04'], ['02', '05'], ['03', '05'], ['04', '05'], ['05', '06']],
    },
    {
      code: 'FOOD',
      name: '调味品食品',
      energy: 0.05,
      rd: [0.005, 0.02],
      nodes: [
        { name: '粮油与农产品原料', stage: 'upstream', product: '粮油' },
        { name: '酿造菌种与食品添加剂', stage: 'upstream', product: '生物', gap: true },
        { name: '食品包装材料', stage: 'upstream', product: '包装' },
        { name: '酱油食醋酿造', stage: 'midstream', product: '酿造', weight: 2 },
        { name: '复合调味料', stage: 'midstream', product: '调味品', weight: 3 },
        { name: '功能糖与食品配料', stage: 'midstream', product: '食品配料', weight: 2, onlyIn: ['禹城市', '平原县', '陵城区'] },
        { name: '冷链物流与商超', stage: 'downstream', product: '冷链物流' },
      ],
      links: [['01', '04'], ['01', '06'], ['02', '04'], ['02', '05'], ['03', '05'], ['04', '05'], ['04', '07'], ['05', '07'], ['06', '05']],
    },
    {
      code: 'NMT',
      name: '新材料',
      energy: 0.15,
      rd: [0.02, 0.06],
      nodes: [
        { name: '基础化工原料', stage: 'upstream', product: '化工' },
        { name: '玻璃纤维', stage: 'midstream', product: '玻纤' },
        { name: '复合材料制品', stage: 'midstream', product: '复合材料', weight: 2 },
        { name: '功能膜材料', stage: 'midstream', product: '新材料', gap: true },
        { name: '新能源汽车轻量化部件', stage: 'downstream', product: '汽车部件' },
        { name: '风电叶片', stage: 'downstream', product: '风电装备' },
      ],
      links: [['01', '02'], ['01', '04'], ['02', '03'], ['03', '05'], ['03', '06'], ['03', 'DZ-FIT-05'], ['04', '05']],
    },
  ],
  parks: [
    { name: '德州经济技术开发区', county: '德城区', level: 'national', chains: ['NMT', 'ELV'], at: [7, -2], r: 2.3 },
    { name: '德州运河经济开发区', county: '德城区', level: 'provincial', chains: ['FIT', 'NMT'], at: [-2, -7], r: 1.4 },
    { name: '陵城经济开发区', county: '陵城区', level: 'provincial', chains: ['FIT', 'FOOD'], at: [-3, -4], r: 1.8 },
    // 宁津's parks sit east of the seat, toward 乐陵 and 庆云: the 宁津–乐陵–庆云 组团 of the
    // storyline, which a 30–40 km DBSCAN should find while 德城区 stays apart.
    { name: '宁津经济开发区', county: '宁津县', level: 'provincial', chains: ['FIT', 'ELV'], at: [8, -1], r: 1.6 },
    { name: '宁津县健身器材产业园', county: '宁津县', level: 'county', chains: ['FIT'], at: [9, 5], r: 1.1, young: true },
    { name: '乐陵经济开发区', county: '乐陵市', level: 'provincial', chains: ['FOOD', 'FIT'], at: [-5, -1], r: 1.8 },
    { name: '乐陵市体育用品产业园', county: '乐陵市', level: 'municipal', chains: ['FIT'], at: [2, -6], r: 1.2 },
    { name: '庆云经济开发区', county: '庆云县', level: 'provincial', chains: ['FIT', 'NMT'], at: [3, -3], r: 1.6 },
    { name: '禹城高新技术产业开发区', county: '禹城市', level: 'national', chains: ['FOOD', 'NMT'], at: [3, 2], r: 2.6 },
    { name: '齐河经济开发区', county: '齐河县', level: 'provincial', chains: ['NMT', 'ELV'], at: [-4, -3], r: 2.1 },
    // Off-profile: declared 新材料, but food processors make up about half of what was built.
    { name: '临邑经济开发区', county: '临邑县', level: 'provincial', chains: ['NMT'], at: [3, -3], r: 1.6, offChain: { chain: 'FOOD', share: 0.5 } },
    { name: '平原经济开发区', county: '平原县', level: 'provincial', chains: ['FOOD', 'ELV'], at: [-3, 2], r: 1.6 },
    { name: '夏津经济开发区', county: '夏津县', level: 'municipal', chains: ['FOOD'], at: [3, -2], r: 1.3 },
    // Off-profile: elevator-parts makers from the neighbouring belt outnumber the declared chains.
    { name: '武城经济开发区', county: '武城县', level: 'county', chains: ['NMT', 'FIT'], at: [3, 2], r: 1.2, offChain: { chain: 'ELV', share: 0.45 } },
  ],
};

const SHAOGUAN: RegionSpec = {
  prefix: 'SG',
  landPrice: 16,
  parcels: 1150,
  chains: [
    {
      code: 'ELE',
      name: '电子信息',
      energy: 0.03,
      rd: [0.03, 0.08],
      nodes: [
        { name: '覆铜板与电子化学品', stage: 'upstream', product: '电子材料', gap: true },
        // 长链带短链: the city districts' terminal makers pull 始兴's PCB plants.
        { name: '印制电路板（PCB）', stage: 'midstream', product: '电路', weight: 5, onlyIn: ['始兴县'] },
        { name: '电子元器件与模组', stage: 'midstream', product: '电子', weight: 2 },
        { name: '电子信息终端', stage: 'downstream', product: '智能终端', weight: 4, onlyIn: ['武江区', '浈江区', '曲江区'] },
        { name: '显示与触控模组', stage: 'midstream', product: '光电' },
        { name: '服务器与网络设备', stage: 'downstream', product: '信息技术', onlyIn: ['浈江区', '武江区'] },
      ],
      // Contract: links run supplier → customer, so PCB (02) → terminal (04).
      links: [['01', '02'], ['02', '04'], ['02', '06'], ['03', '04'], ['05', '04'], ['03', '06'], ['06', 'SG-IDC-04']],
    },
    {
      code: 'EQP',
      name: '装备制造',
      energy: 0.05,
      rd: [0.02, 0.05],
      nodes: [
        { name: '特种钢材', stage: 'upstream', product: '特钢' },
        { name: '铸锻件', stage: 'upstream', product: '铸造', weight: 2 },
        { name: '齿轮与传动件', stage: 'midstream', product: '传动', weight: 2 },
        { name: '液压件与轴承', stage: 'midstream', product: '液压', gap: true },
        { name: '工程机械与矿山装备', stage: 'downstream', product: '机械', weight: 3 },
        { name: '智能农机', stage: 'downstream', product: '农机' },
        { name: '工业机器人与自动化', stage: 'downstream', product: '智能装备' },
      ],
      links: [['01', '02'], ['02', '03'], ['03', '05'], ['03', '06'], ['04', '05'], ['04', '07'], ['02', '05']],
    },
    {
      code: 'NFM',
      name: '有色金属与新材料',
      energy: 0.45,
      rd: [0.01, 0.03],
      nodes: [
        { name: '铅锌钨矿采选', stage: 'upstream', product: '矿业', onlyIn: ['仁化县', '翁源县', '乐昌市'] },
        { name: '有色金属冶炼', stage: 'midstream', product: '冶炼', weight: 2 },
        { name: '稀土与钨精深加工', stage: 'midstream', product: '稀有金属' },
        { name: '新能源电池材料', stage: 'midstream', product: '新能源材料', weight: 2 },
        { name: '合金与金属新材料制品', stage: 'downstream', product: '合金材料', weight: 2 },
      ],
      links: [['01', '02'], ['01', '03'], ['02', '04'], ['02', '05'], ['03', '05'], ['05', 'SG-EQP-02']],
    },
    {
      code: 'IDC',
      name: '数据中心',
      energy: 0.8,
      rd: [0.02, 0.05],
      nodes: [
        { name: '绿色电力供应', stage: 'upstream', product: '能源' },
        { name: '机房建设与制冷', stage: 'upstream', product: '数据科技', weight: 2 },
        { name: '服务器整机', stage: 'midstream', product: '计算机', gap: true },
        { name: '数据中心运营', stage: 'midstream', product: '云计算', weight: 3 },
        { name: '云服务与算力应用', stage: 'downstream', product: '算力科技', weight: 2 },
      ],
      links: [['01', '04'], ['02', '04'], ['03', '04'], ['04', '05']],
    },
  ],
  parks: [
    { name: '韶关高新技术产业开发区', county: '浈江区', level: 'provincial', chains: ['ELE', 'IDC'], at: [4, 6], r: 1.8 },
    { name: '华南先进装备产业园', county: '曲江区', level: 'provincial', chains: ['EQP'], at: [7, -6], r: 2.4 },
    { name: '武江电子信息产业园', county: '武江区', level: 'municipal', chains: ['ELE'], at: [-7, -2], r: 1.4 },
    { name: '曲江经济开发区', county: '曲江区', level: 'provincial', chains: ['NFM', 'ELE'], at: [-4, -5], r: 1.6 },
    { name: '始兴县城南产业园', county: '始兴县', level: 'county', chains: ['ELE'], at: [0, -4], r: 1.3 },
    { name: '翁源经济开发区', county: '翁源县', level: 'provincial', chains: ['NFM', 'EQP'], at: [3, -3], r: 1.6 },
    { name: '仁化有色金属循环经济产业园', county: '仁化县', level: 'municipal', chains: ['NFM'], at: [-3, -4], r: 1.3 },
    { name: '乐昌产业转移工业园', county: '乐昌市', level: 'provincial', chains: ['EQP', 'NFM'], at: [3, -4], r: 1.6 },
    // Off-profile: an 产业转移 park that took machinery transfers from the Pearl River Delta.
    { name: '南雄产业转移工业园', county: '南雄市', level: 'provincial', chains: ['NFM'], at: [-4, -3], r: 1.8, offChain: { chain: 'EQP', share: 0.5 } },
    { name: '新丰县产业园', county: '新丰县', level: 'county', chains: ['EQP', 'ELE'], at: [3, 3], r: 1.2 },
    { name: '乳源经济开发区', county: '乳源瑶族自治县', level: 'county', chains: ['NFM'], at: [4, -3], r: 1.4 },
    { name: '韶关数据中心集群起步区', county: '浈江区', level: 'municipal', chains: ['IDC'], at: [6, 15], r: 1.5, young: true },
  ],
};

const LANZHOU: RegionSpec = {
  prefix: 'LZ',
  landPrice: 24,
  parcels: 1450,
  chains: [
    {
      code: 'PCH',
      name: '石油化工',
      energy: 0.35,
      rd: [0.005, 0.02],
      nodes: [
        { name: '原油加工', stage: 'upstream', product: '石化', onlyIn: ['西固区'] },
        { name: '乙烯与基础化工', stage: 'midstream', product: '化工', weight: 2, onlyIn: ['西固区', '永登县'] },
        { name: '合成树脂与合成橡胶', stage: 'midstream', product: '化工新材料', weight: 2 },
        { name: '精细化工', stage: 'midstream', product: '精细化工', weight: 3 },
        { name: '化工新材料制品', stage: 'downstream', product: '高分子材料', gap: true },
        { name: '化工物流', stage: 'downstream', product: '物流' },
      ],
      links: [['01', '02'], ['02', '03'], ['02', '04'], ['03', '05'], ['04', '05'], ['02', '06'], ['04', '06']],
    },
    {
      code: 'EQP',
      name: '装备制造',
      energy: 0.05,
      rd: [0.02, 0.05],
      nodes: [
        { name: '铸锻与基础零部件', stage: 'upstream', product: '铸造', weight: 2 },
        { name: '石化装备', stage: 'midstream', product: '石化装备', weight: 2 },
        { name: '电工电器', stage: 'midstream', product: '电气' },
        { name: '轨道交通装备', stage: 'downstream', product: '轨道装备' },
        { name: '节能环保装备', stage: 'downstream', product: '环保设备', weight: 2 },
        { name: '智能制造系统集成', stage: 'downstream', product: '智能科技', gap: true },
      ],
      links: [['01', '02'], ['01', '04'], ['03', '04'], ['03', '05'], ['02', '06'], ['01', '05'], ['02', 'LZ-PCH-01']],
    },
    {
      code: 'BIO',
      name: '生物医药',
      energy: 0.05,
      rd: [0.04, 0.12],
      nodes: [
        { name: '中药材种植（当归、党参）', stage: 'upstream', product: '中药材' },
        { name: '原料药与中间体', stage: 'upstream', product: '药业' },
        { name: '生物制品与疫苗', stage: 'midstream', product: '生物制品', weight: 2 },
        { name: '中药饮片与中成药', stage: 'midstream', product: '制药', weight: 3 },
        { name: '医疗器械', stage: 'midstream', product: '医疗器械', gap: true },
        { name: '医药流通', stage: 'downstream', product: '医药' },
      ],
      links: [['01', '04'], ['02', '03'], ['02', '04'], ['03', '06'], ['04', '06'], ['05', '06']],
    },
    {
      code: 'NFM',
      name: '有色冶金',
      energy: 0.55,
      rd: [0.005, 0.02],
      nodes: [
        { name: '氧化铝与矿产原料', stage: 'upstream', product: '矿产' },
        { name: '电解铝', stage: 'midstream', product: '铝业', weight: 2 },
        { name: '铝材精深加工', stage: 'midstream', product: '铝材', weight: 3 },
        { name: '铜镍冶炼', stage: 'midstream', product: '冶金', gap: true },
        { name: '合金与金属制品', stage: 'downstream', product: '金属制品', weight: 2 },
      ],
      links: [['01', '02'], ['02', '03'], ['03', '05'], ['04', '05'], ['03', 'LZ-EQP-04']],
    },
    {
      code: 'NMT',
      name: '新材料',
      energy: 0.12,
      rd: [0.03, 0.07],
      nodes: [
        { name: '稀土与金属粉体', stage: 'upstream', product: '粉体材料' },
        { name: '碳材料', stage: 'midstream', product: '碳素', weight: 2 },
        { name: '高性能纤维', stage: 'midstream', product: '纤维材料' },
        { name: '新能源电池材料', stage: 'midstream', product: '新能源材料', weight: 2 },
        { name: '复合材料制品', stage: 'downstream', product: '复合材料', weight: 2 },
      ],
      links: [['01', '04'], ['02', '04'], ['02', '05'], ['03', '05'], ['LZ-PCH-03', '05']],
    },
  ],
  parks: [
    { name: '兰州经济技术开发区', county: '安宁区', level: 'national', chains: ['EQP', 'NMT'], at: [-4, 1], r: 1.1 },
    { name: '兰州高新技术产业开发区', county: '城关区', level: 'national', chains: ['BIO', 'NMT'], at: [6, 2], r: 1.2 },
    { name: '兰州新区精细化工园区', county: '永登县', level: 'national', chains: ['PCH', 'NMT'], at: [9, -9], r: 2.6 },
    { name: '西固石化产业园', county: '西固区', level: 'provincial', chains: ['PCH', 'NMT'], at: [-4, 0], r: 1.8 },
    { name: '榆中生物医药产业园', county: '榆中县', level: 'provincial', chains: ['BIO'], at: [-5, 3], r: 1.6 },
    { name: '榆中和平装备制造产业园', county: '榆中县', level: 'municipal', chains: ['EQP', 'NMT'], at: [-13, 5], r: 1.6, young: true },
    { name: '红古有色冶金产业园', county: '红古区', level: 'municipal', chains: ['NFM'], at: [6, 0], r: 1.6 },
    { name: '永登连城有色金属产业园', county: '永登县', level: 'county', chains: ['NFM'], at: [-7, 3], r: 1.4 },
    // Off-profile: aluminium fabricators from 红古/连城 settled here on cheaper land.
    { name: '皋兰县三川口工业园', county: '皋兰县', level: 'county', chains: ['EQP', 'PCH'], at: [-3, -4], r: 1.4, offChain: { chain: 'NFM', share: 0.5 } },
    { name: '七里河区彭家坪产业园', county: '七里河区', level: 'municipal', chains: ['BIO', 'EQP'], at: [-2, -5], r: 1.0 },
  ],
};

const SPECS: Record<RegionId, RegionSpec> = { dezhou: DEZHOU, shaoguan: SHAOGUAN, lanzhou: LANZHOU };

/** Share of parcels outside any park, relative to those inside. */
const OUTSIDE_SHARE = 0.03;
/** Share of a park's planned area covered by supplied parcels. The rest — roads, green belts,
 *  utility corridors and land not yet supplied — is what the app reports as unsupplied, so an
 *  established park shows 24–40 % of its planned area unsupplied and a newer one 55–68 %. A
 *  fully built-out block grid reaches only ~75 % (roads, setbacks, the irregular edge). */
const COVERAGE_ESTABLISHED: readonly [number, number] = [0.6, 0.76];
const COVERAGE_YOUNG: readonly [number, number] = [0.32, 0.45];

// ---------------------------------------------------------------------------------------------
// Planar geometry in a local metric frame.
//
// One equirectangular frame per region: x = east metres, y = north metres. It is an affine map
// of longitude/latitude, so convexity, containment and disjointness computed here hold exactly
// for the lon/lat polygons Turf and the map see.

type Pt = [number, number];

interface Frame {
  lng0: number;
  lat0: number;
  kx: number;
  ky: number;
}

function makeFrame(lng0: number, lat0: number): Frame {
  return { lng0, lat0, kx: 111_320 * Math.cos((lat0 * Math.PI) / 180), ky: 110_574 };
}
const toLocal = (f: Frame, p: Position): Pt => [(p[0] - f.lng0) * f.kx, (p[1] - f.lat0) * f.ky];
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const toLngLat = (f: Frame, p: Pt): Pt => [round6(f.lng0 + p[0] / f.kx), round6(f.lat0 + p[1] / f.ky)];

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Counter-clockwise convex hull (Andrew's monotone chain), without the closing point. */
function convexHull(points: Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Signed distance of p inside a CCW convex polygon (positive inside, min over edges). */
function insideDepth(poly: Pt[], p: Pt): number {
  let d = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    d = Math.min(d, cross(a, b, p) / len);
  }
  return d;
}

/** True when two convex polygons are at least `gap` apart along some separating axis. */
function separated(a: Pt[], b: Pt[], gap: number): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const nx = q[1] - p[1];
      const ny = p[0] - q[0];
      const len = Math.hypot(nx, ny);
      let minA = Infinity;
      let maxA = -Infinity;
      let minB = Infinity;
      let maxB = -Infinity;
      for (const v of a) {
        const s = (v[0] * nx + v[1] * ny) / len;
        minA = Math.min(minA, s);
        maxA = Math.max(maxA, s);
      }
      for (const v of b) {
        const s = (v[0] * nx + v[1] * ny) / len;
        minB = Math.min(minB, s);
        maxB = Math.max(maxB, s);
      }
      if (minB - maxA >= gap || minA - maxB >= gap) return true;
    }
  }
  return false;
}

function centroidOf(poly: Pt[]): Pt {
  let x = 0;
  let y = 0;
  for (const p of poly) {
    x += p[0];
    y += p[1];
  }
  return [x / poly.length, y / poly.length];
}

/** Pushes every vertex of a convex polygon `m` metres away from its centroid. */
function grow(poly: Pt[], m: number): Pt[] {
  const c = centroidOf(poly);
  return poly.map((p) => {
    const dx = p[0] - c[0];
    const dy = p[1] - c[1];
    const len = Math.hypot(dx, dy) || 1;
    return [p[0] + (dx / len) * m, p[1] + (dy / len) * m];
  });
}

function polygonArea(poly: Pt[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/** Closed, counter-clockwise lon/lat ring (RFC 7946), rounded to 6 decimals. */
function ringOf(frame: Frame, poly: Pt[]): Position[] {
  const ccw = polygonArea(poly) > 0 ? poly : [...poly].reverse();
  const ring = ccw.map((p) => toLngLat(frame, p));
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

interface County {
  feature: Feature<Polygon | MultiPolygon, CountyProps>;
  name: string;
  seat: Pt;
  /** County boundary vertices in the local frame. */
  vertices: Pt[];
}

/** A convex candidate lies well inside the county: every vertex of the grown polygon is inside,
 *  and no boundary vertex pokes into it (with all vertices inside, a boundary that entered
 *  the convex shape would have to turn inside it). */
function fitsCounty(frame: Frame, county: County, poly: Pt[], margin: number): boolean {
  const g = grow(poly, margin);
  for (const p of g) {
    if (!booleanPointInPolygon(toLngLat(frame, p), county.feature)) return false;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of g) {
    minX = Math.min(minX, p[0]);
    minY = Math.min(minY, p[1]);
    maxX = Math.max(maxX, p[0]);
    maxY = Math.max(maxY, p[1]);
  }
  for (const v of county.vertices) {
    if (v[0] < minX || v[0] > maxX || v[1] < minY || v[1] > maxY) continue;
    if (insideDepth(g, v) >= 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Parks

interface Park {
  id: string;
  spec: ParkSpec;
  poly: Pt[];
  county: County;
  chainIds: string[];
}

/** An irregular convex polygon around the origin: jittered points on a rotated ellipse. */
function parkShape(rng: Rng, radiusM: number): Pt[] {
  const n = rng.int(7, 11);
  const a = radiusM * rng.range(1.05, 1.35);
  const b = radiusM * rng.range(0.7, 0.95);
  const phi = rng.range(0, Math.PI);
  const pts: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const t = ((i + rng.range(-0.3, 0.3)) / n) * 2 * Math.PI;
    const k = rng.range(0.88, 1.08);
    const x = a * Math.cos(t) * k;
    const y = b * Math.sin(t) * k;
    pts.push([x * Math.cos(phi) - y * Math.sin(phi), x * Math.sin(phi) + y * Math.cos(phi)]);
  }
  return convexHull(pts);
}

function placeParks(rng: Rng, frame: Frame, spec: RegionSpec, counties: Map<string, County>): Park[] {
  const parks: Park[] = [];
  const scales = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.42];
  // Search outward from the preferred spot: the spot itself, then rings of 8 directions.
  const offsets: Pt[] = [[0, 0]];
  for (let ringKm = 0.75; ringKm <= 4.5; ringKm += 0.75) {
    for (let k = 0; k < 8; k++) {
      const t = (k / 8) * 2 * Math.PI;
      offsets.push([ringKm * 1000 * Math.cos(t), ringKm * 1000 * Math.sin(t)]);
    }
  }
  spec.parks.forEach((ps, i) => {
    const county = counties.get(ps.county);
    if (!county) throw new Error(`demo spec: no county ${ps.county}`);
    const shape = parkShape(rng, ps.r * 1000);
    const id = `${spec.prefix}-P${String(i + 1).padStart(2, '0')}`;
    for (const s of scales) {
      for (const off of offsets) {
        const cx = county.seat[0] + ps.at[0] * 1000 + off[0];
        const cy = county.seat[1] + ps.at[1] * 1000 + off[1];
        const poly = shape.map((p): Pt => [cx + p[0] * s, cy + p[1] * s]);
        if (!fitsCounty(frame, county, poly, 250)) continue;
        if (!parks.every((o) => separated(o.poly, poly, 500))) continue;
        parks.push({ id, spec: ps, poly, county, chainIds: ps.chains.map((c) => `${spec.prefix}-${c}`) });
        return;
      }
    }
    throw new Error(`demo spec: cannot place ${ps.name} in ${ps.county}`);
  });
  return parks;
}

// ---------------------------------------------------------------------------------------------
// Parcel geometry: a block grid with roads inside each park

interface ParcelGeom {
  poly: Pt[];
  park: Park | null;
  county: County;
  /** Development order within the park, 0 (first, near the core) … 1 (fringe, newest); a newer
   *  park's lots start at 0.35, as none of them is old. */
  rank: number;
}

/** Splits [0, 1] into `n` random pieces (cut positions, ascending, including 0 and 1). */
function cuts(rng: Rng, n: number): number[] {
  const w = Array.from({ length: n }, () => rng.range(0.6, 1.4));
  const total = w.reduce((a, b) => a + b, 0);
  const out = [0];
  let acc = 0;
  for (const x of w) {
    acc += x;
    out.push(acc / total);
  }
  out[out.length - 1] = 1;
  return out;
}

/** Splits a block (in block units [0,1]²) into `k` lots: one row of columns, two rows, or a
 *  full-depth lot beside two rows of smaller ones, as industrial blocks are usually cut. */
function blockLayout(rng: Rng, k: number): [number, number, number, number][] {
  const rects: [number, number, number, number][] = [];
  const grid = (u0: number, u1: number, v0: number, v1: number, cols: number, rows: number) => {
    const cu = cuts(rng, cols);
    const cv = cuts(rng, rows);
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < rows; j++) {
        rects.push([
          u0 + (u1 - u0) * cu[i],
          u0 + (u1 - u0) * cu[i + 1],
          v0 + (v1 - v0) * cv[j],
          v0 + (v1 - v0) * cv[j + 1],
        ]);
      }
    }
  };
  if (k <= 3 || rng.chance(0.35)) grid(0, 1, 0, 1, k, 1);
  else if (k % 2 === 0) grid(0, 1, 0, 1, k / 2, 2);
  else {
    const big = 2 / (k + 1);
    grid(0, big, 0, 1, 1, 1);
    grid(big, 1, 0, 1, (k - 1) / 2, 2);
  }
  return rects;
}

/** Removes vertices within 0.5 m of the previous one (clipping can create them at corners),
 *  so rounded lon/lat rings never repeat a point. */
function dropNearDuplicates(poly: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of poly) {
    const q = out[out.length - 1];
    if (!q || Math.hypot(p[0] - q[0], p[1] - q[1]) > 0.5) out.push(p);
  }
  while (out.length > 1 && Math.hypot(out[0][0] - out[out.length - 1][0], out[0][1] - out[out.length - 1][1]) <= 0.5) out.pop();
  return out.length >= 3 ? out : [];
}

/** Clips a convex polygon to the part at least `inset` metres inside a CCW convex polygon
 *  (Sutherland–Hodgman against each edge moved inward). The result is convex, possibly empty. */
function clipInside(poly: Pt[], clip: Pt[], inset: number): Pt[] {
  let out = poly;
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const depth = (p: Pt) => cross(a, b, p) / len - inset;
    const next: Pt[] = [];
    for (let j = 0; j < out.length; j++) {
      const p = out[j];
      const q = out[(j + 1) % out.length];
      const dp = depth(p);
      const dq = depth(q);
      if (dp >= 0) next.push(p);
      if (dp >= 0 !== dq >= 0) {
        const t = dp / (dp - dq);
        next.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
      }
    }
    out = next;
  }
  return out.length >= 3 ? out : [];
}

const FENCE_M = 3; // each parcel is inset 3 m, so neighbours are ≥ 6 m apart (no shared edges)

function parcelQuad(rng: Rng, corners: Pt[]): Pt[] {
  // About a fifth of the parcels are not rectangles: one corner is pulled in along an edge,
  // which keeps the quad convex and inside its rectangle.
  if (!rng.chance(0.2)) return corners;
  const i = rng.int(0, 3);
  const j = rng.chance(0.5) ? (i + 1) % 4 : (i + 3) % 4;
  const t = rng.range(0.05, 0.15);
  const out = corners.map((p): Pt => [p[0], p[1]]);
  out[i] = [corners[i][0] + (corners[j][0] - corners[i][0]) * t, corners[i][1] + (corners[j][1] - corners[i][1]) * t];
  return out;
}

/**
 * Candidate lots of a park in development order: a block grid with roads over the whole
 * planned area, each block cut into lots of about `lotM2` (log-normal spread, so a park has
 * both 10-亩 workshops and 150-亩 plants), blocks sorted outward from the side facing the
 * county seat.
 */
function parkParcels(rng: Rng, park: Park, scale: number, lotM2: number, minM2: number, maxM2: number): Pt[][] {
  const shrink = 1 / Math.sqrt(scale);
  const theta = rng.range(-0.5, 0.5);
  const ux: Pt = [Math.cos(theta), Math.sin(theta)];
  const vx: Pt = [-Math.sin(theta), Math.cos(theta)];
  const c = centroidOf(park.poly);
  const uv = park.poly.map((p): Pt => {
    const dx = p[0] - c[0];
    const dy = p[1] - c[1];
    return [dx * ux[0] + dy * ux[1], dx * vx[0] + dy * vx[1]];
  });
  const world = (u: number, v: number): Pt => [c[0] + u * ux[0] + v * vx[0], c[1] + u * ux[1] + v * vx[1]];
  // Main roads every 400–600 m one way and 260–380 m the other, 30–45 m wide (red lines).
  const blockU = rng.range(400, 600) * shrink;
  const blockV = rng.range(260, 380) * shrink;
  const road = rng.range(30, 45) * Math.max(shrink, 0.5);
  const uMin = Math.min(...uv.map((p) => p[0]));
  const uMax = Math.max(...uv.map((p) => p[0]));
  const vMin = Math.min(...uv.map((p) => p[1]));
  const vMax = Math.max(...uv.map((p) => p[1]));
  // Parks grow outward from the side facing the county seat.
  const seatDir = Math.atan2(park.county.seat[1] - c[1], park.county.seat[0] - c[0]);
  const radius = Math.sqrt(Math.abs(polygonArea(park.poly)) / Math.PI);
  const origin: Pt = [c[0] + 0.5 * radius * Math.cos(seatDir), c[1] + 0.5 * radius * Math.sin(seatDir)];
  const blockM2 = blockU * blockV;
  // Fewest lots that keep each under the maximum, most that keep each over the minimum.
  const kMin = Math.max(1, Math.ceil((blockM2 * 1.2) / maxM2));
  const kMax = Math.max(kMin, Math.floor(blockM2 / (minM2 * 1.8)));
  // Each block draws from its own stream, so a different lot size re-cuts blocks but does not
  // reshuffle the park (the caller tunes the lot size to the city's parcel count).
  const blockSeed = Math.floor(rng.float() * 4294967296);

  const blocks: { d: number; rects: Pt[][] }[] = [];
  let blockNo = 0;
  for (let u0 = uMin; u0 < uMax; u0 += blockU + road) {
    for (let v0 = vMin; v0 < vMax; v0 += blockV + road) {
      const brng = Rng.derive(blockSeed, `block:${blockNo++}`);
      const k = Math.min(kMax, Math.max(kMin, Math.round(blockM2 / (lotM2 * Math.exp(brng.normal(0, 0.55))))));
      const rects: Pt[][] = [];
      for (const [a0, a1, b0, b1] of blockLayout(brng, k)) {
        const pu0 = u0 + a0 * blockU + FENCE_M;
        const pu1 = u0 + a1 * blockU - FENCE_M;
        const pv0 = v0 + b0 * blockV + FENCE_M;
        const pv1 = v0 + b1 * blockV - FENCE_M;
        const corners = [world(pu0, pv0), world(pu1, pv0), world(pu1, pv1), world(pu0, pv1)];
        // Lots on the park's edge follow the boundary (15 m setback): irregular edge parcels.
        let lot = parcelQuad(brng, corners);
        if (lot.some((p) => insideDepth(park.poly, p) < 15)) lot = dropNearDuplicates(clipInside(lot, park.poly, 15));
        if (lot.length < 3) continue;
        const area = polygonArea(lot);
        if (area < minM2 || area > maxM2) continue;
        rects.push(lot);
      }
      if (rects.length === 0) continue;
      const bc = world(u0 + blockU / 2, v0 + blockV / 2);
      blocks.push({ d: Math.hypot(bc[0] - origin[0], bc[1] - origin[1]), rects });
    }
  }
  blocks.sort((a, b) => a.d - b.d);
  return blocks.flatMap((b) => b.rects);
}

/** Small clusters of parcels in township industrial spots (乡镇工业集中点), outside any park. */
function outsideParcels(rng: Rng, frame: Frame, counties: County[], parks: Park[], count: number, scale: number): ParcelGeom[] {
  const out: ParcelGeom[] = [];
  const shrink = 1 / Math.sqrt(scale);
  let attempts = 0;
  while (out.length < count && attempts < 4000) {
    attempts++;
    const county = counties[attempts % counties.length];
    const dist = rng.range(3000, 11000);
    const t = rng.range(0, 2 * Math.PI);
    const c: Pt = [county.seat[0] + dist * Math.cos(t), county.seat[1] + dist * Math.sin(t)];
    const theta = rng.range(-0.6, 0.6);
    const cols = rng.int(2, 3);
    const rows = rng.int(1, 2);
    const w = rng.range(70, 140) * shrink;
    const h = rng.range(90, 180) * shrink;
    for (let i = 0; i < cols && out.length < count; i++) {
      for (let j = 0; j < rows && out.length < count; j++) {
        const u0 = i * (w + 20);
        const v0 = j * (h + 20);
        const corners = [
          [u0, v0],
          [u0 + w, v0],
          [u0 + w, v0 + h],
          [u0, v0 + h],
        ].map(([u, v]): Pt => [c[0] + u * Math.cos(theta) - v * Math.sin(theta), c[1] + u * Math.sin(theta) + v * Math.cos(theta)]);
        const poly = parcelQuad(rng, corners);
        if (!fitsCounty(frame, county, poly, 30)) continue;
        if (!parks.every((p) => separated(p.poly, poly, 150))) continue;
        if (!out.every((o) => separated(o.poly, poly, 6))) continue;
        out.push({ poly, park: null, county, rank: rng.float() });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Attributes

const BRAND_CHARS = '华鑫泰恒盛瑞康达宏远博翔润丰聚嘉诚信和兴隆安昌宇晟澜峰岳川源力拓睿蓝启正通佳锦鼎益航凯驰明昊星森禾';

interface ChainNode {
  id: string;
  chainId: string;
  spec: NodeSpec;
  chain: ChainSpec;
}

interface Enterprise {
  row: Row;
  node: ChainNode;
  parcels: Row[];
  maxParcels: number;
  park: Park | null;
  /** On a chain its park does not declare. */
  stray: boolean;
}

function money(v: number): number {
  return Math.round(v * 10) / 10;
}

/** How a city-district company is usually named (德州…), versus a county's (宁津县…). */
function namePrefix(county: string, city: string): string {
  return county.endsWith('区') ? city.replace(/市$/, '') : county;
}

class Names {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  make(prefix: string, product: string, suffixes: readonly string[]): string {
    for (let tries = 0; ; tries++) {
      let brand = this.rng.pick([...BRAND_CHARS]) + this.rng.pick([...BRAND_CHARS]);
      if (tries > 20) brand += this.rng.pick([...BRAND_CHARS]);
      if (brand[0] === brand[1]) continue;
      const name = `${prefix}${brand}${product}${this.rng.pick(suffixes)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/** Builds a record with every field of the contract (null where not set); rejects unknown keys
 *  so a typo cannot silently add a column. */
function contractRow(fields: readonly FieldSpec[], values: Row): Row {
  const known = new Set(fields.map((f) => f.name));
  for (const k of Object.keys(values)) if (!known.has(k)) throw new Error(`demo generator: unknown field ${k}`);
  const row: Row = {};
  for (const f of fields) row[f.name] = values[f.name] ?? null;
  return row;
}

function weightedStatus(rng: Rng, rank: number): ParcelStatus {
  // The core of a park was supplied first and mostly produces; the fringe is newer land where
  // the not-started and idle cases concentrate.
  // Built but never equipped (E3) is a minority case; the idle mix (not started, halted)
  // gives the ~12–15 % idle land of a typical county ledger.
  return rng.weighted([
    ['producing', 0.66 - 0.36 * rank],
    ['built_no_production', 0.018],
    ['halted', 0.08],
    ['under_construction', 0.1 + 0.12 * rank],
    ['not_started', 0.045 + 0.12 * rank],
  ] as const);
}

interface Dates {
  supply: number;
  agreedStart: number;
  actualStart: number | null;
  completion: number;
  halted: number | null;
}

function clampDay(d: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, d));
}

function datesFor(rng: Rng, status: ParcelStatus): Dates {
  const between = (a: string, b: string) => rng.int(dayOf(a), dayOf(b));
  let supply: number;
  let haltTarget = 0;
  if (status === 'producing') supply = between('2015-01-01', '2021-12-31');
  else if (status === 'built_no_production') supply = between('2016-01-01', '2022-06-30');
  else if (status === 'halted') {
    // Pick when work stopped first: long enough ago for the two-year (无偿收回) and the one-year
    // (闲置费) cases at a 2026 as-of date, plus recent halts that are not idle yet.
    const [from, to] = rng.weighted([
      [['2020-06-01', '2024-03-31'], 0.47],
      [['2024-04-01', '2025-03-31'], 0.33],
      [['2025-04-01', '2026-03-10'], 0.2],
    ] as const);
    haltTarget = between(from, to);
    supply = addMonths(haltTarget, -rng.int(12, 40));
  }
  // Most sites under construction are within their agreed period; the earliest are late (E2).
  else if (status === 'under_construction') supply = between('2023-04-01', '2025-12-31');
  else {
    // not_started: spread so that at a 2026 as-of date some are idle over two years, some over
    // one year, some just overdue (E1 only) and some not yet due.
    const [from, to] = rng.weighted([
      [['2015-06-01', '2022-12-31'], 0.3],
      [['2023-09-01', '2024-12-31'], 0.36],
      [['2025-01-01', '2025-06-30'], 0.03],
      [['2025-10-15', '2026-03-15'], 0.31],
    ] as const);
    supply = between(from, to);
  }
  supply = clampDay(supply, FIRST, SNAPSHOT - 10);
  // 约定动工: typically 3–12 months after the contract; 约定竣工: 2–3 years after that.
  const agreedStart = addMonths(supply, rng.int(3, 12));
  const completion = addMonths(agreedStart, rng.int(24, 36));
  let actualStart: number | null = null;
  let halted: number | null = null;
  if (status !== 'not_started') {
    const late = rng.chance(0.2) ? rng.int(6, 18) : rng.int(-1, 5);
    actualStart = clampDay(addMonths(agreedStart, late) + rng.int(-10, 10), supply + 20, SNAPSHOT - 15);
    if (status === 'halted') {
      // Work ran at least two months before it stopped.
      actualStart = Math.max(supply + 20, Math.min(actualStart, haltTarget - rng.int(60, 400)));
      halted = clampDay(haltTarget, actualStart + 60, SNAPSHOT - 20);
    }
  }
  return { supply, agreedStart, actualStart, completion, halted };
}

function generateAttributes(
  rng: Rng,
  spec: RegionSpec,
  city: string,
  geoms: ParcelGeom[],
  frame: Frame,
  nodes: ChainNode[],
): { parcels: Feature<Polygon, Row>[]; enterprises: Row[] } {
  const names = new Names(rng);
  const enterprises: Enterprise[] = [];
  let current: Enterprise | null = null;
  const parcels: Feature<Polygon, Row>[] = [];
  const nodeWeights = new Map<string, [ChainNode, number][]>();

  // Nodes a project can be on: never a 补链 gap, only where the node's county limits allow.
  // `declared`: a park's own chains; `stray`: the region's other chains (for the park match);
  // outside parks, any chain.
  const nodesFor = (park: Park | null, county: string, kind: 'declared' | 'stray'): [ChainNode, number][] => {
    const key = park ? `${park.id}:${kind}` : `county:${county}`;
    let list = nodeWeights.get(key);
    if (!list) {
      const offChain = park?.spec.offChain ? `${spec.prefix}-${park.spec.offChain.chain}` : null;
      list = nodes
        .filter((n) => !n.spec.gap && (!n.spec.onlyIn || n.spec.onlyIn.includes(county)))
        .filter((n) => {
          if (!park) return true;
          if (kind === 'declared') return park.chainIds.includes(n.chainId);
          return offChain ? n.chainId === offChain : !park.chainIds.includes(n.chainId);
        })
        .map((n): [ChainNode, number] => [n, n.spec.weight ?? 1]);
      nodeWeights.set(key, list);
    }
    return list;
  };
  // Share of a park's land on chains it does not declare: parks take the investment that comes,
  // so even a focused park has some (5–25 %); an off-profile park has about half. The choice is
  // random but leans back toward the park's share as its land fills (the park match is by
  // area, and a small park's few projects would otherwise swing it by chance).
  const stray = new Map<string, { share: number; strayM2: number; totalM2: number }>();
  const strayOf = (park: Park) => {
    let x = stray.get(park.id);
    if (!x) {
      x = { share: park.spec.offChain ? park.spec.offChain.share : rng.range(0.05, 0.25), strayM2: 0, totalM2: 0 };
      stray.set(park.id, x);
    }
    return x;
  };

  const newEnterprise = (park: Park | null, county: string, areaM2: number): Enterprise => {
    let isStray = false;
    if (park) {
      const x = strayOf(park);
      isStray = x.strayM2 + areaM2 * rng.float() < x.share * (x.totalM2 + areaM2) && nodesFor(park, county, 'stray').length > 0;
    }
    const choices = nodesFor(park, county, isStray ? 'stray' : 'declared');
    const node = choices.length > 0 ? rng.weighted(choices) : rng.pick(nodes.filter((n) => !n.spec.gap));
    const id = `${spec.prefix}-E${String(enterprises.length + 1).padStart(4, '0')}`;
    const name = names.make(namePrefix(county, city), node.spec.product, [
      '有限公司',
      '有限公司',
      '科技有限公司',
      '股份有限公司',
      '制造有限公司',
    ]);
    const e: Enterprise = {
      row: { enterprise_id: id, name, county, park_id: park ? park.id : null, chain_node: node.id },
      node,
      parcels: [],
      maxParcels: rng.weighted([
        [1, 0.84],
        [2, 0.12],
        [3, 0.04],
      ] as const),
      park,
      stray: isStray,
    };
    enterprises.push(e);
    return e;
  };

  geoms.forEach((g, i) => {
    const parcelId = `${spec.prefix}-${String(i + 1).padStart(6, '0')}`;
    const ring = ringOf(frame, g.poly);
    const geometry: Polygon = { type: 'Polygon', coordinates: [ring] };
    const area = Math.round(turfArea(geometry) * 10) / 10;
    const mu = area / M2_PER_MU;
    const ha = area / M2_PER_HA;
    const county = g.county.name;

    const landUse: LandUse = g.park
      ? rng.weighted([
          ['industrial', 0.86],
          ['warehouse', 0.07],
          ['commercial', 0.04],
          ['other', 0.03],
        ] as const)
      : rng.weighted([
          ['industrial', 0.9],
          ['warehouse', 0.1],
        ] as const);
    // Who holds the land: enterprises, the park's platform company (标准厂房, 储备用地), a
    // developer for the 配套 commercial plots, the 管委会 for utilities.
    const holderKind =
      landUse === 'commercial' ? 'developer' : landUse === 'other' ? 'committee' : rng.chance(0.08) ? 'platform' : 'enterprise';

    let status: ParcelStatus;
    if (holderKind === 'platform') {
      // 标准厂房 and reserve land: some let to tenants, some still empty (E3).
    status = rng.weighted([
        ['not_started', 0.3],
        ['under_construction', 0.3],
        ['built_no_production', 0.1],
        ['producing', 0.3],
      ] as const);
    } else if (holderKind === 'enterprise') status = weightedStatus(rng, g.rank);
    else {
      status = rng.weighted([
        ['producing', 0.5],
        ['under_construction', 0.25],
        ['not_started', 0.25],
      ] as const);
    }
    const d = datesFor(rng, status);

    let enterprise: Enterprise | null = null;
    let holder: string;
    if (holderKind === 'enterprise') {
      if (current && current.park === g.park && current.row.county === county && current.parcels.length < current.maxParcels) {
        enterprise = current;
      } else {
        enterprise = newEnterprise(g.park, county, area);
        current = enterprise;
      }
      holder = String(enterprise.row.name);
      if (g.park) {
        const x = strayOf(g.park);
        x.totalM2 += area;
        if (enterprise.stray) x.strayM2 += area;
      }
    } else if (holderKind === 'platform') {
      holder = `${county}${rng.pick(['城市建设投资', '产业投资发展', '国有资产运营'])}有限公司`;
    } else if (holderKind === 'committee') {
      holder = g.park ? `${g.park.spec.name}管理委员会` : `${county}人民政府`;
    } else {
      holder = names.make(namePrefix(county, city), '', ['置业有限公司', '商业运营管理有限公司']);
    }

    // Money, per the contract in 万元. Land price per 亩 by use; commercial land sells at a
    // multiple of industrial land.
    const priceFactor = landUse === 'commercial' ? rng.range(5, 9) : landUse === 'other' ? rng.range(0.6, 0.9) : 1;
    const landPrice = money(mu * spec.landPrice * rng.range(0.8, 1.35) * priceFactor);
    // Agreed investment intensity ~1,000–5,500 万元/公顷 (the 投资强度 clause of the agreement;
    // older agreements predate today's provincial floors, hence the low tail).
    const agreedIntensity = Math.min(5500, Math.max(1000, Math.exp(rng.normal(Math.log(2800), 0.45))));
    const agreedInvestment = money(agreedIntensity * ha);
    const plotRatio =
      landUse === 'commercial' ? rng.range(1.6, 2.8) : Math.min(2.0, Math.max(0.45, rng.normal(1.1, 0.33)));
    const agreedOutput = landUse === 'other' ? money(agreedInvestment * rng.range(0.05, 0.15)) : money(agreedInvestment * rng.range(1.0, 2.2));

    let actualInvestment = 0;
    let developed = 0;
    let floor = 0;
    let output = 0;
    let tax = 0;
    if (status === 'producing') {
      // Completed investment: most projects reach the agreed total, about one in thirty falls
      // short (E2); actual intensity ranges ~800–6,000 万元/公顷, some under the 1,500 floor (L2).
      const reached = rng.chance(0.965) ? rng.range(1.0, 1.3) : rng.range(0.55, 0.97);
      const actualIntensity = Math.min(6000, Math.max(800, agreedIntensity * reached));
      actualInvestment = actualIntensity * ha;
      developed = area * rng.range(0.85, 1);
      floor = area * plotRatio;
      // About one producing plant in nine misses its agreed output (达产, E4).
      const ratio = rng.chance(0.11) ? rng.range(0.45, 0.97) : rng.range(1.0, 1.4);
      output = agreedOutput * ratio;
      // 亩均税收 1–40 万元/亩: tax on output, bounded to what county parks actually report.
      const taxPerMu = Math.min(40, Math.max(1, ((output / mu) * rng.range(0.02, 0.06))));
      tax = taxPerMu * mu;
    } else if (status === 'built_no_production') {
      actualInvestment = agreedInvestment * rng.range(0.6, 1.05);
      developed = area * rng.range(0.8, 1);
      floor = area * plotRatio;
      // No output, but 城镇土地使用税 is still owed on the land.
      tax = mu * rng.range(0.2, 0.8);
    } else if (status === 'under_construction') {
      actualInvestment = agreedInvestment * rng.range(0.15, 0.85);
      developed = area * rng.range(0.25, 0.9);
      floor = area * plotRatio * rng.range(0.1, 0.7);
    } else if (status === 'halted') {
      const haltedLongAgo = d.halted !== null && d.halted <= addMonths(SNAPSHOT, -12);
      // 《闲置土地处置办法》第二条: started land is still idle when the developed area is under
      // one third or the investment under 25 %, and work has stopped for a year. Most long
      // halts are made to meet that, a minority are developed enough not to count.
      if (haltedLongAgo && rng.chance(0.75)) {
        if (rng.chance(0.5)) {
          developed = area * rng.range(0.03, 0.3);
          actualInvestment = agreedInvestment * rng.range(0.05, 0.5);
        } else {
          developed = area * rng.range(0.35, 0.6);
          actualInvestment = agreedInvestment * rng.range(0.05, 0.23);
        }
      } else {
        developed = area * rng.range(0.35, 0.85);
        actualInvestment = agreedInvestment * rng.range(0.27, 0.75);
      }
      floor = area * plotRatio * (developed / area) * rng.range(0.2, 0.8);
    }

    const values: Row = {
      parcel_id: parcelId,
      park_id: g.park ? g.park.id : null,
      county,
      land_use: landUse,
      area_m2: area,
      holder,
      enterprise_id: enterprise ? String(enterprise.row.enterprise_id) : null,
      chain_node: enterprise ? enterprise.node.id : null,
      supply_date: isoOf(d.supply),
      agreed_start_date: isoOf(d.agreedStart),
      actual_start_date: d.actualStart === null ? null : isoOf(d.actualStart),
      agreed_completion_date: isoOf(d.completion),
      land_price_wan: landPrice,
      agreed_investment_wan: agreedInvestment,
      actual_investment_wan: money(actualInvestment),
      developed_area_m2: money(developed),
      floor_area_m2: money(floor),
      halted_since: d.halted === null ? null : isoOf(d.halted),
      status,
      agreed_annual_output_wan: agreedOutput,
      annual_output_wan: money(output),
      annual_tax_wan: money(tax),
      // 政府原因 / 不可抗力 delays (《闲置土地处置办法》第八条) are common on stalled land.
      government_delay: rng.chance(status === 'not_started' || status === 'halted' ? 0.18 : 0.03),
      policy_compliant: !rng.chance(status === 'producing' || status === 'built_no_production' ? 0.025 : 0.01),
      other_breach: rng.chance(0.012),
    };
    // ~3 % of records lack an input, as real ledgers do; the analysis must list them in the
    // data-quality report instead of guessing.
    if (rng.chance(0.03)) {
      const candidates = ['land_price_wan', 'agreed_investment_wan', 'agreed_start_date', 'area_m2', 'policy_compliant'];
      if (status !== 'not_started') candidates.push('developed_area_m2', 'actual_investment_wan');
      if (status === 'producing') candidates.push('agreed_annual_output_wan', 'floor_area_m2');
      values[rng.pick(candidates)] = null;
    }
    const row = contractRow(PARCEL_FIELDS, values);
    if (enterprise) enterprise.parcels.push(row);
    parcels.push({ type: 'Feature', properties: row, geometry });
  });

  const rows = enterprises.map((e) => enterpriseRow(rng, e));
  return { parcels, enterprises: rows };
}

function enterpriseRow(rng: Rng, e: Enterprise): Row {
  const chain = e.node.chain;
  let producedOutput = 0;
  let landTax = 0;
  for (const p of e.parcels) {
    if (p.status === 'producing') producedOutput += Number(p.annual_output_wan ?? 0) || Number(p.agreed_annual_output_wan ?? 0);
    landTax += Number(p.annual_tax_wan ?? 0);
  }
  const producing = producedOutput > 0;
  const revenue = producing ? producedOutput * rng.range(0.92, 1.12) : 0;
  const values: Row = {
    ...e.row,
    // 规模以上工业企业: annual main-business revenue of 2,000 万元 or more (国家统计局口径).
    above_scale: revenue >= 2000,
    employees: producing ? Math.round(Math.min(5000, Math.max(12, revenue / rng.range(60, 220)))) : rng.int(3, 40),
    revenue_wan: money(revenue),
    value_added_wan: money(revenue * rng.range(0.18, 0.33)),
    tax_wan: money(landTax * rng.range(0.95, 1.08)),
    energy_tce: money(revenue * chain.energy * rng.range(0.6, 1.5)),
    rd_expense_wan: money(revenue * rng.range(chain.rd[0], chain.rd[1])),
  };
  if (rng.chance(0.025)) values[rng.pick(['employees', 'value_added_wan', 'energy_tce', 'rd_expense_wan'])] = null;
  return contractRow(ENTERPRISE_FIELDS, values);
}

// ---------------------------------------------------------------------------------------------
// Chains

function chainNodesOf(spec: RegionSpec): ChainNode[] {
  const out: ChainNode[] = [];
  for (const chain of spec.chains) {
    const chainId = `${spec.prefix}-${chain.code}`;
    chain.nodes.forEach((n, i) => out.push({ id: `${chainId}-${String(i + 1).padStart(2, '0')}`, chainId, spec: n, chain }));
  }
  return out;
}

function chainLinksOf(spec: RegionSpec, nodes: ChainNode[]): Row[] {
  const ids = new Set(nodes.map((n) => n.id));
  const rows: Row[] = [];
  for (const chain of spec.chains) {
    const full = (x: string) => (x.includes('-') ? x : `${spec.prefix}-${chain.code}-${x}`);
    for (const [a, b] of chain.links) {
      const from = full(a);
      const to = full(b);
      if (!ids.has(from) || !ids.has(to)) throw new Error(`demo spec: bad link ${from} → ${to}`);
      rows.push(contractRow(CHAIN_LINK_FIELDS, { from_node: from, to_node: to }));
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export function generateRegionDemo(regionId: RegionId, counties: CountyCollection, opts: DemoOptions = {}): RegionDemo {
  const region = regionById(regionId);
  const spec = SPECS[regionId];
  if (!region || !spec) throw new Error(`unknown region ${regionId}`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.parcelScale ?? 1;
  if (!(scale > 0)) throw new Error('parcelScale must be positive');

  const seats = counties.features.map((f) => f.properties.seat);
  const frame = makeFrame(
    seats.reduce((s, p) => s + p[0], 0) / seats.length,
    seats.reduce((s, p) => s + p[1], 0) / seats.length,
  );
  const countyList: County[] = counties.features.map((feature) => {
    const polys = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    return {
      feature,
      name: feature.properties.county,
      seat: toLocal(frame, feature.properties.seat),
      vertices: polys.flatMap((poly) => poly.flatMap((ring) => ring.map((p) => toLocal(frame, p)))),
    };
  });
  const countyMap = new Map(countyList.map((c) => [c.name, c]));

  const parks = placeParks(Rng.derive(seed, `${regionId}:parks`), frame, spec, countyMap);

  // Parcels: each park is supplied, in development order, up to its coverage share of the
  // planned area (the park polygon, whose area is planned_area_ha). The lot size follows from
  // the supplied area and the city's rough parcel count, so the count is near spec.parcels and
  // the planned area stays consistent with what is on it.
  const coverRng = Rng.derive(seed, `${regionId}:coverage`);
  const parkM2 = parks.map((p) => Math.abs(polygonArea(p.poly)));
  const targetM2 = parks.map((p, i) => parkM2[i] * coverRng.range(...(p.spec.young ? COVERAGE_YOUNG : COVERAGE_ESTABLISHED)));
  const inside = (spec.parcels * scale) / (1 + OUTSIDE_SHARE);
  // 5–200 亩, with a small margin: the frame's planar area differs slightly from Turf's geodesic one.
  const minM2 = (5.2 * M2_PER_MU) / scale;
  const maxM2 = 195 * M2_PER_MU;
  const supplyParks = (lotM2: number): ParcelGeom[] => {
    // A fresh stream per pass: the same lot size always gives the same parcels.
    const geomRng = Rng.derive(seed, `${regionId}:parcels`);
    const out: ParcelGeom[] = [];
    parks.forEach((park, i) => {
      const candidates = parkParcels(geomRng, park, scale, lotM2, minM2, maxM2);
      let n = 0;
      let supplied = 0;
      while (n < candidates.length) {
        const a = Math.abs(polygonArea(candidates[n]));
        if (supplied + a / 2 > targetM2[i]) break;
        supplied += a;
        n++;
      }
      // A newer park has no old core: even its first lots were supplied recently.
      const from = park.spec.young ? 0.35 : 0;
      for (let k = 0; k < n; k++) {
        out.push({ poly: candidates[k], park, county: park.county, rank: from + (1 - from) * (n > 1 ? k / (n - 1) : 0) });
      }
    });
    return out;
  };
  // Edge lots clipped to the boundary, the spread of lot sizes and the 200-亩 cap make the
  // count differ from supplied area / lot size; a few trial passes correct the lot size.
  let lotM2 = targetM2.reduce((a, b) => a + b, 0) / inside;
  let geoms = supplyParks(lotM2);
  for (let pass = 0; pass < 4 && Math.abs(geoms.length / inside - 1) > 0.015; pass++) {
    lotM2 *= geoms.length / inside;
    geoms = supplyParks(lotM2);
  }
  const outsideCount = Math.round(geoms.length * OUTSIDE_SHARE);
  const outside = outsideParcels(Rng.derive(seed, `${regionId}:outside`), frame, countyList, parks, outsideCount, scale);
  geoms.push(...outside);

  const nodes = chainNodesOf(spec);
  const { parcels, enterprises } = generateAttributes(
    Rng.derive(seed, `${regionId}:attributes`),
    spec,
    region.city,
    geoms,
    frame,
    nodes,
  );

  const parkFeatures = parks.map((p): Feature<Polygon, Row> => {
    const geometry: Polygon = { type: 'Polygon', coordinates: [ringOf(frame, p.poly)] };
    return {
      type: 'Feature',
      properties: contractRow(PARK_FIELDS, {
        park_id: p.id,
        name: p.spec.name,
        county: p.spec.county,
        level: p.spec.level,
        leading_chains: p.chainIds.join(';'),
        planned_area_ha: Math.round(turfArea(geometry) / M2_PER_HA * 10) / 10,
      }),
      geometry,
    };
  });

  return {
    parks: { type: 'FeatureCollection', features: parkFeatures },
    parcels: { type: 'FeatureCollection', features: parcels },
    enterprises,
    chainNodes: nodes.map((n) =>
      contractRow(CHAIN_NODE_FIELDS, {
        chain_id: n.chainId,
        chain_name: n.chain.name,
        node_id: n.id,
        node_name: n.spec.name,
        stage: n.spec.stage,
      }),
    ),
    chainLinks: chainLinksOf(spec, nodes),
  };
}

/** Node ids the spec deliberately leaves without enterprises (补链 targets), for the docs. */
export function plannedGapNodes(regionId: RegionId): string[] {
  return chainNodesOf(SPECS[regionId])
    .filter((n) => n.spec.gap)
    .map((n) => n.id);
}
