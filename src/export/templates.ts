// Import templates (下载模板): one workbook per contract table with the Chinese headings the
// importer recognises without any mapping, units in the headings, drop-down lists for coded
// fields, one example row, and a 填写说明 sheet saying what each column means and what may be
// left empty (data contract v2: only identifying columns are required).

import ExcelJS from 'exceljs';
import type { FieldSpec } from '../data/contract';
import { ENUM_ALIASES } from '../data/enum-aliases';
import type { TableKind } from '../data/mapping/field-names';
import { TABLE_FIELDS } from '../data/mapping/apply';
import { PARCEL_FIELD_IMPACT } from '../data/mapping/field-impact';
import { TABLE_LABELS, impactLabel } from '../vocab';


/** Example values, plausible for a county ledger; the template says they are an example. */
const EXAMPLES: Record<string, string | number> = {
  parcel_id: '371422-2023-017',
  park_id: 'NJ-P01',
  county: '宁津县',
  land_use: '工业',
  area_m2: 33350,
  holder: '宁津县某机械制造有限公司',
  enterprise_id: '91371422MA3XXXXX1X',
  chain_node: 'DZ-EQ-03',
  supply_date: '2023-03-15',
  agreed_start_date: '2023-09-15',
  actual_start_date: '',
  agreed_completion_date: '2025-09-15',
  land_price_wan: 1050,
  agreed_investment_wan: 30000,
  actual_investment_wan: 0,
  developed_area_m2: 0,
  floor_area_m2: 0,
  halted_since: '',
  status: '未动工',
  agreed_annual_output_wan: 50000,
  annual_output_wan: '',
  annual_tax_wan: '',
  government_delay: '否',
  policy_compliant: '是',
  other_breach: '否',
  name: '宁津经济开发区',
  level: '省级',
  leading_chains: 'DZ-EQ;DZ-FIT',
  planned_area_ha: 1250,
  chain_id: 'DZ-EQ',
  chain_name: '高端装备',
  node_id: 'DZ-EQ-03',
  node_name: '数控机床整机',
  stage: '中游',
  from_node: 'DZ-EQ-01',
  to_node: 'DZ-EQ-03',
};

function allowedWords(f: FieldSpec): string[] {
  if (f.type === 'boolean') return ['是', '否'];
  if (f.type !== 'enum') return [];
  const aliases = ENUM_ALIASES[f.name] ?? {};
  // The first Chinese word of each allowed code, in contract order.
  return (f.values ?? []).map((code) => Object.keys(aliases).find((w) => aliases[w] === code) ?? code);
}

function typeNote(f: FieldSpec): string {
  switch (f.type) {
    case 'date':
      return '日期，如 2023-05-01 或 2023年5月1日';
    case 'number':
      return '数字，单位见列名；可带千分位';
    case 'boolean':
      return '是 / 否';
    case 'enum':
      return `可选：${allowedWords(f).join('、')}`;
    default:
      return '文字';
  }
}

export async function templateWorkbook(table: TableKind): Promise<Uint8Array> {
  const fields = TABLE_FIELDS[table];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TABLE_LABELS[table].zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = fields.map((f) => ({ header: f.label, key: f.name, width: Math.max(12, f.label.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  fields.forEach((f, i) => {
    if (f.required) ws.getRow(1).getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0B2' } };
  });
  const example = ws.addRow(fields.map((f) => EXAMPLES[f.name] ?? ''));
  example.font = { italic: true, color: { argb: 'FF777777' } };
  fields.forEach((f, i) => {
    const words = allowedWords(f);
    if (words.length === 0) return;
    const col = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(`${col}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${words.join(',')}"`] };
    }
  });

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'label', width: 24 },
    { header: '字段', key: 'name', width: 26 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'type', width: 40 },
    { header: '缺少时无法判定', key: 'impact', width: 30 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const f of fields) {
    notes.addRow({
      label: f.label,
      name: f.name,
      required: f.required ? '必填' : '可空',
      type: typeNote(f),
      impact: table === 'parcels' ? (PARCEL_FIELD_IMPACT[f.name] ?? []).map((c) => impactLabel(c, 'zh')).join('、') : '',
    });
  }
  notes.addRow({});
  const lines = [
    `本模板用于导入“${TABLE_LABELS[table].zh}”。第 1 行为列名，请勿修改；第 2 行为示例，导入前请改为实际数据或删除。`,
    '除标橙色的编号列外，其他列都可以留空：留空的规则不判定，导入时会列出哪些结论因此无法计算。',
    '面积单位为平方米（m²），金额单位为万元；若台账用亩、公顷或元，可直接导入，在“字段对应”中选择单位即可。',
    '日期可写 2023-05-01、2023/5/1 或 2023年5月1日。坐标请另附 Shapefile/GeoJSON，或增加“经度”“纬度”两列（WGS84/CGCS2000）。',
  ];
  for (const l of lines) notes.addRow({ label: l });
  const bytes = await wb.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}
