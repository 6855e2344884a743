// The layer rules of ParkAtlas, checked by `npm run check:layers` (dependency-cruiser).
// README.md (架构 · Architecture) says the same in words; change both together.
//
//   ui → state → analysis → data → vocab        (each arrow: "may import")
//
// Every folder under src/ is a layer and may import itself and the layers listed for it below,
// nothing else in src. Imports of npm packages are not restricted here.
// Type-only imports count like value imports, except where a rule says otherwise (src/map).

const path = require('node:path');

/** Layer → the other layers it may import. */
const LAYERS = {
  // Codes, enums, units and their zh/en labels: the bottom, importable by all.
  vocab: [],
  // Data contract, file readers, DuckDB-WASM access.
  data: ['vocab'],
  // Rules and statistics: SQL builders and their runners.
  analysis: ['data', 'vocab'],
  // UI strings (labels of codes come from vocab).
  i18n: ['vocab'],
  // App state, actions and their effects (the export action writes its file through src/export).
  state: ['analysis', 'data', 'vocab', 'i18n', 'export'],
  // Basemap, deck.gl layers and palette; it draws what it is handed (see map-type-imports).
  map: ['vocab'],
  // CSV/XLSX writers of the tables that analysis builds (used by state, the UI and the CLI),
  // sharing the CSV writer of src/data; it never reads app state.
  export: ['analysis', 'data', 'vocab'],
  // Preact components.
  ui: ['state', 'map', 'i18n', 'vocab', 'export'],
};

// src/map may name the types of what it draws (shapes, findings, view) without importing code.
const MAP_TYPE_SOURCES = ['state', 'analysis', 'data'];

// dependency-cruiser sees a type-only import as a call to this name (.dependency-cruiser.babel.cjs).
const TYPE_ONLY = 'typeOnlyImport';

const any = (names) => `^src/(${names.join('|')})/`;

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `${layer}-imports-only-${allowed.length ? allowed.join('-') : 'itself'}`,
  comment: allowed.length
    ? `src/${layer} may import only src/${layer} and ${allowed.map((l) => `src/${l}`).join(', ')}`
    : `src/${layer} imports nothing from src but itself`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to:
    layer === 'map'
      ? // Type-only imports of the map are judged by map-type-imports.
        { path: '^src/', pathNot: any([layer, ...allowed]), exoticallyRequired: false }
      : { path: '^src/', pathNot: any([layer, ...allowed]) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'map-type-imports',
      comment: `src/map may import types only from ${MAP_TYPE_SOURCES.map((l) => `src/${l}`).join(', ')}`,
      severity: 'error',
      from: { path: '^src/map/' },
      to: { path: '^src/', pathNot: any(['map', ...LAYERS.map, ...MAP_TYPE_SOURCES]), exoticRequire: `^${TYPE_ONLY}$` },
    },
    {
      name: 'no-unknown-layer',
      comment: `every module in src belongs to a layer (${Object.keys(LAYERS).join(', ')}) or is the entry point src/main.tsx`,
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: [any(Object.keys(LAYERS)), '^src/main\\.tsx$', '\\.css$'] },
    },
    {
      name: 'no-import-of-entry',
      comment: 'src/main.tsx starts the app; nothing imports it',
      severity: 'error',
      from: {},
      to: { path: '^src/main\\.tsx$' },
    },
    {
      name: 'src-not-to-scripts-or-tests',
      comment: 'the app never imports the command-line scripts or the tests (scripts/ may import any of src)',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'no-cycles',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    // TypeScript is read through Babel (see .dependency-cruiser.babel.cjs for why). dependency-cruiser
    // lists only .js files when it scans a folder without the TypeScript API, so the files are
    // named by a glob: `depcruise 'src/**/*.{ts,tsx}'`.
    babelConfig: { fileName: path.join(__dirname, '.dependency-cruiser.babel.cjs') },
    exoticRequireStrings: [TYPE_ONLY],
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
