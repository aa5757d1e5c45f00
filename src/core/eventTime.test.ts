import { describe, expect, it } from 'vitest';
import { hourIn, wallClock } from './eventTime';

describe('hourIn', () => {
  it('gives the wall clock’s hour for every minute, across clock changes and quarter-hour zones', () => {
    const days = [Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25), Date.UTC(2026, 1, 6)];
    for (const zone of ['Europe/Amsterdam', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'UTC'])
      for (const day of days)
        for (let minute = -24 * 60; minute < 48 * 60; minute += 7) {
          const ms = day + minute * 60_000 + 13_000;
          expect(hourIn(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(wallClock(ms, zone).hour);
        }
  });
});
