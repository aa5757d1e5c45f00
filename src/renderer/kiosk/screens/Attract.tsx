import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store';

export function Attract() {
  const { t } = useTranslation();
  const start = useKiosk((s) => s.start);
  const instrument = useKiosk((s) => s.instrument);
  const total = useKiosk((s) => s.aggregate?.total ?? 0);
  return (
    <main className="screen attract">
      <div className="attract-orbit" aria-hidden="true">
        {instrument?.types.map((type, i) => (
          <span key={type.id} className="orbit-dot" style={{ background: type.color, animationDelay: `${i * -2}s` }}>
            {type.mark}
          </span>
        ))}
      </div>
      <p className="kicker">{t('attract.kicker')}</p>
      <h1>{t('attract.title')}</h1>
      <p className="lead">{t('attract.lead')}</p>
      <p className="facts">{t('attract.facts')}</p>
      <button className="primary huge" onClick={start} disabled={!instrument}>
        {t('attract.start')}
      </button>
      {total > 0 && <p className="crowd-count">{t('attract.crowd', { count: total })}</p>}
    </main>
  );
}
