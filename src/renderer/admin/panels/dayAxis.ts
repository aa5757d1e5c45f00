import { clockTime, wallClock } from '../../../core/eventTime';

/**
 * The hours under the console's day chart. Each label stands centred under its hour, as a reader expects, so the
 * plot keeps half a label free at both ends: the first and the last hour (the chart starts and ends on any ten
 * minutes of the day) are read whole, never cut by the chart's edge. When the day grows long, every second, third
 * ... hour is labelled instead, so no two labels touch.
 */

/** Room for "00:00" at the chart's 12 px in the widest font the console falls back to (DejaVu Sans: about 35). */
export const LABEL_WIDTH = 36;
/** Free space between two neighbouring labels. */
export const LABEL_GAP = 6;
/** The chart's width in its own units (the svg scales it to the column). */
export const CHART_WIDTH = 520;
/** Where the bars begin: half a label in, so the first hour's label stands whole under its hour. */
export const PLOT_LEFT = LABEL_WIDTH / 2 + 2;
/** The bars' width: half a label free at the right end too, for the last hour's label. */
export const PLOT_WIDTH = CHART_WIDTH - 2 * PLOT_LEFT;
/** Hours between labels, the first that leaves room for each label; all of them divide a day. */
const EVERY = [1, 2, 3, 4, 6, 12, 24] as const;

/** An hour label: the instant it names, its text and the x of its middle. */
export interface HourTick {
  ms: number;
  text: string;
  x: number;
}

/** The chart's horizontal frame: `slots` steps of `stepMs` from `start`, drawn from `left` over `width` units. */
export interface DayFrame {
  start: number;
  stepMs: number;
  slots: number;
  left: number;
  width: number;
  timeZone: string;
}

/** The labelled hours of the event's clock on the chart's step boundaries, spaced so that none touch. */
export function hourTicks(frame: DayFrame): HourTick[] {
  const { start, stepMs, slots, left, width, timeZone } = frame;
  const slot = width / slots;
  const hours: { ms: number; hour: number; x: number }[] = [];
  for (let i = 0; i <= slots; i++) {
    const ms = start + i * stepMs;
    const wall = wallClock(ms, timeZone);
    if (wall.minute === 0) hours.push({ ms, hour: wall.hour, x: left + i * slot });
  }
  const hourWidth = (3_600_000 / stepMs) * slot;
  const every = EVERY.find((n) => n * hourWidth >= LABEL_WIDTH + LABEL_GAP) ?? 24;
  const ticks: HourTick[] = [];
  for (const { ms, hour, x } of hours) {
    if (hour % every !== 0) continue;
    // A clock change can bring two labelled hours closer than the rest (02:00 twice in autumn): the later one goes.
    const previous = ticks.at(-1);
    if (previous && x - previous.x < LABEL_WIDTH + LABEL_GAP) continue;
    ticks.push({ ms, text: clockTime(ms, timeZone), x });
  }
  return ticks;
}
