import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HubMessage } from '../../src/core/messages';
import { seededRandom } from '../../src/core/simulation';
import { TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { arrivals, daySection, hourLabels, logIn, seedDay } from './consoleDayPage';
import { expect, test, type HubProcess } from './fixtures';

const instrument = shippedInstrument('ideale-ambtenaar');
const SHOTS = join(__dirname, '../../test-results/screens');
mkdirSync(SHOTS, { recursive: true });

/** 11:40 in Amsterdam: the hub and the console both read it, so the hours on screen are the same at any hour. */
const NOW = '2026-02-06T11:40:00+01:00';
test.use({ clock: NOW });

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

test('the console shows the day: arrivals per ten minutes, the crowd map from the threshold up, gone devices folded', async ({
  page,
  hub,
}) => {
  await logIn(page, hub);
  const map = page.getByTestId('crowd-map');

  await submit(hub, 3);
  await expect.poll(() => arrivals(page)).toBe(3);
  // The first answers came in the step from 11:40: two hours of room, labelled at the whole hours in it.
  expect(await hourLabels(page)).toEqual(['12:00', '13:00']);
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
  await expect(page.getByTestId('devices-gone')).toHaveText('2 apparaten weg sinds 11:40');
  await expect(page.getByTestId('devices')).not.toContainText('projector');
  // The console itself is still connected, so it keeps its row.
  await expect(page.getByTestId('devices')).toContainText('admin');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('devices-gone')).toHaveText('2 devices gone since 11:40');
  await expect(page.getByText('7 participants, each dot one mix.')).toBeVisible();
});

test('a morning at the stand, as the README shows it', async ({ page, hub }) => {
  // Three hours of visitors up to now (08:40 to 11:40), busier around a talk an hour ago.
  const now = Date.parse(NOW);
  const random = seededRandom(11);
  const times = Array.from({ length: 180 }, (_, k) => {
    const minutesAgo = k < 60 ? 50 + random() * 40 : random() * 180;
    return Math.round(now - minutesAgo * 60_000);
  });
  await seedDay(hub, times);
  await page.setViewportSize({ width: 1100, height: 900 });
  await logIn(page, hub);
  await expect.poll(() => arrivals(page)).toBe(180);
  expect(await hourLabels(page)).toEqual(['09:00', '10:00', '11:00']);
  await expect(page.getByTestId('crowd-map').locator('.map-dot')).toHaveCount(180);
  await daySection(page).screenshot({ path: join(SHOTS, 'console-day.png') });
});
