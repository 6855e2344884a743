import { render } from 'preact';
import { fetchBoundaries, fetchDemoFiles } from './data/demo-files';
import { openBrowserDb } from './data/duckdb-browser';
import { start, store } from './state/app';
import { initLayout } from './state/layout';
import { initWorkbench } from './state/workbench';
import { App } from './ui/App';
import { installTestHook } from './ui/test-hook';
import './styles.css';

document.documentElement.dataset.state = 'loading';
document.documentElement.lang = store.get().lang === 'zh' ? 'zh-CN' : 'en';
installTestHook();
initLayout();
initWorkbench();
render(<App />, document.getElementById('app')!);
start({ openDb: openBrowserDb, fetchBoundaries, fetchDemoFiles }).then(() => {
  if (store.get().phase === 'error') document.documentElement.dataset.state = 'error';
});
store.subscribe(() => {
  if (store.get().phase === 'error') document.documentElement.dataset.state = 'error';
});
