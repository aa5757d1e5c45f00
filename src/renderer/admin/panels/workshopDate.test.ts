import { describe, expect, it } from 'vitest';
import { todayIn } from './workshopDate';

describe('the workshop form date', () => {
  it('is today in the event time zone, not the computer clock', () => {
    // 23:30 UTC on 17 March is already 18 March in Amsterdam, still 17 March in New York.
    const late = Date.parse('2026-03-17T23:30:00Z');
    expect(todayIn('Europe/Amsterdam', late)).toBe('2026-03-18');
    expect(todayIn('America/New_York', late)).toBe('2026-03-17');
  });
});
