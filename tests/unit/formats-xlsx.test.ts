import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../src/data/formats/raw-table';
import { columnLetter, openXlsx, readXlsx, readXlsxSheet } from '../../src/data/formats/xlsx-reader';
import { detectHeaderLayout } from '../../src/data/formats/xlsx-reader-header';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf: unknown = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

function rows(t: RawTable): (string | number | null)[][] {
  return Array.from(t.rowNumbers, (_, r) => t.columns.map((col) => col[r]));
}

const codes = (t: RawTable) => t.issues.map((i) => `${i.level}:${i.code}@${i.row ?? '-'}:${i.field ?? '-'}`);

/** A 供地台账 as counties keep it: title, filler line, blank row, header, unit row, then data. */
async function ledger(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年');
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = '宁津县2024年供地台账';
  ws.getCell('A2').value = '填报单位：宁津县自然资源局';
  ws.getCell('F2').value = '填报日期：2024年6月30日';
  // Long names wrapped inside the cell (Alt+Enter), as ledgers do.
  ws.getRow(4).values = ['宗地编号', '所在园区', '土地使用权人', '出让价款', '用地面积', '约定动工\n日期', ' 备注 '];
  ws.getRow(5).values = [null, null, null, '（万元）', '(亩)'];
  // Row 6: a serial date in a date-formatted cell, a formula with its cached result, rich text.
  ws.getRow(6).values = ['NJ-2024-01', '宁津经济开发区', { richText: [{ text: '山东恒达', font: { bold: true } }, { text: '机械有限公司' }] },
    { formula: 'E6*15', result: 1250.5 }, 83.37, 45047, '=不是公式'];
  ws.getCell('F6').numFmt = 'yyyy"年"m"月"d"日"';
  // Row 7: a typed date, a hyperlink, an #N/A from a lookup; 所在园区 merged from row 6.
  ws.getRow(7).values = [{ text: 'NJ-2024-02', hyperlink: 'https://example.invalid/2' }, null, '宁津县华宇新材料有限公司',
    { formula: 'VLOOKUP(A7,价款!A:B,2,0)', result: { error: '#N/A' } }, 40, new Date(Date.UTC(2023, 5, 15))];
  ws.mergeCells('B6:B7');
  // Row 8 is blank; row 9 has a horizontal merge (E9:F9), which must not copy one value into two columns.
  ws.getRow(9).values = ['NJ-2024-03', '大柳镇工业园', '宁津县同力木业', 300, 12, null, '补充'];
  ws.mergeCells('E9:F9');
  ws.getRow(10).values = ['合计', null, null, 1550.5, 135.37];
  return bytesOf(wb);
}

describe('readXlsx: a county ledger', () => {
  it('finds the header below the title rows, records the unit row, and converts every cell kind', async () => {
    const t = await readXlsx(await ledger(), '宁津县供地台账.xlsx');
    expect(t.sheet).toBe('2024年');
    expect(t.headerRow).toBe(4);
    expect(t.unitRow).toBe(5);
    expect(t.titleRows).toEqual(['宁津县2024年供地台账', '填报单位：宁津县自然资源局 填报日期：2024年6月30日']);
    expect(t.headers).toEqual(['宗地编号', '所在园区', '土地使用权人', '出让价款', '用地面积', '约定动工日期', '备注']);
    expect(t.units).toEqual([null, null, null, '万元', '亩', null, null]);
    expect(rows(t)).toEqual([
      ['NJ-2024-01', '宁津经济开发区', '山东恒达机械有限公司', 1250.5, 83.37, '2023-05-01', '=不是公式'],
      ['NJ-2024-02', '宁津经济开发区', '宁津县华宇新材料有限公司', null, 40, '2023-06-15', null],
      ['NJ-2024-03', '大柳镇工业园', '宁津县同力木业', 300, 12, null, '补充'],
    ]);
    expect(Array.from(t.rowNumbers)).toEqual([6, 7, 9]);
    expect(codes(t)).toEqual([
      'warning:xlsx.total_row@10:-',
      'error:xlsx.cell_error@7:出让价款',
      'warning:xlsx.merged_filled@-:-',
    ]);
    const na = t.issues[1];
    expect(na.file).toBe('宁津县供地台账.xlsx');
    expect(na.sheet).toBe('2024年');
    expect(na.messageZh).toContain('第 7 行“出让价款”（D7）是 Excel 错误值 #N/A');
    expect(na.messageEn).toContain('#N/A');
  });

  it('reads a two-row header under merged group headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('批后监管');
    ws.mergeCells('A1:E1');
    ws.getCell('A1').value = '始兴县批后监管台账';
    ws.getRow(2).values = ['序号', '宗地编号', '合同约定', null, '出让价款（万元）'];
    ws.getRow(3).values = [null, null, '动工日期', '竣工日期', null];
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    ws.mergeCells('C2:D2');
    ws.mergeCells('E2:E3');
    // Columns numbered under the header, as government forms do.
    ws.getRow(4).values = ['（1）', '（2）', '（3）', '（4）', '（5）'];
    ws.getRow(5).values = [1, 'SX-01', new Date(Date.UTC(2023, 4, 1)), new Date(Date.UTC(2025, 4, 1)), 300];
    ws.getRow(6).values = [2, 3, 4, 5, 6];
    const t = await readXlsx(await bytesOf(wb), 'sx.xlsx');
    expect(t.headerRow).toBe(2);
    expect(t.subHeaderRow).toBe(3);
    expect(t.headers).toEqual(['序号', '宗地编号', '合同约定动工日期', '合同约定竣工日期', '出让价款（万元）']);
    expect(rows(t)).toEqual([[1, 'SX-01', '2023-05-01', '2025-05-01', 300], [2, 3, 4, 5, 6]]);
    expect(Array.from(t.rowNumbers)).toEqual([5, 6]);
    expect(codes(t)).toEqual(['warning:xlsx.numbering_row@4:-']);
  });

  it('keeps Excel numbers as numbers and a header in the first row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('parcels');
    ws.addRow(['parcel_id', 'area_m2', 'policy_compliant']);
    ws.addRow(['P1', 11820.5, true]);
    ws.addRow(['P2', 0, false]);
    const t = await readXlsx(await bytesOf(wb), 'p.xlsx');
    expect(t.headerRow).toBe(1);
    expect(t.subHeaderRow).toBeNull();
    expect(t.unitRow).toBeNull();
    expect(t.titleRows).toEqual([]);
    expect(rows(t)).toEqual([['P1', 11820.5, 'true'], ['P2', 0, 'false']]);
    expect(t.issues).toEqual([]);
  });

  it('measures a sheet by its values, not by cells that only carry formatting', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['id', 'x']);
    ws.addRow(['A', 1]);
    ws.getCell('XFD2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const book = await openXlsx(await bytesOf(wb), 'styled.xlsx');
    expect(book.sheets[0]).toMatchObject({ rows: 2, columns: 2 });
    const t = readXlsxSheet(book);
    expect(t.headers).toEqual(['id', 'x']);
    expect(rows(t)).toEqual([['A', 1]]);
  });

  it('is not slowed down by a dropdown or highlight rule covering whole columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['id', 'status']);
    ws.addRow(['A', '已投产']);
    // exceljs has this at run time but not in its type declarations.
    const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
    validations.add('B2:B1048576', { type: 'list', allowBlank: true, formulae: ['"未动工,在建,已投产"'] });
    ws.addConditionalFormatting({
      ref: 'A2:A1048576',
      rules: [{ type: 'containsText', operator: 'containsText', text: 'X', priority: 1, style: { font: { bold: true } } }],
    });
    const bytes = await bytesOf(wb);
    const t0 = process.cpuUsage();
    const t = await readXlsx(bytes, 'template.xlsx');
    const used = process.cpuUsage(t0);
    expect(rows(t)).toEqual([['A', '已投产']]);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });

  it('reads serial dates of a 1904-system workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('s');
    ws.addRow(['id', 'supply_date']);
    ws.addRow(['P1', 45047 - 1462]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    const t = await readXlsx(await bytesOf(wb), 'mac.xlsx');
    expect(t.columns[1]).toEqual(['2023-05-01']);
  });
});

describe('readXlsx: sheets', () => {
  async function threeSheets(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明');
    const hidden = wb.addWorksheet('底稿', { state: 'hidden' });
    hidden.addRow(['id', 'x']);
    hidden.addRow(['h1', 1]);
    const ws = wb.addWorksheet('台账');
    ws.addRow(['id', 'x']);
    ws.addRow(['a', 2]);
    ws.addRow(['b', 3]);
    return bytesOf(wb);
  }

  it('lists the sheets and reads the first visible non-empty one by default', async () => {
    const wb = await openXlsx(await threeSheets(), 'b.xlsx');
    expect(wb.sheets).toEqual([
      { name: '说明', hidden: false, rows: 0, columns: 0 },
      { name: '底稿', hidden: true, rows: 2, columns: 2 },
      { name: '台账', hidden: false, rows: 3, columns: 2 },
    ]);
    const t = readXlsxSheet(wb);
    expect(t.sheet).toBe('台账');
    expect(rows(t)).toEqual([['a', 2], ['b', 3]]);
    expect(rows(readXlsxSheet(wb, '底稿'))).toEqual([['h1', 1]]);
  });

  it('names the available sheets when the chosen one does not exist, and reports an empty one', async () => {
    const wb = await openXlsx(await threeSheets(), 'b.xlsx');
    const missing = readXlsxSheet(wb, '2023年');
    expect(codes(missing)).toEqual(['error:xlsx.sheet_missing@-:-']);
    expect(missing.issues[0].messageZh).toContain('说明、底稿、台账');
    expect(codes(readXlsxSheet(wb, '说明'))).toEqual(['error:xlsx.sheet_empty@-:-']);
  });

  it('reports a workbook whose sheets are all empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const t = await readXlsx(await bytesOf(wb), 'empty.xlsx');
    expect(codes(t)).toEqual(['error:xlsx.empty@-:-']);
  });
});

describe('readXlsx: bad input', () => {
  it('refuses .xls / .et (OLE2) with instructions to save as .xlsx', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const t = await readXlsx(ole, '2023台账.xls');
    expect(codes(t)).toEqual(['error:xlsx.old_format@-:-']);
    expect(t.issues[0].messageZh).toContain('另存为');
    expect(t.issues[0].messageZh).toContain('Excel 工作簿 (*.xlsx)');
    expect(t.issues[0].messageEn).toContain('Save As');
    expect(t.headers).toEqual([]);
  });

  it('refuses a file that is not a zip, and a damaged zip, without throwing', async () => {
    const csv = await readXlsx(new TextEncoder().encode('a,b\n1,2\n'), 'renamed.xlsx');
    expect(codes(csv)).toEqual(['error:xlsx.not_workbook@-:-']);
    const broken = new Uint8Array(200);
    broken.set([0x50, 0x4b, 0x03, 0x04]);
    expect(codes(await readXlsx(broken, 'cut.xlsx'))).toEqual(['error:xlsx.unreadable@-:-']);
    const whole = await ledger();
    expect(codes(await readXlsx(whole.subarray(0, whole.length >> 1), 'half.xlsx'))).toEqual(['error:xlsx.unreadable@-:-']);
  });

  it('reports duplicated headers naming both columns and keeps them apart', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['宗地编号', '面积', '县', '面积']);
    ws.addRow(['A', 1, '宁津县', 2]);
    const t = await readXlsx(await bytesOf(wb), 'dup.xlsx');
    expect(t.headers).toEqual(['宗地编号', '面积', '县', '面积 (2)']);
    expect(rows(t)).toEqual([['A', 1, '宁津县', 2]]);
    expect(codes(t)).toEqual(['error:xlsx.header_duplicate@1:面积']);
    expect(t.issues[0].messageZh).toContain('B 列和 D 列');
  });

  it('reports a formula without a cached result instead of using its text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['id', 'price']);
    ws.addRow(['A', { formula: 'B3*2' }]);
    ws.addRow(['B', 5]);
    const t = await readXlsx(await bytesOf(wb), 'f.xlsx');
    expect(rows(t)).toEqual([['A', null], ['B', 5]]);
    expect(codes(t)).toEqual(['error:xlsx.formula_no_result@2:price']);
    expect(t.issues[0].messageZh).toContain('=B3*2');
  });

  it('names a data column without a header by its letter and drops empty unnamed columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['id', null, null, 'x']);
    ws.addRow(['A', null, 'stray', 1]);
    const t = await readXlsx(await bytesOf(wb), 'h.xlsx');
    expect(t.headers).toEqual(['id', '列C', 'x']);
    expect(rows(t)).toEqual([['A', 'stray', 1]]);
    expect(codes(t)).toEqual(['warning:xlsx.header_empty@1:列C']);
  });

  it('gives clear messages for a header-only sheet and a sheet without a header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('h').addRow(['宗地编号', '面积']);
    const nums = wb.addWorksheet('n');
    nums.addRow([1, 2, 3]);
    nums.addRow([4, 5, 6]);
    const bytes = await bytesOf(wb);
    const h = await readXlsx(bytes, 'x.xlsx', { sheet: 'h' });
    expect(h.headers).toEqual(['宗地编号', '面积']);
    expect(codes(h)).toEqual(['error:xlsx.no_rows@-:-']);
    expect(h.issues[0].messageZh).toContain('只有表头');
    expect(codes(await readXlsx(bytes, 'x.xlsx', { sheet: 'n' }))).toEqual(['error:xlsx.no_header@-:-']);
  });

  it('says the header was not found, not that the sheet is empty, when data starts below row 30', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getRow(40).values = ['宗地编号', '面积'];
    ws.getRow(41).values = ['A', 1];
    const t = await readXlsx(await bytesOf(wb), 'low.xlsx');
    expect(codes(t)).toEqual(['error:xlsx.no_header@-:-']);
    expect(t.issues[0].messageZh).toContain('前 30 行');
  });
});

describe('detectHeaderLayout', () => {
  it('skips a title, a filler line and blank rows, and stops at the first wide text row', () => {
    const layout = detectHeaderLayout([
      ['某县供地台账', null, null, null],
      [null, null, null, null],
      ['单位：县自然资源局', null, null, '2024年'],
      ['宗地编号', '面积', '价款', '日期'],
      ['（亩）', null, '(万元)', null],
      ['A', 12, 300, '2023-05-01'],
    ]);
    expect(layout).toEqual({
      header: 3, subHeader: null, names: ['宗地编号', '面积', '价款', '日期'], unit: 4, units: ['亩', null, '万元', null],
    });
  });

  it('passes over "label：value" filler lines even in a narrow table, and tolerates a wider data row', () => {
    expect(detectHeaderLayout([
      ['填报单位：某县', '日期：2024年6月'],
      ['宗地编号', '权利人'],
      ['A', '甲公司'],
    ])?.header).toBe(1);
    expect(detectHeaderLayout([
      ['宗地编号', '县', '权利人', '用途', '状态'],
      ['A', '宁津县', '甲公司', '工业', '已投产', '备注写在了表外'],
    ])?.header).toBe(0);
  });

  it('does not take a data row for units or a numeric row for the header', () => {
    expect(detectHeaderLayout([['id', 'area'], ['A', '亩']])).toMatchObject({ header: 0, unit: null, units: [] });
    expect(detectHeaderLayout([[1, 2], [3, 4]])).toBeNull();
    expect(detectHeaderLayout([['名称'], ['甲']])).toMatchObject({ header: 0, names: ['名称'], unit: null });
  });

  it('joins a merged group header with the names in the row below it', () => {
    const rows = [
      ['宗地编号', '合同约定', null, '出让价款'],
      [null, '动工日期', '竣工日期', null],
      [null, null, null, '(万元)'],
      ['A', '2023-05-01', '2025-05-01', 300],
    ];
    const group = { top: 0, left: 1, bottom: 0, right: 2 };
    expect(detectHeaderLayout(rows, [group])).toEqual({
      header: 0, subHeader: 1, names: ['宗地编号', '合同约定动工日期', '合同约定竣工日期', '出让价款'],
      unit: 2, units: [null, null, null, '万元'],
    });
    // Without a group above them, names in the next row are data, not a second header.
    expect(detectHeaderLayout(rows.slice(0, 2))).toMatchObject({ subHeader: null, names: ['宗地编号', '合同约定', '', '出让价款'] });
    // A row with values outside the group is data.
    expect(detectHeaderLayout([rows[0], ['A', '动工日期', null, null]], [group])?.subHeader).toBeNull();
  });
});

describe('columnLetter', () => {
  it('counts like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
