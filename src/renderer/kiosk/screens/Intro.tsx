import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store';

export function Intro() {
  const { t } = useTranslation();
  const begin = useKiosk((s) => s.begin);
  return (
    <main className="screen intro">
      <h1>{t('intro.title')}</h1>
      <p className="lead">{t('intro.body')}</p>
      <p className="privacy">{t('intro.privacy')}</p>
      <button className="primary huge" onClick={begin}>
        {t('intro.go')}
      </button>
    </main>
  );
}
