// Which DuckDB-WASM build the browser opens: the single-threaded `eh` build unless `?engine=coi`
// asks for the threaded one (duckdb-browser.ts says why); `coi` needs a cross-origin isolated
// page (https or localhost with COOP/COEP), so a plain-http intranet host gets `eh` whatever is
// asked.

import { describe, expect, it } from 'vitest';
import { chooseBuild } from '../../src/data/duckdb-browser';

describe('chooseBuild', () => {
  it('never picks the threaded build on a page without isolation', () => {
    expect(chooseBuild(false, null)).toBe('eh');
    expect(chooseBuild(false, 'coi')).toBe('eh');
    expect(chooseBuild(false, 'eh')).toBe('eh');
  });

  it('on an isolated page takes the single-threaded build unless the threaded one is asked for', () => {
    expect(chooseBuild(true, null)).toBe('eh');
    expect(chooseBuild(true, 'eh')).toBe('eh');
    expect(chooseBuild(true, 'coi')).toBe('coi');
    // Anything else in ?engine= is ignored.
    expect(chooseBuild(true, 'mvp')).toBe('eh');
  });
});
