import { render } from 'preact';
import { browserEffects } from './state/browser-effects';
import { AppContext } from './state/context';
import { createApp } from './state/runtime';
import { App } from './ui/App';
import { installTestHook } from './ui/test-hook';
import { listenForInstallOffer, startOffline } from './state/offline';
import './styles.css';

const app = createApp(browserEffects());

document.documentElement.dataset.state = 'loading';
const reflect = () => {
  const s = app.store.get();
  document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
  if (s.phase === 'error') document.documentElement.dataset.state = 'error';
};
reflect();
app.store.subscribe(reflect);
installTestHook(app);
render(
  <AppContext.Provider value={app}>
    <App />
  </AppContext.Provider>,
  document.getElementById('app')!,
);
listenForInstallOffer();
void app.start();
// The service worker's first install downloads ~40 MB, much of it what the page itself loads
// first: it starts once the app has opened, so it never slows the first map down.
const offlineOnce = app.store.subscribe(() => {
  if (app.store.get().phase === 'loading') return;
  offlineOnce();
  void startOffline();
});
