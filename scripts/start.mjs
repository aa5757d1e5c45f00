import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary, ensureElectronSqlite } from './electron-native.mjs';

const NODE_INSTEAD = 'npm run hub, then open http://127.0.0.1:5780/kiosk and /projector in a browser';

const binary = electronBinary();
if (!binary) {
  console.error(`Electron is not installed on this machine; run the hub in Node instead: ${NODE_INSTEAD}.`);
  process.exit(1);
}
// The app's SQLite must be built for Electron, not for Node: fetched once before the first start.
try {
  await ensureElectronSqlite(binary);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Could not get SQLite for Electron (${reason}); meanwhile the hub runs in Node: ${NODE_INSTEAD}.`);
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
