import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createCornerTapCounter } from './cornerTaps';
import { useKiosk } from './store';

/** Five taps in the top-left corner, then the organiser PIN: the only way out of the kiosk. */
export function OperatorExit({ login }: { login: (pin: string) => void }) {
  const { t } = useTranslation();
  const open = useKiosk((s) => s.operatorOpen);
  const error = useKiosk((s) => s.operatorError);
  const [pin, setPin] = useState('');

  useEffect(() => {
    const counter = createCornerTapCounter();
    const onDown = (event: PointerEvent): void => {
      if (counter(event.clientX, event.clientY, event.timeStamp))
        useKiosk.setState({ operatorOpen: true, operatorError: null });
    };
    window.addEventListener('pointerdown', onDown, { capture: true });
    return () => window.removeEventListener('pointerdown', onDown, { capture: true });
  }, []);

  if (!open) return null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    login(pin);
    setPin('');
  };
  return (
    <div className="idle-overlay" data-idle-overlay role="dialog" aria-modal="true" aria-labelledby="operator-title">
      <form className="idle-card operator" onSubmit={submit}>
        <h2 id="operator-title">{t('operator.title')}</h2>
        <label>
          {t('operator.pin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            autoFocus
          />
        </label>
        {error && <p role="alert">{t(`operator.${error}`)}</p>}
        <div className="row">
          <button
            type="button"
            className="secondary"
            onClick={() => useKiosk.setState({ operatorOpen: false, operatorError: null })}
          >
            {t('operator.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('operator.exit')}
          </button>
        </div>
      </form>
    </div>
  );
}
