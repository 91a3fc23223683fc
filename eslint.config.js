import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals: enums are not erasable TypeScript.' },
      ],
    },
  },
  ...[
    // Module walls: a module is entered through its index.ts only. The pattern differs with the depth of the file.
    { files: ['apps/api/src/modules/*/*.ts'], regex: '^\\.\\./[^./][^/]*/(?!index\\.ts$).+' },
    { files: ['apps/api/src/modules/*/*/*.ts'], regex: '^\\.\\./\\.\\./[^./][^/]*/(?!index\\.ts$).+' },
  ].map(({ files, regex }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex, message: 'Import another module through its index.ts, never its internals.' }] }],
    },
  })),
);
