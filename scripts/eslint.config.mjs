import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = new URL('..', import.meta.url).pathname;

/**
 * Which runtime may import what (docs/CONTRIBUTING.md, "Layers"). Each folder has an allow-list of packages (any other
 * package fails) and a list of folders it must not reach into; a violation is an error, not a review comment.
 * scripts/layers.test.ts shows that an import against each rule fails.
 */
const allowOnly = (packages, forbiddenFolders, message) => {
  const allowed = packages.map((name) => name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*')).join('|');
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbiddenFolders.map((folder) => `**/${folder}/**`), message },
          { regex: `^(?!(?:${allowed})$|\\.\\.?/)`, message },
        ],
      },
    ],
  };
};
const LAYERS = {
  core: { packages: ['zod'], forbidden: ['hub', 'main', 'preload', 'renderer'] },
  hub: {
    packages: ['node:*', 'zod', 'better-sqlite3', 'ws', 'exceljs', 'pdfkit'],
    forbidden: ['main', 'preload', 'renderer'],
  },
  electron: {
    packages: ['node:*', 'electron', 'better-sqlite3/package.json'],
    forbidden: ['renderer'],
  },
  renderer: {
    packages: [
      'zod',
      'react',
      'react-dom/client',
      'react-i18next',
      'i18next',
      'three',
      'three/examples/jsm/*',
      '@react-three/fiber',
      'zustand',
      'nayuki-qr-code-generator',
    ],
    forbidden: ['hub', 'main', 'preload'],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // An allow-list: core runs everywhere, so any package but zod (a Node or rendering library) fails here.
    files: ['src/core/**/*.ts'],
    rules: allowOnly(
      LAYERS.core.packages,
      LAYERS.core.forbidden,
      'src/core is pure: core and zod only, no I/O, no UI.',
    ),
  },
  {
    // A promise nobody awaits or catches fails silently, and in the hub an unhandled rejection ends the process.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/hub/**/*.ts'],
    rules: allowOnly(
      LAYERS.hub.packages,
      LAYERS.hub.forbidden,
      'src/hub is plain Node: core, node:*, zod, better-sqlite3, ws, exceljs and pdfkit; never a renderer or electron.',
    ),
  },
  {
    // The hub's rooms stay readable: a function that grows past a screen is split by what it does.
    files: ['src/hub/**/*.ts'],
    ignores: ['src/hub/**/*.test.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: allowOnly(
      LAYERS.electron.packages,
      LAYERS.electron.forbidden,
      'Electron code uses core, hub, electron and node:* only; never a renderer.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...allowOnly(
        LAYERS.renderer.packages,
        LAYERS.renderer.forbidden,
        'Renderers hold no privileges: core, react, three, zustand, i18next and the QR generator; never hub, main or Node.',
      ),
    },
  },
  {
    // three.js objects are mutable by design: r3f scenes mutate them per frame, outside React's render.
    files: ['src/renderer/projector/scene/**/*.tsx'],
    rules: { 'react-hooks/immutability': 'off' },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['scripts/package/**/*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.commonjs } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Benchmarks inject probes into the page they measure.
    files: ['scripts/bench/**/*.{mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.commonjs } },
  },
  {
    // Tests break fixtures on purpose and may use Node.
    files: ['src/**/*.test.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
