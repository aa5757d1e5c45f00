import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = new URL('..', import.meta.url).pathname;

/** Which runtime may import what (docs/CONTRIBUTING.md, "Layers"). A violation is an error, not a review comment. */
const layer = (patterns, message, more = []) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...more] }],
});
const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'ws'];
const uiOnly = [
  'react',
  'react-dom',
  'react-dom/*',
  'three',
  'three/*',
  '@react-three/*',
  'zustand',
  'zustand/*',
  'i18next',
  'react-i18next',
  'nayuki-qr-code-generator',
];

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
    rules: layer(['**/hub/**', '**/main/**', '**/preload/**', '**/renderer/**'], 'src/core imports only core.', [
      { regex: '^(?!zod$|\\.\\.?/)', message: 'src/core is pure: zod only, no I/O, no UI.' },
    ]),
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
    rules: layer(
      [...uiOnly, 'electron', '**/main/**', '**/renderer/**', '**/preload/**'],
      'src/hub is plain Node: core and node:* only.',
    ),
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: layer([...uiOnly, '**/renderer/**'], 'Electron code uses core, hub and electron only.'),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [...nodeOnly, 'electron', '**/hub/**', '**/main/**', '**/preload/**'],
        'Renderers hold no privileges: core, react, three, zustand only.',
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
