import { posix, win32 } from 'node:path';

/**
 * Which build of better-sqlite3's native module a process must load. `npm install` builds it for Node's ABI
 * (NODE_MODULE_VERSION 115 on Node 20); Electron has its own (145 for Electron 41), and loading the wrong one
 * throws at the first `new Database()`. Both builds live side by side (docs/adr/0006-native-sqlite-for-electron.md):
 * Node uses the package's own, an unpackaged Electron app the one kept under `node_modules/.electron-native/`, and a
 * packaged app the one electron-builder rebuilt into the package. Pure: every fact comes in as an argument.
 */

/** The folder under node_modules where Electron builds are kept, one subfolder per target. */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';

/** What the running process is; in Electron's main process `electron` is `process.versions.electron`. */
export interface RuntimeFacts {
  /** Electron's version, or undefined under plain Node. */
  electron: string | undefined;
  /** NODE_MODULE_VERSION of the runtime (`process.versions.modules`, or `node_modules/electron/abi_version`). */
  abi: string;
  platform: string;
  arch: string;
  /** better-sqlite3's version: an Electron build of another version is not this one. */
  sqliteVersion: string;
  /** True in an installed app, where electron-builder put an Electron build into the package. */
  packaged: boolean;
  /** The project folder (where node_modules is) of an unpackaged app. */
  appRoot: string;
}

export type BindingChoice =
  /** The module better-sqlite3 finds by itself: Node's build under Node, the rebuilt one in a package. */
  | { runtime: 'node' | 'packaged'; abi: number; nativeBinding: undefined }
  /** An unpackaged Electron app: the Electron build kept apart, which must be fetched before the first start. */
  | { runtime: 'electron'; abi: number; key: string; dir: string; nativeBinding: string };

const SAFE = /^[A-Za-z0-9._-]+$/;

function checked(name: string, value: string): string {
  if (!SAFE.test(value)) throw new Error(`${name} "${value}" is not a plain version or platform name`);
  return value;
}

function abiNumber(abi: string): number {
  const n = Number(abi);
  if (!/^\d+$/.test(abi) || n < 1) throw new Error(`ABI "${abi}" is not a NODE_MODULE_VERSION`);
  return n;
}

/** The name of one Electron build; it follows prebuild-install's asset names, so one build serves an ABI. */
export function electronNativeKey(sqliteVersion: string, abi: string, platform: string, arch: string): string {
  return [
    `better-sqlite3-${checked('better-sqlite3 version', sqliteVersion)}`,
    `electron-v${abiNumber(abi)}`,
    checked('platform', platform),
    checked('arch', arch),
  ].join('-');
}

/** Where an Electron build for these facts is kept in an unpackaged app (paths in the target platform's form). */
export function electronNativeDir(facts: Omit<RuntimeFacts, 'electron' | 'packaged'>): { key: string; dir: string } {
  const key = electronNativeKey(facts.sqliteVersion, facts.abi, facts.platform, facts.arch);
  const join = facts.platform === 'win32' ? win32.join : posix.join;
  return { key, dir: join(facts.appRoot, 'node_modules', ELECTRON_NATIVE_DIR, key) };
}

/** Chooses the native module for this process; `nativeBinding` goes to better-sqlite3's option of that name. */
export function chooseSqliteBinding(facts: RuntimeFacts): BindingChoice {
  const abi = abiNumber(facts.abi);
  if (facts.electron === undefined) return { runtime: 'node', abi, nativeBinding: undefined };
  if (facts.packaged) return { runtime: 'packaged', abi, nativeBinding: undefined };
  const { key, dir } = electronNativeDir(facts);
  const join = facts.platform === 'win32' ? win32.join : posix.join;
  return { runtime: 'electron', abi, key, dir, nativeBinding: join(dir, NATIVE_FILE) };
}

/**
 * The NODE_MODULE_VERSION a native module was built for, read from its bytes: Node's module macro exports a symbol
 * `node_register_module_v<ABI>`, whose name stands as plain text in ELF, PE and Mach-O files alike. So a build can
 * be checked for any platform without loading it. Null when the file has no such symbol (not a Node module, or a
 * Node-API one, which has no ABI of its own).
 */
export function abiOfNativeModule(bytes: Uint8Array): number | null {
  const marker = Buffer.from('node_register_module_v', 'latin1');
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = data.indexOf(marker);
  while (at !== -1) {
    let end = at + marker.length;
    let digits = '';
    while (end < data.length && data[end]! >= 0x30 && data[end]! <= 0x39 && digits.length < 6) {
      digits += String.fromCharCode(data[end]!);
      end++;
    }
    if (digits.length > 0) return Number(digits);
    at = data.indexOf(marker, at + 1);
  }
  return null;
}

/** A one-line reason why a module cannot serve a runtime, or null when it matches. */
export function abiMismatch(file: string, found: number | null, expected: number, runtime: string): string | null {
  if (found === expected) return null;
  const what = found === null ? 'no Node ABI' : `ABI ${found}`;
  return `${file} is built for ${what}, but ${runtime} needs ABI ${expected}`;
}

/** Where a package keeps SQLite's native module: unpacked beside app.asar (`asarUnpack`), in the target's form. */
export function packagedSqliteModule(platform: string, appOutDir: string, productFilename: string): string {
  const inside = ['app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE];
  if (platform === 'darwin' || platform === 'mas')
    return posix.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources', ...inside);
  return (platform === 'win32' ? win32.join : posix.join)(appOutDir, 'resources', ...inside);
}
