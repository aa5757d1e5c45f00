import { localize } from '../../../core/instrument';
import { useLang } from '../../common/useLang';
import { polygonCorner, profilePosition, roundedPercentages } from '../../../core/scoring';
import { Notices } from '../Overlay';
import { useDistribution } from '../store';
import { NamedMark } from '../../common/NamedMark';

/**
 * Who we are (the crowd's mean mix) versus what our work asks (the casus answers), as two points in the type polygon
 * with an arrow between them, and as paired bars per type.
 */
export function CasusView() {
  const { t, lang } = useLang();
  const distribution = useDistribution();
  if (!distribution) return null;
  const { instrument, aggregate, show } = distribution;
  const n = instrument.types.length;
  const who = aggregate.shareSums.map((s) => (aggregate.total ? s / aggregate.total : 1 / n));
  const asks = aggregate.casus.map((c) => (aggregate.total ? c / aggregate.total : 1 / n));
  const whoPct = roundedPercentages(who);
  const asksPct = roundedPercentages(asks);
  const at = (shares: number[]): [number, number] => {
    const [x, y] = profilePosition(shares);
    return [x * 100, -y * 100];
  };
  const [wx, wy] = at(who);
  const [ax, ay] = at(asks);
  const points = instrument.types
    .map((_, i) =>
      polygonCorner(i, n)
        .map((v, k) => (k === 0 ? v * 100 : -v * 100))
        .join(','),
    )
    .join(' ');
  return (
    <div className="casus-view" data-testid="casus-view">
      <svg
        viewBox="-140 -125 280 250"
        className="casus-map"
        role="img"
        aria-label={`${t('projector.casusWho')} → ${t('projector.casusAsks')}`}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#ffd166" />
          </marker>
        </defs>
        <polygon points={points} fill="rgba(255,255,255,0.05)" stroke="#8090c0" strokeWidth="1" />
        {instrument.types.map((type, i) => {
          const [x, y] = polygonCorner(i, n);
          return <circle key={type.id} cx={x * 100} cy={-y * 100} r="7" fill={type.color} />;
        })}
        {show && (
          <>
            <line x1={wx} y1={wy} x2={ax} y2={ay} stroke="#ffd166" strokeWidth="2.5" markerEnd="url(#arrow)" />
            <circle cx={wx} cy={wy} r="6" fill="#fff" />
            <rect x={ax - 5} y={ay - 5} width="10" height="10" fill="#ffd166" />
          </>
        )}
      </svg>
      <div className="casus-bars">
        <p className="legend">
          <span className="legend-item">
            <span className="swatch who" />
            {t('projector.casusWho')}
          </span>
          <span className="legend-item">
            <span className="swatch asks" />
            {t('projector.casusAsks')}
          </span>
        </p>
        <div className="casus-grid">
          {instrument.types.map((type, i) => (
            <div key={type.id} className="casus-row">
              <span className="pbar-name">
                <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
              </span>
              <span className="pair">
                <span className="pbar-track thin">
                  <span
                    className="pbar-fill"
                    style={{ width: show ? `${whoPct[i]}%` : '0%', background: type.color }}
                  />
                </span>
                <span className="pbar-track thin">
                  <span className="pbar-fill asks" style={{ width: show ? `${asksPct[i]}%` : '0%' }} />
                </span>
              </span>
              <span className="pbar-value small" data-testid={`casus-${type.id}`}>
                {show ? `${whoPct[i]}% → ${asksPct[i]}%` : ''}
              </span>
            </div>
          ))}
        </div>
      </div>
      <Notices total={aggregate.total} />
    </div>
  );
}
