import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`]);
const nativeAndElectron = ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfkit'];

/** Import boundaries of ARCHITECTURE.md §2: shared/ is pure, renderer/ is browser-only, only the shell imports electron. */
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
);
