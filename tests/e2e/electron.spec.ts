import { _electron as electron, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, HubProcess, test } from './fixtures';

const userDataDir = (dir = mkdtempSync(join(tmpdir(), 'ideale-electron-'))): string => `--user-data-dir=${dir}`;

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

/** The kiosk as a visitor with a mouse: the first option of every question, no context answers. */
async function answerOnce(kiosk: Page): Promise<void> {
  const atCasus = (): Promise<boolean> => kiosk.locator('.screen.casus').isVisible();
  const atResult = (): Promise<boolean> => kiosk.locator('.screen.result').isVisible();
  await kiosk.locator('.attract button.primary').click();
  await kiosk.locator('.intro button.primary').click();
  await expect(kiosk.locator('.screen.item')).toBeVisible();
  while (!(await atCasus())) {
    const step = await kiosk.locator('.step').textContent();
    await kiosk.locator('.option').first().click();
    await expect
      .poll(async () => (await atCasus()) || (await kiosk.locator('.step').textContent()) !== step)
      .toBe(true);
  }
  await kiosk.locator('.casus .option').first().click();
  await expect(kiosk.locator('.screen.context').or(kiosk.locator('.screen.result'))).toBeVisible();
  while (!(await atResult())) {
    const prompt = await kiosk.locator('.context .prompt').textContent();
    await kiosk.locator('.context .row .secondary').last().click();
    await expect
      .poll(async () => (await atResult()) || (await kiosk.locator('.context .prompt').textContent()) !== prompt)
      .toBe(true);
  }
}

test.describe('Electron app', () => {
  test.skip(!binary, 'the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): smoke test skipped');

  // What `npm start` does before the first start: the app's SQLite must be Electron's build, not Node's.
  test.beforeAll(async () => {
    const script = pathToFileURL(join(__dirname, '../../scripts/electron-native.mjs')).href;
    const native = (await import(script)) as { ensureElectronSqlite(binary: string): Promise<string> };
    await native.ensureElectronSqlite(binary!);
  });

  test('stores an answer given in the kiosk window in the app’s own database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ideale-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(__dirname, '../..'), userDataDir(dir)],
      env: { ...process.env, IDEALE_PORT: '0' },
    });
    await expect.poll(() => app.windows().length).toBe(2);
    const kiosk = app.windows().find((w) => w.url().endsWith('/kiosk'))!;
    await answerOnce(kiosk);
    await expect(kiosk.getByTestId('delivery')).toHaveAttribute('data-state', 'saved');
    await app.close();

    const db = new Database(join(dir, 'data/ideale-ambtenaar.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare<[], { lang: string; casus: string }>('SELECT lang, casus FROM responses').all();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.lang).toBe('nl');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('starts the hub and opens a locked kiosk window and a projector window', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(__dirname, '../..'), userDataDir()],
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

  test('the kiosk window stays on its page: navigation, new windows, dropped files, zoom and reload keys', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(__dirname, '../..'), userDataDir()],
      env: { ...process.env, IDEALE_PORT: '0' },
    });
    await expect.poll(() => app.windows().length).toBe(2);
    const kiosk = app.windows().find((w) => w.url().endsWith('/kiosk'))!;
    const home = kiosk.url();
    await expect(kiosk.locator('.attract')).toBeVisible();

    await kiosk.evaluate(() => window.open('https://example.org/', '_blank'));
    await kiosk.evaluate(() => (location.href = 'https://example.org/'));
    await kiosk.evaluate(() => (location.href = '/admin'));
    await kiosk.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['<h1>x</h1>'], 'x.html', { type: 'text/html' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    });
    await kiosk.mouse.click(200, 200, { button: 'right' });
    for (const key of ['Control+R', 'F5', 'Control+Equal', 'Control+Minus', 'Control+Shift+I', 'Alt+ArrowLeft'])
      await kiosk.keyboard.press(key);
    await kiosk.waitForTimeout(1000);

    expect(app.windows()).toHaveLength(2);
    expect(kiosk.url()).toBe(home);
    await expect(kiosk.locator('.attract')).toBeVisible();
    const zoom = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => w.webContents.getZoomFactor()),
    );
    expect(zoom.every((z) => z === 1)).toBe(true);
    await app.close();
  });

  test('--connect opens only the paired page of a hub elsewhere on the network, and starts no hub', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ideale-electron-hub-'));
    const hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', '127.0.0.2']);
    await hub.start(0);
    try {
      const app = await electron.launch({
        executablePath: binary!,
        args: [join(__dirname, '../..'), userDataDir(), '--connect', hub.pairing.projector!],
      });
      await expect.poll(() => app.windows().length).toBe(1);
      const projector = app.windows()[0]!;
      await expect.poll(() => new URL(projector.url()).pathname).toBe('/projector/');
      expect(new URL(projector.url()).host).toBe(new URL(hub.pairing.projector!).host);
      await expect(projector.getByTestId('total')).toHaveText('0');
      await app.close();
    } finally {
      await hub.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

if (!binary) console.log('Electron smoke test skipped: the Electron binary is not installed on this machine.');
