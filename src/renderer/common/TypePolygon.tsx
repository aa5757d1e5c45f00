import type { IdealType, Language } from '../../core/instrument';
import { localize } from '../../core/instrument';
import { mixColors, polygonCorner, profilePosition } from '../../core/scoring';

interface Props {
  types: readonly IdealType[];
  lang: Language;
  shares: readonly number[];
  label: string;
}

/** The type polygon with the visitor's dot at the share-weighted average of the corners (a ternary plot for 3). */
export function TypePolygon({ types, lang, shares, label }: Props) {
  const n = types.length;
  const corner = (i: number): [number, number] => {
    const [x, y] = polygonCorner(i, n);
    return [x * 100, -y * 100];
  };
  const points = types.map((_, i) => corner(i).join(',')).join(' ');
  const [px, py] = profilePosition(shares);
  const color = mixColors(
    types.map((t) => t.color),
    shares,
  );
  return (
    <svg className="polygon" viewBox="-150 -135 300 270" role="img" aria-label={label}>
      <polygon points={points} fill="rgba(255,255,255,0.06)" stroke="rgba(255,255,255,0.5)" strokeWidth="1.5" />
      {types.map((t, i) => {
        const [x, y] = corner(i);
        return (
          <g key={t.id}>
            <circle cx={x} cy={y} r="13" fill={t.color} stroke="#fff" strokeWidth="1.5" />
            <text x={x} y={y + 5} textAnchor="middle" fontSize="14" fontWeight="700" fill="#fff">
              {t.mark}
            </text>
            <text x={x} y={y + (y < 0 ? -20 : 30)} textAnchor="middle" fontSize="13" fill="#fff">
              {localize(t.name, lang)}
            </text>
          </g>
        );
      })}
      <circle className="polygon-dot" cx={px * 100} cy={-py * 100} r="11" fill={color} stroke="#fff" strokeWidth="3" />
    </svg>
  );
}
