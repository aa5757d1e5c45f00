import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { installFastClock } from '../../scripts/bench/longday.mjs';

/** The page's side, typed here: these tests compile without the DOM's types. */
interface PageWithFrames {
  framesSeen: number;
  requestAnimationFrame: (callback: () => void) => number;
}

const RUN = join(__dirname, '../../scripts/bench/run.mjs');

function bench(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  if (!existsSync(join(__dirname, '../../out/main/hub.js'))) throw new Error('run npm run build first');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run bench', () => {
  it('prints why a phase failed, still runs the phases after it, and exits 1 at the end', async () => {
    // The kiosk phase cannot start its browser; the hub phase needs none.
    const { code, output } = await bench(['kiosk', 'hub'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(output).toMatch(/phase kiosk failed: .*\/nonexistent\/chromium/);
    expect(output).toMatch(/hub: 2000 submissions from 50 clients/);
    expect(output).toMatch(/stored after restart 2200 of 2200/);
    expect(output).toContain('bench: phase(s) failed: kiosk');
    expect(code).toBe(1);
  }, 60_000);
});

describe("the long day's clock", () => {
  it("runs the page's day fast and leaves its animation frames to the browser", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    try {
      const page = await browser.newPage();
      await installFastClock(page);
      await page.goto('data:text/html,<title>clock</title>');
      const before = await page.evaluate(() => Date.now());
      await page.clock.fastForward(3_600_000);
      expect((await page.evaluate(() => Date.now())) - before).toBeGreaterThanOrEqual(3_600_000);
      // With the page's clock standing still only the browser's own frames can come; a frame timer of the clock
      // would not fire. Those frames wait for the GPU, so the page cannot queue more drawing than it can do.
      await page.clock.pauseAt(before + 7_200_000);
      await page.evaluate(() => {
        const page = globalThis as unknown as PageWithFrames;
        page.framesSeen = 0;
        const frame = (): void => {
          page.framesSeen += 1;
          page.requestAnimationFrame(frame);
        };
        page.requestAnimationFrame(frame);
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const frames = await page.evaluate(() => (globalThis as unknown as PageWithFrames).framesSeen);
      expect(frames).toBeGreaterThan(5);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
