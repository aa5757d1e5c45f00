import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import WebSocket from 'ws';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { PHONE_BROWSER, PHONE_HOST, phoneAddress, phoneRoute } from './phones';

const LAN_HOST = '127.0.0.2';
const SHOTS = join(__dirname, '../../docs/screenshots');

test.use({ launchOptions: PHONE_BROWSER });

let hub: HubProcess;
let dataDir: string;
let routes: { close(): Promise<void> }[] = [];
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-audience-'));
  hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST, '--audience']);
  await hub.start(0);
});
test.afterEach(async () => {
  await Promise.all(routes.map((r) => r.close()));
  routes = [];
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The organiser acts over the hub's own socket, as the console does. */
async function organiser(url: string, action: Record<string, unknown>): Promise<void> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/ws`);
  const next = (type: string): Promise<Record<string, unknown>> =>
    new Promise((resolve) =>
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString()) as Record<string, unknown>;
        if (m.type === type) resolve(m);
      }),
    );
  await new Promise((resolve) => ws.once('open', resolve));
  const welcome = next('welcome');
  ws.send(JSON.stringify({ type: 'hello', role: 'admin', device: 'e2e-console-1' }));
  await welcome;
  const session = next('session');
  ws.send(JSON.stringify({ type: 'login', pin: '135790' }));
  const { token } = (await session) as { token: string };
  const done = next('done');
  ws.send(JSON.stringify({ type: 'admin', token, action }));
  await done;
  ws.close();
}
const startRound = (url: string, name: string): Promise<void> => organiser(url, { kind: 'startRound', name });

/** The whole visit on the phone: the situations, the case and the context skipped, the reveal tapped away. */
async function answerAll(page: Page, shot?: string): Promise<void> {
  await page.locator('.intro button.primary').tap();
  const kiosk = new KioskPage(page);
  if (shot) {
    await page.locator('.screen.item .option').first().tap();
    await page.screenshot({ path: join(SHOTS, shot) });
    await page.locator('.screen.item .option').first().tap();
  }
  while (!(await page.locator('.screen.case').isVisible())) await kiosk.choose('bureaucraat');
  await kiosk.answerCase(null);
  await kiosk.chooseCasus('verbinder');
  while (await page.locator('.screen.context').isVisible()) await page.locator('.context .row .secondary').last().tap();
  await expect(page.locator('.screen.result')).toBeVisible();
  await kiosk.skipReveal();
  // The screen's entrance animation ends before anyone (or a screenshot) reads it.
  await page.waitForTimeout(400);
}

/** No serious or critical WCAG 2.1 AA finding, and nothing wider than the phone (no sideways scrolling). */
async function checkPhoneScreen(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} is too wide`).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
}

/** The address phone `n` scans, reaching the hub from its own loopback address (127.0.0.N), as a phone would. */
async function phoneUrl(n: number): Promise<string> {
  const url = new URL(hub.pairing.phone!);
  const route = await phoneRoute(url.origin, phoneAddress(n));
  routes.push(route);
  url.host = `${PHONE_HOST}:${route.port}`;
  return url.href;
}

test('a phone in the room answers once over plain HTTP, keeps its result and saves it as an image', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'nl-NL',
  });
  const page = await context.newPage();
  await page.goto(await phoneUrl(0));
  await expect(page).toHaveURL(new RegExp(`${PHONE_HOST}:\\d+/phone/$`));
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  await expect(page.locator('.screen.intro')).toBeVisible();
  await expect(page.locator('.attract')).toHaveCount(0);
  await checkPhoneScreen(page, 'intro');

  await answerAll(page, 'phone-item-nl.png');
  await expect(page.getByTestId('delivery')).toHaveText('Je figuurtje loopt nu het scherm op.');
  expect(hub.storedResponses()).toHaveLength(1);
  await checkPhoneScreen(page, 'result');
  const sentence = await page.getByTestId('mix-sentence').textContent();
  await page.screenshot({ path: join(SHOTS, 'phone-result-nl.png') });

  await page.reload();
  await expect(page.getByTestId('mix-sentence')).toHaveText(sentence!);

  const download = page.waitForEvent('download');
  await page.getByTestId('save-image').tap();
  const file = await (await download).path();
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1080, 1350]);

  // The storage gone, the cookie kept: the hub knows this phone answered in this round.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await answerAll(page);
  await expect(page.getByTestId('delivery')).toHaveAttribute('data-state', 'alreadyNoEarlier');
  expect(hub.storedResponses()).toHaveLength(1);
  await context.close();
});

test('the projector invites the room with a QR code that scans at a quarter size, and counts who joins', async ({
  browser,
}) => {
  await startRound(hub.url, 'Zaal 1');
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await projector.goto(`${hub.url}/projector`);
  await projector.keyboard.press('?');
  await expect(projector.getByTestId('help')).toContainText('Q');
  await projector.keyboard.press('?');
  await projector.keyboard.press('q');
  await expect(projector.locator('.invite-qr')).toBeVisible();
  await expect(projector.getByTestId('invite-joined')).toHaveText('0 in de zaal doen mee');

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'en-GB',
  });
  const phone = await context.newPage();
  await phone.goto(await phoneUrl(1));
  await expect(phone.locator('.intro h1')).toHaveText(/./);
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
  await expect(projector.getByTestId('invite-joined')).toHaveText('1 in de zaal doet mee');
  await projector.screenshot({ path: join(SHOTS, 'projector-invite.png') });

  const shot = await projector.screenshot();
  const pixels = await projector.evaluate(
    async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const ctx = canvas.getContext('2d')!;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(img, 0, 0, 320, 180);
      return Array.from(ctx.getImageData(0, 0, 320, 180).data);
    },
    `data:image/png;base64,${shot.toString('base64')}`,
  );
  expect(jsQR(Uint8ClampedArray.from(pixels), 320, 180)?.data).toBe(hub.pairing.phone);

  await answerAll(phone, 'phone-item-en.png');
  await expect(phone.getByTestId('delivery')).toHaveText('Your figure is walking onto the screen now.');
  await phone.screenshot({ path: join(SHOTS, 'phone-result-en.png') });
  await context.close();
});

test('the room code opens nothing but the phone page', async ({ request }) => {
  const url = new URL(hub.pairing.phone!);
  const scanned = await request.get(url.href, { maxRedirects: 0 });
  expect(scanned.status()).toBe(303);
  for (const path of ['/kiosk', '/kiosk/', '/projector/', '/admin', '/export', '/session-check'])
    expect((await request.get(`${url.origin}${path}`, { maxRedirects: 0 })).status(), path).toBeGreaterThanOrEqual(400);
  expect((await request.get(`${url.origin}/phone/`)).status()).toBe(200);
});

test('the console switches audience mode, counts phones per round, and a new room code ends it on the phone', async ({
  page,
  browser,
}) => {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const panel = page.getByTestId('audience-panel');
  await panel.getByRole('button', { name: 'Meedoen vanuit de zaal stoppen' }).click();
  await expect(panel.getByTestId('audience-code')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Meedoen vanuit de zaal aanzetten' }).click();
  const code = (await panel.getByTestId('audience-code').textContent())!;
  expect(hub.pairing.phone).toContain(code.replace('-', ''));

  await page.getByLabel('Naam van de ronde').fill('Zaal 1');
  await page.getByRole('button', { name: 'Start ronde' }).click();
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: 'nl-NL',
  });
  const phone = await context.newPage();
  await phone.goto(await phoneUrl(2));
  await answerAll(phone);
  await checkPhoneScreen(phone, 'result at 360 px');
  await expect(panel.getByTestId('audience-rounds')).toContainText(/Zaal 1\s*1\s*1/);

  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'Nieuwe zaalcode' }).click();
  await expect(panel.getByTestId('audience-code')).not.toHaveText(code);
  await expect(phone.getByRole('status').first()).toContainText('Scan de code op het grote scherm opnieuw');
  // The result stays on the phone when the room ends.
  await expect(phone.getByTestId('mix-sentence')).toBeVisible();
  await context.close();
});

test('a phone mid-visit finishes on the instrument it started with when the organiser switches', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await phone.goto(await phoneUrl(3));
  await phone.locator('.intro button.primary').tap();
  await expect(phone.locator('.screen.item')).toBeVisible();
  await organiser(hub.url, { kind: 'instrument', id: 'vier-perspectieven' });
  // The visitor is not sent back: the three options stay, and the answer is kept for the instrument it was given on.
  await expect(phone.locator('.screen.item .option')).toHaveCount(3);
  const kiosk = new KioskPage(phone);
  while (!(await phone.locator('.screen.case').isVisible())) await kiosk.choose('bureaucraat');
  await kiosk.answerCase(null);
  await kiosk.chooseCasus('verbinder');
  while (await phone.locator('.screen.context').isVisible())
    await phone.locator('.context .row .secondary').last().tap();
  await expect(phone.getByTestId('mix-sentence')).toBeVisible();
  await expect(phone.getByTestId('delivery')).toHaveText('Your figure is walking onto the screen now.');
  expect(hub.storedResponses().at(-1)?.instrument).toBe('ideale-ambtenaar@3.0.0');
  await context.close();
});
