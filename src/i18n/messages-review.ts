// UI strings — The park-layout review as a briefing. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys (these come after the shared ones, so a key
// repeated here is this part's wording).

const zh = {
  // Clusters: the 组团招商 badge and why.
  promoBadge: '组团招商候选',
  promoShared: '共同主业',
  promoLinks: '主业上下游衔接',
  promoNotCandidate: '跨县，但各县园区主业不同、也无上下游衔接，暂不列为组团招商候选',
  promoSingleCounty: '县内组团，不涉及跨县组团招商',
  promoRule: '组团招商候选：组团内不同县区的园区有相同主业（该产业链企业占园区产业链企业的比例不低于“主业占比阈值”），或主业环节之间有上下游衔接。仅距离相近不算。',
  legendPromo: '组团招商候选',
  legendPromoOther: '其他组团',
  wallPromo: '组团招商候选',
  // Overlap: the map's lines and the pair detail.
  legendPairLine: '所选县区对（同质化连线）',
  legendPairLineNote: '在重合度矩阵中点一格即画出该对县区的连线；按县区筛选时另画所选县区的高重合连线',
  bothWays: '两县互为供需',
  overlapCellNote: '格中数字 = 重合指数 × 100（如 85 即 0.85），越红越同质化；点一格查看这对县区。',
  pairAdvice: '同质化环节宜错位分工；互补链接可组织上下游对接。',
  // Chain diagram.
  chainGapTag: '补链',
  covFirmsParks: '{firms} 家企业\n{parks} 个园区',
  covGapNote: '区域内无企业',
  covLegendTitle: '颜色 = 区域内该环节企业数',
  covLegendGap: '0 家：补链目标',
  covLegendLow: '1–4 家',
  covLegendMid: '5–19 家',
  covLegendHigh: '20 家及以上',
  covLegendLinks: '连线：供货方 → 采购方',
  otherChainLinks: '与其他产业链相接',
  nodeParks: '所在园区',
  nodeOutput: '年产值',
  outputActual: '实际',
  outputAgreed: '约定',
  // 亩均 legend.
  mujunLegendUnit: '{n} 家 · {mu} 亩',
  mujunLegendNote: '按当前筛选统计企业数与用地面积',
} as const;

const en: Record<keyof typeof zh, string> = {
  promoBadge: 'Joint-promotion candidate',
  promoShared: 'Shared main industry',
  promoLinks: 'Main industries in a supply chain',
  promoNotCandidate: 'Crosses counties, but the parks’ main industries differ and do not supply each other: not a joint-promotion candidate',
  promoSingleCounty: 'Within one county: no cross-county joint promotion',
  promoRule:
    'Joint-promotion candidate: parks in different counties of the cluster share a main industry (a chain with at least the main-chain share of the park’s chain firms), or their main industries supply each other. Being close is not enough.',
  legendPromo: 'Joint-promotion candidate',
  legendPromoOther: 'Other cluster',
  wallPromo: 'Joint-promotion candidates',
  legendPairLine: 'Chosen county pair (overlap line)',
  legendPairLineNote: 'Click a cell of the overlap matrix to draw that pair; a county filter adds its high-overlap pairs',
  bothWays: 'both counties supply each other',
  overlapCellNote: 'Cell numbers = overlap index × 100 (85 means 0.85); redder is more alike. Click a cell to open the pair.',
  pairAdvice: 'Shared nodes call for a division of labour; complementary links for supplier matchmaking.',
  chainGapTag: 'Gap to fill',
  covFirmsParks: '{firms} firms\n{parks} parks',
  covGapNote: 'no firm in the region',
  covLegendTitle: 'Colour = firms on the node in the region',
  covLegendGap: '0 firms: gap to fill',
  covLegendLow: '1–4 firms',
  covLegendMid: '5–19 firms',
  covLegendHigh: '20 firms or more',
  covLegendLinks: 'Lines: supplier → customer',
  otherChainLinks: 'Links to other chains',
  nodeParks: 'Parks',
  nodeOutput: 'Annual output',
  outputActual: 'actual',
  outputAgreed: 'agreed',
  mujunLegendUnit: '{n} firms · {mu} mu',
  mujunLegendNote: 'Firms and land under the current filter',
};

export const REVIEW_MESSAGES = { zh, en };
