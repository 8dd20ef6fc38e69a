// Lint with type information on the TypeScript, the recommended rules on the scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-output/', '.vscode-test/', 'test/fixtures/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // A function does one thing: at most 120 lines, counted as written (blank lines and comments too).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }],
      // A mode is named at the call (`{ force: true }`, `'ordered'`), never a bare `true` whose meaning the reader must look up.
      'no-restricted-syntax': [
        'error',
        {
          selector: ':function > Identifier.params[typeAnnotation.typeAnnotation.type="TSBooleanKeyword"]',
          message: 'A boolean parameter: take an option object or a named union instead.',
        },
        {
          selector: ':function > AssignmentPattern.params > Identifier.left[typeAnnotation.typeAnnotation.type="TSBooleanKeyword"]',
          message: 'A boolean parameter: take an option object or a named union instead.',
        },
        {
          selector: ':function > AssignmentPattern.params[right.type="Literal"][right.raw=/^(true|false)$/] > Identifier.left',
          message: 'A boolean parameter: take an option object or a named union instead.',
        },
      ],
    },
  },
  {
    // Tests may print; node:test's test() returns a promise the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'media/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
);
