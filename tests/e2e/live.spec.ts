import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import WebSocket from 'ws';
import { expect, HubProcess, test } from './fixtures';
import { PHONE_BROWSER, PHONE_HOST, phoneAddress, phoneRoute } from './phones';

const LAN_HOST = '127.0.0.2';
const SHOTS = join(__dirname, '../../docs/screenshots');
const CLOCK = '2026-03-12T14:05:00+01:00';
const PHONES = 30;
const PHONE_VIEW = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

test.use({ launchOptions: PHONE_BROWSER });

let hub: HubProcess;
let dataDir: string;
let routes: { close(): Promise<void> }[] = [];
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-live-'));
  hub = new HubProcess(dataDir, ['--lan', '--lan-port', '0', '--lan-host', LAN_HOST, '--audience'], CLOCK);
  await hub.start(0);
});
test.afterEach(async () => {
  await Promise.all(routes.map((r) => r.close()));
  routes = [];
  await hub.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The organiser over the hub's own socket, as the console: logs in, switches the remote on, returns what it needs. */
async function organiser(url: string): Promise<{ token: string; presenter: string }> {
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
  ws.send(JSON.stringify({ type: 'hello', role: 'admin', device: 'e2e-console-live' }));
  await welcome;
  const session = next('session');
  ws.send(JSON.stringify({ type: 'login', pin: '135790' }));
  const { token } = (await session) as { token: string };
  const status = next('liveStatus');
  ws.send(JSON.stringify({ type: 'liveAdmin', token, action: { kind: 'presenter', enabled: true } }));
  const { status: live } = (await status) as { status: { presenter: { code: string } } };
  ws.close();
  return { token, presenter: live.presenter.code };
}

/** An address on the venue network as device `n` reaches it, from its own loopback address. */
async function venueUrl(n: number, path: string): Promise<string> {
  const base = new URL(hub.pairing.phone!);
  const route = await phoneRoute(base.origin, phoneAddress(n));
  routes.push(route);
  return `http://${PHONE_HOST}:${route.port}${path}`;
}

test('a live moment: put from the remote, 30 phones answer, the room splits in steps, reveal, close', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { token, presenter } = await organiser(hub.url);
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await projector.clock.install({ time: CLOCK });
  await projector.goto(`${hub.url}/projector`);
  await projector.keyboard.press('ArrowRight');
  await expect(projector.locator('.projector')).toHaveAttribute('data-view', 'bars');

  const remoteContext = await browser.newContext({ ...PHONE_VIEW, locale: 'nl-NL' });
  const remote = await remoteContext.newPage();
  await remote.goto(await venueUrl(100, `/remote/?presenter=${presenter}`));
  await expect(remote.getByTestId('remote-view')).toHaveText('Op het scherm: Leidend type');

  const contexts: BrowserContext[] = [];
  const phones: Page[] = [];
  for (let n = 0; n < PHONES; n++) {
    const context = await browser.newContext({ ...PHONE_VIEW, deviceScaleFactor: 1, locale: 'nl-NL' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(await venueUrl(n, `/phone/?code=${new URL(hub.pairing.phone!).searchParams.get('code')}`));
    phones.push(page);
  }
  await Promise.all(phones.map((p) => expect(p.locator('.screen.intro')).toBeVisible()));
  // One phone is in the middle of its visit: it must be back on the same situation afterwards.
  await phones[0]!.locator('.intro button.primary').tap();
  await expect(phones[0]!.locator('.screen.item')).toBeVisible();
  const itemPrompt = await phones[0]!.locator('.screen.item .prompt').textContent();

  await remote.getByTestId('remote-pick').selectOption('item:terras');
  await remote.getByTestId('remote-livePut').tap();
  const live = projector.getByTestId('live-view');
  await expect(live).toHaveAttribute('data-phase', 'open');
  await expect(projector.getByTestId('live-count')).toHaveText('0 antwoorden');
  await expect(projector.getByTestId('live-too-few')).toContainText('nog te weinig');
  for (const letter of ['A', 'B', 'C'])
    await expect(projector.getByTestId(`live-option-${letter}`)).toHaveAttribute('data-type', '');
  await Promise.all(phones.map((p) => expect(p.getByTestId('live-question')).toBeVisible()));

  // 18 choose A, 8 choose B, 4 choose C. The first four leave the split hidden.
  const choice = (n: number): string => (n < 18 ? 'A' : n < 26 ? 'B' : 'C');
  const order = [
    18,
    26,
    0,
    19,
    ...Array.from({ length: PHONES }, (_, n) => n).filter((n) => ![18, 26, 0, 19].includes(n)),
  ];
  for (const n of order.slice(0, 4)) await phones[n]!.getByTestId(`live-choice-${choice(n)}`).tap();
  await expect(projector.getByTestId('live-count')).toHaveText('4 antwoorden');
  await expect(projector.getByTestId('live-too-few')).toBeVisible();
  await expect(projector.getByTestId('live-figures')).toHaveAttribute('data-figures', '0,0,0');
  await phones[order[4]!]!.getByTestId(`live-choice-${choice(order[4]!)}`).tap();
  await expect(projector.getByTestId('live-note')).toHaveText('Verdeling van 5 antwoorden');
  await expect(projector.getByTestId('live-figures')).toHaveAttribute('data-figures', '2,2,1');
  for (const n of order.slice(5)) await phones[n]!.getByTestId(`live-choice-${choice(n)}`).tap();
  await expect(projector.getByTestId('live-count')).toHaveText('30 antwoorden');
  await expect(projector.getByTestId('live-figures')).toHaveAttribute('data-figures', '18,8,4');
  await expect(projector.getByTestId('live-share-A')).toHaveText('60% (18)');
  await expect(remote.getByTestId('remote-answers')).toHaveText('30 antwoorden');
  await expect(phones[5]!.getByTestId('live-status')).toHaveText('Je antwoord is binnen. Kijk naar het grote scherm.');
  // The figures walked in: the canvas holds drawn figures in the option columns.
  await projector.waitForTimeout(2500);
  const painted = await projector.getByTestId('live-figures').evaluate((canvas: HTMLCanvasElement) => {
    const g = canvas.getContext('2d')!;
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const columns = [0, 0, 0];
    for (let i = 3; i < data.length; i += 4)
      if (data[i]! > 0) columns[Math.min(2, Math.floor((((i - 3) / 4) % canvas.width) / (canvas.width / 3)))]! += 1;
    return columns;
  });
  expect(painted[0]!).toBeGreaterThan(painted[1]!);
  expect(painted[1]!).toBeGreaterThan(painted[2]!);
  expect(painted[2]!).toBeGreaterThan(0);
  await projector.screenshot({ path: join(SHOTS, 'projector-live-split.png') });
  // The same split on a screen as narrow as a phone held upright (a presenter checking the projection).
  await projector.setViewportSize({ width: 390, height: 844 });
  await projector.screenshot({ path: 'test-results/screens/projector-live-split-390.png' });
  await projector.setViewportSize({ width: 1280, height: 720 });
  await phones[1]!.screenshot({ path: join(SHOTS, 'phone-live-question.png') });

  await remote.getByTestId('remote-liveReveal').tap();
  await expect(live).toHaveAttribute('data-phase', 'revealed');
  const types = await Promise.all(
    ['A', 'B', 'C'].map((l) => projector.getByTestId(`live-option-${l}`).getAttribute('data-type')),
  );
  expect([...types].sort()).toEqual(['bureaucraat', 'ondernemer', 'verbinder']);
  await expect(projector.getByTestId('live-headline')).toHaveText(/^De zaal kiest vooral \S+/);
  await projector.waitForTimeout(800);
  await projector.screenshot({ path: join(SHOTS, 'projector-live-reveal.png') });
  await projector.setViewportSize({ width: 390, height: 844 });
  await projector.screenshot({ path: 'test-results/screens/projector-live-reveal-390.png' });
  await projector.setViewportSize({ width: 1280, height: 720 });
  await remote.screenshot({ path: join(SHOTS, 'remote.png') });

  await remote.getByTestId('remote-liveClose').tap();
  await expect(live).toHaveCount(0);
  await expect(projector.locator('.projector')).toHaveAttribute('data-view', 'bars');
  await Promise.all(phones.map((p) => expect(p.getByTestId('live-question')).toHaveCount(0)));
  await expect(phones[0]!.locator('.screen.item .prompt')).toHaveText(itemPrompt!);
  await expect(phones[1]!.locator('.screen.intro')).toBeVisible();

  // The remote moves the projector, and shows where it is.
  await remote.getByTestId('remote-next').tap();
  await expect(projector.locator('.projector')).toHaveAttribute('data-view', 'casus');
  await expect(remote.getByTestId('remote-view')).toHaveText('Op het scherm: Wie we zijn en wat ons werk vraagt');

  // The presenter's phone locks its screen and wakes again: the remote connects afresh and still moves the projector.
  const sockets: string[] = [];
  remote.on('websocket', (ws) => sockets.push(ws.url()));
  await remote.evaluate(() => {
    for (const state of ['hidden', 'visible']) {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }
  });
  await expect.poll(() => sockets.length).toBe(1);
  expect(sockets[0]).toContain('/ws?remote');
  await remote.getByTestId('remote-previous').tap();
  await expect(projector.locator('.projector')).toHaveAttribute('data-view', 'bars');
  await expect(remote.getByTestId('remote-view')).toHaveText('Op het scherm: Leidend type');

  const res = await fetch(`${hub.url}/export?format=json`, { headers: { Authorization: `Bearer ${token}` } });
  const json = (await res.json()) as { tables: { id: string; values: (number | null)[][] }[] };
  const cells = json.tables.find((t) => t.id === 'live-1')!.values.map((r) => r[0]);
  expect(cells.filter((v) => v !== null).every((v) => v! >= 5)).toBe(true);
  // 4 for C is below the threshold, and with the total shown a second count is hidden so it cannot be worked out.
  expect(cells.filter((v) => v === null)).toHaveLength(2);
  expect(cells.at(-1)).toBe(30);
  const pdf = await fetch(`${hub.url}/export?format=pdf`, { headers: { Authorization: `Bearer ${token}` } });
  expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toContain('/Type /Page');
  await Promise.all([...contexts, remoteContext].map((c) => c.close()));
});
