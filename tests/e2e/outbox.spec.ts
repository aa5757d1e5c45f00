import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { expect, test } from './fixtures';

const instrument = shippedInstrument('ideale-ambtenaar');
const PENDING = 2000;

/** What the kiosk still holds: every key of its outbox, in whichever format it was stored. */
function pendingInPage(): number {
  const old = JSON.parse(localStorage.getItem('ideale.outbox.v1') ?? '[]') as unknown[];
  let keys = 0;
  for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith('ideale.outbox.v2.')) keys++;
  return old.length + keys;
}

test('a kiosk that was unpaired for a while flushes 2,000 answers, each once, and stays responsive', async ({
  page,
  hub,
}) => {
  test.setTimeout(300_000);
  const responses = Array.from({ length: PENDING }, (_, i) => makeResponse(instrument, (k) => (i + k) % 3));
  // Left by an earlier version of the kiosk, as an upgraded kiosk finds it.
  await page.addInitScript((stored) => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem('ideale.outbox.v1', stored);
    sessionStorage.setItem('seeded', '1');
  }, JSON.stringify(responses));
  // The page's own JavaScript time, as Chromium counts it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };

  const t0 = Date.now();
  await page.goto(`${hub.url}/kiosk`);
  await expect.poll(() => hub.storedResponses().length).toBeGreaterThan(10);
  const [fromCount, fromMs] = [hub.storedResponses().length, await scriptMs()];
  await page.waitForTimeout(20_000);
  const [toCount, toMs] = [hub.storedResponses().length, await scriptMs()];
  const perAnswer = (toMs - fromMs) / (toCount - fromCount);
  console.log(`flushing: ${toCount - fromCount} answers in 20 s, ${perAnswer.toFixed(2)} ms of script per answer`);
  // Each answer costs the same whether 2,000 or 2 wait behind it: well under the 40 ms gap between sends.
  expect(perAnswer).toBeLessThan(5);

  await expect.poll(() => hub.storedResponses().length, { timeout: 240_000, intervals: [2000] }).toBe(PENDING);
  console.log(`all ${PENDING} answers delivered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await expect.poll(() => page.evaluate(pendingInPage)).toBe(0);
  const stored = hub.storedResponses();
  expect(new Set(stored.map((r) => r.id))).toEqual(new Set(responses.map((r) => r.id)));
});
