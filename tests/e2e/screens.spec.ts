import { expect, test } from './fixtures';
import { KioskPage } from './kioskPage';

/* How each screen fits every size is checked in screens-kiosk, screens-projector and screens-console. */

test('the kiosk works with a keyboard only', async ({ page, hub }) => {
  const kiosk = new KioskPage(page);
  await kiosk.open(hub.url, '?idle=600');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('.attract button.primary')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.step')).toHaveText('Vraag 1 van 12');
  for (let i = 0; i < 12; i++) {
    // From the prompt: the first option is the first choice, the option after it the second.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('.option[data-rank="1"]')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.screen.case')).toBeVisible();
});

test('with reduced motion asked for, the kiosk stops its animations', async ({ browser, hub }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk`);
  const screen = page.locator('.screen.attract');
  await expect(screen).toBeVisible();
  const duration = await screen.evaluate((el) => getComputedStyle(el).animationDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
  // The crowd is drawn as a still picture: no animation frames run (a running stage reports its cost per frame).
  await expect(page.locator('.stage-canvas')).toHaveAttribute('data-figures', '0');
  await page.waitForTimeout(1500);
  await expect(page.locator('.stage-canvas')).not.toHaveAttribute('data-frame-ms', /./);
  await context.close();
});

test('every page loads without a failed request or an error in its console', async ({ page, hub }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  for (const path of ['/kiosk', '/projector', '/admin']) {
    await page.goto(`${hub.url}${path}`);
    await expect(page.locator('#root > *').first()).toBeVisible();
    await page.waitForTimeout(500);
  }
  expect(problems).toEqual([]);
});
