import { useTranslation } from 'react-i18next';
import { choicesPerItem } from '../session';
import { useKiosk } from '../store';

export function Intro() {
  const { t } = useTranslation();
  const begin = useKiosk((s) => s.begin);
  const instrument = useKiosk((s) => s.instrument);
  const count = instrument?.items.length ?? 12;
  const twoChoices = instrument ? choicesPerItem(instrument) === 2 : true;
  return (
    <main className="screen intro">
      <h1>{t('intro.title')}</h1>
      <p className="lead">{t(twoChoices ? 'intro.body' : 'intro.bodyOne', { count })}</p>
      <p className="privacy">{t('intro.privacy')}</p>
      <button className="primary huge" onClick={begin}>
        {t('intro.go')}
      </button>
      <p className="credit">{t('credit')}</p>
    </main>
  );
}
