import { gaps } from '../../../core/headlines';
import { localize } from '../../../core/instrument';
import { roundedPercentages } from '../../../core/scoring';
import { NamedMark } from '../../common/NamedMark';
import { useLang } from '../../common/useLang';
import { Notices } from '../Overlay';
import { useDistribution } from '../store';

/**
 * Who we are versus what our work asks, as a gap chart to read from the back of the room: per type the crowd's mean
 * mix (solid bar) against the share of situations that ask for it (striped bar), and the difference as the hero: a
 * big signed number with an arrow and a word. A difference within noise (core/headlines.ts) shows as "≈", muted.
 */
export function CasusView() {
  const { t, lang } = useLang();
  const distribution = useDistribution();
  if (!distribution) return null;
  const { instrument, aggregate, show } = distribution;
  const rows = gaps(aggregate);
  const whoPct = roundedPercentages(rows.map((r) => r.who));
  const asksPct = roundedPercentages(rows.map((r) => r.asks));
  return (
    <div className="casus-view" data-testid="casus-view">
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
      {instrument.types.map((type, i) => {
        const gap = rows[i]!;
        const points = whoPct[i]! - asksPct[i]!;
        const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
        return (
          <div key={type.id} className="gap-row">
            <span className="pbar-name">
              <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
            </span>
            <span className="pair">
              <span className="gap-bar">
                <span className="pbar-track thin">
                  <span
                    className="pbar-fill"
                    style={{ width: show ? `${whoPct[i]}%` : '0%', background: type.color }}
                  />
                </span>
                <span className="gap-pct">{show ? `${whoPct[i]}%` : ''}</span>
              </span>
              <span className="gap-bar">
                <span className="pbar-track thin">
                  <span className="pbar-fill asks" style={{ width: show ? `${asksPct[i]}%` : '0%' }} />
                </span>
                <span className="gap-pct">{show ? `${asksPct[i]}%` : ''}</span>
              </span>
            </span>
            <span
              className={`gap-hero ${gap.claimed ? (points > 0 ? 'more' : 'less') : 'same'}`}
              data-testid={`gap-${type.id}`}
            >
              {show && (
                <>
                  <span className="gap-number">
                    <span aria-hidden="true">{gap.claimed ? (points > 0 ? '▲' : '▼') : '≈'}</span>
                    {`${sign}${Math.abs(points)}`}
                  </span>
                  <span className="gap-word">
                    {gap.claimed ? t(points > 0 ? 'projector.gapMore' : 'projector.gapLess') : t('projector.gapSame')}
                  </span>
                </>
              )}
            </span>
          </div>
        );
      })}
      <Notices total={aggregate.total} />
    </div>
  );
}
