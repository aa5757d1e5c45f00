import { loginAsOrganiser, TestClient } from '../support/hub';
import { PATTERN, submit } from './answers';
import { shippedInstrument } from '../support/instruments';
import { expect, test, type HubProcess } from './fixtures';
import { sceneCoverage, withoutWebGL } from './pixels';

const instrument = shippedInstrument('ideale-ambtenaar');
test.use({ viewport: { width: 1280, height: 720 } });

async function hubAggregate(hub: HubProcess) {
  const probe = await TestClient.connect(hub.url, 'projector');
  const welcome = probe.messages[0]!;
  probe.close();
  if (welcome.type !== 'welcome') throw new Error('expected a welcome');
  return welcome.aggregate;
}

test('submitted responses appear as figures, and the numbers on screen match the hub', async ({ page, hub }) => {
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('0');
  await submit(hub, PATTERN);
  await expect(page.getByTestId('total')).toHaveText('7');
  await expect(page.locator('.total-label')).toHaveText('deelnemers');
  const aggregate = await hubAggregate(hub);
  expect(aggregate.leading).toEqual([2, 1, 3]);
  expect(aggregate.balanced).toBe(1);
  for (const [i, type] of instrument.types.entries()) {
    await expect(page.getByTestId(`count-${type.id}`)).toHaveText(String(aggregate.leading[i]));
  }
  await expect(page.getByTestId('percent-bureaucraat')).toHaveText('29%');
  await expect(page.getByTestId('percent-ondernemer')).toHaveText('14%');
  await expect(page.getByTestId('percent-verbinder')).toHaveText('43%');
  await expect(page.getByTestId('count-balanced')).toHaveText('1');
  await expect(page.getByTestId('percent-balanced')).toHaveText('14%');
  await page.waitForTimeout(3500);
  expect(await sceneCoverage(page)).toBeGreaterThan(0.003);
  await page.screenshot({ path: 'test-results/screens/projector-crowd.png' });
});

test('below five participants no distribution and no figures are shown', async ({ page, hub }) => {
  await page.goto(`${hub.url}/projector`);
  await submit(hub, PATTERN.slice(0, 4));
  await expect(page.getByTestId('total')).toHaveText('4');
  await expect(page.getByText('Vanaf 5 deelnemers verschijnt hier de verdeling.')).toBeVisible();
  await expect(page.getByTestId('count-bureaucraat')).toHaveCount(0);
  const withoutFigures = await sceneCoverage(page);
  await submit(hub, PATTERN.slice(4));
  await expect(page.getByTestId('count-bureaucraat')).toBeVisible();
  await page.waitForTimeout(3500);
  expect(await sceneCoverage(page)).toBeGreaterThan(withoutFigures * 1.2);
});

test('every key does what the help overlay says', async ({ page, hub }) => {
  await submit(hub, PATTERN);
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('7');
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help).toContainText('→ / PgDn / Spatie');
  await expect(help).toContainText('Volgende weergave');
  await expect(help).toContainText('H');
  // The live moment's key, and where the presenter's remote comes from.
  await expect(help).toContainText('Vraag aan de zaal');
  await expect(page.getByTestId('help-remote')).toHaveText(
    'Afstandsbediening: zet hem aan in de console en scan de code met je telefoon.',
  );
  // The views in the order of a talk.
  await expect(page.getByTestId('help-views').locator('li')).toHaveText([
    'Het publiek',
    'Leidend type',
    'Wie we zijn en wat ons werk vraagt',
    'Per groep',
    'De situatie die de zaal verdeelde',
    'Zo groeide de dag',
  ]);
  await expect(page.getByTestId('instrument-version')).toHaveText(
    'Dit beeld toont de antwoorden op De ideale ambtenaar, versie 3.0.0.',
  );
  await page.screenshot({ path: 'test-results/screens/projector-help.png' });
  await page.keyboard.press('F1');
  await expect(help).toHaveCount(0);

  const title = page.getByTestId('view-title');
  await expect(title).toHaveText('Het publiek');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('Leidend type');
  await expect(page.getByTestId('bar-verbinder')).toHaveText('43%');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/screens/projector-bars.png' });
  await page.keyboard.press('PageDown');
  await expect(title).toHaveText('Wie we zijn en wat ons werk vraagt');
  await expect(page.getByTestId('gap-verbinder')).toContainText('minder');
  await page.keyboard.press(' ');
  await expect(title).toHaveText('Per groep: Wat voor zaak heb je in gedachten?');
  await page.keyboard.press(' ');
  await expect(title).toHaveText('Per groep: Wat voor werk doe je vooral?');
  await page.keyboard.press(' ');
  await expect(title).toHaveText('Per groep: Bij welke overheid werk je?');
  await page.keyboard.press(' ');
  await expect(title).toHaveText('De situatie die de zaal verdeelde');
  await page.keyboard.press(' ');
  await expect(title).toHaveText('Zo groeide de dag');
  await expect(page.getByTestId('replay-count')).toContainText('van 7');
  for (let i = 0; i < 6; i++) await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'PageUp');
  await expect(title).toHaveText('Leidend type');

  await page.keyboard.press('h');
  await expect(page.getByTestId('bar-verbinder')).toHaveText('');
  await expect(page.getByTestId('hidden-notice')).toBeVisible();
  await page.keyboard.press('h');
  await expect(page.getByTestId('bar-verbinder')).toHaveText('43%');

  await page.keyboard.press('f');
  await expect(page.getByTestId('frozen-badge')).toBeVisible();
  await submit(hub, [() => 1]);
  await expect(page.getByTestId('frozen-badge')).toContainText('(1)');
  await expect(page.getByTestId('total')).toHaveText('7');
  await page.keyboard.press('f');
  await expect(page.getByTestId('total')).toHaveText('8');

  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('total')).toBeVisible();
});

test('hiding hides the numbers and the figures in the crowd view', async ({ page, hub }) => {
  await submit(hub, PATTERN);
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('count-verbinder')).toHaveText('3');
  await page.waitForTimeout(1500);
  const shown = await sceneCoverage(page);
  await page.keyboard.press('h');
  await expect(page.getByTestId('count-verbinder')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await sceneCoverage(page)).toBeLessThan(shown * 0.8);
});

test('the round filter shows only the round that runs', async ({ page, hub }) => {
  await submit(hub, PATTERN);
  const admin = await TestClient.connect(hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  admin.send({ type: 'admin', token, action: { kind: 'startRound', name: 'Zaal 2' } });
  await admin.waitFor((m) => m.type === 'done');
  await page.goto(`${hub.url}/projector`);
  await submit(hub, [() => 1, () => 1, () => 1, () => 1, () => 1]);
  await expect(page.getByTestId('total')).toHaveText('12');
  await page.keyboard.press('r');
  await expect(page.getByTestId('round-badge')).toHaveText('Alleen ronde: Zaal 2');
  await expect(page.getByTestId('total')).toHaveText('5');
  await expect(page.getByTestId('count-ondernemer')).toHaveText('5');
  await expect(page.getByTestId('percent-ondernemer')).toHaveText('100%');
  // Views counted for the whole day say so instead of naming a round their numbers do not stand for.
  const badgeIn = async (title: RegExp): Promise<string | null> => {
    const shown = page.getByTestId('view-title');
    for (let i = 0; i < 8; i++) {
      const now = (await shown.textContent()) ?? '';
      if (title.test(now)) break;
      await page.keyboard.press('ArrowRight');
      await expect(shown).not.toHaveText(now);
    }
    await expect(shown).toHaveText(title);
    return page.getByTestId('round-badge').textContent();
  };
  expect(await badgeIn(/^Leidend type$/)).toBe('Alleen ronde: Zaal 2');
  expect(await badgeIn(/^Per groep: /)).toBe('Hele dag: deze weergave telt niet per ronde');
  await expect(page.getByTestId('total')).toHaveText('12');
  expect(await badgeIn(/^De situatie die de zaal verdeelde$/)).toBe('Hele dag: deze weergave telt niet per ronde');
  expect(await badgeIn(/^Het publiek$/)).toBe('Alleen ronde: Zaal 2');
  await expect(page.getByTestId('total')).toHaveText('5');
  await page.keyboard.press('r');
  await expect(page.getByTestId('total')).toHaveText('12');
  admin.close();
});

test('the projector survives a hub restart and catches up', async ({ page, hub }) => {
  await submit(hub, PATTERN);
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('7');
  await hub.kill();
  await expect(page.getByText('Verbinding met de hub kwijt')).toBeVisible();
  await hub.start();
  await submit(hub, [() => 0, () => 0]);
  await expect(page.getByTestId('total')).toHaveText('9', { timeout: 15_000 });
  await expect(page.getByTestId('count-bureaucraat')).toHaveText('4');
});

test('without WebGL the page shows the same information in 2-D', async ({ page, hub }) => {
  await withoutWebGL(page);
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('scene-2d')).toBeVisible();
  const empty = await sceneCoverage(page);
  await submit(hub, PATTERN);
  await expect(page.getByTestId('count-verbinder')).toHaveText('3');
  await page.waitForTimeout(3000);
  // Seven figures, sized for a small crowd, on the stage.
  expect((await sceneCoverage(page)) - empty).toBeGreaterThan(0.002);
  await page.screenshot({ path: 'test-results/screens/projector-2d.png' });
});

test('on 16:9 and 16:10 every type name stands on one line, beside its corner, and the stage has the height', async ({
  page,
  hub,
}) => {
  await submit(hub, PATTERN);
  for (const [width, height] of [
    [1920, 1080],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`${hub.url}/projector`);
    await expect(page.getByTestId('total')).toHaveText('7');
    for (const type of instrument.types) {
      const name = page.getByTestId(`corner-${type.id}`).locator('.corner-name');
      const box = (await name.boundingBox())!;
      const lineHeight = await name.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 1.6);
      expect(box.height, `${type.id} at ${width}×${height}`).toBeLessThan(lineHeight);
    }
    // The lower corners' labels stand beside the stage, level with their corner; nothing is under the stage.
    const left = (await page.getByTestId('corner-ondernemer').boundingBox())!;
    const right = (await page.getByTestId('corner-verbinder').boundingBox())!;
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    expect(left.x + left.width).toBeLessThan(right.x);
    expect(right.y + right.height).toBeLessThan(height * 0.97);
  }
});
