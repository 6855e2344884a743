// The problem list of an import, in the UI language: level, file, row, field, message. User
// text (file names, cell values quoted in messages) is shown as text, never as HTML.

import { importMessage } from '../../i18n/import-messages';
import type { SourceIssue } from '../../state/import-session';
import { useLang } from '../i18n';

const SHOWN = 200;

export function ImportIssues(props: { issues: readonly SourceIssue[] }) {
  const lang = useLang();
  const m = (k: Parameters<typeof importMessage>[1]) => importMessage(lang, k);
  const sorted = [...props.issues].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return (
    <div class="issue-table-wrap" tabIndex={0} aria-label={m('problems')}>
      <table class="issue-table" data-testid="import-issues">
        <thead>
          <tr>
            <th>{m('level')}</th>
            <th>{m('file')}</th>
            <th>{m('row')}</th>
            <th>{m('field')}</th>
            <th>{m('message')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, SHOWN).map((i, k) => (
            <tr key={k} class={i.level}>
              <td>{i.level === 'error' ? m('error') : m('warning')}</td>
              <td>
                {i.file}
                {i.sheet ? ` / ${i.sheet}` : ''}
              </td>
              <td>{i.row ?? '—'}</td>
              <td>{i.field ?? '—'}</td>
              <td>{lang === 'zh' ? i.messageZh : i.messageEn}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > SHOWN && <p class="muted">… {sorted.length - SHOWN}</p>}
    </div>
  );
}
