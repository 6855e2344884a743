// Builds the benchmark's baseline page (bench/geojson.html), which is not part of the app:
// the same parcels drawn the way GeoJSON-object tools draw them. `npm run bench` builds it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench',
  base: './',
  logLevel: 'warn',
  build: {
    outDir: '../dist-bench',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: fileURLToPath(new URL('./bench/geojson.html', import.meta.url)) },
  },
});
