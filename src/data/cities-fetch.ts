// The fetcher the app passes to loadCityBoundaries. The table of the 366 city files' asset URLs
// (~40 KB) lives in cities-files.ts and is imported on first use, so it becomes its own chunk
// and the main bundle grows only by the index.

import type { CityFileFetcher } from './cities';

export const fetchCityFileLazily: CityFileFetcher = async (file) => (await import('./cities-files')).fetchCityFile(file);
