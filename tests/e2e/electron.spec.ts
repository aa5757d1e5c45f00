import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** Requiring the electron package gives the binary's path, and throws where it was installed without it. */
function electronBinary(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(!binary, 'the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): smoke test skipped');

  test('starts the hub and opens a locked kiosk window and a projector window', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(__dirname, '../..'), `--user-data-dir=${mkdtempSync(join(tmpdir(), 'ideale-electron-'))}`],
      env: { ...process.env, IDEALE_PORT: '0' },
    });
    await expect.poll(() => app.windows().length).toBe(2);
    const urls = app
      .windows()
      .map((w) => new URL(w.url()).pathname)
      .sort();
    expect(urls).toEqual(['/kiosk', '/projector']);
    const kiosk = app.windows().find((w) => w.url().endsWith('/kiosk'))!;
    await expect(kiosk.locator('.attract')).toBeVisible();
    const isolated = await kiosk.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
    expect(isolated).toBe(true);
    await app.close();
  });
});

if (!binary) console.log('Electron smoke test skipped: the Electron binary is not installed on this machine.');
