/**
 * What a packaged app holds, as electron-builder lays it out with electron.builder.yml (Linux, `dir` target).
 *
 * Honest about its limits: the Electron here is a stand-in directory (a shell script that carries a fuse wire, so
 * the fuses are really flipped), not Electron itself, because the binary cannot be downloaded on this machine. So
 * this proves the package's contents, not that it starts. And electron-builder's rebuild of native modules for
 * Electron is switched off (it needs the network), so the packaged SQLite module is Node's build: the afterPack
 * check, which runs in every real `npm run package`, must refuse exactly that.
 */
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const { checkPackagedSqlite } = createRequire(import.meta.url)(join(root, 'scripts/package/afterPack.cjs')) as {
  checkPackagedSqlite(facts: object): { file: string; abi: number };
};
const ELECTRON_VERSION = '41.7.1';
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's state is one byte of the wire: '1' on, '0' off. The stand-in starts with Electron's defaults. */
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

let work: string;
let appOutDir: string;
let asar: string;
let seconds: number;

/** Looks like an unpacked Electron to electron-builder: the executable (with Electron's default fuses), its files. */
function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in, not Electron"\nexit 1\n# ${SENTINEL}`),
    Buffer.from([1, 8]),
    Buffer.from('10110001'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>');
}

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.js')))
    throw new Error('run npm run build first: the package is made of out/');
  work = mkdtempSync(join(tmpdir(), 'ideale-package-'));
  standInElectron(join(work, 'electron'));
  const started = Date.now();
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: {
      extends: 'electron.builder.yml',
      electronDist: join(work, 'electron'),
      electronVersion: ELECTRON_VERSION,
      npmRebuild: false,
      afterPack: null,
      directories: { output: join(work, 'dist') },
    },
  });
  seconds = (Date.now() - started) / 1000;
  console.log(`electron-builder --linux dir with a stand-in Electron: ${seconds.toFixed(1)} s`);
  appOutDir = join(work, 'dist/linux-unpacked');
  asar = join(appOutDir, 'resources/app.asar');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (stand-in Electron: contents only, not a start)', () => {
  it('holds the main, preload and page bundles, and package.json names a main file that is there', () => {
    const files = new Set(listPackage(asar, { isPack: false }).map((f) => f.split('\\').join('/')));
    for (const file of [
      '/out/main/index.js',
      '/out/preload/index.js',
      '/out/renderer/kiosk/index.html',
      '/out/renderer/projector/index.html',
      '/out/renderer/admin/index.html',
    ])
      expect(files, file).toContain(file);
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(`/${posix.normalize(pkg.main)}`);
    expect([...files].some((f) => f.startsWith('/src/') || f.startsWith('/tests/'))).toBe(false);
  });

  it('keeps the SQLite module unpacked beside app.asar, without SQLite’s sources', () => {
    const inArchive = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(statFile(asar, inArchive)).toMatchObject({ unpacked: true });
    expect(existsSync(join(appOutDir, 'resources/app.asar.unpacked', inArchive))).toBe(true);
    expect(existsSync(join(appOutDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3/deps'))).toBe(false);
  });

  it('has every instrument in resources, where the packaged hub looks', () => {
    const shipped = readdirSync(join(root, 'assets/instruments')).filter((f) => f.endsWith('.json'));
    expect(shipped.length).toBeGreaterThan(0);
    expect(readdirSync(join(appOutDir, 'resources/assets/instruments')).sort()).toEqual(shipped.sort());
  });

  it('has the report fonts and their licence in resources, where the packaged hub looks', () => {
    const shipped = readdirSync(join(root, 'assets/fonts'));
    expect(shipped).toEqual(expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt']));
    expect(readdirSync(join(appOutDir, 'resources/assets/fonts')).sort()).toEqual(shipped.sort());
  });

  it('flips the fuses as electron.builder.yml says', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'de-ideale-ambtenaar'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
  });

  it('the afterPack check refuses this package: its SQLite is Node’s build, which Electron cannot load', () => {
    const facts = {
      platform: 'linux',
      appOutDir,
      productFilename: 'De Ideale Ambtenaar',
      electronVersion: ELECTRON_VERSION,
    };
    expect(() => checkPackagedSqlite(facts)).toThrow(
      `is built for ABI ${process.versions.modules}, but Electron ${ELECTRON_VERSION} needs ABI 145`,
    );
    // As electron-builder's rebuild would leave it: a module that names Electron's ABI passes.
    const module = join(
      appOutDir,
      'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    );
    writeFileSync(module, Buffer.from('\x7fELF…node_register_module_v145\0', 'latin1'));
    expect(checkPackagedSqlite(facts).abi).toBe(145);
  });

  it('takes well under a minute', () => {
    expect(seconds).toBeLessThan(60);
  });
});
