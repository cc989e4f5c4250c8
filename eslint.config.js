import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importBoundaries } from './tools/eslint/importBoundaries.js';

/*
 * Layers are enforced here, not by review (issue 9, point 10). The layer table lives in
 * tools/eslint/importBoundaries.js; tests/unit/layering.test.ts checks that this config rejects a sample
 * import of each forbidden kind.
 */
export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'renderer/dist/**', '**/*.min.js', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    plugins: { layers: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      'layers/import-boundaries': 'error',
      // XML, PDF and line-breaking code match control and combining characters on purpose.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      // `getApi()\n['channel'](…)` is how API calls are written here.
      'no-unexpected-multiline': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The compiler already knows every global of each side (see the tsconfigs).
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    // The few Node globals our scripts use; plain JS has no compiler to know them.
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setImmediate', 'structuredClone', 'globalThis', 'fetch', 'TextEncoder', 'TextDecoder', 'AbortController', 'queueMicrotask'].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    // shared/ runs on both sides: neither the DOM nor Node is there.
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'process', 'Buffer', '__dirname', '__filename', 'require'].map(
          (name) => ({ name, message: 'shared/ runs on both sides: no DOM or Node globals.' }),
        ),
      ],
    },
  },
);
