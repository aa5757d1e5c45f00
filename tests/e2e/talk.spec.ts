import type { Page } from '@playwright/test';
import type { HubMessage } from '../../src/core/messages';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { fitStage, toScreen } from '../../src/renderer/projector/scene/stageView';
import { polygonCorner, profilePosition } from '../../src/core/scoring';
import { expect, test, type HubProcess } from './fixtures';
import { checkEverySize } from './layout';

const instrument = shippedInstrument('ideale-ambtenaar');
test.use({ viewport: { width: 1280, height: 720 } });

interface Visitor {
  pick: (i: number) => number;
  casus?: number;
  context?: Record<string, string>;
}

async function submitVisitors(hub: HubProcess, visitors: Visitor[]): Promise<void> {
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  for (const v of visitors) {
    const response = makeResponse(instrument, v.pick);
    response.casus = instrument.types[v.casus ?? 2]!.id;
    response.context = v.context ?? {};
    const from = kiosk.messages.length;
    kiosk.send({ type: 'submit', response });
    await kiosk.waitFor((m): m is Extract<HubMessage, { type: 'ack' }> => m.type === 'ack', from);
  }
  kiosk.close();
}

const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
const bureaucraat = (laag: string): Visitor => ({ pick: () => 0, casus: 2, context: { laag } });
const verbinder = (laag: string): Visitor => ({ pick: () => 2, casus: 2, context: { laag } });

async function setThreshold(hub: HubProcess, suppressBelow: number): Promise<void> {
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  admin.send({ type: 'admin', token, action: { kind: 'settings', settings: { suppressBelow } } });
  await admin.waitFor((m) => m.type === 'done');
  admin.close();
}

async function toView(page: Page, title: string): Promise<void> {
  for (let i = 0; i < 10 && (await page.getByTestId('view-title').textContent()) !== title; i++)
    await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('view-title')).toHaveText(title);
}

test('every view says its finding in words, and says nothing below the threshold', async ({ page, hub }) => {
  await page.goto(`${hub.url}/projector`);
  await submitVisitors(hub, times(4, bureaucraat('rijk')));
  await expect(page.getByTestId('total')).toHaveText('4');
  await expect(page.getByTestId('headline')).toHaveCount(0);

  // Twelve Bureaucraten and two Verbinders: a lead far beyond noise; everyone's work asks for the Verbinder.
  await submitVisitors(hub, [...times(8, bureaucraat('rijk')), ...times(2, verbinder('gemeente'))]);
  await expect(page.getByTestId('total')).toHaveText('14');
  const headline = page.getByTestId('headline');
  await expect(headline).toHaveText(/^Vandaag vooral Bureaucraat: \d+% van ons$/);
  await page.keyboard.press('ArrowRight');
  await expect(headline).toHaveText(/^Vandaag vooral Bureaucraat/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('casus-view')).toBeVisible();
  await expect(headline).toHaveText(
    /^(We zijn meer Bureaucraat dan ons werk vraagt|Ons werk vraagt meer Verbinder dan we zijn)$/,
  );
  await expect(page.getByTestId('gap-verbinder')).toContainText('▼');
  await expect(page.getByTestId('gap-verbinder')).toContainText('minder');
  await page.screenshot({ path: 'test-results/screens/projector-casus.png' });

  // Hidden: no numbers, no words.
  await page.keyboard.press('h');
  await expect(headline).toHaveCount(0);
  await page.keyboard.press('h');
  await expect(headline).toBeVisible();

  // A threshold above the crowd silences every headline.
  await setThreshold(hub, 20);
  await expect(headline).toHaveCount(0);
  await setThreshold(hub, 5);
  await expect(headline).toBeVisible();
});

test('a difference within noise is called even, not a lead', async ({ page, hub }) => {
  await page.goto(`${hub.url}/projector?lang=en`);
  // Six against five: a 7-point gap that a crowd of 15 cannot tell from chance.
  await submitVisitors(hub, [
    ...times(6, { pick: () => 0 }),
    ...times(5, { pick: () => 2 }),
    ...times(4, { pick: () => 1 }),
  ]);
  await expect(page.getByTestId('total')).toHaveText('15');
  await expect(page.getByTestId('headline')).toHaveText('Bureaucrat and Connector are neck and neck');
});

test('the crowd by group hides groups under the threshold and names the group that differs', async ({ page, hub }) => {
  await submitVisitors(hub, [
    ...times(12, bureaucraat('rijk')),
    ...times(12, verbinder('gemeente')),
    ...times(3, verbinder('waterschap')),
    // Two who skip the question: with them, the groups not shown are five people together, not three.
    ...times(2, { pick: () => 1, casus: 2 }),
  ]);
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('29');
  await toView(page, 'Per groep: Wat voor werk doe je vooral?');
  // Nobody answered this question: every group is too small.
  await expect(page.getByTestId('group-beleid')).toContainText('nog te weinig');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('view-title')).toHaveText('Per groep: Bij welke overheid werk je?');
  await expect(page.getByTestId('context-view')).toBeVisible();
  await expect(page.getByTestId('group-rijk')).toContainText('12 deelnemers');
  await expect(page.getByTestId('group-gemeente')).toContainText('100%');
  await expect(page.getByTestId('group-waterschap')).toContainText('nog te weinig');
  await expect(page.getByTestId('group-waterschap')).not.toContainText('3');
  await expect(page.getByTestId('withheld-note')).toHaveCount(0);
  await expect(page.getByTestId('headline')).toHaveText(
    /^(Rijksoverheid|Gemeente): vaker (Bureaucraat|Verbinder) dan de rest/,
  );
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/screens/projector-context.png' });
  // Back steps through the questions too.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('view-title')).toHaveText('Per groep: Wat voor werk doe je vooral?');
});

test('a group that would give a smaller one away is hidden too, and the view says why', async ({ page, hub }) => {
  test.setTimeout(300_000);
  // 20 + 12 shown of 35 would leave 3 Verbinders at a waterschap to subtract: the 12 are hidden with them.
  await submitVisitors(hub, [
    ...times(20, bureaucraat('rijk')),
    ...times(12, { pick: () => 1, casus: 2, context: { laag: 'gemeente' } }),
    ...times(3, verbinder('waterschap')),
  ]);
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('35');
  await toView(page, 'Per groep: Wat voor werk doe je vooral?');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('view-title')).toHaveText('Per groep: Bij welke overheid werk je?');
  await expect(page.getByTestId('group-rijk')).toContainText('20 deelnemers');
  await expect(page.getByTestId('group-gemeente')).toContainText('verborgen');
  await expect(page.getByTestId('group-gemeente')).not.toContainText('12');
  await expect(page.getByTestId('group-waterschap')).toContainText('nog te weinig');
  await expect(page.getByTestId('withheld-note')).toHaveText(
    'Verborgen: groot genoeg, maar anders kun je een kleine groep uitrekenen.',
  );
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/screens/projector-context-withheld.png' });
  // The extra line fits at every size of the matrix, next to the headline and the bars.
  await checkEverySize(page, 'projector-nl-context-withheld');
});

test('the situation that split the room shows its text and the split of first choices', async ({ page, hub }) => {
  // Everyone agrees on every situation but the first, where the first choices go round the three types.
  const visitors = Array.from({ length: 12 }, (_, v) => ({ pick: (i: number) => (i === 0 ? v % 3 : 2) }));
  await page.goto(`${hub.url}/projector`);
  await toView(page, 'De situatie die de zaal verdeelde');
  await expect(page.getByTestId('split-terras')).toHaveCount(0);
  await setThreshold(hub, 20);
  await submitVisitors(hub, visitors);
  await expect(page.getByTestId('total')).toHaveText('12');
  await expect(page.getByTestId('split-view')).toContainText('nog te weinig');
  await expect(page.getByTestId('headline')).toHaveCount(0);
  await setThreshold(hub, 5);
  await expect(page.getByTestId('total')).toHaveText('12');
  await expect(page.getByTestId('split-view')).toContainText('Het terras');
  await expect(page.getByTestId('split-view')).toContainText('Een café wil een groter terras dan mag.');
  for (const type of instrument.types) await expect(page.getByTestId(`split-${type.id}`)).toHaveText(/^3[34]%$/);
  await expect(page.getByTestId('headline')).toHaveText('Het terras verdeelde de zaal het meest');
  await page.screenshot({ path: 'test-results/screens/projector-split.png' });
});

test('the newest arrival is ringed as it walks in, then the ring goes', async ({ page, hub }) => {
  await page.clock.install();
  await submitVisitors(hub, times(6, { pick: () => 1 }));
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('6');
  await expect(page.getByTestId('newest')).toHaveCount(0);
  await submitVisitors(hub, [{ pick: () => 0 }]);
  const ring = page.getByTestId('newest');
  await expect(ring).toBeVisible();
  // It rings the newcomer's place: two thirds Bureaucraat, one third Ondernemer (first and second choices).
  const box = (await ring.boundingBox())!;
  const view = fitStage(3, 10, 1280, 720);
  const [px, py] = profilePosition([2 / 3, 1 / 3, 0]);
  const [cx, cy] = toScreen(view, 1280, 720, px * 10, py * 10);
  expect(Math.hypot(box.x + box.width / 2 - cx, box.y + box.height / 2 - cy)).toBeLessThan(view.zoom * 2.5);
  await expect(ring).toHaveText('');
  await page.clock.runFor(7000);
  await expect(ring).toHaveCount(0);
});

test.describe('at ten in the morning', () => {
  // The hub stamps the arrivals and the replay's clock reads them: both clocks start at 10:00 in Amsterdam.
  test.use({ clock: '2025-06-12T10:00:00+02:00' });

  test('the replay runs an event clock, and no label stands where a figure walks', async ({ page, hub }) => {
    await submitVisitors(hub, times(20, { pick: (i) => i % 3 }));
    await page.goto(`${hub.url}/projector`);
    await expect(page.getByTestId('total')).toHaveText('20');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('view-title')).toHaveText('Zo groeide de dag');
    // Everyone came between 10:00 and 11:00: the replay's clock starts in that hour.
    await expect(page.getByTestId('replay-clock')).toHaveText(/^10:\d\d$/);
    // Every figure walks inside the polygon (crowdSim.test.ts), so every label must stand outside it.
    const view = fitStage(3, 10, 1280, 720);
    const corners = [0, 1, 2].map((i) =>
      toScreen(view, 1280, 720, ...(polygonCorner(i, 3).map((v) => v * 10) as [number, number])),
    );
    const inside = (x: number, y: number): boolean =>
      corners.every(([ax, ay], i) => {
        const [bx, by] = corners[(i + 1) % 3]!;
        return (bx - ax) * (y - ay) - (by - ay) * (x - ax) <= 0;
      });
    // The words of each label (a corner's box starts at the corner and keeps its words clear with padding).
    const words = page.locator('.corner-name, .corner-numbers, [data-testid="headline"]');
    for (let k = 0; k < (await words.count()); k++) {
      const el = words.nth(k);
      const id = (await el.textContent()) ?? '';
      const b = (await el.boundingBox())!;
      for (const [x, y] of [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
        [b.x + b.width / 2, b.y + b.height / 2],
      ] as const)
        expect(inside(x, y), `${id} at ${Math.round(x)},${Math.round(y)}`).toBe(false);
    }
    await page.clock.runFor(25_000);
    await expect(page.getByTestId('replay-count')).toHaveText('20 van 20');
    await expect(page.getByTestId('replay-clock')).toHaveText('11:00');
  });
});
