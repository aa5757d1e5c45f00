/**
 * electron-builder's afterPack hook (before fuses and signing): refuses a package whose SQLite module is not built
 * for the Electron it ships. The ABI is read from the module's bytes, so this holds for every target platform,
 * also one that is not the build machine's.
 */
const { readFileSync, existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '../..');

/** NODE_MODULE_VERSION of an Electron version: the installed package says it; node-abi knows the others. */
function electronAbi(version) {
  const dir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  if (installed === version) return Number(readFileSync(join(dir, 'abi_version'), 'utf8').trim());
  return Number(require(require.resolve('node-abi', { paths: [root] })).getAbi(version, 'electron'));
}

/** Throws with one line when the packaged module is missing or built for another ABI; returns what it checked. */
function checkPackagedSqlite({ platform, appOutDir, productFilename, electronVersion }) {
  const native = require(join(root, 'out/main/nativeBinding.js'));
  const file = native.packagedSqliteModule(platform, appOutDir, productFilename);
  if (!existsSync(file)) throw new Error(`the package has no unpacked SQLite module at ${file}`);
  const expected = electronAbi(electronVersion);
  const found = native.abiOfNativeModule(readFileSync(file));
  const mismatch = native.abiMismatch(file, found, expected, `Electron ${electronVersion}`);
  if (mismatch) throw new Error(mismatch);
  return { file, abi: found };
}

async function afterPack(context) {
  const checked = checkPackagedSqlite({
    platform: context.electronPlatformName,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    electronVersion: context.packager.info.framework.version,
  });
  console.log(`  • SQLite module matches Electron (ABI ${checked.abi})  file=${checked.file}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.checkPackagedSqlite = checkPackagedSqlite;
