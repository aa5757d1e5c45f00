import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../tests/support/hub';
import { DATABASE_FILE, openDatabase } from './db';

const nodeBuild = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build/Release/better_sqlite3.node',
);

let data: ReturnType<typeof tempDataDir>;
beforeEach(() => (data = tempDataDir()));
afterEach(() => data.remove());

function seedDatabase(dir: string): void {
  const { db } = openDatabase(dir);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('kept', 'yes');
  db.close();
}

describe('opening the database with a given native module', () => {
  it('loads the module it is given (as the Electron app passes its own build)', () => {
    const copy = join(data.dir, 'copy-of-node-build.node');
    copyFileSync(nodeBuild, copy);
    seedDatabase(data.dir);
    const { db } = openDatabase(data.dir, { nativeBinding: copy });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('yes');
    db.close();
  });

  it('a module that cannot load stops the start with its reason, and leaves a good database where it is', () => {
    seedDatabase(data.dir);
    const broken = join(data.dir, 'wrong-build.node');
    writeFileSync(broken, 'not a native module: think of a build for another ABI');
    expect(() => openDatabase(data.dir, { nativeBinding: broken })).toThrow(/SQLite's native module .*wrong-build/);
    expect(readdirSync(data.dir).filter((f) => f.includes('damaged'))).toEqual([]);
    const { db } = openDatabase(data.dir);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('yes');
    db.close();
  });

  it('a missing module says where it looked', () => {
    expect(() => openDatabase(data.dir, { nativeBinding: join(data.dir, 'absent.node') })).toThrow(/absent\.node/);
    expect(readdirSync(data.dir)).not.toContain(DATABASE_FILE);
  });
});
