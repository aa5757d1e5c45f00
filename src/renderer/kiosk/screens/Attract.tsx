import { useTranslation } from 'react-i18next';
import { localize } from '../../../core/instrument';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { dayLine } from '../describe';
import { CrowdStage } from '../stage/CrowdStage';
import { useKiosk } from '../store';

/**
 * What makes someone stop from three metres: today's crowd standing between the types' characters (figures walk in
 * as others finish), and a line that changes with the day.
 */
export function Attract() {
  const { t } = useTranslation();
  const start = useKiosk((s) => s.start);
  const instrument = useKiosk((s) => s.instrument);
  const aggregate = useKiosk((s) => s.aggregate);
  const lang = useKiosk((s) => s.lang);
  const suppressBelow = useKiosk((s) => s.settings?.suppressBelow ?? DEFAULT_SETTINGS.suppressBelow);
  const names = instrument?.types.map((type) => localize(type.name, lang).replace(/^(De|The) /, '')) ?? [];
  const types = new Intl.ListFormat(lang, { type: 'disjunction' }).format(names);
  return (
    <main className="screen attract">
      {instrument && (
        <CrowdStage
          types={instrument.types}
          lang={lang}
          totals={aggregate}
          suppressBelow={suppressBelow}
          className="attract-stage"
        />
      )}
      <div className="attract-text">
        <p className="kicker">{t('attract.kicker')}</p>
        <h1>{t('attract.title')}</h1>
        {instrument && <p className="lead">{t('attract.lead', { types })}</p>}
        {instrument && (
          <p className="day-line" data-testid="day-line">
            {dayLine(aggregate, instrument, suppressBelow, lang, t)}
          </p>
        )}
        <button className="primary huge" onClick={start} disabled={!instrument}>
          {t('attract.start')}
        </button>
        <p className="facts">{t('attract.facts')}</p>
      </div>
    </main>
  );
}
