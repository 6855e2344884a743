// The import dialog (导入数据): choose the city and the workspace, drop the files, confirm what
// each holds, its field mapping and coordinate system, check, read the problem list, and
// import — all of it or the valid rows. Nothing is stored before the planner says so.

import { useDialog } from '../dialog';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeatureCollection } from 'geojson';
import { type ImportMessageKey, importMessage } from '../../i18n/import-messages';
import { useActions, useAppState } from '../../state/context';
import {
  type ImportCheck,
  type ImportFile,
  type TableKind,
  checkImport,
  countiesContext,
  findCity,
  issuesCsv,
  readImportFile,
  mappingsToRemember,
  templateFor,
  IMPORT_TABLES,
} from '../../state/import-session';
import { PUNCTUATION, TABLE_LABELS } from '../../vocab';
import { isWorkspaceId, regionById } from '../../state/catalog';
import { saveBlob } from '../../state/browser-effects';
import { impactLabel } from '../../vocab';
import { useLang } from '../i18n';
import { CityPicker } from './CityPicker';
import { ImportFileCard } from './ImportFileCard';
import { ImportIssues } from './ImportIssues';
import { ImportPreview } from './ImportPreview';

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function ImportDialog(props: { onClose(): void; initialFiles?: File[] }) {
  const lang = useLang();
  const m = (k: ImportMessageKey, v?: Record<string, string | number>) => importMessage(lang, k, v);
  const actions = useActions();
  const region = useAppState((s) => s.region);
  const workspaces = useAppState((s) => s.workspaces);
  const current = isWorkspaceId(region) ? workspaces.find((w) => w.id === region) : undefined;
  const [adcode, setAdcode] = useState(() => current?.adcode ?? regionById(region)?.adcode ?? '');
  const [target, setTarget] = useState<'new' | string>(current ? current.id : 'new');
  const [name, setName] = useState('');
  const [files, setFiles] = useState<ImportFile[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [boundaries, setBoundaries] = useState<FeatureCollection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [diff, setDiff] = useState<Awaited<ReturnType<typeof actions.workspaceDiff>>>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Focus in, Tab kept inside, Esc closes, focus back to the opener (ui/dialog.ts).
  useDialog(dialog, props.onClose);

  useEffect(() => {
    dialog.current?.focus();
    if (props.initialFiles?.length) void add(props.initialFiles);
  }, []);
  useEffect(() => {
    setBoundaries(null);
    if (!adcode) return;
    let live = true;
    actions
      .cityBoundaries(adcode)
      .then((fc) => live && setBoundaries(fc))
      .catch((e: Error) => live && setFailure(e.message));
    return () => {
      live = false;
    };
  }, [adcode]);
  // Any change makes the last check stale.
  useEffect(() => setCheck(null), [files, adcode]);

  async function add(list: FileList | File[]) {
    setBusy(m('checking'));
    setFailure(null);
    try {
      const read: ImportFile[] = [];
      const local = actions.localParameters(adcode);
      for (const file of Array.from(list)) {
        const f = await readImportFile(file.name, await bytesOf(file), adcode, {}, undefined, actions.rememberedMapping);
        read.push(local ? { ...f, towgs84: local } : f);
      }
      setFiles((fs) => [...fs, ...read]);
      if (!name && read[0]) setName(read[0].name.replace(/\.[^.]+$/, ''));
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function reread(f: ImportFile, choice: ImportFile['choice'], table?: TableKind) {
    setBusy(m('checking'));
    try {
      const next = await readImportFile(f.name, f.bytes, adcode, { ...f.choice, ...choice }, table, actions.rememberedMapping);
      setFiles((fs) => fs.map((x) => (x.key === f.key ? { ...next, key: f.key } : x)));
    } finally {
      setBusy(null);
    }
  }

  async function runCheck(skip: boolean): Promise<ImportCheck | null> {
    setBusy(m('checking'));
    try {
      const c = await checkImport(files, adcode, boundaries ? await countiesContext(boundaries) : undefined, skip);
      setCheck(c);
      // Updating a workspace: what the new ledger adds, changes and removes.
      setDiff(target !== 'new' && c.tables.parcels ? await actions.workspaceDiff(target as `ws-${string}`, c.tables.parcels) : null);
      return c;
    } catch (e) {
      setFailure((e as Error).message);
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function commit(skip: boolean) {
    const c = await runCheck(skip);
    if (!c || (c.errors > 0 && !skip) || Object.keys(c.tables).length === 0) return;
    setBusy(m('checking'));
    try {
      actions.rememberMappings(await mappingsToRemember(files));
      await actions.saveImport({
        name: name || findCity(adcode)?.city.name || '我的工作区',
        adcode,
        tables: c.tables,
        sources: c.sources,
        into: target === 'new' ? undefined : (target as `ws-${string}`),
      });
      props.onClose();
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const save = (bytes: Uint8Array, name: string, type: string) => saveBlob(new Blob([bytes as BlobPart], { type }), name);

  async function downloadTemplate(table: TableKind) {
    const bytes = await templateFor(table);
    save(bytes, `${TABLE_LABELS[table].zh}-导入模板.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }

  async function downloadProblems() {
    if (!check) return;
    save(await issuesCsv(check.issues, lang), lang === 'zh' ? '导入问题清单.csv' : 'import-problems.csv', 'text/csv');
  }

  const errorsBlock = check && check.errors > 0;
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        class="modal import-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={m('importTitle')}
        data-testid="import-dialog"
        tabIndex={-1}
        ref={dialog}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          if (e.dataTransfer?.files.length) void add(e.dataTransfer.files);
        }}
      >
        <header class="modal-head">
          <h2>{m('importTitle')}</h2>
          <button type="button" class="close" aria-label={m('cancel')} onClick={props.onClose}>
            ×
          </button>
        </header>
        <div class="import-row">
          <CityPicker adcode={adcode} onChange={setAdcode} />
          <label>
            {m('workspace')}{' '}
            <select data-testid="import-target" value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
              <option value="new">{m('newWorkspace')}</option>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {m('updateWorkspace')}{PUNCTUATION[lang].colon}{w.name}
                </option>
              ))}
            </select>
          </label>
          {target === 'new' && (
            <label>
              {m('workspaceName')}{' '}
              <input data-testid="import-name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            </label>
          )}
        </div>
        <div class="dropzone">
          <label class="button">
            {m('chooseFiles')}
            <input
              type="file"
              multiple
              data-testid="import-files"
              accept=".xlsx,.csv,.txt,.zip,.geojson,.json,.xls,.et"
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                if (input.files?.length) void add(input.files);
                input.value = '';
              }}
            />
          </label>
          <span class="muted">{m('dropHint')}</span>
        </div>
        <div class="template-row">
          {m('templateFor')}
          {IMPORT_TABLES.map((k) => (
            <button key={k} type="button" class="link" data-template={k} onClick={() => void downloadTemplate(k)}>
              {TABLE_LABELS[k][lang]}
            </button>
          ))}
        </div>
        {files.map((f) => (
          <ImportFileCard
            key={f.key}
            file={f}
            onChange={(n) => setFiles((fs) => fs.map((x) => (x.key === f.key ? n : x)))}
            onTable={(t) => void reread(f, {}, t)}
            onReread={(choice) => void reread(f, choice, f.table)}
            onRemove={() => setFiles((fs) => fs.filter((x) => x.key !== f.key))}
            onTowgs84={(v) => actions.rememberLocalParameters(adcode, v)}
          />
        ))}
        {failure && (
          <p class="warn" role="alert">
            {failure}
          </p>
        )}
        {check && (
          <section class="import-check" data-testid="import-check" aria-live="polite">
            <h3>
              {m('problems')}{PUNCTUATION[lang].colon}{check.errors + check.warnings === 0 ? m('noProblems') : m('errorsWarnings', { e: check.errors, w: check.warnings })}
            </h3>
            {diff && (
              <p data-testid="import-diff">
                {m('diff', { a: diff.added.length, c: diff.changed.length, r: diff.removed.length, u: diff.unchanged })}
                {diff.changed.length > 0 && <span class="muted"> · {diff.changed.slice(0, 8).map((d) => `${d.id}（${d.fields.join('、')}）`).join('；')}</span>}
              </p>
            )}
            {check.joined && <p data-testid="import-joined">{m('joined', { m: check.joined.matched, l: check.joined.ledgerOnly, s: check.joined.shapesOnly })}</p>}
            {check.impossible.length > 0 && (
              <p class="warn">
                {m('impossible')}
                {check.impossible.map((c) => impactLabel(c, lang)).join(lang === 'zh' ? '、' : ', ')}
              </p>
            )}
            <ImportPreview points={check.preview} boundaries={boundaries} adcode={adcode} />
            {check.issues.length > 0 && (
              <>
                <ImportIssues issues={check.issues} />
                <button type="button" class="link" data-testid="import-problems-download" onClick={() => void downloadProblems()}>
                  {m('downloadProblems')}
                </button>
              </>
            )}
          </section>
        )}
        <footer class="modal-foot">
          {busy && <span class="muted">{busy}</span>}
          <button type="button" onClick={props.onClose}>
            {m('cancel')}
          </button>
          <button type="button" data-testid="import-check-run" disabled={!!busy || files.length === 0} onClick={() => void runCheck(false)}>
            {m('check')}
          </button>
          {errorsBlock ? (
            <button type="button" class="primary" data-testid="import-skip" disabled={!!busy} onClick={() => void commit(true)}>
              {m('importSkipping')}
            </button>
          ) : (
            <button type="button" class="primary" data-testid="import-commit" disabled={!!busy || files.length === 0 || !adcode} onClick={() => void commit(false)}>
              {m('importNow')}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
