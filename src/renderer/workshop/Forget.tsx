import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../kiosk/store';
import { savedWorkshop } from './saved';
import { useWorkshop, type Removed } from './store';

/** What the participant has given, as the hub last said and as this device holds it. */
function whatThereIs(): Removed[] {
  const { state, commitment } = useWorkshop.getState();
  const kiosk = useKiosk.getState();
  const there: Removed[] = [];
  if (state?.answered || savedWorkshop.pending() || savedWorkshop.result() || kiosk.finished) there.push('answer');
  if (state?.case) there.push('case');
  if (state?.commitment || commitment) there.push('commitment');
  if (state?.nickname) there.push('nickname');
  return there;
}

/**
 * "Haal mijn antwoorden weg", apart from the rest and asked twice: the hub deletes the participant's answer, case,
 * commitment and screen name, this device forgets its copy, and the page says what went once the hub's state is empty.
 * It works in a closed session too.
 */
export function Forget() {
  const { t } = useTranslation();
  const act = useWorkshop((s) => s.act);
  const forgetting = useWorkshop((s) => s.forgetting);
  const [asking, setAsking] = useState(false);
  const [offline, setOffline] = useState(false);

  const forget = (): void => {
    const there = whatThereIs();
    if (!act({ kind: 'forget' })) {
      setOffline(true);
      return;
    }
    savedWorkshop.clear();
    useWorkshop.setState({ forgetting: there, removed: null, commitment: null, delivery: 'saving' });
    useKiosk.getState().start();
    setAsking(false);
    setOffline(false);
    window.scrollTo(0, 0);
  };

  return (
    <div className="workshop-forget" data-testid="forget">
      <h3>{t('workshopParticipant.forget.title')}</h3>
      <p className="help">{t('workshopParticipant.forget.help')}</p>
      {!asking ? (
        <button type="button" className="danger" onClick={() => setAsking(true)} data-testid="forget-button">
          {t('workshopParticipant.forget.button')}
        </button>
      ) : (
        <div className="forget-confirm" role="group" aria-labelledby="forget-confirm-text">
          <p id="forget-confirm-text">{t('workshopParticipant.forget.confirm')}</p>
          <div className="row">
            <button type="button" className="danger" onClick={forget} data-testid="forget-yes">
              {t('workshopParticipant.forget.yes')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('workshopParticipant.forget.no')}
            </button>
          </div>
        </div>
      )}
      <div role="status" className="form-status">
        {offline ? t('workshopParticipant.notConnected') : forgetting ? t('workshopParticipant.forget.sending') : null}
      </div>
    </div>
  );
}
