// ESLint 9 flat config: typescript-eslint everywhere, React hooks rules in the renderer.
// The layering of ARCHITECTURE.md is checked by dependency-cruiser (.dependency-cruiser.cjs),
// which `npm run lint` runs right after ESLint.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Imports that cross a layer or climb far use the package's subpath imports (#shared/…).
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./){3,}', message: 'Use a subpath import (#shared/…, #core/…) instead of climbing three folders or more.' }] },
      ],
      // A file past ~300 lines is asking to be split by meaning (STYLE.md).
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='deleteFrom']", message: 'Synced tables use tombstones (deleted_at), never DELETE.' },
      ],
    },
  },
  {
    files: ['db/migrations/**/*.ts', 'db/portal/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
