/**
 * `npm run package`: electron-builder with electron.builder.yml, then Node's build of SQLite back in place.
 * electron-builder rebuilds native modules for Electron inside the project's own node_modules (prebuilt binaries
 * where they exist); without the restore, `npm run hub` and the tests would find Electron's build afterwards.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const { abiOfNativeModule } = require(join(root, 'out/main/nativeBinding.js'));
const release = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release');
const nodeBuild = join(release, 'better_sqlite3.node');

const kept = mkdtempSync(join(tmpdir(), 'ideale-node-sqlite-'));
copyFileSync(nodeBuild, join(kept, 'better_sqlite3.node'));
let status = 1;
try {
  const cli = require.resolve('electron-builder/cli.js');
  const args = ['--config', 'electron.builder.yml', ...process.argv.slice(2)];
  status = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
} finally {
  // A failed rebuild may have removed build/ altogether; a new file, never a write through the old one.
  mkdirSync(release, { recursive: true });
  rmSync(nodeBuild, { force: true });
  copyFileSync(join(kept, 'better_sqlite3.node'), nodeBuild);
  // @electron/rebuild's note that the module is built for Electron; left behind it would skip the next rebuild.
  rmSync(join(release, '.forge-meta'), { force: true });
  rmSync(kept, { recursive: true, force: true });
  const abi = abiOfNativeModule(readFileSync(nodeBuild));
  console.log(`Node's SQLite module is back in node_modules (ABI ${abi}, Node ${process.versions.modules}).`);
}
process.exit(status);
