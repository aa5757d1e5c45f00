import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_TIME_ZONE, startOfDay } from '../../src/core/eventTime';
import type { HubMessage } from '../../src/core/messages';
import { seededRandom } from '../../src/core/simulation';
import { openDatabase } from '../../src/hub/store/db';
import { simulatedResponse } from '../../src/hub/day/rehearsal';
import { createResponseStore } from '../../src/hub/store/responseStore';
import { TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, test, type HubProcess } from './fixtures';

const instrument = shippedInstrument('ideale-ambtenaar');
const SHOTS = join(__dirname, '../../test-results/screens');
mkdirSync(SHOTS, { recursive: true });

/** Answers through a real kiosk socket, each acknowledged; the socket then closes (its device is gone). */
async function submit(hub: HubProcess, count: number): Promise<void> {
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  for (let k = 0; k < count; k++) {
    const from = kiosk.messages.length;
    kiosk.send({ type: 'submit', response: makeResponse(instrument, (i) => (i + k) % 3) });
    await kiosk.waitFor((m: HubMessage) => m.type === 'ack', from);
  }
  kiosk.close();
}

async function logIn(page: Page, hub: HubProcess): Promise<void> {
  await page.goto(`${hub.url}/admin`);
  await page.getByLabel('PIN').fill('8642');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { name: 'De dag' })).toBeVisible();
}

const arrivals = async (page: Page): Promise<number> =>
  (
    await page
      .getByTestId('arrivals')
      .locator('rect')
      .evaluateAll((bars) => bars.map((b) => b.getAttribute('data-count')))
  )
    .map(Number)
    .reduce((a, b) => a + b, 0);

test('the console shows the day: arrivals per ten minutes, the crowd map from the threshold up, gone devices folded', async ({
  page,
  hub,
}) => {
  await page.clock.install();
  await logIn(page, hub);
  const map = page.getByTestId('crowd-map');

  await submit(hub, 3);
  await expect.poll(() => arrivals(page)).toBe(3);
  await expect(map.locator('.map-dot')).toHaveCount(0);
  await expect(page.getByText('De kaart toont stippen vanaf 5 deelnemers; nu 3.')).toBeVisible();

  await submit(hub, 4);
  await expect.poll(() => arrivals(page)).toBe(7);
  await expect(map.locator('.map-dot')).toHaveCount(7);
  await expect(page.getByText('7 deelnemers, elke stip één mix.')).toBeVisible();

  // The kiosk left; a projector came and went too. Both show as rows until they have been gone ten minutes.
  const projector = await TestClient.connect(hub.url, 'projector');
  projector.close();
  await expect(page.getByTestId('devices')).toContainText('projector');
  await expect(page.getByTestId('devices-gone')).toHaveCount(0);
  await page.clock.fastForward('11:00');
  await expect(page.getByTestId('devices-gone')).toHaveText(/^2 apparaten weg sinds \d\d:\d\d$/);
  await expect(page.getByTestId('devices')).not.toContainText('projector');
  // The console itself is still connected, so it keeps its row.
  await expect(page.getByTestId('devices')).toContainText('admin');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('devices-gone')).toHaveText(/^2 devices gone since \d\d:\d\d$/);
  await expect(page.getByText('7 participants, each dot one mix.')).toBeVisible();
});

test('a morning at the stand, as the README shows it', async ({ page, hub }) => {
  await hub.kill();
  const { db } = openDatabase(hub.dataDir, {});
  const store = createResponseStore(db);
  const random = seededRandom(11);
  const now = Date.now();
  // Three hours of visitors, busier around a talk an hour ago; squeezed after today's midnight in Amsterdam.
  const span = Math.min(180, (now - startOfDay(now, DEFAULT_TIME_ZONE)) / 60_000 - 1) / 180;
  for (let k = 0; k < 180; k++) {
    const minutesAgo = (k < 60 ? 50 + random() * 40 : random() * 180) * span;
    store.insert(simulatedResponse(instrument, random), Math.round(now - minutesAgo * 60_000), {
      round: null,
      rehearsal: false,
    });
  }
  db.close();
  await hub.start();
  await page.setViewportSize({ width: 1100, height: 900 });
  await logIn(page, hub);
  await expect.poll(() => arrivals(page)).toBeGreaterThan(100);
  await expect(page.getByTestId('crowd-map').locator('.map-dot')).toHaveCount(180);
  await page.locator('section', { has: page.getByRole('heading', { name: 'De dag' }) }).screenshot({
    path: join(SHOTS, 'console-day.png'),
  });
});
