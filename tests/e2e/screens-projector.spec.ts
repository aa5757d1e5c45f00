import type { Page } from '@playwright/test';
import { withoutWebGL } from './pixels';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, test, type HubProcess } from './fixtures';
import { checkEverySize } from './layout';

/**
 * Every projector view at every size of the matrix, in both languages, with a crowd that leaves every label in use
 * (three leading types and balanced mixes) and both badges on during the replay.
 */
const instrument = shippedInstrument('ideale-ambtenaar');
/** The replay shows the event's clock: the hub and the page read 10:20 in Amsterdam, whatever the hour of the run. */
test.use({ clock: '2026-02-06T10:20:00+01:00' });
const PATTERN = [() => 0, () => 0, () => 1, () => 2, () => 2, () => 2, (i: number) => i % 3];
/** Context answers that leave one group shown and the others "too few", so both kinds of row are measured. */
// The groups not shown are at least the threshold together (six of fourteen), so the gemeente's is not held back.
const LAYERS = ['gemeente', 'gemeente', 'rijk', 'gemeente', 'provincie', 'gemeente', 'waterschap'];

async function submit(hub: HubProcess, count: number): Promise<void> {
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  for (let n = 0; n < count; n++) {
    const from = kiosk.messages.length;
    const response = makeResponse(instrument, PATTERN[n % PATTERN.length]);
    response.context = { laag: LAYERS[n % LAYERS.length]!, rol: 'beleid' };
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m) => m.type === 'ack', from);
  }
  kiosk.close();
}

async function startRound(hub: HubProcess, name: string): Promise<void> {
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  admin.send({ type: 'admin', token, action: { kind: 'startRound', name } });
  await admin.waitFor((m) => m.type === 'done');
  admin.close();
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(1000); // bars grow and figures walk in
}

for (const lang of ['nl', 'en'] as const) {
  test(`every projector view fits, ${lang}`, async ({ page, hub }) => {
    test.setTimeout(400_000);
    const title = page.getByTestId('view-title');
    await startRound(hub, lang === 'en' ? 'Room 2 after the break' : 'Zaal 2 na de pauze');
    await page.goto(`${hub.url}/projector${lang === 'en' ? '?lang=en' : ''}`);
    await expect(page.getByTestId('total')).toHaveText('0');
    await checkEverySize(page, `projector-${lang}-waiting`);
    await submit(hub, 14);
    await expect(page.getByTestId('total')).toHaveText('14');
    await settle(page);
    await checkEverySize(page, `projector-${lang}-crowd`);
    await page.keyboard.press('?');
    await expect(page.getByTestId('help')).toBeVisible();
    await checkEverySize(page, `projector-${lang}-help`);
    await page.keyboard.press('?');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('bars-view')).toBeVisible();
    await settle(page);
    await checkEverySize(page, `projector-${lang}-bars`);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('casus-view')).toBeVisible();
    await settle(page);
    await checkEverySize(page, `projector-${lang}-casus`);
    // By group: the kind of case, the kind of work, then the part of government (where the seeded crowd is).
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('context-view')).toBeVisible();
    await expect(page.getByTestId('group-gemeente')).not.toContainText(lang === 'en' ? 'not enough' : 'te weinig');
    await settle(page);
    await checkEverySize(page, `projector-${lang}-context`);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('split-view')).toBeVisible();
    await settle(page);
    await checkEverySize(page, `projector-${lang}-split`);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('replay-count')).toBeVisible();
    await page.keyboard.press('r');
    await page.keyboard.press('f');
    await expect(page.getByTestId('frozen-badge')).toBeVisible();
    await expect(title).not.toHaveText('');
    await checkEverySize(page, `projector-${lang}-replay`);
  });
}

test('without WebGL the 2-D crowd fits every size', async ({ page, hub }) => {
  test.setTimeout(300_000);
  await withoutWebGL(page);
  await submit(hub, 14);
  await page.goto(`${hub.url}/projector?lang=en`);
  await expect(page.getByTestId('scene-2d')).toBeVisible();
  await settle(page);
  await checkEverySize(page, 'projector-en-2d');
});
