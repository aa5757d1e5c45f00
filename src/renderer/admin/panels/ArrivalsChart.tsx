import { clockTime } from '../../../core/eventTime';
import type { HubStatus } from '../../../core/messages';
import { useLang } from '../../common/useLang';
import { CHART_WIDTH as W, hourTicks, PLOT_LEFT as PAD, PLOT_WIDTH as PLOT } from './dayAxis';

const H = 170;
const AXIS = 22;
const TOP = 16;
/** A day view starts with room for at least two hours of bars, so the first arrivals do not fill the whole width. */
const MIN_STEPS = 12;

/** Arrivals per step (10 minutes) today, as bars; the hours of the event's clock under them. Updates with the status. */
export function ArrivalsChart({ day, timeZone }: { day: HubStatus['day']; timeZone: string }) {
  const { t } = useLang();
  const { counts, start, stepMinutes } = day;
  const stepMs = stepMinutes * 60_000;
  const slots = Math.max(MIN_STEPS, counts.length);
  const slot = PLOT / slots;
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const busiest = counts.indexOf(Math.max(...counts));
  const summary =
    total === 0
      ? t('console.arrivalsNone')
      : t('console.arrivalsSummary', {
          count: total,
          from: clockTime(start + busiest * stepMs, timeZone),
          to: clockTime(start + (busiest + 1) * stepMs, timeZone),
          most: counts[busiest],
        });
  return (
    <figure className="day-figure">
      <figcaption>{t('console.arrivals', { minutes: stepMinutes })}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + AXIS}`}
        role="img"
        aria-label={`${t('console.arrivals', { minutes: stepMinutes })}: ${summary}`}
        data-testid="arrivals"
      >
        <line x1={PAD} x2={W - PAD} y1={H} y2={H} className="axis" />
        {counts.map((n, i) => {
          const h = ((H - TOP) * n) / max;
          return (
            <rect
              key={i}
              x={PAD + i * slot + 1}
              y={H - h}
              width={Math.max(1, slot - 2)}
              height={h}
              className="bar"
              data-count={n}
            >
              <title>{`${clockTime(start + i * stepMs, timeZone)}: ${n}`}</title>
            </rect>
          );
        })}
        {hourTicks({ start, stepMs, slots, left: PAD, width: PLOT, timeZone }).map(({ ms, text, x }) => (
          <g key={ms}>
            <line x1={x} x2={x} y1={H} y2={H + 4} className="axis" />
            <text x={x} y={H + 16} className="tick" textAnchor="middle">
              {text}
            </text>
          </g>
        ))}
        {total > 0 && (
          <text x={W - PAD} y={12} className="tick" textAnchor="end">
            {t('console.arrivalsMost', { most: max })}
          </text>
        )}
      </svg>
      <p className="day-summary">{summary}</p>
    </figure>
  );
}
