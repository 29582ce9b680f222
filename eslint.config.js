import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const nativeAndElectron = ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfkit'];

/** A layer break, matched on the import specifier (relative paths included). */
const layer = (folder, message) => ({ regex: `(^|/)${folder}/`, message });
const NO_SERVICES = layer('services', 'Lower layers never reach up into electron/services/: move what both need to electron/domain/ (or the store).');

/**
 * Import boundaries of docs/ARCHITECTURE.md ("One shape for every capability"): shared/ is pure, renderer/ is
 * browser-only, only the shell imports electron, the store, the PDF code and the evidence engine never import
 * services, electron/domain/ imports only shared/, and no import cycle anywhere. tests/unit/lint-rules.test.ts
 * proves each rule fails on a deliberate break.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.consentvault-dev/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nativeAndElectron, 'react', 'react-dom'].map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node, Electron or React.' })),
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import electron/ or renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, ...nativeAndElectron].map((name) => ({ name, message: 'The renderer runs in the browser sandbox: shared/ and browser libraries only.' })),
          patterns: [{ group: ['**/electron/**'], message: 'The renderer reaches the main process only through window.consentVault.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main.ts, electron/preload.ts and electron/shell/ import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The main process never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['electron/store/**/*.ts', 'electron/pdf/**/*.ts', 'electron/evidence/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main.ts, electron/preload.ts and electron/shell/ import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The main process never imports the renderer.' }, NO_SERVICES],
        },
      ],
    },
  },
  {
    files: ['electron/domain/**/*.ts'],
    rules: {
      // Record types come from the store (repositories return them); the domain may name them, never call the store.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['services', 'evidence', 'pdf', 'jobs', 'cli', 'browser-host', 'shell', 'renderer'].map((folder) =>
              layer(folder, 'electron/domain/ holds the rules and errors every layer shares: it imports only shared/ and itself.'),
            ),
            { ...layer('store', 'electron/domain/ may name the store\'s record types (import type) but never calls the store.'), allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
