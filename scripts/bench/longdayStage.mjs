/** What the long day looks at on the projector's stage: the scene drawing again, and how much of it the crowd covers. */

/** Real time after a view change before the clock jumps again. */
const SETTLE_MS = 300;

/** The share of the scene's pixels that are not the background: how much of the stage the crowd covers. */
async function stageCoverage(page) {
  // A clip of the page, not an element screenshot: that waits for the element to be stable over frames of a
  // clock that only moves when the bench moves it.
  const clip = await page
    .locator('canvas')
    .boundingBox({ timeout: 10_000 })
    .catch(() => null);
  if (!clip) return NaN;
  const shot = await page.screenshot({ clip, timeout: 60_000 }).catch(() => null);
  if (!shot) return NaN;
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let other = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - 11) + Math.abs(d[i + 1] - 16) + Math.abs(d[i + 2] - 32) > 30) other++;
    return other / (d.length / 4);
  }, shot.toString('base64'));
}

/**
 * Lets the page's clock run at its own pace after a view change, as it would on the day, until a view with the
 * scene draws again (at most 3 s). The scene mounts by measuring its container; a jump of many seconds at that
 * instant can leave it waiting (seen only under this fake clock, never with a real one). False when it did not draw.
 */
export async function settle(page) {
  const before = await page.evaluate(() => window.__bench.frames.length);
  await page.waitForTimeout(SETTLE_MS);
  for (let waited = SETTLE_MS; waited < 3000; waited += 100) {
    const { drawn, scene } = await page.evaluate(() => ({
      drawn: window.__bench.frames.length,
      scene: document.querySelector('canvas') !== null,
    }));
    if (!scene || drawn > before) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/**
 * The whole day on stage: crowd view, no round filter, and a last blank to remount the canvas. Prints the figures
 * drawn against the counter and the answers sent, and the share of the stage the crowd covers before and after.
 */
export async function endOfDay(page, sent) {
  const filtered = await page.locator('[data-testid="round-badge"]').count();
  if (filtered) await page.keyboard.press('r');
  while ((await page.getByTestId('view-title').textContent({ timeout: 10_000 })) !== 'Het publiek')
    await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.clock.fastForward(30_000);
  await page.waitForTimeout(2000);
  const before = await stageCoverage(page);
  await page.keyboard.press('b');
  await page.keyboard.press('b');
  await page.waitForTimeout(2000);
  const after = await stageCoverage(page);
  const total = Number(await page.getByTestId('total').textContent());
  const instances = await page.evaluate(() => window.__bench.lastInstances);
  console.log(`  on stage at the end: ${instances} figures drawn, ${total} on the counter, ${sent} sent`);
  console.log(
    Number.isNaN(before + after)
      ? '  stage coverage: no screenshot in time (a software rasteriser draws a large crowd slowly)'
      : `  stage covered by the crowd: ${(before * 100).toFixed(2)} % before a blank, ${(after * 100).toFixed(2)} % after (the same when every figure stands where it belongs)`,
  );
}
