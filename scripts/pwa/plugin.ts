// The Vite plugin that makes the built app installable and usable offline (README, "Offline at
// the venue"): it adds the web app manifest and its icons to the build, works out the offline
// plan from the emitted files (precache.ts) and writes the service worker, dist/sw.js, with the
// plan in front of the compiled src/sw.ts.
//
// Hand-written rather than vite-plugin-pwa: that plugin supports Vite 8, but it brings in
// workbox-build (rollup 2, babel, terser and ~100 other packages) to produce a worker whose main
// features we would replace anyway: progress and size reports to the page, one runtime cache
// pruned by the build's own file list, and a precache list we test as a pure function.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { ICONS } from './icon-list.ts';
import { type BuiltFile, planOffline } from './precache.ts';
import { ICON_DIR, themeColour, webManifest } from './web-manifest.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '../..');
export const WORKER_FILE = 'sw.js';
export const MANIFEST_FILE = 'manifest.webmanifest';

/** Compiles src/sw.ts (and the plan modules it imports) into one classic script. */
async function compileWorker(): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, 'src/sw.ts'), formats: ['iife'], name: 'parkatlasServiceWorker', fileName: () => WORKER_FILE },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const code = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk')?.code;
  if (!code) throw new Error('offline plugin: compiling src/sw.ts gave no code');
  return code;
}

export function offlineApp(): Plugin {
  const css = () => readFileSync(join(ROOT, 'src/styles.css'), 'utf8');
  return {
    name: 'parkatlas-offline',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'manifest', href: `./${MANIFEST_FILE}` }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'theme-color', content: themeColour(css()) }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `./${ICON_DIR}/${ICONS[0].file}` }, injectTo: 'head' },
      ];
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: `${JSON.stringify(webManifest(css()), null, 2)}\n` });
      for (const i of ICONS) this.emitFile({ type: 'asset', fileName: `${ICON_DIR}/${i.file}`, source: readFileSync(join(HERE, 'icons', i.file)) });
    },
    // After every other plugin has had its say, so the plan sees the files exactly as written.
    async writeBundle(options, bundle) {
      const files: BuiltFile[] = Object.values(bundle).map((o) =>
        o.type === 'asset'
          ? { fileName: o.fileName, originalFileNames: o.originalFileNames ?? [], source: o.source }
          : { fileName: o.fileName, originalFileNames: [], source: o.code },
      );
      const code = await compileWorker();
      const plan = planOffline(files, code);
      const outDir = options.dir ?? join(ROOT, 'dist');
      writeFileSync(join(outDir, WORKER_FILE), `self.__parkatlasOfflinePlan=${JSON.stringify(plan)};\n${code}`);
    },
  };
}
