import { defineConfig } from 'vitest/config';
import { offlineApp } from './scripts/pwa/plugin.ts';

// Cross-origin isolation, so the browser allows the multi-threaded DuckDB-WASM build
// (SharedArrayBuffer; src/data/duckdb-browser.ts). COEP `credentialless` rather than
// `require-corp`: cross-origin resources a user may add later (remote map tiles) load without
// having to send a Cross-Origin-Resource-Policy header. A host serving dist/ over plain http
// gets no isolation whatever it sends, and the app uses the single-threaded build there.
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

export default defineConfig({
  base: './',
  // The web app manifest and the service worker (README, "Offline at the venue").
  plugins: [offlineApp()],
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
