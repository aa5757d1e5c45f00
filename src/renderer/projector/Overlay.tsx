import { useTranslation } from 'react-i18next';
import { MIN_CROWD_FOR_DISTRIBUTION, type Aggregate } from '../../core/aggregate';
import { localize } from '../../core/instrument';
import { useLang } from '../common/useLang';
import { polygonCorner, roundedPercentages } from '../../core/scoring';
import { cornerPlace, fitStage, isWideScreen, toScreen, type StageView } from './scene/stageView';
import { useDistribution, useProjector, useShownAggregate } from './store';
import { NamedMark } from '../common/NamedMark';
import type { CSSProperties, ReactNode } from 'react';
import { Headline } from './Headline';
import { WHOLE_DAY_VIEWS } from './talkViews';

/** Whole percentages per leading type and for the balanced mixes (the last entry), summing to 100. */
export function leadingPercentages(aggregate: Aggregate): number[] {
  const counts = [...aggregate.leading, aggregate.balanced];
  return aggregate.total > 0 ? roundedPercentages(counts.map((c) => c / aggregate.total)) : counts.map(() => 0);
}

/**
 * What stays on screen in every view: the counter, how to join, the state of the controls and the view's headline;
 * `children` (a view of bars or rows) fill the room below them, so no headline ever runs into a chart.
 */
export function Frame({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const aggregate = useShownAggregate();
  const view = useProjector((s) => s.view);
  const frozen = useProjector((s) => s.frozen);
  const queued = useProjector((s) => s.queuedCount);
  const roundOnly = useProjector((s) => s.roundOnly);
  const round = useProjector((s) => s.round);
  const connection = useProjector((s) => s.connection);
  const rehearsal = useProjector((s) => s.rehearsal);
  const question = useProjector((s) => (s.view === 'context' ? s.instrument?.context[s.contextIndex] : undefined));
  const { lang } = useLang();
  return (
    <div className="frame">
      <div className="frame-top">
        <div className="frame-heading">
          <header className="counter">
            <span className="total" data-testid="total">
              {aggregate?.total ?? 0}
            </span>
            <span className="total-label">{t('projector.participants', { count: aggregate?.total ?? 0 })}</span>
          </header>
          <p className="view-title" data-testid="view-title">
            {t(`projector.views.${view}`)}
            {question && `: ${localize(question.prompt, lang)}`}
          </p>
        </div>
        <div className="frame-side">
          <p className="join">{t('projector.join')}</p>
          <ul className="badges">
            {roundOnly && (
              <li data-testid="round-badge">
                {WHOLE_DAY_VIEWS.has(view)
                  ? t('projector.roundNotHere')
                  : round
                    ? t('projector.roundOnly', { name: round.name })
                    : t('projector.noRound')}
              </li>
            )}
            {frozen && (
              <li data-testid="frozen-badge">
                {t('projector.frozen')} ({queued})
              </li>
            )}
            {rehearsal && <li>{t('projector.rehearsal')}</li>}
            {connection === 'closed' && <li className="warn">{t('projector.offline')}</li>}
            {connection === 'unpaired' && (
              <li className="warn" data-testid="unpaired">
                {t('projector.unpaired')}
              </li>
            )}
          </ul>
        </div>
      </div>
      <Headline />
      <div className="frame-body">{children}</div>
    </div>
  );
}

/** The crowd view's words: name, count and percentage at every corner of the polygon. */
export function CornerLabels({ width, height, radius }: { width: number; height: number; radius: number }) {
  const { t, lang } = useLang();
  const distribution = useDistribution();
  if (!distribution) return null;
  const { instrument, aggregate, show: showDistribution } = distribution;
  const n = instrument.types.length;
  const view = fitStage(n, radius, width, height);
  const wide = isWideScreen(width, height);
  const percents = leadingPercentages(aggregate);
  return (
    <div className="overlay">
      {instrument.types.map((type, i) => {
        const [wx, wy] = polygonCorner(i, n);
        const [x, y] = toScreen(view, width, height, wx * radius, wy * radius);
        const place = cornerPlace(wx, wy, wide);
        // Labels at the side start just clear of the corner's disc.
        const clear = radius * 0.15 * view.zoom;
        return (
          <div
            key={type.id}
            className={`corner ${place}`}
            style={{
              left: place === 'beside' || place === 'right' ? x + clear : place === 'left' ? x - clear : x,
              top: y,
              maxWidth: place === 'below' ? belowWidth(i, n, radius * view.zoom, wide) : undefined,
            }}
            data-testid={`corner-${type.id}`}
          >
            <span className="corner-name">
              <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
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
      {showDistribution && aggregate.balanced > 0 && (
        <div className="balanced" data-testid="balanced" style={besideStage(view, width, height, radius)}>
          <span className="corner-name">
            <NamedMark mark="~" color="#8a8fa3" name={t('projector.balancedBar')} />
          </span>
          <span className="corner-numbers">
            <span data-testid="count-balanced">{aggregate.balanced}</span>
            <span className="corner-percent" data-testid="percent-balanced">
              {percents[n]}%
            </span>
          </span>
        </div>
      )}
      <Notices total={aggregate.total} />
    </div>
  );
}

/**
 * The widest a label below a corner may be: a little less than the distance to the next corner below, so two
 * neighbours' names wrap instead of running into each other on a wide screen where the stage is small.
 */
function belowWidth(i: number, n: number, scale: number, wide: boolean): number | undefined {
  const [x] = polygonCorner(i, n);
  const gaps = Array.from({ length: n }, (_, j) => polygonCorner(j, n))
    .filter(([wx, wy], j) => j !== i && cornerPlace(wx, wy, wide) === 'below')
    .map(([wx]) => Math.abs(wx - x) * scale * 0.92);
  return gaps.length > 0 ? Math.min(...gaps) : undefined;
}

/**
 * Where the balanced mixes stand: beside the stage on the right, level with its upper middle. Outside the polygon, so
 * no figure walks there (they all walk inside it), and clear of the corners' labels above and below.
 */
function besideStage(view: StageView, width: number, height: number, radius: number): CSSProperties {
  const [left, top] = toScreen(view, width, height, radius * 0.55, radius * 0.4);
  return { left, top };
}

export function Notices({ total }: { total: number }) {
  const { t } = useTranslation();
  const hidden = useProjector((s) => s.hidden);
  if (total < MIN_CROWD_FOR_DISTRIBUTION)
    return <p className="notice">{t('projector.waiting', { min: MIN_CROWD_FOR_DISTRIBUTION })}</p>;
  if (hidden)
    return (
      <p className="notice" data-testid="hidden-notice">
        {t('projector.hidden')}
      </p>
    );
  return null;
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
Frame.displayName = 'Frame';
