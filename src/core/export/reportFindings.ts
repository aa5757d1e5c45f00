import { MIN_CROWD_FOR_DISTRIBUTION, type Aggregate } from '../aggregate';
import { dayHeadline, gapHeadline, leadingHeadline, type Headline } from '../headlines';
import type { ReportFigures } from './reportFigures';

/** The finding of each chart of the day report that has a projector view: the claim, or null for none. */
export interface ReportFindings {
  /** The crowd plot and the leading types (the projector's crowd and bars views). */
  leads: Headline | null;
  /** What our work asks against who we are (the casus view). */
  gap: Headline | null;
  /** The day per hour (the replay view): spans are whole hours, `from` and `to` in ms from midnight. */
  day: Headline | null;
}

const HOUR = 3_600_000;

/**
 * The projector's headlines for the report, decided by the same rules (core/headlines.ts) from the counts the
 * report shows and from nothing else: where a count a claim needs is hidden there is no claim, since which claim
 * is made (and "about the same" is one) would tell something about the hidden count.
 */
export function reportFindings(figures: ReportFigures, threshold: number): ReportFindings {
  const floor = Math.max(threshold, MIN_CROWD_FOR_DISTRIBUTION);
  const n = figures.participants;
  const leads = figures.leads.map((l) => l.count);
  const asks = figures.asksVersusMix.map((row) => row.asks);
  const mix = figures.asksVersusMix.map((row) => row.mix);
  const shown = <T>(values: (T | null)[]): values is T[] => values.every((v) => v !== null);
  const aggregate = (total: number, leading: number[], shareSums: number[], casus: number[]): Aggregate => ({
    total,
    leading: leading.slice(0, -1),
    balanced: leading[leading.length - 1] ?? 0,
    labels: {},
    shareSums,
    casus,
  });
  const types = figures.asksVersusMix.length;
  const zeros = Array.from({ length: types }, () => 0);
  const hours = figures.hours.map((h) => h.count);
  return {
    leads: n !== null && shown(leads) ? leadingHeadline(aggregate(n, leads, zeros, zeros), floor) : null,
    gap:
      n !== null && shown(asks) && shown(mix)
        ? gapHeadline(
            aggregate(
              n,
              zeros,
              mix.map((m) => (m / 100) * n),
              asks,
            ),
            floor,
          )
        : null,
    day: shown(hours)
      ? dayHeadline(
          figures.hours.map((h, i) => {
            const hour = Number(h.label.slice(0, 2));
            return { from: hour * HOUR, to: (hour + 1) * HOUR, count: hours[i]! };
          }),
          floor,
        )
      : null,
  };
}
