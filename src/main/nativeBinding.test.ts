import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  abiMismatch,
  abiOfNativeModule,
  chooseSqliteBinding,
  electronNativeKey,
  packagedSqliteModule,
  type RuntimeFacts,
} from './nativeBinding';

const laptop: RuntimeFacts = {
  electron: '41.7.1',
  abi: '145',
  platform: 'linux',
  arch: 'x64',
  sqliteVersion: '12.11.1',
  packaged: false,
  appRoot: '/home/org/ideale',
};

describe('choosing the native SQLite module', () => {
  it('under Node (the hub, the tests) better-sqlite3 loads its own build', () => {
    const choice = chooseSqliteBinding({ ...laptop, electron: undefined, abi: '115' });
    expect(choice).toEqual({ runtime: 'node', abi: 115, nativeBinding: undefined });
  });

  it('an unpackaged Electron app loads the Electron build kept apart, named after its ABI', () => {
    const choice = chooseSqliteBinding(laptop);
    expect(choice.runtime).toBe('electron');
    expect(choice.nativeBinding).toBe(
      '/home/org/ideale/node_modules/.electron-native/better-sqlite3-12.11.1-electron-v145-linux-x64/better_sqlite3.node',
    );
  });

  it('uses Windows paths on Windows', () => {
    const choice = chooseSqliteBinding({ ...laptop, platform: 'win32', appRoot: 'C:\\Users\\org\\ideale' });
    expect(choice.nativeBinding).toBe(
      'C:\\Users\\org\\ideale\\node_modules\\.electron-native\\better-sqlite3-12.11.1-electron-v145-win32-x64\\better_sqlite3.node',
    );
  });

  it('a packaged app loads the module electron-builder rebuilt into the package', () => {
    expect(chooseSqliteBinding({ ...laptop, packaged: true })).toEqual({
      runtime: 'packaged',
      abi: 145,
      nativeBinding: undefined,
    });
  });

  it('another Electron ABI, better-sqlite3 version or architecture is another build', () => {
    const keys = new Set([
      electronNativeKey('12.11.1', '145', 'darwin', 'arm64'),
      electronNativeKey('12.11.1', '146', 'darwin', 'arm64'),
      electronNativeKey('12.12.0', '145', 'darwin', 'arm64'),
      electronNativeKey('12.11.1', '145', 'darwin', 'x64'),
    ]);
    expect(keys.size).toBe(4);
  });

  it('refuses facts that would make a path outside the folder, or an ABI that is not a number', () => {
    expect(() => chooseSqliteBinding({ ...laptop, sqliteVersion: '../../etc' })).toThrow(/not a plain version/);
    expect(() => chooseSqliteBinding({ ...laptop, arch: 'x64/..' })).toThrow(/not a plain version/);
    expect(() => chooseSqliteBinding({ ...laptop, abi: 'v145' })).toThrow(/not a NODE_MODULE_VERSION/);
  });
});

describe('reading the ABI of a native module from its bytes', () => {
  it('reads Node’s own build of better-sqlite3 as this Node’s ABI', () => {
    const pkg = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const bytes = readFileSync(join(dirname(pkg), 'build/Release/better_sqlite3.node'));
    expect(abiOfNativeModule(bytes)).toBe(Number(process.versions.modules));
  });

  it('finds the symbol anywhere in the file, and past a marker without digits', () => {
    const bytes = Buffer.concat([
      Buffer.alloc(4096, 0x7f),
      Buffer.from('node_register_module_v\0node_register_module_v145\0', 'latin1'),
    ]);
    expect(abiOfNativeModule(bytes)).toBe(145);
  });

  it('says null for a file that is no Node module', () => {
    expect(abiOfNativeModule(Buffer.from('#!/bin/sh\necho hello\n'))).toBeNull();
  });

  it('names the mismatch in one line', () => {
    expect(abiMismatch('x.node', 145, 145, 'Electron 41.7.1')).toBeNull();
    expect(abiMismatch('x.node', 115, 145, 'Electron 41.7.1')).toBe(
      'x.node is built for ABI 115, but Electron 41.7.1 needs ABI 145',
    );
    expect(abiMismatch('x.node', null, 145, 'Electron 41.7.1')).toMatch(/no Node ABI/);
  });
});

describe('the native module in a package', () => {
  it('is unpacked beside app.asar, inside the .app on macOS', () => {
    expect(packagedSqliteModule('linux', '/dist/linux-unpacked', 'De Ideale Ambtenaar')).toBe(
      '/dist/linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
    expect(packagedSqliteModule('win32', 'C:\\dist\\win-unpacked', 'De Ideale Ambtenaar')).toBe(
      'C:\\dist\\win-unpacked\\resources\\app.asar.unpacked\\node_modules\\better-sqlite3\\build\\Release\\better_sqlite3.node',
    );
    expect(packagedSqliteModule('darwin', '/dist/mac-arm64', 'De Ideale Ambtenaar')).toBe(
      '/dist/mac-arm64/De Ideale Ambtenaar.app/Contents/Resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
  });
});
