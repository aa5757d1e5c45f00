import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { profileOf } from '../../core/response';
import { mixSentence } from '../kiosk/describe';
import { resultCard } from '../kiosk/resultCard';
import { Result } from '../kiosk/screens/Result';
import { useKiosk } from '../kiosk/store';
import { downloadPng, drawResult } from '../phone/resultImage';
import { useWorkshop } from './store';

/**
 * The kiosk's result as the phone shows it, without the crowd: a workshop is not today's crowd. Under it the
 * participant's own commitment, and the take-away image with it.
 */
export function WorkshopResult() {
  const { t } = useTranslation();
  const delivery = useWorkshop((s) => s.delivery);
  const refusal = useWorkshop((s) => (s.refusal?.kind === 'answer' ? s.refusal.reason : null));
  const known = ['workshop-closed', 'workshop-gone'];
  const reason = t(`workshopParticipant.refusals.${refusal && known.includes(refusal) ? refusal : 'other'}`);
  return (
    <Result
      crowd={false}
      delivery={
        <p className="delivery" role="status" data-testid="delivery" data-state={delivery}>
          {t(`workshopParticipant.delivery.${delivery}`, { reason })}
        </p>
      }
      take={<WorkshopTake />}
    />
  );
}

function WorkshopTake() {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const response = useKiosk((s) => s.finished)!;
  const commitment = useWorkshop((s) => s.commitment);
  const profile = useMemo(() => profileOf(response, instrument), [response, instrument]);
  const mine = t('workshopParticipant.commitment.mine');

  const save = (): void => {
    const canvas = document.createElement('canvas');
    drawResult(canvas, {
      instrument,
      lang,
      shares: profile.shares,
      sentence: mixSentence(profile, instrument, lang, t),
      reflectionTitle: t('result.reflection'),
      reflection: resultCard(profile.label, profile.shares, instrument, lang).reflection,
      extra: commitment ? { title: mine, text: commitment.text } : undefined,
    });
    void downloadPng(canvas, 'ideale-ambtenaar-workshop.png');
  };

  return (
    <aside className="result-take">
      {commitment && (
        <div className="my-commitment" data-testid="my-commitment">
          <h2>{mine}</h2>
          <p>{commitment.text}</p>
        </div>
      )}
      <button className="primary" onClick={save} data-testid="save-image">
        {t('workshopParticipant.saveImage')}
      </button>
      <p>{t('workshopParticipant.saveHelp')}</p>
    </aside>
  );
}
