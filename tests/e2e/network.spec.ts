import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { expect, HubProcess, test } from './fixtures';
import { KioskPage } from './kioskPage';
import { pixelsOf } from './pixels';

/** Network mode listens on a loopback address of its own here, standing in for the venue network. */
const LAN_HOST = '127.0.0.2';

test('the organiser switches network mode on; a tablet pairs by the QR code, the talk-room laptop by typing the code, others stay out', async ({
  page,
  browser,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-lan-'));
  const hub = new HubProcess(dataDir, ['--lan-port', '0', '--lan-host', LAN_HOST]);
  await hub.start(0);
  try {
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('PIN').fill('8642');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const panel = page.getByRole('region', { name: 'Netwerk' });
    await expect(panel).toContainText('Nu kan alleen deze computer verbinden');
    await panel.getByRole('button', { name: 'Netwerkmodus aanzetten' }).click();
    await expect(page.getByTestId('notice')).toHaveText('Netwerkmodus staat aan.');
    const code = (await panel.locator('.join-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // What the camera of a tablet reads is what the text says: the page on this hub, with the join code.
    const pairAddress = async (page_: 'kiosk' | 'projector'): Promise<string> => {
      const card = panel.getByTestId(`pair-${page_}`);
      const image = card.getByRole('img');
      const pixels = await pixelsOf(page, (await image.getAttribute('src')) ?? '');
      const decoded = jsQR(pixels.data, pixels.width, pixels.height)?.data ?? '';
      await expect(card.locator('code')).toHaveText(decoded);
      return decoded;
    };
    const kioskAddress = await pairAddress('kiosk');
    const projectorAddress = await pairAddress('projector');
    await expect(panel).toContainText(`Geen camera? Open ${new URL(kioskAddress).origin} en typ de koppelcode.`);
    expect(kioskAddress).toMatch(new RegExp(`^http://${LAN_HOST.replace(/\./g, '\\.')}:\\d+/kiosk/\\?join=`));
    expect(kioskAddress).toContain(code.replace(/-/g, ''));

    const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="network-title"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await panel.screenshot({ path: 'test-results/screens/console-network.png' });

    // A passer-by's phone that only knows the address gets a clear refusal, no page.
    const origin = new URL(kioskAddress).origin;
    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    await stranger.goto(`${origin}/kiosk/`);
    await expect(stranger.locator('body')).toContainText('nog niet gekoppeld');
    await stranger.screenshot({ path: 'test-results/screens/network-not-paired.png' });
    const strangerAxe = await new AxeBuilder({ page: stranger }).analyze();
    expect(strangerAxe.violations.map((v) => v.id)).toEqual([]);
    await stranger.goto(`${origin}/projector/?join=AAAA-AAAA-AAAA`);
    await expect(stranger.locator('body')).toContainText('nog niet gekoppeld');

    // The talk-room laptop has no camera: it opens the hub's address and types the code the organiser reads out.
    const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const projector = await projectorContext.newPage();
    await projector.goto(`${origin}/`);
    await projector.getByLabel(/Koppelcode/).fill('AAAA-AAAA-AAAA');
    await projector.getByRole('button', { name: /Koppel als projectie/ }).click();
    await expect(projector.getByRole('alert')).toContainText('Die koppelcode klopt niet');
    await projector.getByLabel(/Koppelcode/).fill(code.toLowerCase());
    await projector.getByRole('button', { name: /Koppel als projectie/ }).click();
    await expect(projector).toHaveURL(new URL(projectorAddress).origin + '/projector/');
    await expect(projector.getByTestId('total')).toHaveText('0');

    const tabletContext = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } });
    const tablet = await tabletContext.newPage();
    await tablet.goto(kioskAddress);
    expect(new URL(tablet.url()).search).toBe('');
    const kiosk = new KioskPage(tablet);
    await expect(tablet.locator('.attract button.primary')).toBeEnabled();
    await kiosk.start();
    await kiosk.answerItems(Array(12).fill('verbinder'));
    await kiosk.chooseCasus('verbinder');
    await kiosk.answerContext([null, null]);
    await expect(kiosk.delivery()).toHaveAttribute('data-state', 'saved');
    expect(hub.storedResponses()).toHaveLength(1);
    await expect(projector.getByTestId('total')).toHaveText('1');
    await expect(projector.locator('.total-label')).toHaveText('deelnemer');
    await expect(page.getByTestId('devices')).toContainText('netwerk');

    // Even a paired device does not reach the console.
    const sneaky = await tabletContext.newPage();
    await sneaky.goto(`${origin}/admin`);
    await expect(sneaky.locator('body')).toContainText('alleen op de computer van de hub');
    await sneaky.close();

    // A reload keeps the pairing (the cookie); a new code ends it for everyone paired with the old one.
    await tablet.reload();
    await expect(tablet.locator('.attract button.primary')).toBeEnabled();

    // Staff at the tablet: the PIN is checked by the hub, and the kiosk says where the console is.
    for (let i = 0; i < 5; i++) await tablet.touchscreen.tap(20, 20);
    const exit = tablet.getByRole('dialog', { name: 'Kiosk verlaten' });
    await exit.getByLabel('PIN van de organisator').fill('1111');
    await exit.getByRole('button', { name: 'Verlaten' }).tap();
    await expect(exit.getByRole('alert')).toHaveText('Die PIN klopt niet.');
    await exit.getByLabel('PIN van de organisator').fill('8642');
    await exit.getByRole('button', { name: 'Verlaten' }).tap();
    await expect(exit.getByRole('alert')).toContainText('Het beheer staat op de computer van de hub');
    await exit.getByRole('button', { name: 'Annuleren' }).tap();
    page.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: 'Nieuwe koppelcode' }).click();
    await expect(panel.locator('.join-code')).not.toHaveText(code);
    // Both paired screens say so themselves (no reload needed), and the tablet keeps what it holds.
    await expect(tablet.getByRole('status')).toHaveText(/niet meer gekoppeld/);
    await expect(projector.getByTestId('unpaired')).toBeVisible();
    await tablet.screenshot({ path: 'test-results/screens/kiosk-unpaired.png' });
    await projector.screenshot({ path: 'test-results/screens/projector-unpaired.png' });
    await tablet.reload();
    await expect(tablet.locator('body')).toContainText('nog niet gekoppeld');

    await panel.getByRole('button', { name: 'Netwerkmodus uitzetten' }).click();
    await expect(panel).toContainText('Nu kan alleen deze computer verbinden');
    await expect(stranger.goto(`${origin}/kiosk/`)).rejects.toThrow();
    await Promise.all([strangerContext.close(), projectorContext.close(), tabletContext.close()]);
  } finally {
    await hub.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
