import { localize, type IdealType, type Language } from '../../../core/instrument';
import { mixColors, polygonCorner, profilePosition } from '../../../core/scoring';
import { placeLabels } from './labels';

/**
 * The type polygon for the shared screen: the group's mean mix as one large ring (none below the minimum) and, only
 * for those who chose a nickname, a small labelled mark each. Drawn like the kiosk's TypePolygon (the same corners,
 * marks and names), which shows one person's dot only.
 */
export function GroupMap({
  types,
  lang,
  group,
  named,
  label,
  groupWord,
}: {
  types: readonly IdealType[];
  lang: Language;
  group: readonly number[] | null;
  named: readonly { nickname: string; shares: readonly number[] }[];
  label: string;
  groupWord: string;
}) {
  const n = types.length;
  const colors = types.map((t) => t.color);
  const corner = (i: number): [number, number] => {
    const [x, y] = polygonCorner(i, n);
    return [x * 100, -y * 100];
  };
  const points = types.map((_, i) => corner(i).join(',')).join(' ');
  const centre = group ? profilePosition(group) : null;
  return (
    <svg className="ws-polygon" viewBox="-150 -135 300 270" role="img" aria-label={label} data-testid="ws-map">
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
      {centre && (
        <g data-testid="ws-group-point">
          <circle
            cx={centre[0] * 100}
            cy={-centre[1] * 100}
            r="12"
            fill={mixColors(colors, group!)}
            stroke="#ffd166"
            strokeWidth="4"
          />
          <text
            x={centre[0] * 100}
            y={-centre[1] * 100 - 18}
            textAnchor="middle"
            fontSize="12"
            fontWeight="700"
            fill="#ffd166"
            className="ws-map-label"
          >
            {groupWord}
          </text>
        </g>
      )}
      {placeLabels(named, colors).map((p, i) => (
        <g key={`${p.nickname}-${i}`} className="ws-named" data-testid="ws-named">
          <circle cx={p.x} cy={p.y} r="5" fill={p.color} stroke="#fff" strokeWidth="1.5" />
          {p.labelY !== p.y + 5 && (
            <line
              x1={p.x}
              y1={p.y}
              x2={p.labelX < p.x ? p.x - 8 : p.x + 8}
              y2={p.labelY - 4}
              stroke="#fff"
              strokeWidth="0.8"
            />
          )}
          <text x={p.labelX} y={p.labelY} fontSize="12" fill="#fff" className="ws-map-label">
            {p.nickname}
          </text>
        </g>
      ))}
    </svg>
  );
}
