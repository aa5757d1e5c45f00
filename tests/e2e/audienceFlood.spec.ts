import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { PHONE_BROWSER, PHONE_HOST, phoneAddress, phoneRoute, scriptedPhone } from './phones';

const LAN_HOST = '127.0.0.2';
const SHOTS = join(__dirname, '../../docs/screenshots');
const instrument = shippedInstrument('ideale-ambtenaar');

test.use({ launchOptions: PHONE_BROWSER });

let hub: HubProcess;
let dataDir: string;
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-flood-'));
  hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST, '--audience']);
  await hub.start(0);
});
test.afterEach(async () => {
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A phone in a browser, reaching the hub from `source` (phones.ts), through the whole visit to its result. */
async function browserPhoneAnswers(page: Page, source: string): Promise<() => Promise<void>> {
  const url = new URL(hub.pairing.phone!);
  const route = await phoneRoute(url.origin, source);
  url.host = `${PHONE_HOST}:${route.port}`;
  await page.goto(url.href);
  await page.locator('.intro button.primary').tap();
  const kiosk = new KioskPage(page);
  while (!(await page.locator('.screen.case').isVisible())) await kiosk.choose('bureaucraat');
  await kiosk.answerCase(null);
  await kiosk.chooseCasus('verbinder');
  while (await page.locator('.screen.context').isVisible()) await page.locator('.context .row .secondary').last().tap();
  await expect(page.locator('.screen.result')).toBeVisible();
  await kiosk.skipReveal();
  await expect(page.getByTestId('delivery')).toHaveAttribute('data-state', 'walking');
  return route.close;
}

test('the console lists an address that answered for a room, sets its answers aside and takes them back', async ({
  browser,
  page,
}) => {
  const room = phoneAddress(40);
  // Ten scripted phones and one in a browser, all behind one address: one more than a few people would give.
  for (let i = 0; i < 10; i++) await scriptedPhone(hub.pairing.phone!, room, makeResponse(instrument));
  const phoneContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const closeRoute = await browserPhoneAnswers(await phoneContext.newPage(), room);
  for (let i = 0; i < 4; i++) await scriptedPhone(hub.pairing.phone!, phoneAddress(41 + i), makeResponse(instrument));
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await projector.goto(`${hub.url}/projector`);
  await expect(projector.getByTestId('total')).toHaveText('15');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const panel = page.getByTestId('audience-panel');
  const listed = panel.getByTestId('flagged-source');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(room);
  await expect(listed).toContainText('11 antwoorden');
  await expect(listed).toContainText('Telt mee');
  const axe = await new AxeBuilder({ page }).include('[data-testid="audience-panel"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await panel.getByTestId('audience-flagged').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(SHOTS, 'console-audience-flagged.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await panel.screenshot({ path: 'test-results/screens/console-audience-flagged-nl-390.png' });

  await listed.getByRole('button', { name: `Zet apart: ${room}` }).click();
  await expect(page.getByTestId('notice')).toHaveText(
    'De 11 antwoorden van dat adres staan apart: niet op het scherm en niet in de export.',
  );
  await expect(listed).toContainText('Apart gezet: telt niet mee');
  await expect(projector.getByTestId('total')).toHaveText('4');

  await page.goto(`${hub.url}/admin?lang=en`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: /log in/i }).click();
  await expect(listed).toContainText('11 answers');
  await expect(listed).toContainText('Set aside: does not count');
  await panel.screenshot({ path: 'test-results/screens/console-audience-flagged-en-390.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await panel.screenshot({ path: 'test-results/screens/console-audience-flagged-en-1280.png' });
  await listed.getByRole('button', { name: `Take back: ${room}` }).click();
  await expect(page.getByTestId('notice')).toHaveText('The 11 answers from that address count again.');
  await expect(projector.getByTestId('total')).toHaveText('15');
  await closeRoute();
  await phoneContext.close();
});
