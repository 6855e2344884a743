// Which DuckDB-WASM build the browser opens: the multi-threaded `coi` build needs a
// cross-origin isolated page (https or localhost with COOP/COEP); a plain-http intranet host
// gets no isolation and must fall back to the single-threaded `eh` build, whatever is asked.

import { describe, expect, it } from 'vitest';
import { PREFERRED_BUILD, chooseBuild } from '../../src/data/duckdb-browser';

describe('chooseBuild', () => {
  it('never picks the threaded build on a page without isolation', () => {
    expect(chooseBuild(false, null)).toBe('eh');
    expect(chooseBuild(false, 'coi')).toBe('eh');
    expect(chooseBuild(false, 'eh')).toBe('eh');
  });

  it('on an isolated page takes the preferred build, or the one asked for', () => {
    expect(chooseBuild(true, null)).toBe(PREFERRED_BUILD);
    expect(chooseBuild(true, 'eh')).toBe('eh');
    expect(chooseBuild(true, 'coi')).toBe('coi');
    // Anything else in ?engine= is ignored.
    expect(chooseBuild(true, 'mvp')).toBe(PREFERRED_BUILD);
  });
});
