import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const NO_ELECTRON = { name: 'electron', message: 'Services stay Electron-free.' };
const TOOLS = {
  group: ['vitest', 'vitest/*', '@playwright/test', '**/test/**', '**/tools/**', '**/bench/**'],
  message: 'Test tools, the sandbox and benchmarks stay out of the product.',
};

export default ts.config(
  { ignores: ['out/**', 'dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'node_modules/**'] },
  js.configs.recommended,
  ...ts.configs.strictTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'resources/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { parser: ts.parser },
    },
  },
  {
    files: ['src/renderer/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'e2e/**/*.ts',
      'test/**/*.ts',
      'tools/**/*.ts',
      'bench/**/*.ts',
      '*.config.ts',
      '*.config.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The product never imports a test tool, the sandbox or a benchmark.
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TOOLS] }] },
  },
  {
    // The shells' shared plumbing (ipc, web) runs in plain Node too: no electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts', 'src/main/services/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [TOOLS] }] },
  },
  {
    // The services run in plain Node and are tested there; dependencies point down: they
    // never reach up into the IPC layer or a shell (events leave through their own port).
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_ELECTRON],
          patterns: [
            TOOLS,
            { group: ['**/ipc/*', '**/electron/*', '**/web/*', '**/index'], message: 'Services never import a shell.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/main/**'],
              message: 'The renderer and shared code stay free of Node, Electron and main.',
            },
            TOOLS,
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Arrow shorthands that call a void function read well; this rule only adds braces.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Maps built inside $derived are never mutated afterwards: plain Maps are right there.
      'svelte/prefer-svelte-reactivity': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'resources/**/*.mjs'],
    ...ts.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
);
