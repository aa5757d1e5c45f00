import { join } from 'node:path';
import { arrivals, daySection, hourLabels, logIn, seedDay } from './consoleDayPage';
import { expect, test } from './fixtures';
import { measureLayout, minBarWidth, SHOTS, SIZES, sizeName } from './layout';

/*
 * The console's day chart at the hours that cut its labels and around midnight in the event's time zone, each on a
 * fixed clock (the hub's and the page's): whatever the hour the test runs, the chart shows the same hours.
 */

/** The phone and the tablet on its side where "06:00" was cut first. */
const LOOKED_AT = SIZES.filter((s) => (s.width === 390 && s.height === 844) || (s.width === 1180 && s.height === 820));

const MINUTE = 60_000;
/** An instant on 6 February 2026 (Amsterdam is UTC+1 then, Chatham UTC+13:45), given as a UTC time "hh:mm". */
const utc = (hhmm: string, day = 6): number => Date.parse(`2026-02-0${day}T${hhmm}:00Z`);
/** Every five minutes of an evening in Amsterdam, 18:00 to 23:45 (17:00 to 22:45 UTC). */
const evening = Array.from({ length: 70 }, (_, k) => utc('17:00') + k * 5 * MINUTE);

const CASES = [
  {
    name: 'cutting-hour',
    when: 'at 04:05 in Amsterdam, when "06:00" stood half outside the right edge',
    clock: '2026-02-06T03:05:00Z',
    arrivals: [utc('03:01'), utc('03:03')],
    hours: ['04:00', '05:00', '06:00'],
    today: 2,
  },
  {
    name: 'before-midnight',
    when: 'at 23:50 in Amsterdam, the evening ending on 00:00',
    clock: '2026-02-06T22:50:00Z',
    arrivals: evening,
    hours: ['18:00', '19:00', '20:00', '21:00', '22:00', '23:00', '00:00'],
    today: 70,
  },
  {
    name: 'after-midnight',
    when: 'at 00:10 in Amsterdam (still the 6th in UTC): a new day, the evening gone from the chart',
    clock: '2026-02-06T23:10:00Z',
    arrivals: [...evening, utc('23:02')],
    hours: ['00:00', '01:00', '02:00'],
    today: 1,
  },
  {
    name: 'long-day',
    when: 'at 21:50 in Amsterdam after a day from 07:00: every second hour, none touching',
    clock: '2026-02-06T20:50:00Z',
    arrivals: Array.from({ length: 89 }, (_, k) => utc('06:00') + k * 10 * MINUTE),
    hours: ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00', '20:00', '22:00'],
    today: 89,
  },
  {
    name: 'chatham',
    when: 'at 00:05 on the Chatham Islands (UTC+13:45, 10:20 UTC the day before): their midnight, their hours',
    clock: '2026-02-06T10:20:00Z',
    timeZone: 'Pacific/Chatham',
    arrivals: [...Array.from({ length: 12 }, (_, k) => utc('09:15') + k * 5 * MINUTE), utc('10:16')],
    hours: ['00:00', '01:00', '02:00'],
    today: 1,
  },
];

for (const day of CASES) {
  test.describe(day.name, () => {
    test.use({ clock: day.clock });

    test(`the day chart's hours stand whole ${day.when}`, async ({ page, hub }) => {
      await seedDay(hub, day.arrivals, day.timeZone);
      await logIn(page, hub);
      await expect(page.getByTestId('status-today')).toHaveText(String(day.today));
      await expect.poll(() => hourLabels(page)).toEqual(day.hours);
      expect(await arrivals(page)).toBe(day.today);
      for (const size of LOOKED_AT) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const shot = `console-day-${day.name}-${sizeName(size)}`;
        await daySection(page).screenshot({ path: join(SHOTS, `${shot}.png`) });
        const report = await measureLayout(page, minBarWidth(size));
        expect.soft(report.cut, `${shot}: cut off`).toEqual([]);
        expect.soft(report.overlaps, `${shot}: overlapping`).toEqual([]);
      }
    });
  });
}
