// One linter for the whole tree (`npm run lint`, part of `npm test`): ESLint's and typescript-eslint's
// recommended rules, Lit's and the web-components plugin's for the elements. Layering is checked by
// dependency-cruiser (.dependency-cruiser.cjs); formatting by Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-server/**', 'dist-types/**', 'node_modules/**', 'data/**', 'test/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // CommonJS configs (dependency-cruiser's) require by design.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Chai's `expect(x).to.exist` is an expression on purpose.
  { files: ['test/browser/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  { files: ['src/widget/**/*.ts', 'src/booking-widget.ts', 'src/console/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['src/widget/**/*.ts', 'src/booking-widget.ts', 'src/console/**/*.ts'], ...wc.configs['flat/recommended'] },
);
