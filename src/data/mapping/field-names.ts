// The column names planners actually use for each contract field, so a ledger exported from a
// county's 土地供应台账 / 批后监管台账 or a 不动产登记 GIS maps itself without typing.
// Gathered from the headings of typical Chinese land-supply ledgers, 亩均 evaluation forms and
// the 土地市场动态监测与监管系统 (电子监管号). Order matters only for readability: matching scores
// every name, exact matches first (see propose.ts).

export type TableKind =
  | 'parcels'
  | 'parks'
  | 'enterprises'
  | 'chain_nodes'
  | 'chain_links'
  | 'counties'
  | 'projects'
  | 'factories'
  | 'promotion_groups'
  | 'planning_zones';

/** Names per field, besides the contract name itself. Units in brackets are stripped before matching. */
export const FIELD_NAMES: Record<TableKind, Record<string, readonly string[]>> = {
  parcels: {
    parcel_id: ['宗地编号', '宗地号', '宗地代码', '地块编号', '地块号', '电子监管号', '监管号', '合同编号', '宗地统一编码', '不动产单元号', 'parcel id', 'parcel no', 'id'],
    park_id: ['园区编号', '所属园区编号', '园区代码', 'park'],
    county: ['县区', '所属县区', '县（市、区）', '县市区', '行政区', '区县', '所在县区', '所属行政区', 'county', 'district'],
    land_use: ['用地性质', '土地用途', '用途', '规划用途', '地类', 'land use'],
    area_m2: ['宗地面积', '用地面积', '出让面积', '供地面积', '土地面积', '面积', 'area'],
    holder: ['土地使用权人', '使用权人', '受让人', '受让单位', '用地单位', '权利人', '竞得人', 'holder'],
    enterprise_id: ['企业编号', '企业代码', '统一社会信用代码', '信用代码', 'enterprise id'],
    chain_node: ['产业链环节', '环节编号', '产业链节点', 'chain node'],
    supply_date: ['供地日期', '合同签订日期', '签订日期', '出让合同签订日期', '成交日期', '批准日期', 'supply date'],
    agreed_start_date: ['约定动工日期', '约定开工日期', '合同约定动工日期', '约定开工时间', '约定动工时间', '应动工日期', 'agreed start'],
    actual_start_date: ['实际动工日期', '实际开工日期', '实际开工时间', '实际动工时间', '开工日期', '动工日期', 'actual start'],
    agreed_completion_date: ['约定竣工日期', '约定竣工时间', '合同约定竣工日期', '应竣工日期', 'agreed completion'],
    land_price_wan: ['土地价款', '出让价款', '成交价款', '出让金', '土地出让金', '成交价', '土地出让价款', '划拨价款', 'land price'],
    agreed_investment_wan: ['约定总投资', '协议投资', '约定投资', '计划总投资', '合同约定投资', '总投资', 'agreed investment'],
    actual_investment_wan: ['已完成投资', '完成投资', '实际投资', '累计完成投资', '已投资额', 'actual investment'],
    developed_area_m2: ['已开发面积', '已动工开发面积', '动工面积', '已建面积', '开发面积', 'developed area'],
    floor_area_m2: ['建筑面积', '总建筑面积', '地上建筑面积', 'floor area'],
    halted_since: ['停工日期', '停建日期', '中止开发日期', '停工时间', 'halted since'],
    status: ['建设状态', '开发状态', '项目状态', '状态', 'status'],
    agreed_annual_output_wan: ['约定年产值', '达产年产值', '协议年产值', '约定产值', 'agreed output'],
    annual_output_wan: ['实际年产值', '年产值', '产值', 'annual output'],
    annual_tax_wan: ['年税收', '税收', '实缴税金', '年纳税', '纳税额', 'annual tax'],
    government_delay: ['政府原因', '政府原因延迟', '政府原因造成', '是否政府原因', 'government delay'],
    policy_compliant: ['符合产业政策', '符合产业政策与环保标准', '产业政策符合', '环保达标', 'policy compliant'],
    other_breach: ['其他违约', '其它违约', '违约', 'other breach'],
  },
  parks: {
    park_id: ['园区编号', '园区代码', '编号', 'id'],
    name: ['园区名称', '名称', '园区', 'name'],
    county: ['县区', '所属县区', '县（市、区）', '县市区', '行政区', '区县', 'county'],
    level: ['园区级别', '级别', '等级', 'level'],
    leading_chains: ['主导产业链', '主导产业', '产业链', 'leading chains'],
    planned_area_ha: ['规划面积', '规划用地面积', '园区面积', 'planned area'],
  },
  enterprises: {
    enterprise_id: ['企业编号', '统一社会信用代码', '信用代码', '企业代码', '编号', 'id'],
    name: ['企业名称', '单位名称', '名称', 'name'],
    county: ['县区', '所属县区', '县（市、区）', '县市区', '行政区', '区县', 'county'],
    park_id: ['园区编号', '所属园区编号', 'park'],
    chain_node: ['产业链环节', '环节编号', 'chain node'],
    above_scale: ['规上企业', '是否规上', '规模以上', 'above scale'],
    employees: ['从业人员', '职工人数', '年平均职工人数', '员工人数', '从业人数', 'employees'],
    revenue_wan: ['营业收入', '主营业务收入', '销售收入', 'revenue'],
    value_added_wan: ['工业增加值', '增加值', 'value added'],
    tax_wan: ['税收', '实缴税金', '税收实际贡献', '纳税额', 'tax'],
    energy_tce: ['能耗', '综合能耗', '能源消费量', '总能耗', 'energy'],
    rd_expense_wan: ['研发经费', '研发投入', 'R&D经费', '研发费用', 'rd expense'],
  },
  chain_nodes: {
    chain_id: ['产业链编号', '产业链代码', 'chain id'],
    chain_name: ['产业链名称', '产业链', 'chain name'],
    node_id: ['环节编号', '节点编号', '环节代码', 'node id'],
    node_name: ['环节名称', '节点名称', '环节', 'node name'],
    stage: ['环节位置', '上中下游', '位置', '链位', 'stage'],
  },
  chain_links: {
    from_node: ['供应环节', '上游环节', '供方环节', 'from'],
    to_node: ['需求环节', '下游环节', '需方环节', 'to'],
  },
  counties: {
    county: ['县区', '县区名称', '名称', '行政区名称', 'XZQMC', 'name'],
    city: ['地级市', '所属城市', '城市', '市', 'city'],
    adcode: ['行政区划代码', '区划代码', '行政区代码', 'XZQDM', 'code'],
  },
  projects: {
    project_id: ['项目编号', '项目代码', '项目序号', '编号', 'id'],
    name: ['项目名称', '招商项目名称', '项目', '名称', 'name'],
    chain_node: ['产业链环节', '环节编号', '产业环节', '产业链节点', '所属产业链环节', 'chain node'],
    investment_wan: ['总投资', '计划总投资', '投资总额', '投资额', '协议投资额', '拟投资额', '投资', 'investment'],
    land_need_mu_min: ['用地需求下限', '最小用地', '最小用地需求', '最少用地', 'land need min'],
    land_need_mu_max: ['用地需求上限', '最大用地', '最大用地需求', '用地需求', '拟用地面积', '需用地面积', '用地规模', 'land need max'],
    land_use: ['用地性质', '土地用途', '用途', 'land use'],
    county: ['责任县区', '县区', '所属县区', '落地县区', '承办县区', '牵头县区', 'county'],
    stage: ['项目阶段', '当前阶段', '推进阶段', '阶段', '进展', 'stage'],
    negotiating_date: ['洽谈日期', '洽谈时间', '首次洽谈日期'],
    signed_date: ['签约日期', '签约时间'],
    land_supplied_date: ['供地日期', '供地时间'],
    started_date: ['开工日期', '开工时间'],
    producing_date: ['投产日期', '投产时间'],
    site_parcel_id: ['落地宗地', '落地宗地编号', '宗地编号', '供地宗地', '落地地块', 'site parcel'],
    referred_from: ['流出县区', '流出地', '推荐县区', '转出县区', 'referred from'],
    referred_to: ['流入县区', '流入地', '承接县区', '转入县区', 'referred to'],
    share_out_pct: ['流出地分成比例', '利益分成比例', '利益分享比例', '分成比例', '流出地分成', 'share out'],
  },
  factories: {
    factory_id: ['厂房编号', '编号', 'id'],
    park_id: ['园区编号', '所属园区编号', 'park'],
    floor_area_m2: ['建筑面积', '厂房面积', '总面积', 'floor area'],
    vacant_area_m2: ['空置面积', '闲置面积', '可租售面积', 'vacant area'],
    status: ['状态', '使用状态', 'status'],
  },
  promotion_groups: {
    group_id: ['组团编号', '编号', 'id'],
    name: ['组团名称', '名称', 'name'],
    counties: ['成员县区', '县区', '成员', 'counties'],
  },
  planning_zones: {
    zone_id: ['图斑编号', '管控编号', '地块编号', '编号', 'id'],
    kind: ['管控类型', '控制线类型', '类型', '类别', 'kind'],
    land_class: ['用地代码', '地类代码', '用地分类代码', '规划用地代码', '用地性质代码', 'land class'],
    name: ['名称', '图斑名称', 'name'],
  },
};

/** Header names that hold coordinates or a geometry rather than a contract field. */
export const GEOMETRY_NAMES = {
  lon: ['经度', 'lon', 'lng', 'long', 'longitude', '中心经度', '中心点经度'],
  lat: ['纬度', 'lat', 'latitude', '中心纬度', '中心点纬度'],
  /** Projected coordinates. Surveyors' X is the northing and Y the easting (see crs detection). */
  x: ['x', 'x坐标', '横坐标', '东坐标', 'easting'],
  y: ['y', 'y坐标', '纵坐标', '北坐标', 'northing'],
  wkt: ['wkt', 'geometry', 'geom', 'shape', '几何', '图形', '空间信息', 'the_geom'],
} as const;
