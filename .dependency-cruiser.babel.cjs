// How the layer checker (.dependency-cruiser.cjs) reads TypeScript. dependency-cruiser 17 reads
// .ts/.tsx through the TypeScript compiler's JavaScript API, which TypeScript 7 (this project's
// compiler) no longer ships; its documented alternative is Babel. Only the checker uses this
// file: Vite, Vitest and tsc never read it (it has no name Babel looks for by itself).
//
// Stripping types would make `import type` disappear, and an upward type import is still an
// upward dependency. So before the types are stripped, every type-only import or re-export is
// rewritten as a call `typeOnlyImport('…')`, which the checker's config declares as an "exotic
// require": it stays in the graph, and a rule can still tell it from a value import.

// Named again in .dependency-cruiser.cjs (exoticRequireStrings).
const MARK = 'typeOnlyImport';

/** True when the statement brings in types only (`import type`, or every specifier `type`). */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

function keepTypeOnlyImports({ types: t }) {
  const mark = (source) => t.expressionStatement(t.callExpression(t.identifier(MARK), [t.stringLiteral(source)]));
  return {
    name: 'keep-type-only-imports',
    visitor: {
      // Program.enter runs before the TypeScript transform removes type-only imports.
      Program: {
        enter(program) {
          for (const statement of program.get('body')) {
            const { node } = statement;
            const withSource =
              statement.isImportDeclaration() ||
              statement.isExportAllDeclaration() ||
              (statement.isExportNamedDeclaration() && node.source);
            if (withSource && isTypeOnly(node)) statement.replaceWith(mark(node.source.value));
          }
        },
      },
      // `import('../x').T` in a type position.
      TSImportType(path) {
        const arg = path.node.argument;
        const source = arg?.type === 'StringLiteral' ? arg.value : arg?.literal?.value;
        if (typeof source === 'string') path.findParent((p) => p.isProgram()).pushContainer('body', mark(source));
      },
    },
  };
}

module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [keepTypeOnlyImports, ['@babel/plugin-transform-react-jsx', { runtime: 'automatic', importSource: 'preact' }]],
  // onlyRemoveTypeImports: an import whose names are used only as types is still an import.
  presets: [['@babel/preset-typescript', { onlyRemoveTypeImports: true }]],
};
