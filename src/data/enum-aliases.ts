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
  // Chain-node positions and project stages share the field name; each table accepts only its own values.
  stage: {
    上游: 'upstream', 中游: 'midstream', 下游: 'downstream',
    洽谈: 'negotiating', 洽谈中: 'negotiating', 在谈: 'negotiating', 签约: 'signed', 已签约: 'signed',
    供地: 'land_supplied', 已供地: 'land_supplied', 开工: 'started', 已开工: 'started', 投产: 'producing', 已投产: 'producing',
  },
};
