import { localize, type Instrument } from '../../../core/instrument';
import type { CrowdMember } from '../../../core/messages';
import { mixColors, polygonCorner, profilePosition } from '../../../core/scoring';
import { useLang } from '../../common/useLang';

/** The map draws the latest arrivals only beyond this, so a day of thousands stays light in the console. */
export const MAP_MOST = 2000;

/**
 * The crowd as a small map: the same polygon as the kiosk's TypePolygon (a triangle for three types, a square for
 * four), one dot per visitor, coloured by mix. Below the export threshold it shows no dots, only how many are in.
 */
export function CrowdMap({
  instrument,
  crowd,
  threshold,
}: {
  instrument: Instrument;
  crowd: readonly CrowdMember[];
  threshold: number;
}) {
  const { t, lang } = useLang();
  const n = instrument.types.length;
  const corner = (i: number): [number, number] => {
    const [x, y] = polygonCorner(i, n);
    return [x * 100, -y * 100];
  };
  const colors = instrument.types.map((type) => type.color);
  const shown = crowd.length >= threshold ? crowd.slice(-MAP_MOST) : [];
  const label =
    shown.length > 0
      ? t('console.crowdMap', { count: crowd.length })
      : t('console.crowdMapHidden', { threshold, count: crowd.length });
  return (
    <figure className="day-figure">
      <figcaption>{t('console.crowd')}</figcaption>
      <svg
        className="crowd-map"
        viewBox={n === 3 ? '-150 -130 300 215' : '-150 -130 300 265'}
        role="img"
        aria-label={label}
        data-testid="crowd-map"
      >
        <polygon points={instrument.types.map((_, i) => corner(i).join(',')).join(' ')} className="map-shape" />
        {shown.map((m) => {
          const [x, y] = profilePosition(m.shares);
          return (
            <circle
              key={m.seq}
              className="map-dot"
              cx={x * 100}
              cy={-y * 100}
              r="3.2"
              fill={mixColors(colors, m.shares)}
            />
          );
        })}
        {instrument.types.map((type, i) => {
          const [x, y] = corner(i);
          return (
            <g key={type.id}>
              <circle cx={x} cy={y} r="10" fill={type.color} />
              <text x={x} y={y + 4} textAnchor="middle" className="map-mark">
                {type.mark}
              </text>
              <text x={x} y={y + (y < -1 ? -15 : 24)} textAnchor="middle" className="map-name">
                {localize(type.name, lang)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="day-summary">{label}</p>
    </figure>
  );
}
