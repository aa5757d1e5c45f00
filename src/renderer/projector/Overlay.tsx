import { useTranslation } from 'react-i18next';
import { MIN_CROWD_FOR_DISTRIBUTION } from '../../core/aggregate';
import { localize, type Language } from '../../core/instrument';
import { polygonCorner, roundedPercentages } from '../../core/scoring';
import { fitStage, toScreen } from './scene/stageView';
import { useProjector } from './store';

/** Everything in words: counts and percentages per corner, the participant counter and how to join. */
export function Overlay({ width, height, radius }: { width: number; height: number; radius: number }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'nl') as Language;
  const instrument = useProjector((s) => s.instrument);
  const aggregate = useProjector((s) => s.aggregate);
  const hidden = useProjector((s) => s.hidden);
  if (!instrument || !aggregate) return null;
  const n = instrument.types.length;
  const view = fitStage(n, radius, width, height);
  const total = aggregate.total;
  const showDistribution = total >= MIN_CROWD_FOR_DISTRIBUTION && !hidden;
  const percents = roundedPercentages(
    total > 0
      ? [...aggregate.leading, aggregate.chameleons].map((c) => c / total)
      : [...aggregate.leading, 0].map(() => 0),
  );

  return (
    <div className="overlay">
      <header className="counter">
        <span className="total" data-testid="total">
          {total}
        </span>
        <span className="total-label">{t('projector.participants')}</span>
      </header>
      <p className="join">{t('projector.join')}</p>
      {instrument.types.map((type, i) => {
        const [wx, wy] = polygonCorner(i, n);
        const [x, y] = toScreen(view, width, height, wx * radius, wy * radius);
        const below = wy < 0;
        return (
          <div
            key={type.id}
            className={`corner ${below ? 'below' : 'above'}`}
            style={{ left: x, top: y }}
            data-testid={`corner-${type.id}`}
          >
            <span className="corner-name">
              <span className="mark" style={{ background: type.color }} aria-hidden="true">
                {type.mark}
              </span>
              {localize(type.name, lang)}
            </span>
            {showDistribution && (
              <span className="corner-numbers">
                <span data-testid={`count-${type.id}`}>{aggregate.leading[i]}</span>
                <span className="corner-percent" data-testid={`percent-${type.id}`}>
                  {percents[i]}%
                </span>
              </span>
            )}
          </div>
        );
      })}
      {showDistribution && aggregate.chameleons > 0 && (
        <p className="chameleons" data-testid="chameleons">
          {aggregate.chameleons} {t('projector.chameleons')} ({percents[n]}%)
        </p>
      )}
      {total < MIN_CROWD_FOR_DISTRIBUTION && (
        <p className="notice">{t('projector.waiting', { min: MIN_CROWD_FOR_DISTRIBUTION })}</p>
      )}
      {hidden && total >= MIN_CROWD_FOR_DISTRIBUTION && (
        <p className="notice" data-testid="hidden-notice">
          {t('projector.hidden')}
        </p>
      )}
    </div>
  );
}
