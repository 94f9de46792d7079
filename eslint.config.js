// ESLint 9 flat config: typescript-eslint's type-checked rules on every TypeScript file (the
// project service finds each file's tsconfig through tsconfig.json's references: node,
// renderer, e2e), React hooks rules in the renderer. The layering of docs/architecture.md is
// checked by dependency-cruiser (.dependency-cruiser.cjs), which `npm run lint` runs right after.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // Handlers, Fastify plugins, migration providers and fakes implement an async interface without awaiting.
      '@typescript-eslint/require-await': 'off',
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
    // Plain JavaScript (this file, the dependency rules, two scripts, a test fixture) is in no tsconfig.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The core's services are closures (create…Service): their methods never read `this`, and the handler tables take them as they are.
    files: ['src-main/core/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Tests read response bodies, files and rows as the untyped data they are, then assert on them.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
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
