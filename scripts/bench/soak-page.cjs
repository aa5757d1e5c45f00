/**
 * One visitor, tapping through the real page as soon as each screen is there: start, 12 situations, the case skipped,
 * the casus, two context questions skipped, the result until it is saved (the reveal tapped away), back to the start. Runs in the page (a Playwright click
 * per tap would make the bench measure Playwright), so it is plain browser JavaScript.
 */
async function visit(v) {
  const frame = () => new Promise((resolve) => setTimeout(resolve, 4));
  const text = (selector) => document.querySelector(selector)?.textContent ?? null;
  const find = async (selector, ready = () => true) => {
    for (let i = 0; i < 5000; i++) {
      const found = [...document.querySelectorAll(selector)].filter((e) => !e.disabled);
      if (found.length && ready()) return found;
      await frame();
    }
    throw new Error(`visitor ${v}: ${selector} did not appear`);
  };
  (await find('.attract button.primary'))[0].click();
  (await find('.intro button.primary'))[0].click();
  let step = null;
  for (let i = 0; i < 12; i++) {
    const options = await find('.screen.item .option', () => text('.screen.item .step') !== step);
    step = text('.screen.item .step');
    // A first and a second choice: the second moves on to the next situation.
    options[(v + i) % 3].click();
    options[(v + i + 1) % 3].click();
  }
  (await find('.case .row .secondary')).at(-1).click();
  (await find('.casus .option'))[v % 3].click();
  let prompt = null;
  for (let i = 0; i < 2; i++) {
    const buttons = await find('.context .row .secondary', () => text('.context .prompt') !== prompt);
    prompt = text('.context .prompt');
    buttons[buttons.length - 1].click();
  }
  await find('[data-testid="delivery"][data-state="saved"]');
  document.querySelector('.reveal button')?.click();
  (await find('.result-take button.primary', () => !document.querySelector('.reveal')))[0].click();
  await find('.attract button.primary');
}

/** JS heap in MB after a full garbage collection, so the figure is what the page holds, not what it may free. */
async function heapMb(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}

module.exports = { visit, heapMb };
