// What each demo city is made of: its industry chains (nodes, links, energy and R&D figures)
// and its parks (county, level, declared chains, where and how large). Park names follow
// real naming patterns so the demo reads naturally; the parks themselves are invented.

import type { ParkLevel } from '../../src/data/contract';
import type { RegionId } from '../../src/data/regions';

export interface NodeSpec {
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

export interface ChainSpec {
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

export interface ParkSpec {
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

export interface RegionSpec {
  prefix: string;
  /** Industrial land price, 万元 per 亩. */
  landPrice: number;
  /** Rough number of parcels at parcelScale 1 (the generated count lands near it, not on it:
   *  cities differ, and a round figure repeated across cities would look made up). */
  parcels: number;
  chains: readonly ChainSpec[];
  parks: readonly ParkSpec[];
  /** Promotion groups (组团) the demo ships, members as the boundaries name them. */
  promotionGroups?: readonly { group_id: string; name: string; counties: readonly string[] }[];
}

const DEZHOU: RegionSpec = {
  prefix: 'DZ',
  landPrice: 18,
  parcels: 1300,
  // The source report's joint promotion of three neighbouring counties in the north-east of 德州.
  promotionGroups: [{ group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] }],
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

export const SPECS: Record<RegionId, RegionSpec> = { dezhou: DEZHOU, shaoguan: SHAOGUAN, lanzhou: LANZHOU };
