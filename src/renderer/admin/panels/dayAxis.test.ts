import { describe, expect, it } from 'vitest';
import { startOfDay, wallClock } from '../../../core/eventTime';
import { CHART_WIDTH, hourTicks, LABEL_GAP, LABEL_WIDTH, PLOT_LEFT, PLOT_WIDTH, type HourTick } from './dayAxis';

const STEP = 10 * 60_000;
/** The console's chart: at least two hours wide, at most a day (and a clock change) of ten-minute steps. */
const LENGTHS = [12, 13, 68, 69, 150];
/** Far from UTC, at odd offsets and on both sides of it, and Amsterdam on its two clock-change days. */
const DAYS = [
  { timeZone: 'Europe/Amsterdam', day: Date.UTC(2026, 1, 6, 12) },
  { timeZone: 'Europe/Amsterdam', day: Date.UTC(2026, 2, 29, 12) },
  { timeZone: 'Europe/Amsterdam', day: Date.UTC(2026, 9, 25, 12) },
  { timeZone: 'Asia/Kathmandu', day: Date.UTC(2026, 1, 6, 12) },
  { timeZone: 'Pacific/Chatham', day: Date.UTC(2026, 1, 6, 12) },
  { timeZone: 'America/St_Johns', day: Date.UTC(2026, 1, 6, 12) },
  { timeZone: 'UTC', day: Date.UTC(2026, 1, 6, 12) },
];

function ticksFor(timeZone: string, start: number, slots: number): HourTick[] {
  return hourTicks({ start, stepMs: STEP, slots, left: PLOT_LEFT, width: PLOT_WIDTH, timeZone });
}

describe('the hours under the day chart', () => {
  it('from every ten minutes of the day, at every length: each label whole inside the chart, none touching', () => {
    const problems: string[] = [];
    for (const { timeZone, day } of DAYS) {
      const midnight = startOfDay(day, timeZone);
      for (let start = midnight; start < midnight + 24 * 3_600_000; start += STEP)
        for (const slots of LENGTHS) {
          const ticks = ticksFor(timeZone, start, slots);
          const at = `${timeZone} from ${new Date(start).toISOString()}, ${slots} steps`;
          if (ticks.length === 0) problems.push(`${at}: no hour labelled`);
          for (const [i, tick] of ticks.entries()) {
            if (tick.x - LABEL_WIDTH / 2 < 0 || tick.x + LABEL_WIDTH / 2 > CHART_WIDTH)
              problems.push(`${at}: ${tick.text} cut at x ${tick.x}`);
            if (!/^\d\d:00$/.test(tick.text) || wallClock(tick.ms, timeZone).minute !== 0)
              problems.push(`${at}: ${tick.text} is not a whole hour`);
            if (i > 0 && tick.x - ticks[i - 1]!.x < LABEL_WIDTH + LABEL_GAP)
              problems.push(`${at}: ${ticks[i - 1]!.text} and ${tick.text} touch`);
          }
        }
    }
    expect(problems).toEqual([]);
  });

  it('labels every hour while they fit, and only every few hours on a long day', () => {
    // 04:00 to 06:00 in Amsterdam, the span that cut "06:00" at the right edge: all three hours, at both ends.
    const four = Date.UTC(2026, 11, 6, 3);
    const short = ticksFor('Europe/Amsterdam', four, 12);
    expect(short.map((t) => t.text)).toEqual(['04:00', '05:00', '06:00']);
    expect(short[0]!.x).toBe(PLOT_LEFT);
    expect(short[2]!.x).toBe(PLOT_LEFT + PLOT_WIDTH);
    // 08:00 to 19:20: eleven hours still fit one by one.
    const eight = Date.UTC(2026, 1, 6, 7);
    expect(ticksFor('Europe/Amsterdam', eight, 68)).toHaveLength(12);
    // The whole day: every third hour, from midnight.
    const day = ticksFor('Europe/Amsterdam', startOfDay(eight, 'Europe/Amsterdam'), 144);
    expect(day.map((t) => t.text)).toEqual([
      '00:00',
      '03:00',
      '06:00',
      '09:00',
      '12:00',
      '15:00',
      '18:00',
      '21:00',
      '00:00',
    ]);
  });

  it('names the hours of the event in its own zone, also where the offset is not whole hours', () => {
    // 10:05 UTC is 15:50 in Kathmandu (UTC+5:45): its hours are 16:00 and 17:00, a quarter past the UTC ones.
    const ticks = ticksFor('Asia/Kathmandu', Date.UTC(2026, 1, 6, 10, 5), 12);
    expect(ticks.map((t) => t.text)).toEqual(['16:00', '17:00']);
    expect(ticks.map((t) => new Date(t.ms).toISOString())).toEqual([
      '2026-02-06T10:15:00.000Z',
      '2026-02-06T11:15:00.000Z',
    ]);
  });
});
