import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../common/useNow';
import { useConsole } from '../store';

export function Login() {
  const { t } = useTranslation();
  const needsPin = useConsole((s) => s.needsPin);
  const login = useConsole((s) => s.login);
  const lockedUntil = useConsole((s) => s.lockedUntil);
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    login(pin);
    setPin('');
  };
  const now = useNow();
  const locked = lockedUntil > now;
  return (
    <form className="panel login" onSubmit={submit}>
      <h2>{needsPin ? t('console.setPin') : t('console.enterPin')}</h2>
      <label>
        {t('console.pin')}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="\d{4,12}"
          required
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          disabled={locked}
          autoFocus
        />
      </label>
      <button type="submit" disabled={locked}>
        {t('console.login')}
      </button>
    </form>
  );
}
