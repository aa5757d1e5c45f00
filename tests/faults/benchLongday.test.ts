import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { benchLongDay } from '../../scripts/bench/longday.mjs';

/**
 * The long-day bench on a short day whose browser is killed in the first hour and whose projector page crashes in the
 * second: each hour is reported as failed with what the browser and the page reported, the projector is opened again
 * and the rest of the day, and its end, still run.
 */
it('a long day whose browser or page dies says why, opens the projector again and goes on', async () => {
  if (!existsSync(join(__dirname, '../../out/main/hub.js'))) throw new Error('run npm run build first');
  const printed: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void printed.push(parts.join(' '));
  let outcome: unknown = null;
  try {
    await benchLongDay({
      minutes: 0.8,
      arrivals: 30,
      hours: 3,
      during: async (hour, day) => {
        if (hour === 1) {
          const { processInfo } = (await day.session.send('SystemInfo.getProcessInfo')) as {
            processInfo: { type: string; id: number }[];
          };
          process.kill(processInfo.find((p) => p.type === 'browser')!.id, 'SIGKILL');
        }
        if (hour === 2) void day.pageSession.send('Page.crash').catch(() => undefined);
      },
    });
  } catch (error) {
    outcome = error;
  } finally {
    console.log = log;
  }
  const output = printed.join('\n');
  console.log(output);
  expect(output).toMatch(
    /hour 1 failed: .*browser disconnected.*last sample: renderer RSS \d+ MB, GPU process RSS \d+ MB/,
  );
  expect(output).toContain('projector reopened in a new browser');
  expect(output).toMatch(/hour 2 failed: page crash/);
  // The crashed page's close belongs to hour 2: hour 3 ran without events.
  expect(output).not.toMatch(/hour 3 .*\n {4}events:/);
  expect(output).toMatch(/hour 3 \(page clock [\d.]+ h\): 30 arrivals, .*renderer RSS \d+ MB/);
  expect(output).toMatch(/on stage at the end: \d+ figures drawn, 30 on the counter, 30 sent/);
  expect(String(outcome)).toContain('hour 1, hour 2 failed');
}, 300_000);
