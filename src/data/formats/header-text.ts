// Header cells as the mapping step should see them. Chinese ledgers wrap long column names
// inside the cell (Alt+Enter in Excel: "约定动工\n日期", "出让价款\n（万元）"); the line break is
// layout, not part of the name. Between two Chinese characters or full-width brackets it is
// dropped, elsewhere ("agreed\nstart") it becomes a space. Used by the CSV and Excel readers.

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

export function cleanHeaderText(raw: string): string {
  const s = raw.trim();
  if (!/[\r\n\t]/.test(s)) return s;
  return s.replace(/[ \t]*[\r\n\t]+[ \t]*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return WIDE.test(before) && WIDE.test(after) ? '' : ' ';
  });
}
