import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, startHub, tempDir } from './lib.mjs';

/**
 * Soak: simulated visitors tap through the real kiosk page while the projector animates. Prints the kiosk's and the
 * projector's JS heap, the database and WAL sizes, and whether every visitor arrived.
 * `node scripts/bench/soak.mjs 2000` for the full day; the default is a short run.
 */
export async function benchSoak({ visitors = Number(process.argv[2] ?? 200) } = {}) {
  const dir = tempDir('soak');
  const hub = await startHub(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await projector.goto(`${hub.url}/projector`);
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1920, height: 1080 } });
  const kiosk = await context.newPage();
  await kiosk.goto(`${hub.url}/kiosk?result=600`);
  const heap = (page) => page.evaluate(() => performance.memory.usedJSHeapSize / 1048576);
  const started = Date.now();
  let kioskStart = 0;
  let projectorStart = 0;
  for (let v = 0; v < visitors; v++) {
    await kiosk.locator('.attract button.primary:enabled').click();
    await kiosk.locator('.intro button.primary').click();
    for (let i = 0; i < 12; i++)
      await kiosk
        .locator('.option')
        .nth((v + i) % 3)
        .click();
    await kiosk
      .locator('.casus .option')
      .nth(v % 3)
      .click();
    await kiosk.locator('.context .row .secondary').last().click();
    await kiosk.locator('.context .row .secondary').last().click();
    await kiosk.locator('[data-testid="delivery"][data-state="saved"]').waitFor();
    await kiosk.locator('.result-take button.primary').click();
    if (v === 9) [kioskStart, projectorStart] = [await heap(kiosk), await heap(projector)];
    if ((v + 1) % 100 === 0) console.log(`  ${v + 1} visitors, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await kiosk.waitForTimeout(2000);
  const total = await projector.getByTestId('total').textContent();
  const size = (f) => {
    try {
      return (statSync(join(dir, f)).size / 1048576).toFixed(2);
    } catch {
      return '0';
    }
  };
  console.log(
    `soak: ${visitors} visitors in ${((Date.now() - started) / 1000).toFixed(0)} s; projector shows ${total}; kiosk heap ${kioskStart.toFixed(1)} → ${(await heap(kiosk)).toFixed(1)} MB, projector heap ${projectorStart.toFixed(1)} → ${(await heap(projector)).toFixed(1)} MB (budget growth ≤ 20 MB); database ${size('ideale-ambtenaar.sqlite')} MB, WAL ${size('ideale-ambtenaar.sqlite-wal')} MB`,
  );
  await browser.close();
  await hub.stop();
}
