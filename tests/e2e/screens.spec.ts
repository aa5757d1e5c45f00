import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { KioskPage } from './kioskPage';

const SHOTS = join(__dirname, '../../test-results/screens');
mkdirSync(SHOTS, { recursive: true });

const SIZES = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
];

/** No serious or critical axe finding, nothing cut off, every target at least 72 px high; then a screenshot. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250); // let the entrance animation finish before judging contrast
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  const overflow = await page.evaluate(() => {
    const screen = document.querySelector('.screen');
    return screen ? screen.scrollHeight - screen.clientHeight : 0;
  });
  expect(overflow, `${name} is cut off`).toBeLessThanOrEqual(1);
  const small = await page
    .locator('button:visible')
    .evaluateAll((buttons) => buttons.filter((b) => b.getBoundingClientRect().height < 72).map((b) => b.textContent));
  expect(small, `${name} has small targets`).toEqual([]);
}

for (const lang of ['nl', 'en'] as const) {
  for (const size of SIZES) {
    test(`every kiosk screen, ${lang}, ${size.name}: accessible, uncut, big targets`, async ({ browser, hub }) => {
      const context = await browser.newContext({
        hasTouch: true,
        viewport: { width: size.width, height: size.height },
      });
      const page = await context.newPage();
      const kiosk = new KioskPage(page);
      const shot = (screen: string) => checkScreen(page, `kiosk-${lang}-${size.name}-${screen}`);
      await kiosk.open(hub.url, '?idle=600&countdown=600&result=600');
      if (lang === 'en') await kiosk.switchLanguage();
      await shot('attract');
      await page.locator('.attract button.primary').tap();
      await shot('intro');
      await page.locator('.intro button.primary').tap();
      await shot('item');
      await page.locator('.option[data-type="verbinder"]').tap();
      await shot('item-first-choice');
      await page.locator('.option[data-type="verbinder"]').tap();
      await kiosk.answerItems([
        'bureaucraat',
        'ondernemer',
        'verbinder',
        'bureaucraat',
        'ondernemer',
        'verbinder',
        'ondernemer',
        'ondernemer',
        'verbinder',
        'ondernemer',
        'ondernemer',
        'bureaucraat',
      ]);
      await shot('casus');
      await kiosk.chooseCasus('bureaucraat');
      await shot('context');
      await kiosk.answerContext(['Leidinggeven', null].map((l) => (lang === 'en' && l ? 'Management' : l)));
      await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
      await page.waitForTimeout(600);
      await shot('result');
      await context.close();
    });
  }
}

test('the idle overlay is accessible and the kiosk works with a keyboard only', async ({ page, hub }) => {
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
  await expect(page.locator('.screen.casus')).toBeVisible();
});

test.describe('touch', () => {
  test.use({ hasTouch: true });
  test('the idle overlay passes axe', async ({ page, hub }) => {
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url, '?idle=1&countdown=600');
    await kiosk.start();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await checkScreen(page, 'kiosk-nl-landscape-idle');
  });
});

test('with reduced motion asked for, the kiosk stops its animations', async ({ browser, hub }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk`);
  const orbit = page.locator('.orbit-dot').first();
  await expect(orbit).toBeVisible();
  const duration = await orbit.evaluate((el) => getComputedStyle(el).animationDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
  await context.close();
});
