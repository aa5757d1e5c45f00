import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { cyclesOf, importsOf, sourceFiles } from './import-cycles.mjs';

const root = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'scripts/eslint.config.mjs') });

/** The layer messages ESLint gives for `code` placed in the existing file `file` (its own rules, its project). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules', () => {
  // The first lint starts TypeScript's project service for the type-aware rules: tens of seconds on a busy machine.
  beforeAll(() => eslint.lintText('export {};\n', { filePath: path.join(root, 'src/core/scoring.ts') }), 180_000);

  it.each([
    ['src/core/scoring.ts', "import fs from 'node:fs';"],
    ['src/core/scoring.ts', "import { z } from 'zod/mini';"],
    ['src/core/scoring.ts', "import { startHub } from '../hub/server';"],
    ['src/core/scoring.ts', "import React from 'react';"],
    ['src/hub/server.ts', "import { app } from 'electron';"],
    ['src/hub/server.ts', "import React from 'react';"],
    ['src/hub/server.ts', "import { useKiosk } from '../renderer/kiosk/store';"],
    ['src/hub/server.ts', "import { policies } from '../main/policies';"],
    ['src/hub/server.ts', "import express from 'express';"],
    ['src/main/policies.ts', "import { useKiosk } from '../renderer/kiosk/store';"],
    ['src/main/policies.ts', "import React from 'react';"],
    ['src/renderer/kiosk/store.ts', "import { startHub } from '../../hub/server';"],
    ['src/renderer/kiosk/store.ts', "import { windowOptions } from '../../main/policies';"],
    ['src/renderer/kiosk/store.ts', "import fs from 'node:fs';"],
    ['src/renderer/kiosk/store.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/kiosk/store.ts', "import Database from 'better-sqlite3';"],
  ])('%s may not %s', async (file, line) => {
    expect(await layerErrors(file, `${line}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['src/core/scoring.ts', "import { z } from 'zod';"],
    ['src/hub/server.ts', "import Database from 'better-sqlite3';\nimport { scoreResponse } from '../core/scoring';"],
    ['src/main/policies.ts', "import { app } from 'electron';\nimport { startHub } from '../hub/server';"],
    [
      'src/renderer/kiosk/store.ts',
      "import { create } from 'zustand';\nimport { scoreResponse } from '../../core/scoring';",
    ],
  ])('%s may %s', async (file, line) => {
    expect(await layerErrors(file, `${line}\nexport {};\n`)).toEqual([]);
  });
});

describe('the import cycle check', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };
  write('a.ts', "import type { B } from './b';\nexport type A = B;\n");
  write('b.ts', "import {\n  c,\n} from './deep/c';\nexport type B = string;\nexport const b = c;\n");
  write('deep/c.ts', "export const c = 1;\nexport const later = () => import('../a');\n");
  write('d.ts', "import { c } from './deep/c';\nexport const d = c;\n");
  const graph = new Map((sourceFiles(folder) as string[]).map((file) => [file, importsOf(file) as string[]]));

  it('finds a cycle through a type-only, a multi-line and a dynamic import', () => {
    const cycles = cyclesOf(graph) as string[][];
    expect(cycles.map((cycle) => cycle.map((file) => path.relative(folder, file)))).toEqual([
      ['a.ts', 'b.ts', 'deep/c.ts'],
    ]);
  });

  it('finds none in src', () => {
    const src = path.join(root, 'src');
    const real = new Map((sourceFiles(src) as string[]).map((file) => [file, importsOf(file) as string[]]));
    expect(cyclesOf(real)).toEqual([]);
  });
});
