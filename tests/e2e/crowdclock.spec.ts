import type { Page } from '@playwright/test';
import { PATTERN, submit } from './answers';
import { expect, test, type HubProcess } from './fixtures';
import { sceneCoverage, withoutWebGL } from './pixels';

test.use({ viewport: { width: 1280, height: 720 } });

/** Lets a figure walk in and stop glowing (2.4 s walk, 3 s glow), then gives the page time to draw a frame. */
async function settle(page: Page): Promise<void> {
  await page.clock.fastForward(8000);
  await page.waitForTimeout(1000);
}

/** How much of the stage the figures cover: the picture with them, less the empty stage. */
interface Stage {
  empty: number;
  settled: number;
}

/** The projector is opened in the morning; answers arrive live hours later and walk onto the stage. */
async function morningThenLiveAnswers(page: Page, hub: HubProcess): Promise<Stage> {
  await page.clock.install();
  await page.goto(`${hub.url}/projector`);
  await expect(page.getByTestId('total')).toHaveText('0');
  const empty = await sceneCoverage(page);
  await page.clock.fastForward('03:00:00');
  await submit(hub, PATTERN);
  await expect(page.getByTestId('total')).toHaveText('7');
  await settle(page);
  const settled = await sceneCoverage(page);
  console.log(`empty stage ${empty.toFixed(4)}, with the live crowd ${settled.toFixed(4)}`);
  expect(settled - empty, 'the live crowd on the stage').toBeGreaterThan(0.001);
  return { empty, settled };
}

/** Every figure still stands on the stage: the area the figures cover stays what it was. */
async function expectCrowdStands(page: Page, stage: Stage, step: string): Promise<void> {
  const coverage = await sceneCoverage(page);
  console.log(`${step}: ${coverage.toFixed(4)}`);
  expect(coverage - stage.empty, step).toBeGreaterThan((stage.settled - stage.empty) * 0.8);
}

async function expectCrowdStandsAfter(page: Page, stage: Stage, step: string, keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
  await expect(page.getByTestId('view-title')).toHaveText('Het publiek');
  await settle(page);
  await expectCrowdStands(page, stage, step);
}

test('figures that arrived live still stand in the crowd after every view change and a blank', async ({
  page,
  hub,
}) => {
  const settled = await morningThenLiveAnswers(page, hub);
  await expectCrowdStandsAfter(page, settled, 'next and previous view', ['ArrowRight', 'ArrowLeft']);
  await expectCrowdStandsAfter(page, settled, 'blank and back', ['b', 'b']);
  await expectCrowdStandsAfter(page, settled, 'bars, casus and back', [
    'ArrowRight',
    'ArrowRight',
    'ArrowLeft',
    'ArrowLeft',
  ]);

  // The replay walks everyone in again over twenty seconds, and ends with the whole crowd on the stage.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('view-title')).toHaveText('Zo groeide de dag');
  await page.clock.fastForward(25_000);
  await expect(page.getByTestId('replay-count')).toHaveText('7 van 7');
  await page.waitForTimeout(1000);
  await expectCrowdStands(page, settled, 'end of the replay');
  await expectCrowdStandsAfter(page, settled, 'replay to crowd', ['ArrowRight']);
});

test('without WebGL, figures that arrived live survive a resize, hiding and a blank', async ({ page, hub }) => {
  await withoutWebGL(page);
  const settled = await morningThenLiveAnswers(page, hub);
  await expect(page.getByTestId('scene-2d')).toBeVisible();
  await expectCrowdStandsAfter(page, settled, 'hide and reveal', ['h', 'h']);
  await expectCrowdStandsAfter(page, settled, 'blank and back', ['b', 'b']);
  await page.setViewportSize({ width: 1200, height: 700 });
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectCrowdStandsAfter(page, settled, 'resize', []);
});

test.describe('a replay of a morning', () => {
  // The hub stamps the arrivals at 08:00 in Amsterdam and the page starts there too; the talk comes at 14:00.
  test.use({ clock: '2025-06-12T08:00:00+02:00' });

  test('the replay tells one moment: the counter, the total, the corners and the clock', async ({ page, hub }) => {
    await page.goto(`${hub.url}/projector`);
    await submit(
      hub,
      Array.from({ length: 40 }, (_, i) => PATTERN[i % PATTERN.length]!),
    );
    await expect(page.getByTestId('total')).toHaveText('40');
    await page.clock.pauseAt(new Date('2025-06-12T14:00:00+02:00'));
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('view-title')).toHaveText('Zo groeide de dag');
    await page.clock.runFor(10_000);

    const counter = (await page.getByTestId('replay-count').textContent()) ?? '';
    const walked = Number(/^(\d+) van 40$/.exec(counter)?.[1]);
    console.log(`halfway through the replay: "${counter}"`);
    expect(walked).toBeGreaterThan(10);
    expect(walked).toBeLessThan(30);
    await expect(page.getByTestId('total')).toHaveText(String(walked));
    // The corners and the balanced mixes (count-balanced) together.
    const corners = await page.locator('[data-testid^="count-"]').allTextContents();
    expect(corners.reduce((sum, c) => sum + Number(c), 0)).toBe(walked);
    // Everyone came between 08:00 and 09:00 (one span of the hub's hours): the clock stands as far into that hour as
    // the figures that walked in are into the crowd.
    const minute = String(Math.floor((60 * walked) / 40)).padStart(2, '0');
    await expect(page.getByTestId('replay-clock')).toHaveText(`08:${minute}`);

    await page.clock.runFor(15_000);
    await expect(page.getByTestId('replay-count')).toHaveText('40 van 40');
    await expect(page.getByTestId('total')).toHaveText('40');
    await expect(page.getByTestId('replay-clock')).toHaveText('09:00');
  });
});
