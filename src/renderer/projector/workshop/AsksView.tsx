import { localize, type IdealType, type Language } from '../../../core/instrument';
import { roundedPercentages } from '../../../core/scoring';
import type { WorkshopScreen } from '../../../core/workshop';
import { NamedMark } from '../../common/NamedMark';
import { useLang } from '../../common/useLang';

/** How crowded a list of lines is, for the text size: a few lines large, forty still on one screen. */
export function density(count: number): 'few' | 'some' | 'many' | 'lots' {
  return count <= 6 ? 'few' : count <= 12 ? 'some' : count <= 24 ? 'many' : 'lots';
}

/** The side a case asks, by its type's mark and name (never colour alone), or that its owner chose none. */
export function AskedSide({ types, lang, asks }: { types: readonly IdealType[]; lang: Language; asks: string | null }) {
  const { t } = useLang();
  const type = types.find((x) => x.id === asks);
  if (!type) return <span className="ws-side none">{t('workshopScreen.asksNoSide')}</span>;
  return (
    <span className="ws-side" data-type={type.id}>
      <span className="ws-side-word">{t('workshopScreen.asksSide')}</span>{' '}
      <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
    </span>
  );
}

/** One type's two bars: the group's share (solid) beside the share of the cases that ask it (striped). */
function ShareBar({
  share,
  pattern,
  color,
  empty,
}: {
  share: number | null;
  pattern?: boolean;
  color: string;
  empty: string;
}) {
  return (
    <span className="gap-bar">
      <span className="pbar-track thin">
        <span
          className={pattern ? 'pbar-fill asks' : 'pbar-fill'}
          style={{ width: `${share ?? 0}%`, ...(pattern ? {} : { background: color }) }}
        />
      </span>
      <span className="gap-pct">{share === null ? empty : `${share}%`}</span>
    </span>
  );
}

/**
 * Phase 2, "who we are and what our work asks": per type the group's share beside the share of the cases that ask
 * it (each only from the minimum on), and the cases their owners shared, with the side each asks.
 */
export function AsksView({ screen, types }: { screen: WorkshopScreen; types: readonly IdealType[] }) {
  const { t, lang } = useLang();
  const who = screen.group ? roundedPercentages(screen.group.shares) : null;
  const asks = screen.asks ? roundedPercentages(screen.asks.shares) : null;
  return (
    <div className="ws-asks" data-testid="ws-asks">
      <section className="ws-compare" aria-label={`${t('workshopScreen.who')} / ${t('workshopScreen.asks')}`}>
        <p className="legend">
          <span className="legend-item">
            <span className="swatch who" />
            {t('workshopScreen.who')}
            {!who && <span className="too-few"> ({t('workshopScreen.tooFewAnswers')})</span>}
          </span>
          <span className="legend-item">
            <span className="swatch asks" />
            {t('workshopScreen.asks')}
            <span className="too-few" data-testid="ws-asks-count">
              {' '}
              ({asks ? t('workshopScreen.asksOf', { count: screen.asks!.count }) : t('workshopScreen.tooFewCases')})
            </span>
          </span>
        </p>
        {types.map((type, i) => (
          <div key={type.id} className="gap-row" data-testid={`ws-compare-${type.id}`}>
            <span className="pbar-name">
              <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
            </span>
            <span className="pair">
              <ShareBar share={who?.[i] ?? null} color={type.color} empty="–" />
              <ShareBar share={asks?.[i] ?? null} color={type.color} empty="–" pattern />
            </span>
          </div>
        ))}
      </section>
      <section className="ws-cases" aria-labelledby="ws-cases-title">
        <h2 id="ws-cases-title" className="ws-section-title">
          {t('workshopScreen.cases')}
        </h2>
        {screen.cases.length === 0 ? (
          <p className="ws-empty">{t('workshopScreen.noCases')}</p>
        ) : (
          <ul className={`ws-lines ${density(screen.cases.length)}`} data-testid="ws-cases">
            {screen.cases.map((c, i) => (
              <li key={i}>
                <span className="ws-line-text">{c.text}</span>
                <AskedSide types={types} lang={lang} asks={c.asks} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
