import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layering = 'Dependencies point one way: ui → store → engine.';

export default defineConfig(
  globalIgnores(['dist', 'reports', 'playwright-report', 'test-results', 'node_modules']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['*.{js,mjs,ts}', '.ci/**/*.mjs', 'bin/**/*.mjs', 'bench/**/*.ts', 'e2e/**/*.ts', 'src/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'The engine is pure TypeScript: no React.' },
            { name: 'react-dom', message: 'The engine is pure TypeScript: no React.' },
            { name: 'zustand', message: layering },
            { name: 'zundo', message: layering },
          ],
          patterns: [
            { group: ['react/*', 'react-dom/*'], message: 'The engine is pure TypeScript: no React.' },
            { group: ['zustand/*', 'zundo/*'], message: layering },
            { group: ['@xyflow/*'], message: 'The engine must not depend on React Flow.' },
            { group: ['**/store', '**/store/**', '**/ui', '**/ui/**'], message: layering },
          ],
        },
      ],
    },
  },
);
