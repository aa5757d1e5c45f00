import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The Electron binary's path; requiring the package throws where it was installed without the binary. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'Electron is not installed on this machine; run the hub in Node instead: npm run hub, then open http://127.0.0.1:5780/kiosk and /projector in a browser.',
  );
  process.exit(1);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
