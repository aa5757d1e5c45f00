import { wallClock } from '../../../core/eventTime';

/** Today's date (YYYY-MM-DD) in the event's time zone, not the computer's. */
export function todayIn(timeZone: string, now = Date.now()): string {
  const { year, month, day } = wallClock(now, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
