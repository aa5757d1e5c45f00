import { heapMb, visit } from '../../scripts/bench/soak-page.cjs';
import { expect, test } from './fixtures';

/** The short form of the soak (`node scripts/bench/soak.mjs 2000` runs the whole day). */
const VISITORS = Number(process.env.SOAK_VISITORS ?? 150);
const HEAP_BUDGET_MB = 20;

test(`soak: ${VISITORS} visitors through the real kiosk page while the projector animates`, async ({
  browser,
  hub,
}) => {
  test.setTimeout(Math.max(120_000, VISITORS * 2000));
  const crashes: string[] = [];
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  projector.on('crash', () => crashes.push('projector'));
  await projector.goto(`${hub.url}/projector`);
  const kioskContext = await browser.newContext({
    hasTouch: true,
    viewport: { width: 1920, height: 1080 },
    reducedMotion: 'reduce',
  });
  const kiosk = await kioskContext.newPage();
  kiosk.on('crash', () => crashes.push('kiosk'));
  await kiosk.goto(`${hub.url}/kiosk?result=600`);

  let before = { kiosk: 0, projector: 0 };
  for (let v = 0; v < VISITORS; v++) {
    await kiosk.evaluate(visit, v);
    if (v === 9) before = { kiosk: await heapMb(kiosk), projector: await heapMb(projector) };
  }
  await expect(projector.getByTestId('total')).toHaveText(String(VISITORS));
  const growth = {
    kiosk: (await heapMb(kiosk)) - before.kiosk,
    projector: (await heapMb(projector)) - before.projector,
  };
  const stored = hub.storedResponses();
  console.log(
    `soak (short): ${VISITORS} visitors, ${stored.length} stored, heap growth kiosk ${growth.kiosk.toFixed(1)} MB, ` +
      `projector ${growth.projector.toFixed(1)} MB (budget ${HEAP_BUDGET_MB} MB), crashes: ${crashes.length}`,
  );
  expect(crashes).toEqual([]);
  expect(stored).toHaveLength(VISITORS);
  expect(new Set(stored.map((r) => r.id)).size).toBe(VISITORS);
  expect(growth.kiosk).toBeLessThan(HEAP_BUDGET_MB);
  expect(growth.projector).toBeLessThan(HEAP_BUDGET_MB);
  await kioskContext.close();
});
