/**
 * Clock times in the event's time zone (a setting), never the machine's: a hub laptop set to UTC or carried from
 * another country still prints the hours the visitors saw on the wall. Built on Intl, which every runtime here has.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name the runtime knows (IANA, such as "Europe/Amsterdam", or "UTC"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '' || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The time zone names to choose from, where the runtime lists them. */
export function timeZoneNames(): string[] {
  const list = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return list.includes('UTC') ? list : [...list, 'UTC'];
}

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading at `ms` in `timeZone`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The wall clock at `ms` written as if it were UTC: what a spreadsheet without time zones should show. */
export function wallClockAsUtc(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * Every zone's offset is a whole number of quarter hours, so the hour of day is the same throughout a quarter hour
 * of UTC: an export of a hundred thousand answers asks Intl once per quarter hour instead of once per answer.
 */
const QUARTER = 900_000;
const hours = new Map<string, number>();

/** Hour of day (0-23) at `ms` in `timeZone`. */
export function hourIn(ms: number, timeZone: string): number {
  const key = `${timeZone} ${Math.floor(ms / QUARTER)}`;
  let hour = hours.get(key);
  if (hour === undefined) {
    if (hours.size > 10_000) hours.clear();
    hour = wallClock(ms, timeZone).hour;
    hours.set(key, hour);
  }
  return hour;
}

/** The instant the wall clock in `timeZone` last read `hh:mm` with a whole number of `stepMinutes` (e.g. 00:00, 10:40). */
export function startOfStep(ms: number, timeZone: string, stepMinutes: number): number {
  const w = wallClock(ms, timeZone);
  const intoStep = ((w.hour * 60 + w.minute) % stepMinutes) * 60_000 + w.second * 1000 + (ms % 1000);
  return ms - intoStep;
}

/** The instant the event's day began: local midnight in `timeZone` (two passes settle a clock change that day). */
export function startOfDay(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const midnight = Date.UTC(w.year, w.month - 1, w.day);
  const offsetAt = (t: number): number => wallClockAsUtc(t, timeZone) - (t - (((t % 1000) + 1000) % 1000));
  const first = midnight - offsetAt(ms);
  return midnight - offsetAt(first);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "10:17" */
export function clockTime(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${two(w.hour)}:${two(w.minute)}`;
}

/** "6 februari 2026" or "6 February 2026". */
export function longDate(ms: number, timeZone: string, lang: 'nl' | 'en' = 'nl'): string {
  return new Date(ms).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** "2026-02-06 10:17" */
export function isoMinute(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
}

/** "6 februari 2026, 10:17 tot 15:42" (or across days "6 februari 2026 10:17 tot 7 februari 2026 09:02"). */
export function period(from: number, to: number, timeZone: string, lang: 'nl' | 'en' = 'nl'): string {
  const until = lang === 'en' ? 'to' : 'tot';
  const a = longDate(from, timeZone, lang);
  const b = longDate(to, timeZone, lang);
  if (a === b) return `${a}, ${clockTime(from, timeZone)} ${until} ${clockTime(to, timeZone)}`;
  return `${a} ${clockTime(from, timeZone)} ${until} ${b} ${clockTime(to, timeZone)}`;
}
