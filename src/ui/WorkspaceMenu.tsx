// 我的工作区: the planner's own data sets in this browser — open one, export it as a workspace
// file, delete it (with its tracking records), or open a workspace file sent by a colleague.

import { useRef, useState } from 'preact/hooks';
import { importMessage } from '../i18n/import-messages';
import { useActions, useAppState } from '../state/context';
import { useLang } from './i18n';

function size(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function WorkspaceMenu(props: { onImport(): void }) {
  const lang = useLang();
  const m = (k: Parameters<typeof importMessage>[1], v?: Record<string, string | number>) => importMessage(lang, k, v);
  const actions = useActions();
  const region = useAppState((s) => s.region);
  const list = useAppState((s) => s.workspaces);
  const [open, setOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const mine = list.some((w) => w.id === region);
  return (
    <div class="ws-menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        class={mine ? 'region active' : 'region'}
        data-testid="workspace-menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {m('myWorkspaces')} ▾
      </button>
      <button type="button" class="lang" data-testid="import-open" onClick={props.onImport}>
        {m('importData')}
      </button>
      {open && (
        <div class="ws-popup" role="menu" data-testid="workspace-list">
          {list.length === 0 && <p class="muted">{m('noWorkspaces')}</p>}
          <ul>
            {list.map((w) => (
              <li key={w.id} data-workspace={w.id} class={w.id === region ? 'current' : ''}>
                <button
                  type="button"
                  class="link ws-name"
                  onClick={() => {
                    actions.setRegion(w.id as `ws-${string}`);
                    setOpen(false);
                  }}
                >
                  {w.name}
                </button>
                <span class="muted">
                  {w.city} · {m('parcelsCount', { n: w.parcels })} · {m('storage', { s: size(w.bytes) })}
                </span>
                <span class="ws-actions">
                  <button type="button" class="link" data-action="export" onClick={() => void actions.exportWorkspace(w.id as `ws-${string}`)}>
                    {m('exportWorkspace')}
                  </button>
                  <button
                    type="button"
                    class="link danger"
                    data-action="delete"
                    onClick={() => {
                      if (confirm(m('confirmDelete', { n: w.name }))) void actions.deleteWorkspace(w.id as `ws-${string}`);
                    }}
                  >
                    {m('delete')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <label class="button">
            {m('openWorkspaceFile')}
            <input
              ref={fileInput}
              type="file"
              accept=".parkatlas,.zip"
              data-testid="workspace-file-open"
              onChange={async (e) => {
                const input = e.target as HTMLInputElement;
                const f = input.files?.[0];
                input.value = '';
                if (!f) return;
                const ok = await actions.openWorkspaceFile(f.name, new Uint8Array(await f.arrayBuffer()));
                if (ok) setOpen(false);
              }}
            />
          </label>
        </div>
      )}
    </div>
  );
}
