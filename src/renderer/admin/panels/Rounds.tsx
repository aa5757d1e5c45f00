import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forbiddenCharacter } from '../../../core/text';
import { useConsole } from '../store';
import { TextRuleError } from './TextRuleError';

export function Rounds() {
  const { t } = useTranslation();
  const round = useConsole((s) => s.round);
  const status = useConsole((s) => s.status);
  const act = useConsole((s) => s.act);
  const [name, setName] = useState('');
  const start = (event: FormEvent): void => {
    event.preventDefault();
    act({ kind: 'startRound', name });
    setName('');
  };
  return (
    <section className="panel" aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t('console.rounds')}</h2>
      <p role="status" data-testid="round-state">
        {round ? t('console.activeRound', { name: round.name }) : t('console.noRound')}
      </p>
      <form className="row" onSubmit={start}>
        <label>
          {t('console.roundName')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={60}
            aria-invalid={forbiddenCharacter(name) !== null}
          />
          <TextRuleError field="roundName" text={name} />
        </label>
        <button type="submit" disabled={forbiddenCharacter(name) !== null}>
          {t('console.startRound')}
        </button>
        <button type="button" onClick={() => act({ kind: 'stopRound' })} disabled={!round}>
          {t('console.stopRound')}
        </button>
      </form>
      {status && status.perRound.length > 0 && (
        <ul>
          {status.perRound.map((r) => (
            <li key={r.id}>
              {r.name}: {r.count}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
