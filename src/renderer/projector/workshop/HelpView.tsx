import { localize, type IdealType } from '../../../core/instrument';
import type { WorkshopScreen } from '../../../core/workshop';
import { useLang } from '../../common/useLang';
import { AskedSide, density } from './AsksView';

/**
 * Phase 3, "who can help whom": per shared case that asks a side, who among those showing a nickname has that side
 * strongest; then the suggested pairs or trios of complementary mixes, each with its question in the screen's language.
 */
export function HelpView({ screen, types }: { screen: WorkshopScreen; types: readonly IdealType[] }) {
  const { t, lang } = useLang();
  const asking = screen.cases.flatMap((c, i) => (c.asks ? [{ ...c, index: i }] : []));
  return (
    <div className="ws-help" data-testid="ws-help">
      <section aria-labelledby="ws-strongest-title">
        <h2 id="ws-strongest-title" className="ws-section-title">
          {t('workshopScreen.strongest')}
        </h2>
        {asking.length === 0 ? (
          <p className="ws-empty">{t('workshopScreen.noStrongest')}</p>
        ) : (
          <ul className={`ws-lines ${density(asking.length)}`} data-testid="ws-strongest">
            {asking.map((c) => {
              const names = screen.strongest.find((s) => s.case === c.index)?.nicknames ?? [];
              return (
                <li key={c.index}>
                  <span className="ws-line-text">{c.text}</span>
                  <AskedSide types={types} lang={lang} asks={c.asks} />
                  <span className={names.length > 0 ? 'ws-names' : 'ws-names none'}>
                    {names.length > 0 ? `→ ${names.join(', ')}` : t('workshopScreen.strongestNone')}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="ws-groups-title">
        <h2 id="ws-groups-title" className="ws-section-title">
          {t('workshopScreen.groups')}
        </h2>
        {screen.groups.length === 0 ? (
          <p className="ws-empty">{t('workshopScreen.noGroups')}</p>
        ) : (
          <>
            <p className="ws-note">{t('workshopScreen.groupsHelp')}</p>
            <ul className={`ws-pairs ${density(screen.groups.length * 2)}`} data-testid="ws-groups">
              {screen.groups.map((g, i) => (
                <li key={i}>
                  <span className="ws-pair-names">{g.nicknames.join(' · ')}</span>
                  <span className="ws-question">{localize(g.question, lang)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
