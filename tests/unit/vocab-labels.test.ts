// One vocabulary: for every code of src/vocab, the UI dictionary, the command-line report's
// summary and the exported workbook show the same label. Each surface is read as a user sees
// it (dictionary lookups, the summary text, the cells of a workbook written and read back), and
// the label found there is compared with the vocabulary's, so a label re-spelled anywhere fails.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportTable, readExportTables } from '../../src/analysis/export-tables';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { runMujun } from '../../src/analysis/mujun';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { loadTracking } from '../../src/analysis/tracking-summary';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { type TrackingRecord, newTrackingRecord } from '../../src/data/tracking';
import { buildWorkbook, readWorkbook } from '../../src/export/xlsx';
import { CODE_LABELS, codeLabel } from '../../src/i18n/dict';
import {
  CODE_FAMILIES,
  type CodeFamily,
  DISPOSALS,
  EXIT_CODES,
  type FamilyName,
  IDLE_TYPES,
  INEFFICIENCY_CODES,
  LANGS,
  LAND_USES,
  MUJUN_INPUTS,
  PARCEL_STATUSES,
  TRACKING_STAGES,
  displayLabel,
} from '../../src/vocab';
import { type SummaryRow, formatSummary } from '../../scripts/report-summary';
import { loadEnterprises, loadParks } from './helpers/enterprises';
import { loadParcels } from './helpers/parcels';

const FAMILIES = Object.keys(CODE_FAMILIES) as FamilyName[];

describe('the vocabulary itself', () => {
  it('gives every code of every family a label in both languages, distinct within the family', () => {
    for (const family of FAMILIES) {
      const { codes, labels }: CodeFamily = CODE_FAMILIES[family];
      for (const lang of LANGS) {
        const seen = codes.map((c) => labels[c]?.[lang]);
        expect([family, lang, seen.every((l) => typeof l === 'string' && l.trim() !== '')]).toEqual([family, lang, true]);
        expect([family, lang, new Set(seen).size]).toEqual([family, lang, codes.length]);
      }
    }
  });
});

describe('UI dictionary', () => {
  it('shows the vocabulary label for every code, in both languages', () => {
    for (const family of FAMILIES) {
      const f = CODE_FAMILIES[family];
      for (const code of f.codes) {
        for (const lang of LANGS) {
          expect([family, code, lang, codeLabel(lang, `${f.prefix}${code}`)]).toEqual([family, code, lang, displayLabel(family, code, lang)]);
        }
      }
    }
  });

  it('has no code key the vocabulary does not know (a label defined only in the UI)', () => {
    const known = new Set(FAMILIES.flatMap((family) => CODE_FAMILIES[family].codes.map((c) => `${CODE_FAMILIES[family].prefix}${c}`)));
    for (const lang of LANGS) expect(Object.keys(CODE_LABELS[lang]).filter((k) => !known.has(k))).toEqual([]);
  });
});

describe('command-line report summary', () => {
  // Every idle type, disposal and finding code present once, so each has its own line.
  const summaryRows: SummaryRow[] = [
    { kind: 'all', key: '', n: 9, area_m2: 60000, fee_wan: null },
    ...IDLE_TYPES.map((k) => ({ kind: 'idle', key: k, n: 1, area_m2: 6000, fee_wan: null })),
    ...DISPOSALS.map((k) => ({ kind: 'disposal', key: k, n: 1, area_m2: 6000, fee_wan: k === 'fee' ? 20 : null })),
    ...EXIT_CODES.map((k) => ({ kind: 'exit', key: k, n: 1, area_m2: 6000, fee_wan: null })),
    ...INEFFICIENCY_CODES.map((k) => ({ kind: 'ineff', key: k, n: 1, area_m2: 6000, fee_wan: null })),
  ];
  const text = formatSummary(summaryRows, { file: 'p.csv', encoding: 'utf-8', asOf: '2026-06-30', out: 'o.csv', xlsx: null, written: 9 });
  const lines = text.split('\n');

  /** The label printed before “（code）” on the code's own line. */
  const labelBeforeCode = (code: string) => {
    const line = lines.find((l) => l.includes(`（${code}）：`));
    return line?.trim().slice(0, line.trim().indexOf(`（${code}）`));
  };

  it('names each idle type and disposal by its vocabulary label', () => {
    for (const t of IDLE_TYPES.filter((x) => x !== 'none')) expect([t, labelBeforeCode(t)]).toEqual([t, displayLabel('idleType', t, 'zh')]);
    for (const d of DISPOSALS.filter((x) => x !== 'none')) expect([d, labelBeforeCode(d)]).toEqual([d, displayLabel('disposal', d, 'zh')]);
  });

  it('names each exit and inefficiency code by its vocabulary label', () => {
    for (const [family, codes] of [
      ['exit', EXIT_CODES],
      ['inefficiency', INEFFICIENCY_CODES],
    ] as const) {
      for (const c of codes) {
        const line = lines.find((l) => l.trim().startsWith(`${c} `));
        expect([c, line?.trim().split('：')[0]]).toEqual([c, displayLabel(family, c, 'zh')]);
      }
    }
  });
});

describe('exported workbook', () => {
  const AS_OF = '2021-06-01';
  let db: Db & { close(): void };
  let wb: ExportTable[];
  let findings: Map<string, Record<string, string>>;

  function track(parcel_id: string, stage: string): TrackingRecord {
    const r = newTrackingRecord({ region: 'dezhou', parcel_id, stage, date: '2021-05-01', person: '王五' });
    if (!r.ok) throw new Error(r.errors.join());
    return r.record;
  }

  beforeAll(async () => {
    db = await openNodeDb();
    await loadParks(db, [{ park_id: 'K1', name: '经开区' }]);
    // Judged at 2021-06-01, 30,000 m² each; together they carry every land use, status, idle
    // type, disposal, exit and inefficiency code:
    // P1 industrial, not started since 2019-01-01 → not_started, recovery; E1.
    // P2 warehouse, halted since 2020-03-01 with 1/30 developed → stalled, fee.
    // P3 commercial, not started since 2020-01-01, government delay → negotiate; E1.
    // P4 industrial producing: E2 (1,000 of 5,000 invested after completion), E4, E5, E6;
    //    L1 (plot ratio 1/3), L2 (1,000 万元 / 3 公顷), L3 (100 万元 / 45 亩).
    // P5 residential built, no production → E3. P6 other, under construction → nothing.
    await loadParcels(db, [
      { agreed_start_date: '2019-01-01', status: 'not_started', land_price_wan: 800 },
      { land_use: 'warehouse', actual_start_date: '2018-01-01', halted_since: '2020-03-01', developed_area_m2: 1000, status: 'halted', land_price_wan: 1000 },
      { land_use: 'commercial', agreed_start_date: '2020-01-01', status: 'not_started', government_delay: true },
      {
        actual_start_date: '2018-01-01', agreed_completion_date: '2020-01-01', agreed_investment_wan: 5000, actual_investment_wan: 1000,
        floor_area_m2: 10000, annual_tax_wan: 100, agreed_annual_output_wan: 1000, annual_output_wan: 500,
        policy_compliant: '否', other_breach: '是',
      },
      { land_use: 'residential', actual_start_date: '2018-01-01', status: 'built_no_production' },
      { land_use: 'other', actual_start_date: '2021-01-01', status: 'under_construction' },
    ].map((p, i) => ({ ...p, enterprise_id: `E${i + 1}` })));
    // E1–E6 (on P1–P6) lack one input each and E7 has no parcel, so every missing-input label
    // but the land area's is written.
    const full = { tax_wan: 10, value_added_wan: 10, employees: 10, energy_tce: 10, rd_expense_wan: 1, revenue_wan: 10 };
    await loadEnterprises(db, [
      ...MUJUN_INPUTS.filter((m) => m !== 'parcels' && m !== 'area_m2').map((m) => ({ ...full, [m]: null })),
      { ...full }, // no parcel → 'parcels'
    ]);
    await runLandRules(db, AS_OF, DEFAULT_SETTINGS);
    await runMujun(db, DEFAULT_SETTINGS);
    await loadTracking(db, TRACKING_STAGES.map((s, i) => track(`P${i + 1}`, s)));
    const tables = await readExportTables(db, EMPTY_FILTER, AS_OF);
    const bytes = await buildWorkbook(tables, { asOf: AS_OF, regionName: '测试', filter: EMPTY_FILTER, settings: DEFAULT_SETTINGS });
    wb = await readWorkbook(bytes);
    const r = rows<Record<string, string>>(
      await db.query('SELECT parcel_id, land_use, status, idle_type, disposal, exit_reasons, inefficiency FROM parcel_findings'),
    );
    findings = new Map(r.map((x) => [x.parcel_id, x]));
  });
  afterAll(() => db?.close());

  /** Every (sheet, column) cell of parcel sheets paired with the label the vocabulary gives its code. */
  function parcelCells(header: string, expected: (f: Record<string, string>) => string): { seen: number; wrong: string[] } {
    let seen = 0;
    const wrong: string[] = [];
    for (const t of wb) {
      const col = t.headers.indexOf(header);
      const id = t.headers.indexOf('宗地编号');
      if (col < 0 || id < 0) continue;
      for (const row of t.rows) {
        const f = findings.get(String(row[id]));
        if (!f) continue;
        seen++;
        const want = expected(f);
        if (row[col] !== want) wrong.push(`${t.name} ${row[id]} ${header}: ${row[col]} ≠ ${want}`);
      }
    }
    return { seen, wrong };
  }

  const list = (family: FamilyName, codes: string) => (codes ? codes.split(';').map((c) => displayLabel(family, c, 'zh')).join('；') : null);

  it('covers every land use, status, idle type, disposal, exit and inefficiency code', () => {
    const all = [...findings.values()];
    expect(new Set(all.map((f) => f.land_use))).toEqual(new Set(LAND_USES));
    expect(new Set(all.map((f) => f.status))).toEqual(new Set(PARCEL_STATUSES));
    expect(new Set(all.map((f) => f.idle_type))).toEqual(new Set(IDLE_TYPES));
    expect(new Set(all.map((f) => f.disposal))).toEqual(new Set(DISPOSALS));
    expect(new Set(all.flatMap((f) => f.exit_reasons.split(';').filter(Boolean)))).toEqual(new Set(EXIT_CODES));
    expect(new Set(all.flatMap((f) => f.inefficiency.split(';').filter(Boolean)))).toEqual(new Set(INEFFICIENCY_CODES));
  });

  it('writes land uses, statuses, idle types and disposals with their vocabulary labels', () => {
    for (const [header, family, field] of [
      ['用地性质', 'landUse', 'land_use'],
      ['建设状态', 'parcelStatus', 'status'],
      ['闲置类型', 'idleType', 'idle_type'],
      ['处置方式', 'disposal', 'disposal'],
    ] as const) {
      const r = parcelCells(header, (f) => displayLabel(family, f[field], 'zh'));
      expect(r.wrong).toEqual([]);
      expect([header, r.seen > 0]).toEqual([header, true]);
    }
  });

  it('writes exit and inefficiency codes with their vocabulary labels', () => {
    const exits = parcelCells('退出条件', (f) => list('exit', f.exit_reasons) ?? '');
    const ineff = parcelCells('低效类型', (f) => list('inefficiency', f.inefficiency) ?? '');
    expect(exits.wrong).toEqual([]);
    expect(ineff.wrong).toEqual([]);
    expect([exits.seen, ineff.seen]).toEqual([4, 1]);
  });

  it('writes every tracking stage with its vocabulary label', () => {
    const t = wb.find((x) => x.name === '盘活跟踪');
    const stage = t?.headers.indexOf('当前阶段') ?? -1;
    const id = t?.headers.indexOf('宗地编号') ?? -1;
    const got = Object.fromEntries((t?.rows ?? []).map((r) => [r[id], r[stage]]));
    expect(got).toEqual(Object.fromEntries(TRACKING_STAGES.map((s, i) => [`P${i + 1}`, displayLabel('trackingStage', s, 'zh')])));
  });

  it('writes every missing 亩均 input with its vocabulary label', () => {
    const t = wb.find((x) => x.name === '亩均评价');
    const col = t?.headers.indexOf('缺失数据') ?? -1;
    const written = new Set((t?.rows ?? []).flatMap((r) => String(r[col] ?? '').split('；')).filter(Boolean));
    const expected = MUJUN_INPUTS.filter((m) => m !== 'area_m2').map((m) => displayLabel('mujunInput', m, 'zh'));
    expect([...written].sort()).toEqual([...expected].sort());
  });
});
