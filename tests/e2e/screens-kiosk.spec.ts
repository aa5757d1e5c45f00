import type { Page } from '@playwright/test';
import type { HubMessage } from '../../src/core/messages';
import { TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { checkEverySize, SIZES } from './layout';

/**
 * Every kiosk screen at every size of the matrix, in both languages. The visitor's walk runs once per language and
 * half of the sizes (two tests run side by side); on each screen the page is resized through its sizes.
 */
const HALVES = [SIZES.slice(0, 6), SIZES.slice(6)] as const;
const ANSWERS = ['bureaucraat', 'ondernemer', 'verbinder', 'ondernemer', 'ondernemer', 'verbinder'];

test.use({ hasTouch: true, viewport: { width: 1280, height: 800 } });

for (const lang of ['nl', 'en'] as const) {
  for (const [half, sizes] of HALVES.entries()) {
    test(`every kiosk screen fits, ${lang}, sizes ${half + 1} of 2`, async ({ page, hub }) => {
      test.setTimeout(480_000);
      const kiosk = new KioskPage(page);
      const check = async (screen: string): Promise<void> => {
        await page.waitForTimeout(250); // the entrance animation
        await checkEverySize(page, `kiosk-${lang}-${screen}`, sizes);
      };
      // Today's crowd above the threshold: the attract screen has its longest line and a crowd of figures.
      const socket = await TestClient.connect(hub.url, 'kiosk');
      for (let k = 0; k < 6; k++) {
        const from = socket.messages.length;
        socket.send({
          type: 'submit',
          response: makeResponse(shippedInstrument('ideale-ambtenaar'), (i) => (i + k) % 2),
        });
        await socket.waitFor((m: HubMessage) => m.type === 'ack', from);
      }
      socket.close();
      // The reveal (under 3 s for a visitor) held, so it can be measured at every size.
      await kiosk.open(hub.url, '?idle=600&countdown=600&result=600&reveal=600');
      await expect(page.getByTestId('day-line')).toContainText('6');
      if (lang === 'en') await kiosk.switchLanguage();
      await check('attract');
      await page.locator('.attract button.primary').tap();
      await check('intro');
      await page.locator('.intro button.primary').tap();
      await check('item');
      await kiosk.choose('verbinder');
      await page.locator('.back').tap();
      await expect(page.locator('.option[data-rank="2"]')).toBeVisible();
      await check('item-ranked');
      // A tap on the second choice takes it back; tapped again it is the second choice once more, and the walk goes on.
      await page.locator('.option[data-rank="2"]').tap();
      await page.locator('.option:not([data-rank])').first().tap();
      await expect(page.locator('.step').last()).toHaveText(/\b2\b/);
      for (let i = 1; i < 11; i++) await kiosk.choose(ANSWERS[i % ANSWERS.length]!);
      // The last situation has the longest text: checked with its first choice marked.
      await page.locator('.option[data-type="ondernemer"]').tap();
      await check('item-longest');
      await page.locator('.option[data-type="bureaucraat"]').tap();
      await expect(page.locator('.screen.case')).toBeVisible();
      await check('case');
      await kiosk.answerCase(
        lang === 'en' ? 'A question from the council or an alderman' : 'Een vraag van de raad of de wethouder',
      );
      await expect(page.locator('.screen.casus')).toBeVisible();
      await check('casus');
      await kiosk.chooseCasus('bureaucraat');
      await check('context');
      await page.locator('.context .option', { hasText: lang === 'en' ? 'Management' : 'Leidinggeven' }).tap();
      await expect(page.locator('.context .option[aria-pressed="true"]')).toHaveCount(0);
      await page.locator('.context .row .secondary').last().tap();
      await expect(page.getByTestId('reveal')).toBeVisible();
      await page.waitForTimeout(1000); // halfway through the walk
      await check('reveal');
      await kiosk.skipReveal();
      await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
      await page.waitForTimeout(600); // the bars grow in
      await check('result');
      await page.getByTestId('more').tap();
      await expect(page.getByTestId('card-pitfall')).toBeVisible();
      // From the top, as a visitor sees it first (the tap scrolled the button into view).
      await page.locator('.screen.result').evaluate((el) => el.scrollTo(0, 0));
      await check('result-more');
    });
  }

  test(`the idle overlay and the operator exit fit, ${lang}`, async ({ page, hub }) => {
    test.setTimeout(300_000);
    const kiosk = new KioskPage(page);
    await kiosk.open(hub.url, '?idle=1&countdown=600');
    if (lang === 'en') await kiosk.switchLanguage();
    // On the attract screen the idle timer rests, so the operator's prompt stays alone.
    await openOperatorExit(page);
    await checkEverySize(page, `kiosk-${lang}-operator`);
    await page.getByRole('dialog').locator('button.secondary').tap();
    await kiosk.start();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await checkEverySize(page, `kiosk-${lang}-idle`);
  });
}

async function openOperatorExit(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(20, 20);
  await expect(page.getByRole('dialog')).toBeVisible();
}
