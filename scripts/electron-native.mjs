/**
 * Puts an Electron build of SQLite's native module beside Node's, once per Electron ABI, better-sqlite3 version and
 * platform (docs/adr/0006-native-sqlite-for-electron.md). First a prebuilt binary (prebuild-install, the tool
 * better-sqlite3's own install uses: a download, no compiler), else a build from source (@electron/rebuild: needs
 * a C++ compiler and Python). The result is checked twice: its bytes must name Electron's ABI, and Electron itself
 * (as Node, ELECTRON_RUN_AS_NODE) must open a database with it. Node's build in node_modules/better-sqlite3 is
 * never touched, so `npm run hub` and the tests keep working.
 *
 * `npm run native:electron` runs it alone; `npm start` runs it before the first start. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The Electron binary's path; requiring the package throws where it was installed without the binary. */
export function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Electron's version and ABI from its package, which are there even where the binary is not. */
function electronFacts() {
  const dir = dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(dir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

function sqlitePackageDir() {
  return dirname(require.resolve('better-sqlite3/package.json'));
}

/** A prebuilt binary for this Electron, downloaded by prebuild-install into `work`/build/Release. */
function fetchPrebuilt(work, target) {
  cpSync(join(sqlitePackageDir(), 'package.json'), join(work, 'package.json'));
  const bin = require.resolve('prebuild-install/bin.js');
  const args = ['--runtime=electron', `--target=${target.version}`, `--arch=${target.arch}`];
  const result = spawnSync(process.execPath, [bin, ...args, `--platform=${target.platform}`], {
    cwd: work,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, npm_config_build_from_source: '' },
  });
  const file = join(work, 'build/Release/better_sqlite3.node');
  if (result.status === 0 && existsSync(file)) return file;
  const reason = (result.stderr ?? '').trim().split('\n').pop() || `exit ${result.status}`;
  console.log(`No prebuilt SQLite for Electron ${target.version} here (${reason}); building it from source.`);
  return null;
}

/** @electron/rebuild and node-abi, which the build from source uses, need this Node (the hub and tests need 20.19). */
export const SOURCE_BUILD_NODE = '22.12.0';

/** One line saying why the build from source cannot run on `nodeVersion` (e.g. "20.20.2"), or null when it can. */
export function sourceBuildNodeProblem(nodeVersion) {
  const [major, minor] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = SOURCE_BUILD_NODE.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return (
    `building SQLite for Electron from source needs Node ${SOURCE_BUILD_NODE} or later (this is Node ${nodeVersion.replace(/^v/, '')}); ` +
    'install Node 22 and run npm run native:electron again, or run the hub in Node (npm run hub) meanwhile'
  );
}

/** A build from source for this Electron, in a copy of the package, by @electron/rebuild. */
async function buildFromSource(work, target) {
  const problem = sourceBuildNodeProblem(process.version);
  if (problem) throw new Error(problem);
  const copy = join(work, 'node_modules/better-sqlite3');
  cpSync(sqlitePackageDir(), copy, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const version = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'electron-native', dependencies: { 'better-sqlite3': version } }),
  );
  const { rebuild } = await import(pathToFileURL(require.resolve('@electron/rebuild')).href);
  await rebuild({
    buildPath: work,
    electronVersion: target.version,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    buildFromSource: true,
    mode: 'sequential',
  });
  return join(copy, 'build/Release/better_sqlite3.node');
}

/** Electron, run as Node, opens a database with the module: the proof that it loads in the app. */
function loadsInElectron(binary, file) {
  const script = `const D = require(${JSON.stringify(join(sqlitePackageDir(), 'lib/index.js'))});
    const db = new D(':memory:', { nativeBinding: ${JSON.stringify(file)} });
    process.stdout.write(db.prepare('select sqlite_version() as v').get().v);`;
  const result = spawnSync(binary, ['-e', script], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status === 0) return { ok: true, sqlite: result.stdout.trim() };
  return {
    ok: false,
    reason: (result.stderr || result.error?.message || `exit ${result.status}`).trim().split('\n')[0],
  };
}

/**
 * Makes sure the Electron build is there; returns its path. Throws with one line that says what to do when it
 * cannot be had. `binary` is the Electron binary (null where it was not installed: then nothing is needed).
 */
export async function ensureElectronSqlite(binary = electronBinary()) {
  const native = require(join(root, 'out/main/nativeBinding.js'));
  const { version, abi } = electronFacts();
  const sqliteVersion = JSON.parse(readFileSync(join(sqlitePackageDir(), 'package.json'), 'utf8')).version;
  const target = { version, abi, platform: process.platform, arch: process.arch };
  const choice = native.chooseSqliteBinding({
    ...target,
    electron: version,
    sqliteVersion,
    packaged: false,
    appRoot: root,
  });
  const file = choice.nativeBinding;
  if (existsSync(file) && native.abiOfNativeModule(readFileSync(file)) === Number(abi)) return file;

  const started = Date.now();
  console.log(
    `SQLite for Electron ${version} (ABI ${abi}, ${target.platform}-${target.arch}): fetching it once, into ${relative(root, choice.dir)}`,
  );
  const staging = join(root, 'node_modules', native.ELECTRON_NATIVE_DIR);
  mkdirSync(staging, { recursive: true });
  const work = mkdtempSync(join(staging, '.work-'));
  try {
    const built =
      fetchPrebuilt(join(work, 'prebuilt'), target) ?? (await buildFromSource(join(work, 'source'), target));
    const mismatch = native.abiMismatch(
      built,
      native.abiOfNativeModule(readFileSync(built)),
      Number(abi),
      `Electron ${version}`,
    );
    if (mismatch) throw new Error(mismatch);
    const checked = loadsInElectron(binary, built);
    if (!checked.ok) throw new Error(`Electron ${version} cannot load the SQLite it got: ${checked.reason}`);
    mkdirSync(choice.dir, { recursive: true });
    cpSync(built, `${file}.partial`);
    renameSync(`${file}.partial`, file);
    console.log(`SQLite ${checked.sqlite} for Electron ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return file;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const binary = electronBinary();
  if (!binary) {
    console.log('Electron is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): no Electron build of SQLite needed.');
  } else {
    ensureElectronSqlite(binary).catch((error) => {
      console.error(`Could not get SQLite for Electron: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  }
}
