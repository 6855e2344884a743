// Chinese spellings accepted for contract enums, because planners' spreadsheets say 工业 or
// 已投产 rather than `industrial` or `producing`. Values are normalised to the contract code.

export const ENUM_ALIASES: Record<string, Record<string, string>> = {
  land_use: {
    工业: 'industrial', 工业用地: 'industrial',
    仓储: 'warehouse', 仓储用地: 'warehouse', 物流仓储: 'warehouse',
    商业: 'commercial', 商服: 'commercial', 商业服务业用地: 'commercial',
    住宅: 'residential', 居住: 'residential',
    其他: 'other',
  },
  status: {
    未动工: 'not_started', 在建: 'under_construction', 建设中: 'under_construction',
    停工: 'halted', 停建: 'halted', 建成未投产: 'built_no_production', 已投产: 'producing', 投产: 'producing',
  },
  level: { 国家级: 'national', 省级: 'provincial', 市级: 'municipal', 县级: 'county' },
  stage: { 上游: 'upstream', 中游: 'midstream', 下游: 'downstream' },
};
