// One dropped file in the import dialog: what it holds, the proposed field mapping with sample
// values (every choice changeable), and its coordinate system when it has positions.

import type { ImportFile, TableKind, UnitCode } from '../../state/import-session';
import { IMPORT_TABLES, REQUIRED_FIELDS, TABLE_FIELDS, needsLocalParameters, parseTowgs84, remapField } from '../../state/import-session';
import { UNIT_NAMES, importMessage } from '../../i18n/import-messages';
import { PUNCTUATION, TABLE_LABELS } from '../../vocab';
import { useLang } from '../i18n';

const AREA_UNITS: UnitCode[] = ['m2', 'mu', 'ha', 'km2'];
const MONEY_UNITS: UnitCode[] = ['wan', 'yuan', 'qian', 'yi'];

function unitsFor(field: string): UnitCode[] | null {
  if (/_(m2|ha)$/.test(field) || /_mu_(min|max)$/.test(field)) return AREA_UNITS;
  if (/_wan$/.test(field)) return MONEY_UNITS;
  return null;
}

function sampleText(f: ImportFile, header: string): string {
  const t = f.reading.table;
  if (!t) return '';
  const c = t.headers.indexOf(header);
  if (c < 0) return '';
  return t.columns[c]
    .slice(0, 3)
    .filter((v) => v !== null && String(v).trim() !== '')
    .map((v) => String(v).slice(0, 24))
    .join(' · ');
}

export function ImportFileCard(props: {
  file: ImportFile;
  onChange(f: ImportFile): void;
  onTable(t: TableKind): void;
  onReread(choice: { sheet?: string; layer?: string; encoding?: string }): void;
  onRemove(): void;
  /** Local parameters entered: remembered for the city. */
  onTowgs84?(v: number[]): void;
}) {
  const lang = useLang();
  const m = (k: Parameters<typeof importMessage>[1], v?: Record<string, string | number>) => importMessage(lang, k, v);
  const f = props.file;
  const t = f.reading.table;
  const fields = TABLE_FIELDS[f.table];
  const crsCandidate = f.crs?.candidates[f.crsIndex];
  return (
    <section class="import-file" data-testid="import-file" data-file={f.name}>
      <header class="import-file-head">
        <b>{f.name}</b>
        <span class="muted">
          {f.reading.format}
          {t ? ` · ${t.rowNumbers.length} ${m('rows')}` : ''}
          {t?.encoding ? ` · ${m('encoding')} ${t.encoding}` : ''}
        </span>
        {f.reading.sheets && f.reading.sheets.length > 1 && (
          <label>
            {m('sheet')}{' '}
            <select value={f.choice.sheet ?? t?.sheet ?? ''} onChange={(e) => props.onReread({ sheet: (e.target as HTMLSelectElement).value })}>
              {f.reading.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {f.reading.layers && f.reading.layers.length > 1 && (
          <label>
            {m('layer')}{' '}
            <select value={f.choice.layer ?? ''} onChange={(e) => props.onReread({ layer: (e.target as HTMLSelectElement).value })}>
              {f.reading.layers.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {t && (
          <label>
            {m('holds')}{' '}
            <select data-testid="import-table" value={f.table} onChange={(e) => props.onTable((e.target as HTMLSelectElement).value as TableKind)}>
              {IMPORT_TABLES.map((k) => (
                <option key={k} value={k}>
                  {TABLE_LABELS[k][lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="link" onClick={props.onRemove}>
          {m('remove')}
        </button>
      </header>
      {t && f.mapping && (
        <details class="import-mapping" open={f.fields.some((p) => p.header && p.unitReason === 'assumed')}>
          <summary>
            {m('mapping')}{PUNCTUATION[lang].colon}{Object.keys(f.mapping.fields).length}/{fields.length}
            {f.remembered && <span class="muted" data-testid="mapping-remembered"> · {m('remembered')}</span>}
          </summary>
          <table class="mapping-table">
            <thead>
              <tr>
                <th>{m('field')}</th>
                <th>{m('column')}</th>
                <th>{m('unit')}</th>
                <th>{m('samples')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((spec) => {
                const src = f.mapping!.fields[spec.name];
                const units = unitsFor(spec.name);
                const assumed = f.fields.find((p) => p.field === spec.name)?.unitReason === 'assumed';
                return (
                  <tr key={spec.name} data-field={spec.name}>
                    <td>
                      {spec.label}
                      {REQUIRED_FIELDS[f.table].includes(spec.name) ? ' *' : ''}
                    </td>
                    <td>
                      <select
                        aria-label={`${spec.label} ${m('column')}`}
                        value={src?.header ?? ''}
                        onChange={(e) => {
                          const v = (e.target as HTMLSelectElement).value;
                          props.onChange(remapField(f, spec.name, v === '' ? null : v, units ? (src?.unit ?? units[0]) : null));
                        }}
                      >
                        <option value="">{m('notMapped')}</option>
                        {t.headers.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {units && src && (
                        <select
                          aria-label={`${spec.label} ${m('unit')}`}
                          class={assumed ? 'assumed' : ''}
                          title={assumed ? m('unitAssumed') : undefined}
                          value={src.unit ?? units[0]}
                          onChange={(e) => props.onChange(remapField(f, spec.name, src.header, (e.target as HTMLSelectElement).value as UnitCode))}
                        >
                          {units.map((u) => (
                            <option key={u} value={u}>
                              {UNIT_NAMES[lang][u]}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td class="muted">{src ? sampleText(f, src.header) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}
      {f.crs && f.crs.candidates.length > 0 && (
        <div class="import-crs">
          <label>
            {m('crs')}{' '}
            <select
              data-testid="import-crs"
              value={String(f.crsIndex)}
              onChange={(e) => props.onChange({ ...f, crsIndex: Number((e.target as HTMLSelectElement).value), meridian: null })}
            >
              {f.crs.candidates.map((c, i) => (
                <option key={i} value={String(i)}>
                  {c.reason[lang].slice(0, 90)}
                </option>
              ))}
            </select>
          </label>
          {crsCandidate?.status === 'needs-central-meridian' && (
            <label>
              {m('meridian')}{' '}
              <select
                data-testid="import-meridian"
                value={f.meridian === null ? '' : String(f.meridian)}
                onChange={(e) => props.onChange({ ...f, meridian: Number((e.target as HTMLSelectElement).value) })}
              >
                <option value="">{m('chooseMeridian')}</option>
                {crsCandidate.centralMeridians.map((cm) => (
                  <option key={cm} value={String(cm)}>
                    {cm}°E
                  </option>
                ))}
              </select>
            </label>
          )}
          {needsLocalParameters(f) && (
            <label>
              {m('towgs84')}{' '}
              <input
                data-testid="import-towgs84"
                placeholder="dx, dy, dz（或 dx, dy, dz, rx, ry, rz, ppm）"
                value={f.towgs84?.join(', ') ?? ''}
                onChange={(e) => {
                  const v = parseTowgs84((e.target as HTMLInputElement).value);
                  props.onChange({ ...f, towgs84: v });
                  if (v) props.onTowgs84?.(v);
                }}
              />
              {!f.towgs84 && <span class="warn"> {m('towgs84Missing')}</span>}
            </label>
          )}
          {crsCandidate?.warnings.map((w, i) => (
            <p key={i} class="warn">
              {w[lang]}
            </p>
          ))}
        </div>
      )}
      {f.crs?.problem && <p class="warn">{f.crs.problem[lang]}</p>}
    </section>
  );
}
