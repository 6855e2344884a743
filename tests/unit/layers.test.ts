// The layer rules themselves (.dependency-cruiser.cjs), run as `npm run check:layers` runs them,
// on two small trees under tests/fixtures/layers: one that makes every import the architecture
// allows plus one upward import, and one with a breach of each other rule.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = resolve(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs the checker on the tree in tests/fixtures/layers/<name>, as `npm run check:layers` does. */
function cruise(name: string, outputType: 'json' | 'err') {
  return spawnSync(process.execPath, [CLI, 'src/**/*.{ts,tsx}', '--config', CONFIG, '--output-type', outputType], {
    cwd: resolve(ROOT, 'tests/fixtures/layers', name),
    encoding: 'utf8',
  });
}

/** The violations found in a fixture tree, sorted. */
function check(name: string): Violation[] {
  const run = cruise(name, 'json');
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing (exit ${run.status}): ${run.stderr}`);
  const result = JSON.parse(run.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return result.summary.violations
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }))
    .sort((a, b) => `${a.rule}${a.from}${a.to}`.localeCompare(`${b.rule}${b.from}${b.to}`));
}

describe('a tree of allowed imports with one upward import', () => {
  let found: Violation[];
  beforeAll(() => {
    found = check('allowed-plus-upward');
  });

  it('reports the upward import src/data → src/analysis, and nothing else', () => {
    expect(found).toEqual([{ rule: 'data-imports-only-vocab', from: 'src/data/upward.ts', to: 'src/analysis/rules.ts' }]);
  });

  it('fails the command with the rule and the import named, so a CI step stops on it', () => {
    const run = cruise('allowed-plus-upward', 'err');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('data-imports-only-vocab: src/data/upward.ts → src/analysis/rules.ts');
  });
});

describe('one breach of each other rule', () => {
  let found: Violation[];
  beforeAll(() => {
    found = check('other-breaches');
  });
  const by = (rule: string) => found.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`);

  it('src/map importing code from src/state is reported; its type import of the same module is not', () => {
    expect(by('map-imports-only-vocab')).toEqual(['src/map/layers.ts → src/state/app.ts']);
    expect(by('map-type-imports')).not.toContain('src/map/layers.ts → src/state/app.ts');
  });

  it('src/map importing types from a folder outside state, analysis and data is reported', () => {
    expect(by('map-type-imports')).toEqual(['src/map/legend.ts → src/extras/extra.ts']);
  });

  it('an import cycle is reported', () => {
    expect(found.filter((v) => v.rule === 'no-cycles').map((v) => v.from)).toHaveLength(1);
    expect(by('no-cycles')[0]).toMatch(/^src\/analysis\/[ab]\.ts → src\/analysis\/[ab]\.ts$/);
  });

  it('src importing tests/ is reported', () => {
    expect(by('src-not-to-scripts-or-tests')).toEqual(['src/analysis/b.ts → tests/helper.ts']);
  });

  it('a folder of src that is no layer is reported', () => {
    expect(by('no-unknown-layer')).toEqual(['src/map/legend.ts → src/extras/extra.ts']);
  });

  it('reports nothing beyond these five breaches', () => {
    expect(found).toHaveLength(5);
  });
});
