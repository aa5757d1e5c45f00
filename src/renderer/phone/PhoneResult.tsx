import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { profileOf } from '../../core/response';
import { mixSentence } from '../kiosk/describe';
import { resultCard } from '../kiosk/resultCard';
import { Result } from '../kiosk/screens/Result';
import { useKiosk } from '../kiosk/store';
import { downloadPng, drawResult } from './resultImage';
import { usePhone } from './store';

/** The kiosk's result screen, with the phone's own delivery line and take-away: save as image, join a new round. */
export function PhoneResult() {
  const { t } = useTranslation();
  const delivery = usePhone((s) => s.delivery);
  return (
    <Result
      crowd={false}
      delivery={
        <p className="delivery" role="status" data-testid="delivery" data-state={delivery}>
          {t(`phone.${delivery}`)}
        </p>
      }
      take={<PhoneTake />}
    />
  );
}

function PhoneTake() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const response = useKiosk((s) => s.finished)!;
  const start = useKiosk((s) => s.start);
  const round = usePhone((s) => s.round);
  const resultRound = usePhone((s) => s.resultRound);
  const profile = useMemo(() => profileOf(response, instrument), [response, instrument]);

  const save = (): void => {
    const canvas = document.createElement('canvas');
    drawResult(canvas, {
      instrument,
      lang,
      shares: profile.shares,
      sentence: mixSentence(profile, instrument, lang, t),
      reflectionTitle: t('result.reflection'),
      reflection: resultCard(profile.label, profile.shares, instrument, lang).reflection,
    });
    void downloadPng(canvas, 'ideale-ambtenaar.png');
  };

  const newRound = round !== null && round.id !== resultRound;
  return (
    <aside className="result-take">
      <button className="primary" onClick={save} data-testid="save-image">
        {t('phone.save')}
      </button>
      <p>{t('phone.saveHelp')}</p>
      {newRound && (
        <button
          className="secondary"
          onClick={() => {
            usePhone.setState({ delivery: 'saving' });
            start();
          }}
        >
          {t('phone.again')}
        </button>
      )}
    </aside>
  );
}
